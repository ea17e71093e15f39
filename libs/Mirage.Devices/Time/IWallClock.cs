using System;

namespace Mirage.Devices;

/// <summary>Device kind <c>pclock</c>: the wall clock (POSIX time); it may jump when the host's clock is set.</summary>
public interface IWallClock
{
    DateTime UtcNow { get; }
}
