using System.Threading;
using System.Threading.Tasks;

namespace Mirage.Net;

/// <summary>
/// Waiting for the stack without exceptions: a wait completes with true when woken and false when
/// its token is cancelled. The cancellation callback is posted to the event loop (the
/// synchronization context current at registration), since a token may be cancelled from a
/// timer on another thread and the stack's state belongs to the loop.
/// </summary>
internal static class Waiting
{
    public static async Task<bool> WaitAsync(TaskCompletionSource<bool> waiter, CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled) return await waiter.Task;
        if (cancellationToken.IsCancellationRequested) return false;
        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(static state => ((TaskCompletionSource<bool>)state!).TrySetResult(false), cancelled, useSynchronizationContext: true))
        {
            Task<bool> first = await Task.WhenAny(waiter.Task, cancelled.Task);
            return first == waiter.Task && waiter.Task.Result;
        }
    }
}
