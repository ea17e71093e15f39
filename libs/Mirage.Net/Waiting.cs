using System.Threading;
using System.Threading.Tasks;

namespace Mirage.Net;

/// <summary>
/// Waiting for the stack without exceptions. A waiter is a task completion source kept in a slot by
/// its owner (a connection's reader, a socket, a listener): the stack completes it with true to wake
/// whoever waits; a cancelled token completes it with false. The callback only completes a task
/// (thread-safe: on unix a token may be cancelled from a timer thread), and the awaiting code resumes
/// on the event loop, where the stack's state may be touched. No Task.WhenAny: its internal
/// continuations would hop through the thread pool.
/// </summary>
internal static class Waiting
{
    /// <summary>The waiter in <paramref name="slot"/>, or a new one if there is none or it has already completed (woken or cancelled).</summary>
    public static TaskCompletionSource<bool> Renew(ref TaskCompletionSource<bool>? slot)
    {
        if (slot is null || slot.Task.IsCompleted) slot = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        return slot;
    }

    /// <summary>Waits until <paramref name="waiter"/> completes; false when <paramref name="cancellationToken"/> was cancelled.</summary>
    public static async Task<bool> WaitAsync(TaskCompletionSource<bool> waiter, CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled) return await waiter.Task;
        if (cancellationToken.IsCancellationRequested) return false;
        using (cancellationToken.Register(static state => ((TaskCompletionSource<bool>)state!).TrySetResult(false), waiter))
        {
            await waiter.Task;
        }
        return !cancellationToken.IsCancellationRequested;
    }
}
