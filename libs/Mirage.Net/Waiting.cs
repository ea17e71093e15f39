using System.Threading;
using System.Threading.Tasks;

namespace Mirage.Net;

/// <summary>
/// Waiting for the stack without exceptions: a wait completes with true when woken and false when
/// its token is cancelled. On unix a token may be cancelled from a timer thread: the callback only
/// completes a task (thread-safe), and the code awaiting it resumes on the event loop, where the
/// stack's state may be touched. (Mirage.CoreLib has no SynchronizationContext to post to, and needs none.)
/// </summary>
internal static class Waiting
{
    public static async Task<bool> WaitAsync(TaskCompletionSource<bool> waiter, CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled) return await waiter.Task;
        if (cancellationToken.IsCancellationRequested) return false;
        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(static state => ((TaskCompletionSource<bool>)state!).TrySetResult(false), cancelled))
        {
            Task<bool> first = await Task.WhenAny(waiter.Task, cancelled.Task);
            return first == waiter.Task && waiter.Task.Result;
        }
    }
}
