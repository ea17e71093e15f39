using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Runtime.Unix;

/// <summary>mclock "stopwatch": the host's monotonic clock (CLOCK_MONOTONIC), counted from when the device was connected.</summary>
public sealed class UnixMonotonicClock : IMonotonicClock
{
    private readonly long _start;

    private UnixMonotonicClock(long start) => _start = start;

    public static ValueTask<Result<IMonotonicClock, DeviceError>> ConnectAsync() =>
        new(Result<IMonotonicClock, DeviceError>.Ok(new UnixMonotonicClock(Stopwatch.GetTimestamp())));

    public long ElapsedNanoseconds
    {
        get
        {
            long ticks = Stopwatch.GetTimestamp() - _start;
            // Linux counts in nanoseconds already; elsewhere scale in 128 bits so that long uptimes cannot overflow.
            return Stopwatch.Frequency == 1_000_000_000
                ? ticks
                : (long)((Int128)ticks * 1_000_000_000 / Stopwatch.Frequency);
        }
    }
}
