using System;
using System.Runtime.CompilerServices;

namespace Mirage.Xen.Devices.Guest;

/// <summary>
/// A reusable wake-up for one waiting async method (<c>await signal;</c>): a driver's poll function
/// sets it when a ring has news. Unlike a TaskCompletionSource per wait it allocates nothing, so a
/// loop that awaits it on every frame keeps the heap still (the async method's own box is
/// allocated once, at its first suspension).
/// </summary>
internal sealed class Signal : ICriticalNotifyCompletion
{
    private Action? _continuation;
    private bool _set;

    public Signal GetAwaiter() => this;

    public bool IsCompleted => _set;

    public void GetResult() => _set = false;

    public void OnCompleted(Action continuation) => _continuation = continuation;

    public void UnsafeOnCompleted(Action continuation) => _continuation = continuation;

    /// <summary>Resumes the waiter now (it runs until its next await), or lets its next await pass.</summary>
    public void Set()
    {
        Action? continuation = _continuation;
        if (continuation is null)
        {
            _set = true;
            return;
        }
        _continuation = null;
        continuation();
    }

    public bool HasWaiter => _continuation is not null;
}
