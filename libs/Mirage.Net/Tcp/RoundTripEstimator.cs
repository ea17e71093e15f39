using System;

namespace Mirage.Net.Tcp;

/// <summary>RFC 6298's smoothed round-trip time and retransmission timeout, in milliseconds, with exponential backoff.</summary>
internal struct RoundTripEstimator
{
    private int _srtt;
    private int _rttvar;
    private bool _hasSample;
    private int _backoff;
    private int _base;

    public void Initialize(int initialRtoMs)
    {
        _hasSample = false;
        _base = initialRtoMs;
        _backoff = 0;
    }

    public int SmoothedRttMs => _srtt;

    public void AddSample(int rttMs, TcpSettings settings)
    {
        if (rttMs < 0) return;
        if (!_hasSample)
        {
            _srtt = rttMs;
            _rttvar = rttMs / 2;
            _hasSample = true;
        }
        else
        {
            _rttvar = (3 * _rttvar + Math.Abs(_srtt - rttMs)) / 4;
            _srtt = (7 * _srtt + rttMs) / 8;
        }
        // G (clock granularity) is 1 ms here.
        _base = Math.Clamp(_srtt + Math.Max(1, 4 * _rttvar), settings.MinimumRtoMs, settings.MaximumRtoMs);
    }

    /// <summary>The current timeout: the computed one doubled per backoff step, capped.</summary>
    public int RtoMs(TcpSettings settings)
    {
        long rto = (long)_base << Math.Min(_backoff, 16);
        return (int)Math.Min(rto, settings.MaximumRtoMs);
    }

    public void BackOff() => _backoff++;

    public void ResetBackoff() => _backoff = 0;
}
