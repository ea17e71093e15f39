namespace Mirage.Devices;

/// <summary>Device kind <c>mclock</c>: a clock that never goes backwards, counted from an arbitrary start (boot).</summary>
public interface IMonotonicClock
{
    long ElapsedNanoseconds { get; }
}
