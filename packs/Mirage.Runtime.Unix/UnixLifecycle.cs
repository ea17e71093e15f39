using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Runtime.Unix;

/// <summary>
/// lifecycle "signals": SIGTERM or SIGINT asks the unikernel to stop, as <c>xl shutdown</c> does
/// on Xen. The first signal cancels <see cref="ShutdownRequested"/> on the event loop and keeps
/// the process alive so the jobs can finish; a second one is left to its default action, so an
/// application that does not stop can still be interrupted.
/// </summary>
public sealed class UnixLifecycle : ILifecycle
{
    private readonly CancellationTokenSource _shutdown = new();
    private readonly SynchronizationContext? _loop;
    private readonly PosixSignalRegistration[] _registrations;
    private int _signals;

    private UnixLifecycle()
    {
        _loop = SynchronizationContext.Current;
        _registrations = new[]
        {
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
        };
    }

    public static ValueTask<Result<ILifecycle, DeviceError>> ConnectAsync() =>
        new(Result<ILifecycle, DeviceError>.Ok(new UnixLifecycle()));

    public CancellationToken ShutdownRequested => _shutdown.Token;

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref _signals) > 1) return;
        context.Cancel = true;
        // Continuations of the token must run on the loop, like everything else in the app.
        if (_loop is null) _shutdown.Cancel();
        else _loop.Post(static state => ((CancellationTokenSource)state!).Cancel(), _shutdown);
    }
}
