using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace Mirage.Runtime.Unix;

/// <summary>
/// The unikernel's concurrency model on unix: one thread runs every continuation, one at a time,
/// as Lwt's main loop does for MirageOS. Timers and sockets complete on the thread pool, but the
/// awaits that follow them are posted here, so application and device code never runs in
/// parallel with itself and needs no locks — exactly as on a single-vCPU unikernel.
/// </summary>
public sealed class SingleThreadedLoop : SynchronizationContext
{
    private readonly object _gate = new();
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();
    private readonly Thread _thread;

    private SingleThreadedLoop(Thread thread) => _thread = thread;

    /// <summary>
    /// Runs <paramref name="start"/> on the calling thread and keeps running its continuations there
    /// until the task it returns completes; then returns its result or rethrows its exception.
    /// Work still queued at that point is dropped, as the unikernel would stop. An exception
    /// thrown by any queued callback (an <c>async void</c> method, say) ends the loop and escapes.
    /// </summary>
    public static T Run<T>(Func<Task<T>> start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var loop = new SingleThreadedLoop(Thread.CurrentThread);
        var previous = Current;
        SetSynchronizationContext(loop);
        try
        {
            Task<T> task = start() ?? throw new InvalidOperationException("the start function returned no task");
            // The task may complete off the loop (Task.Run, ConfigureAwait(false)): wake the loop then too.
            task.ContinueWith(static (_, state) => ((SingleThreadedLoop)state!).Wake(), loop,
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            loop.RunUntilCompleted(task);
            return task.GetAwaiter().GetResult();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    /// <summary>Whether the caller is the loop's thread.</summary>
    public bool IsLoopThread => Thread.CurrentThread == _thread;

    public override void Post(SendOrPostCallback d, object? state)
    {
        ArgumentNullException.ThrowIfNull(d);
        lock (_gate)
        {
            _queue.Enqueue((d, state));
            Monitor.Pulse(_gate);
        }
    }

    /// <summary>Runs <paramref name="d"/> on the loop and waits for it; inline when already on the loop, which would otherwise deadlock.</summary>
    public override void Send(SendOrPostCallback d, object? state)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (IsLoopThread)
        {
            d(state);
            return;
        }
        using var done = new ManualResetEventSlim();
        ExceptionDispatchInfo? failure = null;
        Post(_ =>
        {
            try { d(state); }
            catch (Exception e) { failure = ExceptionDispatchInfo.Capture(e); }
            finally { done.Set(); }
        }, null);
        done.Wait();
        failure?.Throw();
    }

    /// <summary>There is one loop: copies would only hide that continuations all go to it.</summary>
    public override SynchronizationContext CreateCopy() => this;

    private void Wake()
    {
        lock (_gate) Monitor.Pulse(_gate);
    }

    private void RunUntilCompleted(Task task)
    {
        while (!task.IsCompleted)
        {
            (SendOrPostCallback Callback, object? State) item;
            lock (_gate)
            {
                // Sleeps without spinning; Post and the task's completion both pulse the gate.
                while (_queue.Count == 0)
                {
                    if (task.IsCompleted) return;
                    Monitor.Wait(_gate);
                }
                item = _queue.Dequeue();
            }
            item.Callback(item.State);
        }
    }
}
