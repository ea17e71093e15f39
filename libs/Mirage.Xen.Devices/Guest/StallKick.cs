using System.Diagnostics;

namespace Mirage.Xen.Devices.Guest;

/// <summary>
/// Re-notifies a backend that has had work in flight for 100 ms without answering. A ring
/// notification is sent only when the other side asked for one (its event index), so a single
/// lost notification would leave a backend idle with requests in the ring for good. None has
/// been seen since the x86 platform stopped sleeping through pending events (SCHEDOP_poll); this
/// is cheap insurance: one EVTCHNOP_send, harmless when the backend was merely busy. Allocation-free.
/// </summary>
internal sealed class StallKick
{
    private static readonly long s_patience = Stopwatch.Frequency / 10; // 100 ms
    private long _lastProgress = Stopwatch.GetTimestamp();

    /// <summary>Times a backend was re-notified.</summary>
    public long Kicks { get; private set; }

    /// <summary>The backend answered something, or nothing is in flight.</summary>
    public void Progress() => _lastProgress = Stopwatch.GetTimestamp();

    /// <summary>Called by a poll function while work is in flight: notifies <paramref name="port"/> again when nothing moved for 100 ms.</summary>
    public void Check(uint port)
    {
        long now = Stopwatch.GetTimestamp();
        if (now - _lastProgress < s_patience) return;
        _lastProgress = now;
        Kicks++;
        EventChannel.Notify(port);
    }
}
