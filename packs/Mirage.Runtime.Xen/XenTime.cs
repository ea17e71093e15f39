using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Runtime.Xen;

/// <summary>Sleeps on the runtime's timer queue (Xen's single-shot timer while idle).</summary>
public sealed class XenTime : ITime
{
    private XenTime()
    {
    }

    public static ValueTask<Result<ITime, DeviceError>> ConnectAsync() =>
        new(Result<ITime, DeviceError>.Ok(new XenTime()));

    public Task SleepAsync(TimeSpan duration, CancellationToken cancellationToken = default) =>
        Task.Delay(duration < TimeSpan.Zero ? TimeSpan.Zero : duration, cancellationToken);
}

/// <summary>The guest's monotonic clock: Xen system time (pvclock) on x86_64, the ARM generic timer on xen-arm.</summary>
public sealed class XenMonotonicClock : IMonotonicClock
{
    private readonly long _start;

    private XenMonotonicClock(long start) => _start = start;

    public static ValueTask<Result<IMonotonicClock, DeviceError>> ConnectAsync() =>
        new(Result<IMonotonicClock, DeviceError>.Ok(new XenMonotonicClock(Stopwatch.GetTimestamp())));

    // Stopwatch ticks are nanoseconds in Mirage.CoreLib.
    public long ElapsedNanoseconds => Stopwatch.GetTimestamp() - _start;
}

/// <summary>Xen's wall clock (shared info) advanced by system time.</summary>
public sealed class XenWallClock : IWallClock
{
    private XenWallClock()
    {
    }

    public static ValueTask<Result<IWallClock, DeviceError>> ConnectAsync() =>
        new(Result<IWallClock, DeviceError>.Ok(new XenWallClock()));

    public DateTime UtcNow => DateTime.UtcNow;
}

/// <summary>
/// Random bytes from a generator seeded with the platform's entropy. Not a cryptographic source
/// (there is no hardware RNG driver yet): documented in docs/xen-target.md.
/// </summary>
public sealed class XenRandom : IRandom
{
    private readonly Random _random = new();

    private XenRandom()
    {
    }

    public static ValueTask<Result<IRandom, DeviceError>> ConnectAsync() =>
        new(Result<IRandom, DeviceError>.Ok(new XenRandom()));

    public void Fill(Span<byte> destination) => _random.NextBytes(destination);
}
