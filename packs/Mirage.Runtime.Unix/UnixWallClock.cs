using System;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Runtime.Unix;

/// <summary>pclock "system": the host's real-time clock.</summary>
public sealed class UnixWallClock : IWallClock
{
    private UnixWallClock()
    {
    }

    public static ValueTask<Result<IWallClock, DeviceError>> ConnectAsync() =>
        new(Result<IWallClock, DeviceError>.Ok(new UnixWallClock()));

    public DateTime UtcNow => DateTime.UtcNow;
}
