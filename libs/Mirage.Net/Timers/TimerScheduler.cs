using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Net.Timers;

/// <summary>
/// One sleeper on the time device for the whole stack: it sleeps until the earliest deadline any
/// layer has asked for, then lets every layer run what is due. Asking for an earlier deadline
/// starts a new sleeper and retires the old one (it wakes, sees it is stale, and returns), so no
/// cancellation is needed and a busy connection costs one sleep per deadline change, not per packet.
/// </summary>
internal sealed class TimerScheduler
{
    private readonly ITime _time;
    private readonly IMonotonicClock _clock;
    private readonly List<ITimerClient> _clients = new();
    private long _wakeAt = long.MaxValue;
    private int _generation;
    private bool _running;
    private long _requestedWhileRunning = long.MaxValue;
    private bool _stopped;

    public TimerScheduler(ITime time, IMonotonicClock clock)
    {
        _time = time;
        _clock = clock;
    }

    /// <summary>Counted when a layer threw while handling a timer: a bug, kept from stopping the other timers.</summary>
    public long Faults { get; private set; }

    public long NowMs => _clock.ElapsedNanoseconds / 1_000_000;

    public void Register(ITimerClient client) => _clients.Add(client);

    /// <summary>Makes sure the scheduler wakes no later than <paramref name="deadlineMs"/>.</summary>
    public void Schedule(long deadlineMs)
    {
        if (_running)
        {
            // A client's work woke another client that has already run this round: remember it.
            if (deadlineMs < _requestedWhileRunning) _requestedWhileRunning = deadlineMs;
            return;
        }
        if (_stopped || deadlineMs >= _wakeAt) return;
        _wakeAt = deadlineMs;
        _ = SleepUntilAsync(deadlineMs, ++_generation);
    }

    public void Stop() => _stopped = true;

    /// <summary>Runs every client now (tests use it to step time without sleeping).</summary>
    public void RunDue()
    {
        _running = true;
        _requestedWhileRunning = long.MaxValue;
        long next = long.MaxValue;
        long now = NowMs;
        for (int i = 0; i < _clients.Count; i++)
        {
            long deadline;
            try
            {
                deadline = _clients[i].OnTimer(now);
            }
            catch (Exception)
            {
                Faults++;
                deadline = now + 1000;
            }
            if (deadline < next) next = deadline;
        }
        _running = false;
        if (_requestedWhileRunning < next) next = _requestedWhileRunning;
        _wakeAt = long.MaxValue;
        if (next != long.MaxValue) Schedule(next > now ? next : now + 1);
    }

    private async Task SleepUntilAsync(long deadlineMs, int generation)
    {
        long delay = deadlineMs - NowMs;
        await _time.SleepAsync(TimeSpan.FromMilliseconds((double)(delay < 1 ? 1 : delay)));
        if (generation != _generation || _stopped) return;
        RunDue();
    }
}
