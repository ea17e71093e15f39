using System;
using System.Threading;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Runtime.Unix;

/// <summary>
/// time "timer": sleeps on the runtime's timer queue. The timer fires on a pool thread; the
/// caller's continuation is posted back to the <see cref="SingleThreadedLoop"/>.
/// </summary>
public sealed class UnixTime : ITime
{
    private UnixTime()
    {
    }

    public static ValueTask<Result<ITime, DeviceError>> ConnectAsync() =>
        new(Result<ITime, DeviceError>.Ok(new UnixTime()));

    /// <summary>
    /// A negative duration sleeps for no time. (Task.Delay would read -1 ms as "forever", which
    /// is never what a computed deadline that has already passed means.)
    /// </summary>
    public Task SleepAsync(TimeSpan duration, CancellationToken cancellationToken = default) =>
        Task.Delay(duration < TimeSpan.Zero ? TimeSpan.Zero : duration, cancellationToken);
}
