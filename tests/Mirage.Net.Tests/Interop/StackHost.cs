using System;
using System.Threading;
using System.Threading.Tasks;
using Mirage.Runtime.Unix;

namespace Mirage.Net.Tests.Interop;

/// <summary>
/// Runs code on a unix <see cref="SingleThreadedLoop"/> on its own thread, as a unikernel's main
/// would, while the test thread drives Linux tools against it.
/// </summary>
internal sealed class StackHost : IDisposable
{
    private readonly Thread _thread;
    private readonly TaskCompletionSource _stop = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<SynchronizationContext> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StackHost()
    {
        _thread = new Thread(() => SingleThreadedLoop.Run(async () =>
        {
            _ready.SetResult(SynchronizationContext.Current!);
            await _stop.Task;
            return 0;
        })) { IsBackground = true, Name = "stack loop" };
        _thread.Start();
    }

    /// <summary>Runs <paramref name="work"/> on the loop and waits for its result.</summary>
    public T Run<T>(Func<Task<T>> work, TimeSpan timeout)
    {
        SynchronizationContext loop = _ready.Task.GetAwaiter().GetResult();
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        loop.Post(async _ =>
        {
            try { result.SetResult(await work()); }
            catch (Exception e) { result.SetException(e); }
        }, null);
        if (!result.Task.Wait(timeout)) throw new TimeoutException($"the stack loop did not finish in {timeout.TotalSeconds} s");
        return result.Task.GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _stop.TrySetResult();
        _thread.Join(TimeSpan.FromSeconds(10));
    }
}
