using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace Mirage.Http.Tests.Infrastructure;

/// <summary>
/// Runs a test on one thread, as the unikernel runs everything on one event loop: every await continues here,
/// including those woken by timers, so the server's single-threaded assumptions hold in the tests too.
/// </summary>
internal sealed class EventLoop : SynchronizationContext
{
    private static readonly TimeSpan TestTimeLimit = TimeSpan.FromSeconds(30);

    private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = new();

    public override void Post(SendOrPostCallback d, object? state)
    {
        // Continuations posted after the test has finished (connections closing late) are dropped.
        try
        {
            _queue.Add((d, state));
        }
        catch (InvalidOperationException)
        {
        }
    }

    public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException();

    public override SynchronizationContext CreateCopy() => this;

    public static void Run(Func<Task> test)
    {
        SynchronizationContext? previous = Current;
        var loop = new EventLoop();
        SetSynchronizationContext(loop);
        try
        {
            Task body = test();
            body.ContinueWith(_ => loop._queue.CompleteAdding(), TaskScheduler.Default);
            DateTime deadline = DateTime.UtcNow + TestTimeLimit;
            while (!loop._queue.IsCompleted)
            {
                TimeSpan left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero) throw new TimeoutException("The test did not finish within " + TestTimeLimit + ".");
                if (loop._queue.TryTake(out var item, left)) item.Callback(item.State);
            }
            body.GetAwaiter().GetResult();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }
}
