namespace Mirage.Net.Timers;

/// <summary>A layer with deadlines (retransmissions, cache expiry, reassembly, leases) run by the <see cref="TimerScheduler"/>.</summary>
internal interface ITimerClient
{
    /// <summary>Runs whatever is due at <paramref name="nowMs"/> and returns the next deadline (long.MaxValue: none).</summary>
    long OnTimer(long nowMs);
}
