using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Net.Tests.Infrastructure;

/// <summary>
/// A single-threaded event loop with a virtual clock, serving as the stack's time and mclock
/// devices: when nothing is runnable, the clock jumps to the next sleeper's deadline. Retransmission
/// timeouts, TIME-WAIT and 50 ms link delays then cost no real time, and a run is deterministic.
/// </summary>
internal sealed class VirtualTimeLoop : SynchronizationContext, ITime, IMonotonicClock
{
    private readonly object _gate = new();
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();
    private readonly PriorityQueue<TaskCompletionSource, (long At, long Order)> _sleepers = new();
    private long _order;
    private long _nowNs;

    public long ElapsedNanoseconds => _nowNs;

    public long NowMs => _nowNs / 1_000_000;

    public static void Run(Func<VirtualTimeLoop, Task> body, TimeSpan? virtualLimit = null)
    {
        var loop = new VirtualTimeLoop();
        SynchronizationContext? previous = Current;
        SetSynchronizationContext(loop);
        try
        {
            Task task = body(loop);
            long limitNs = (long)(virtualLimit ?? TimeSpan.FromHours(1)).TotalMilliseconds * 1_000_000;
            while (!task.IsCompleted)
            {
                if (loop.RunOne()) continue;
                if (!loop.AdvanceToNextSleeper())
                    throw new InvalidOperationException("virtual-time loop: the test waits for something that can never happen (no work, no sleeper)");
                if (loop._nowNs > limitNs)
                    throw new TimeoutException($"virtual-time loop: more than {virtualLimit} of virtual time passed");
            }
            task.GetAwaiter().GetResult();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    public Task SleepAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var sleeper = new TaskCompletionSource();
        long at = _nowNs + Math.Max(0, duration.Ticks) * 100;
        lock (_gate) _sleepers.Enqueue(sleeper, (at, _order++));
        if (cancellationToken.CanBeCanceled)
            cancellationToken.Register(static s => ((TaskCompletionSource)s!).TrySetCanceled(), sleeper);
        return sleeper.Task;
    }

    /// <summary>Lets everything runnable run and virtual time pass for <paramref name="duration"/>.</summary>
    public Task AdvanceAsync(TimeSpan duration) => SleepAsync(duration);

    /// <summary>Runs what is queued now (and what that queues), without letting virtual time pass.</summary>
    public async Task SettleAsync()
    {
        for (int i = 0; i < 64; i++) await Task.Yield();
    }

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_gate) _queue.Enqueue((d, state));
    }

    public override void Send(SendOrPostCallback d, object? state) => d(state);

    public override SynchronizationContext CreateCopy() => this;

    private bool RunOne()
    {
        (SendOrPostCallback Callback, object? State) item;
        lock (_gate)
        {
            if (_queue.Count == 0) return false;
            item = _queue.Dequeue();
        }
        item.Callback(item.State);
        return true;
    }

    private bool AdvanceToNextSleeper()
    {
        TaskCompletionSource? due;
        lock (_gate)
        {
            if (!_sleepers.TryDequeue(out due, out var key)) return false;
            if (key.At > _nowNs) _nowNs = key.At;
        }
        // Completing a sleeper posts its awaiting continuation here (it captured this context).
        due.TrySetResult();
        return true;
    }
}
