using System;
using System.Threading;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Net.Tcp;

/// <summary>
/// One TCP connection: the transmission control block and state machine of RFC 9293, with MSS and
/// window scaling (RFC 7323), SACK (RFC 2018: blocks generated for out-of-order data, peer blocks
/// skipped when resending), RFC 6298 retransmission timeout with Karn's rule and backoff, slow start
/// and congestion avoidance (RFC 5681), NewReno fast retransmit/fast recovery (RFC 6582), delayed
/// ACKs, zero-window probes, keep-alive and RFC 5961's defences against blind resets and injection.
/// It is also the application's <see cref="ITcpFlow"/>: reads drain the receive buffer (whose free
/// space is the advertised window, so a slow reader slows the sender), writes fill the send buffer
/// and wait when it is full.
/// </summary>
internal sealed class TcpConnection : ITcpFlow
{
    private const long Never = long.MaxValue;
    /// <summary>Out-of-order ranges held by the receiver, and SACKed ranges remembered by the sender.</summary>
    private const int MaximumSackRanges = 16;

    private readonly TcpLayer _layer;
    private readonly TcpSettings _settings;
    private readonly TcpStatistics _stats;
    private TcpListener? _listener;

    // Send sequence space (RFC 9293 §3.3.1). _sndMax is the highest sequence number sent so far:
    // after a timeout, _sndNxt goes back to _sndUna and climbs again (go-back-N, minus SACKed data).
    private uint _iss, _sndUna, _sndNxt, _sndMax, _sndWl1, _sndWl2;
    private uint _sndWnd, _maxSndWnd;
    private int _sndShift, _rcvShift;
    private int _mss;
    private bool _sackPermitted, _offeredWindowScale;
    private ByteRing? _send;
    private bool _finQueued, _finSent;
    private uint _finSeq;

    // Receive side.
    private uint _irs, _rcvNxt;
    private ByteRing? _receive;
    private bool _peerFinished;
    // A FIN that arrived ahead of missing data: applied once the gap before it fills.
    private bool _pendingFin;
    private uint _pendingFinSeq;
    private int _lastAdvertised;
    private readonly uint[] _oooStart = new uint[MaximumSackRanges];
    private readonly uint[] _oooEnd = new uint[MaximumSackRanges];
    private int _oooCount;

    // What the peer reported holding above _sndUna (its SACK blocks), so resending skips it.
    private readonly uint[] _sackedStart = new uint[MaximumSackRanges];
    private readonly uint[] _sackedEnd = new uint[MaximumSackRanges];
    private int _sackedCount;

    // Round-trip timing (one segment at a time; never a retransmitted one — Karn).
    private RoundTripEstimator _rtt;
    private bool _timing;
    private uint _timedSeq;
    private long _timedAt;

    // Congestion control.
    private uint _cwnd, _ssthresh, _recover;
    private int _dupAcks;
    private bool _inRecovery;
    // SACK-based recovery (RFC 6675, simplified): where the next hole retransmission starts.
    private uint _rexmitNext;
    // Reordering (as Linux's tcp_check_sack_reordering): when the peer reports data below the highest
    // it already SACKed, and we never resent it, segments were reordered, not lost. The duplicate
    // threshold then grows to the distance seen, so reordering stops triggering spurious recoveries.
    private uint _highestSackedEver;
    private bool _sackedEverValid;
    private int _dupThreshold = 3;

    // Timers (absolute milliseconds, Never when off).
    private long _rtoAt = Never, _delayedAckAt = Never, _persistAt = Never, _keepAliveAt = Never, _closeAt = Never;
    private int _retries, _persistBackoff, _keepAliveSent, _segmentsSinceAck;

    // The application's side.
    private TaskCompletionSource<bool>? _readWaiter, _writeWaiter;
    private TaskCompletionSource<int>? _connectWaiter;
    private bool _appClosed, _writeShutdown;
    private FlowStatus _ended = FlowStatus.Ok;

    public TcpConnection(TcpLayer layer, Ipv4Endpoint local, Ipv4Endpoint remote, TcpListener? listener)
    {
        _layer = layer;
        _settings = layer.Settings;
        _stats = layer.Stats;
        _listener = listener;
        LocalEndpoint = local;
        RemoteEndpoint = remote;
        Key = TcpLayer.Key(remote.Address, remote.Port, local.Port);
        _mss = 536;
        _rtt.Initialize(_settings.InitialRtoMs);
    }

    public Ipv4Endpoint LocalEndpoint { get; }

    public Ipv4Endpoint RemoteEndpoint { get; }

    public ulong Key { get; }

    public TcpState State { get; private set; } = TcpState.Closed;

    public uint ReceiveNext => _rcvNxt;

    public bool HasUnreadData => _receive is { Count: > 0 };

    internal int SendMss => _mss;

    internal uint CongestionWindow => _cwnd;

    internal int SmoothedRttMs => _rtt.SmoothedRttMs;

    internal int DuplicateAckThreshold => _dupThreshold;

    private long Now => _layer.NowMs;

    private bool Synchronized => State is not (TcpState.Closed or TcpState.SynSent or TcpState.SynReceived);

    // ------------------------------------------------------------------ opening

    /// <summary>Sends the SYN; the task completes with -1 when established, else with a <see cref="TcpError"/> value.</summary>
    public Task<int> OpenActive()
    {
        _connectWaiter = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _iss = _layer.NewInitialSequenceNumber();
        _sndUna = _iss;
        _sndNxt = _iss + 1;
        _sndMax = _sndNxt;
        _recover = _iss;
        _receive = new ByteRing(_layer.RentReceiveBuffer());
        _rcvShift = WindowShiftFor(_receive.Capacity);
        _offeredWindowScale = true;
        State = TcpState.SynSent;
        SendSyn(withAck: false);
        StartTiming(_iss);
        ArmRetransmission();
        return _connectWaiter.Task;
    }

    /// <summary>Answers a listener's SYN with SYN-ACK (RFC 9293 §3.10.7.2).</summary>
    public void OpenPassive(ref TcpSegment syn)
    {
        _irs = syn.Seq;
        _rcvNxt = syn.Seq + 1;
        _iss = _layer.NewInitialSequenceNumber();
        _sndUna = _iss;
        _sndNxt = _iss + 1;
        _sndMax = _sndNxt;
        _recover = _iss;
        _sndWnd = syn.Window; // never scaled in a SYN
        _sndWl1 = syn.Seq;
        _sndWl2 = _iss;
        _offeredWindowScale = syn.WindowScale >= 0;
        _rcvShift = _offeredWindowScale ? WindowShiftFor(_settings.ReceiveBufferBytes) : 0;
        ApplySynOptions(ref syn);
        State = TcpState.SynReceived;
        SendSyn(withAck: true);
        StartTiming(_iss);
        ArmRetransmission();
    }

    private void StartTiming(uint seq)
    {
        _timing = true;
        _timedSeq = seq;
        _timedAt = Now;
    }

    public void CancelConnect()
    {
        if (State is TcpState.SynSent or TcpState.SynReceived && _connectWaiter is not null)
        {
            _connectWaiter.TrySetResult((int)TcpError.Closed);
            Abort();
        }
    }

    private void ApplySynOptions(ref TcpSegment syn)
    {
        int peerMss = syn.Mss != 0 ? syn.Mss : 536; // RFC 9293 §3.7.1 default
        _mss = Math.Clamp(Math.Min(peerMss, _layer.LocalMss), 64, _layer.LocalMss);
        if (_offeredWindowScale && syn.WindowScale >= 0) _sndShift = syn.WindowScale;
        else
        {
            _sndShift = 0;
            _rcvShift = 0;
        }
        _sackPermitted = syn.SackPermitted;
    }

    private void BecomeEstablished()
    {
        State = TcpState.Established;
        _stats.Established++;
        _receive ??= new ByteRing(_layer.RentReceiveBuffer());
        _send ??= new ByteRing(_layer.RentSendBuffer());
        // RFC 6928 initial window; ssthresh starts "arbitrarily high" (RFC 5681).
        _cwnd = (uint)Math.Min(10 * _mss, Math.Max(2 * _mss, 14600));
        _ssthresh = uint.MaxValue / 2;
        _retries = 0;
        _rtt.ResetBackoff();
        _rtoAt = Never;
        ResetKeepAlive();
        if (_listener is not null)
        {
            TcpListener listener = _listener;
            listener.HalfOpen--;
            _listener = null;
            if (listener.Closed)
            {
                Abort();
                return;
            }
            listener.Enqueue(this);
        }
        _connectWaiter?.TrySetResult(-1);
        _connectWaiter = null;
    }

    // ------------------------------------------------------------------ receiving

    /// <summary>Segment arrival, RFC 9293 §3.10.7.</summary>
    public void OnSegment(ref TcpSegment seg)
    {
        if (State == TcpState.Closed) return;
        if (_keepAliveSent > 0 || _settings.KeepAliveIdleMs > 0) ResetKeepAlive();
        if (State == TcpState.SynSent)
        {
            OnSegmentInSynSent(ref seg);
            return;
        }

        // Simultaneous open: the peer's SYN-ACK answers our SYN while we are in SYN-RECEIVED. Its
        // sequence number is one below the window, so the plain test would reject it; Linux accepts it
        // the same way (tcp_validate_incoming).
        if (State == TcpState.SynReceived && seg.Has(TcpFlags.Syn) && seg.Has(TcpFlags.Ack) && !seg.Has(TcpFlags.Rst) &&
            seg.Seq == _irs && seg.Ack == _sndMax && _connectWaiter is not null)
        {
            _sndUna = seg.Ack;
            _sndWnd = seg.Window;
            _maxSndWnd = _sndWnd;
            _sndWl1 = seg.Seq;
            _sndWl2 = seg.Ack;
            BecomeEstablished();
            SendAck();
            return;
        }

        // A retransmitted SYN while our SYN-ACK is unanswered: say it again.
        if (State == TcpState.SynReceived && seg.Has(TcpFlags.Syn) && !seg.Has(TcpFlags.Ack) && seg.Seq == _irs)
        {
            SendSyn(withAck: true);
            return;
        }

        if (!IsAcceptable(ref seg))
        {
            if (!seg.Has(TcpFlags.Rst))
            {
                _stats.OutOfWindow++;
                SendAck();
            }
            return;
        }

        if (seg.Has(TcpFlags.Rst))
        {
            // RFC 5961 §3.2: only a reset at exactly RCV.NXT is obeyed; an in-window one gets a challenge ACK.
            if (seg.Seq == _rcvNxt)
            {
                _stats.ResetsReceived++;
                if (State == TcpState.SynReceived && _connectWaiter is null)
                {
                    Terminate(FlowStatus.Reset);
                    return;
                }
                _connectWaiter?.TrySetResult((int)TcpError.Refused);
                _connectWaiter = null;
                Terminate(State is TcpState.Closing or TcpState.LastAck or TcpState.TimeWait ? FlowStatus.Closed : FlowStatus.Reset);
            }
            else if (_layer.AllowChallengeAck())
            {
                SendAck();
            }
            return;
        }

        if (seg.Has(TcpFlags.Syn))
        {
            // RFC 5961 §4: a SYN in a synchronized state is answered with a challenge ACK, whatever its number.
            if (_layer.AllowChallengeAck()) SendAck();
            return;
        }

        if (!seg.Has(TcpFlags.Ack)) return;

        if (State == TcpState.SynReceived)
        {
            if (Seq.Gt(seg.Ack, _sndUna) && Seq.Le(seg.Ack, _sndMax))
            {
                _sndUna = seg.Ack;
                _sndWnd = (uint)seg.Window << _sndShift;
                _maxSndWnd = _sndWnd;
                _sndWl1 = seg.Seq;
                _sndWl2 = seg.Ack;
                if (_timing) SampleRtt();
                BecomeEstablished();
                if (State == TcpState.Closed) return;
            }
            else
            {
                _layer.SendReset(RemoteEndpoint.Address, LocalEndpoint.Port, RemoteEndpoint.Port, seg.Ack, 0, withAck: false);
                return;
            }
        }
        else if (!ProcessAck(ref seg))
        {
            return;
        }
        if (State == TcpState.Closed) return;

        if (seg.Payload.Length > 0 || seg.Has(TcpFlags.Fin)) ProcessData(ref seg);
        TrySend();
    }

    private void OnSegmentInSynSent(ref TcpSegment seg)
    {
        bool ackOk = false;
        if (seg.Has(TcpFlags.Ack))
        {
            if (Seq.Le(seg.Ack, _iss) || Seq.Gt(seg.Ack, _sndMax))
            {
                if (!seg.Has(TcpFlags.Rst)) _layer.SendReset(RemoteEndpoint.Address, LocalEndpoint.Port, RemoteEndpoint.Port, seg.Ack, 0, withAck: false);
                return;
            }
            ackOk = true;
        }
        if (seg.Has(TcpFlags.Rst))
        {
            if (ackOk)
            {
                _stats.ResetsReceived++;
                _stats.Refused++;
                _connectWaiter?.TrySetResult((int)TcpError.Refused);
                _connectWaiter = null;
                Terminate(FlowStatus.Reset);
            }
            return;
        }
        if (!seg.Has(TcpFlags.Syn)) return;

        _irs = seg.Seq;
        _rcvNxt = seg.Seq + 1;
        ApplySynOptions(ref seg);
        if (ackOk)
        {
            _sndUna = seg.Ack;
            _sndWnd = seg.Window; // unscaled in a SYN
            _maxSndWnd = _sndWnd;
            _sndWl1 = seg.Seq;
            _sndWl2 = seg.Ack;
            if (_timing) SampleRtt();
            BecomeEstablished();
            SendAck();
            return;
        }
        // Simultaneous open (RFC 9293 §3.5, figure 8): both SYNs crossed.
        State = TcpState.SynReceived;
        SendSyn(withAck: true);
    }

    /// <summary>RFC 9293 §3.10.7.4's acceptability test against the receive window.</summary>
    private bool IsAcceptable(ref TcpSegment seg)
    {
        uint window = (uint)ReceiveWindow();
        int length = seg.SequenceLength;
        if (length == 0)
        {
            return window == 0
                ? seg.Seq == _rcvNxt
                : Seq.Ge(seg.Seq, _rcvNxt) && Seq.Lt(seg.Seq, _rcvNxt + window) || seg.Seq == _rcvNxt;
        }
        if (window == 0) return false;
        uint last = seg.Seq + (uint)length - 1;
        return (Seq.Ge(seg.Seq, _rcvNxt) && Seq.Lt(seg.Seq, _rcvNxt + window)) ||
               (Seq.Ge(last, _rcvNxt) && Seq.Lt(last, _rcvNxt + window));
    }

    /// <summary>Processes the acknowledgment field; false when the segment must be dropped.</summary>
    private bool ProcessAck(ref TcpSegment seg)
    {
        uint ack = seg.Ack;
        if (Seq.Gt(ack, _sndMax))
        {
            // Acknowledges data never sent: ACK and drop (RFC 9293), counted as RFC 5961 §5 asks.
            _stats.BadAcks++;
            SendAck();
            return false;
        }
        if (Seq.Lt(ack, _sndUna - _maxSndWnd))
        {
            _stats.BadAcks++;
            SendAck();
            return false;
        }

        uint oldWindow = _sndWnd;
        bool windowUpdate = Seq.Lt(_sndWl1, seg.Seq) || (_sndWl1 == seg.Seq && Seq.Le(_sndWl2, ack));
        if (windowUpdate)
        {
            _sndWnd = (uint)seg.Window << _sndShift;
            if (_sndWnd > _maxSndWnd) _maxSndWnd = _sndWnd;
            _sndWl1 = seg.Seq;
            _sndWl2 = ack;
            if (_sndWnd > 0 && _persistAt != Never)
            {
                _persistAt = Never;
                _persistBackoff = 0;
            }
        }
        if (_sackPermitted && seg.SackCount > 0) RecordSacks(ref seg);

        if (Seq.Gt(ack, _sndUna))
        {
            uint acked = ack - _sndUna;
            OnNewAck(ack, acked);
        }
        // A duplicate ACK (RFC 5681 §2): same ACK, no data, same window — or, with SACK, any ACK reporting
        // new out-of-order data (the receiver's window moves as its application reads).
        else if (ack == _sndUna && _sndMax != _sndUna && seg.Payload.Length == 0 &&
                 !seg.Has(TcpFlags.Syn) && !seg.Has(TcpFlags.Fin) && (_sndWnd == oldWindow || (_sackPermitted && seg.SackCount > 0)))
        {
            OnDuplicateAck();
        }

        if (_finSent && Seq.Gt(_sndUna, _finSeq))
        {
            switch (State)
            {
                case TcpState.FinWait1:
                    State = TcpState.FinWait2;
                    if (_appClosed) _closeAt = Now + _settings.FinWait2TimeoutMs;
                    break;
                case TcpState.Closing:
                    EnterTimeWait();
                    break;
                case TcpState.LastAck:
                    Terminate(FlowStatus.Closed);
                    return false;
            }
        }
        return true;
    }

    /// <summary>Data from <paramref name="start"/> arrived after data above it that the peer already SACKed: how far was it reordered?</summary>
    private void NoteReordering(uint start)
    {
        if (!_sackedEverValid || !Seq.Lt(start, _highestSackedEver)) return;
        bool resent = _inRecovery ? Seq.Lt(start, _rexmitNext) : false;
        if (resent || IsSacked(start)) return;
        int distance = (int)((_highestSackedEver - start) / (uint)Math.Max(_mss, 1)) + 1;
        if (distance > _dupThreshold) _dupThreshold = Math.Min(distance, 64);
    }

    private bool IsSacked(uint seq)
    {
        for (int i = 0; i < _sackedCount; i++)
            if (Seq.Ge(seq, _sackedStart[i]) && Seq.Lt(seq, _sackedEnd[i])) return true;
        return false;
    }

    private void OnNewAck(uint ack, uint acked)
    {
        // A cumulative ACK that fills a hole below SACKed data we never resent is reordering too.
        if (_sackPermitted && _sackedEverValid && Seq.Lt(_sndUna, _highestSackedEver) && !_inRecovery) NoteReordering(_sndUna);
        int dataAcked = (int)Math.Min(acked, (uint)_send!.Count);
        _send.Discard(dataAcked);
        _sndUna = ack;
        if (Seq.Lt(_sndNxt, _sndUna)) _sndNxt = _sndUna;
        PruneSacks();
        if (_timing && Seq.Gt(ack, _timedSeq)) SampleRtt();
        _retries = 0;
        _rtt.ResetBackoff();
        uint flight = _sndMax - _sndUna;

        if (_inRecovery)
        {
            if (Seq.Ge(ack, _recover))
            {
                // Full acknowledgment (RFC 6582 §3.2 step 3; RFC 6675 §5): deflate the window.
                _inRecovery = false;
                _cwnd = _sackPermitted ? _ssthresh : Math.Min(_ssthresh, Math.Max(flight, (uint)_mss) + (uint)_mss);
            }
            else if (_sackPermitted)
            {
                // Partial acknowledgment with SACK: keep filling the holes the scoreboard shows.
                if (Seq.Lt(_rexmitNext, _sndUna)) _rexmitNext = _sndUna;
                SendLostSegments();
            }
            else
            {
                // Partial acknowledgment: the next hole is lost too; resend it at once.
                RetransmitFirst();
                _cwnd = _cwnd > acked ? _cwnd - acked : 0;
                _cwnd += (uint)_mss;
                _rtoAt = Now + _rtt.RtoMs(_settings);
            }
        }
        else if (_cwnd < _ssthresh)
        {
            // Slow start by the bytes acknowledged (RFC 3465 without its per-ACK limit, as Linux counts every
            // segment an ACK covers): a receiver of 64 KiB segments (segmentation offload) ACKs each once.
            _cwnd = (uint)Math.Min((ulong)_cwnd + acked, uint.MaxValue / 2);
        }
        else
        {
            // Congestion avoidance: one MSS per window's worth of bytes acknowledged (RFC 3465 §2.1, in proportion).
            _cwnd += (uint)Math.Max(1UL, (ulong)_mss * Math.Min(acked, _cwnd) / Math.Max(_cwnd, 1u));
        }
        _dupAcks = 0;
        _rtoAt = _sndUna == _sndMax ? Never : Now + _rtt.RtoMs(_settings);
        if (_rtoAt != Never) _layer.Timers.Schedule(_rtoAt);
        WakeWriter();
    }

    private void OnDuplicateAck()
    {
        _dupAcks++;
        // The threshold never exceeds half the segments in flight, or a small window could not gather enough duplicates
        // and every loss would wait for the timeout (RFC 5827's early retransmit has the same aim).
        int inFlightSegments = (int)((_sndMax - _sndUna) / (uint)Math.Max(_mss, 1));
        int threshold = Math.Max(3, Math.Min(_dupThreshold, inFlightSegments / 2));
        if (!_inRecovery && (_dupAcks == threshold || (_sackPermitted && _dupAcks >= 3 && SackedBytesBelow(_sndMax) >= (uint)(threshold * _mss))))
        {
            // RFC 6582 §3.2 step 2: only when the ACK covers more than the last recovery point (no second reduction for one loss episode).
            if (Seq.Gt(_sndUna, _recover))
            {
                uint flight = _sndMax - _sndUna;
                _ssthresh = Math.Max(flight / 2, 2u * (uint)_mss);
                _recover = _sndMax;
                _inRecovery = true;
                _stats.FastRetransmits++;
                if (_sackPermitted)
                {
                    // RFC 6675: the window becomes ssthresh and the pipe estimate decides what may be sent.
                    _cwnd = _ssthresh;
                    _rexmitNext = _sndUna;
                    if (!SendLostSegments()) RetransmitFirst();
                }
                else
                {
                    RetransmitFirst();
                    _cwnd = _ssthresh + 3u * (uint)_mss;
                }
            }
        }
        else if (_dupAcks > 3 && _inRecovery)
        {
            if (_sackPermitted) SendLostSegments();
            else _cwnd += (uint)_mss; // NewReno: each further duplicate means a segment left the network
        }
    }

    private void ProcessData(ref TcpSegment seg)
    {
        if (State is not (TcpState.Established or TcpState.FinWait1 or TcpState.FinWait2))
        {
            // CLOSE-WAIT, CLOSING, LAST-ACK, TIME-WAIT: the peer already sent FIN; a retransmitted FIN is acknowledged again.
            if (seg.Has(TcpFlags.Fin))
            {
                if (State == TcpState.TimeWait) _closeAt = Now + 2L * _settings.MslMs;
                SendAck();
            }
            return;
        }
        ReadOnlySpan<byte> payload = seg.Payload;
        uint seq = seg.Seq;
        bool fin = seg.Has(TcpFlags.Fin);
        if (payload.Length > 0 && _appClosed)
        {
            // Data for an application that closed: nobody will read it (RFC 9293 §3.10.4, as Linux does).
            Abort();
            return;
        }

        // Trim what was already received.
        if (Seq.Lt(seq, _rcvNxt))
        {
            uint already = _rcvNxt - seq;
            if (already > (uint)payload.Length || (already == (uint)payload.Length && !fin))
            {
                SendAck(); // a duplicate: the peer missed our ACK
                return;
            }
            payload = payload.Slice((int)already);
            seq = _rcvNxt;
        }

        int window = ReceiveWindow();
        int offset = (int)(seq - _rcvNxt);
        if (offset + payload.Length > window)
        {
            int fits = window - offset;
            if (fits <= 0)
            {
                SendAck();
                return;
            }
            payload = payload.Slice(0, fits);
            fin = false;
        }

        if (offset == 0)
        {
            bool filledGap = _oooCount > 0;
            if (payload.Length > 0)
            {
                _receive!.Append(payload);
                _rcvNxt += (uint)payload.Length;
                MergeOutOfOrder();
            }
            if (fin && seq + (uint)payload.Length == _rcvNxt)
            {
                AcceptFin();
            }
            else if (_pendingFin && _pendingFinSeq == _rcvNxt)
            {
                _pendingFin = false;
                AcceptFin();
            }
            else if (filledGap || ++_segmentsSinceAck >= 2)
            {
                // Every second segment, or a gap just filled (RFC 5681 §4.2): ACK now; otherwise wait
                // a little, so that a reply can carry the ACK.
                SendAck();
            }
            else if (_delayedAckAt == Never)
            {
                _delayedAckAt = Now + _settings.DelayedAckMs;
                _layer.Timers.Schedule(_delayedAckAt);
            }
            WakeReader();
            return;
        }

        // Out of order: keep it in place in the receive buffer, remember its range, ACK at once (with SACK).
        _stats.OutOfOrderSegments++;
        if (payload.Length > 0 && AddOutOfOrder(seq, seq + (uint)payload.Length))
        {
            _receive!.WriteAt(offset, payload);
            if (fin)
            {
                _pendingFin = true;
                _pendingFinSeq = seq + (uint)payload.Length;
            }
        }
        SendAck();
    }

    /// <summary>The peer's FIN, in order: no more data will come (RFC 9293 §3.10.7.4, eighth step).</summary>
    private void AcceptFin()
    {
        _rcvNxt++;
        _peerFinished = true;
        switch (State)
        {
            case TcpState.Established:
                State = TcpState.CloseWait;
                break;
            case TcpState.FinWait1:
                if (_finSent && Seq.Gt(_sndUna, _finSeq)) EnterTimeWait();
                else State = TcpState.Closing;
                break;
            case TcpState.FinWait2:
                EnterTimeWait();
                break;
        }
        SendAck();
    }

    private bool AddOutOfOrder(uint start, uint end)
    {
        // Merge with overlapping or touching ranges; keep the list sorted by start.
        for (int i = 0; i < _oooCount; i++)
        {
            if (Seq.Le(start, _oooEnd[i]) && Seq.Ge(end, _oooStart[i]))
            {
                _oooStart[i] = Seq.Lt(start, _oooStart[i]) ? start : _oooStart[i];
                _oooEnd[i] = Seq.Max(end, _oooEnd[i]);
                // The grown range may now reach the next ones.
                while (i + 1 < _oooCount && Seq.Ge(_oooEnd[i], _oooStart[i + 1]))
                {
                    _oooEnd[i] = Seq.Max(_oooEnd[i], _oooEnd[i + 1]);
                    RemoveRange(i + 1);
                }
                MoveToFront(i);
                return true;
            }
        }
        if (_oooCount == MaximumSackRanges) return false;
        int at = 0;
        while (at < _oooCount && Seq.Lt(_oooStart[at], start)) at++;
        for (int j = _oooCount; j > at; j--)
        {
            _oooStart[j] = _oooStart[j - 1];
            _oooEnd[j] = _oooEnd[j - 1];
        }
        _oooStart[at] = start;
        _oooEnd[at] = end;
        _oooCount++;
        _latestOoo = start;
        return true;
    }

    // RFC 2018 wants the block holding the most recent segment first; remembered by its start.
    private uint _latestOoo;

    private void MoveToFront(int index) => _latestOoo = _oooStart[index];

    private void RemoveRange(int index)
    {
        for (int j = index; j + 1 < _oooCount; j++)
        {
            _oooStart[j] = _oooStart[j + 1];
            _oooEnd[j] = _oooEnd[j + 1];
        }
        _oooCount--;
    }

    private void MergeOutOfOrder()
    {
        while (_oooCount > 0 && Seq.Le(_oooStart[0], _rcvNxt))
        {
            if (Seq.Gt(_oooEnd[0], _rcvNxt))
            {
                int more = (int)(_oooEnd[0] - _rcvNxt);
                _receive!.Commit(more);
                _rcvNxt = _oooEnd[0];
            }
            RemoveRange(0);
        }
    }

    private void RecordSacks(ref TcpSegment seg)
    {
        for (int b = 0; b < seg.SackCount; b++)
        {
            seg.GetSack(b, out uint start, out uint end);
            if (!Seq.Lt(start, end) || Seq.Le(start, _sndUna) || Seq.Gt(end, _sndMax)) continue;
            NoteReordering(start);
            if (!_sackedEverValid || Seq.Gt(end, _highestSackedEver))
            {
                _highestSackedEver = end;
                _sackedEverValid = true;
            }
            bool merged = false;
            for (int i = 0; i < _sackedCount && !merged; i++)
            {
                if (Seq.Le(start, _sackedEnd[i]) && Seq.Ge(end, _sackedStart[i]))
                {
                    if (Seq.Lt(start, _sackedStart[i])) _sackedStart[i] = start;
                    _sackedEnd[i] = Seq.Max(end, _sackedEnd[i]);
                    merged = true;
                }
            }
            if (!merged && _sackedCount < MaximumSackRanges)
            {
                _sackedStart[_sackedCount] = start;
                _sackedEnd[_sackedCount] = end;
                _sackedCount++;
            }
        }
        NormalizeSacks();
    }

    /// <summary>Keeps the scoreboard sorted and without overlaps, so that byte counts over it are exact.</summary>
    private void NormalizeSacks()
    {
        for (int i = 1; i < _sackedCount; i++)
        {
            uint start = _sackedStart[i], end = _sackedEnd[i];
            int j = i - 1;
            while (j >= 0 && Seq.Gt(_sackedStart[j], start))
            {
                _sackedStart[j + 1] = _sackedStart[j];
                _sackedEnd[j + 1] = _sackedEnd[j];
                j--;
            }
            _sackedStart[j + 1] = start;
            _sackedEnd[j + 1] = end;
        }
        int kept = 0;
        for (int i = 0; i < _sackedCount; i++)
        {
            if (kept > 0 && Seq.Le(_sackedStart[i], _sackedEnd[kept - 1]))
            {
                _sackedEnd[kept - 1] = Seq.Max(_sackedEnd[kept - 1], _sackedEnd[i]);
                continue;
            }
            _sackedStart[kept] = _sackedStart[i];
            _sackedEnd[kept] = _sackedEnd[i];
            kept++;
        }
        _sackedCount = kept;
    }

    private uint HighestSacked() => _sackedCount == 0 ? _sndUna : Seq.Max(_sndUna, _sackedEnd[_sackedCount - 1]);

    private uint SackedBytesBelow(uint limit)
    {
        uint total = 0;
        for (int i = 0; i < _sackedCount; i++)
        {
            if (!Seq.Lt(_sackedStart[i], limit)) break;
            uint end = Seq.Lt(_sackedEnd[i], limit) ? _sackedEnd[i] : limit;
            total += end - _sackedStart[i];
        }
        return total;
    }

    /// <summary>
    /// RFC 6675's "pipe", simplified: what was sent past the highest SACKed byte, plus the holes below
    /// it that this recovery has already resent. Holes not yet resent count as lost.
    /// </summary>
    private uint Pipe()
    {
        uint high = HighestSacked();
        if (high == _sndUna) return _sndMax - _sndUna;
        uint resentUpTo = Seq.Lt(_rexmitNext, _sndUna) ? _sndUna : Seq.Lt(_rexmitNext, high) ? _rexmitNext : high;
        uint resentHoles = (resentUpTo - _sndUna) - SackedBytesBelow(resentUpTo);
        return (_sndMax - high) + resentHoles;
    }

    private bool SackRecovery => _inRecovery && _sackPermitted;

    /// <summary>Resends the holes below the highest SACKed byte while the pipe has room; true when it sent something.</summary>
    private bool SendLostSegments()
    {
        if (_send is null) return false;
        bool sent = false;
        uint high = HighestSacked();
        while (Pipe() < _cwnd)
        {
            uint seq = SkipSacked(Seq.Lt(_rexmitNext, _sndUna) ? _sndUna : _rexmitNext);
            if (!Seq.Lt(seq, high)) break;
            uint stop = NextSacked(seq, high);
            int length = (int)Math.Min(Math.Min((uint)_mss, stop - seq), (uint)Math.Max(0, _send.Count - (int)(seq - _sndUna)));
            if (length <= 0) break;
            _timing = false; // Karn
            _stats.Retransmissions++;
            SendData(seq, (int)(seq - _sndUna), length, TcpFlags.Ack);
            _rexmitNext = seq + (uint)length;
            sent = true;
        }
        return sent;
    }

    private void PruneSacks()
    {
        for (int i = _sackedCount - 1; i >= 0; i--)
        {
            if (Seq.Le(_sackedEnd[i], _sndUna))
            {
                _sackedStart[i] = _sackedStart[_sackedCount - 1];
                _sackedEnd[i] = _sackedEnd[_sackedCount - 1];
                _sackedCount--;
            }
            else if (Seq.Lt(_sackedStart[i], _sndUna))
            {
                _sackedStart[i] = _sndUna;
            }
        }
        NormalizeSacks();
    }

    /// <summary>When <paramref name="seq"/> lies in data the peer has SACKed, where that block ends; else <paramref name="seq"/>.</summary>
    private uint SkipSacked(uint seq)
    {
        for (int i = 0; i < _sackedCount; i++)
            if (Seq.Ge(seq, _sackedStart[i]) && Seq.Lt(seq, _sackedEnd[i])) return _sackedEnd[i];
        return seq;
    }

    /// <summary>The first SACKed sequence number after <paramref name="seq"/> (so a resend stops before it), or <paramref name="limit"/>.</summary>
    private uint NextSacked(uint seq, uint limit)
    {
        uint next = limit;
        for (int i = 0; i < _sackedCount; i++)
            if (Seq.Gt(_sackedStart[i], seq) && Seq.Lt(_sackedStart[i], next)) next = _sackedStart[i];
        return next;
    }

    private void SampleRtt()
    {
        _timing = false;
        _rtt.AddSample((int)(Now - _timedAt), _settings);
    }

    // ------------------------------------------------------------------ sending

    /// <summary>Sends what the windows allow: new data in MSS-sized segments, then the FIN once all data is out.</summary>
    private void TrySend()
    {
        if (_send is null || State is TcpState.Closed or TcpState.SynSent or TcpState.SynReceived or TcpState.TimeWait or TcpState.FinWait2) return;
        while (true)
        {
            if (Seq.Lt(_sndNxt, _sndMax)) _sndNxt = SkipSacked(_sndNxt);
            int sentOffset = (int)(_sndNxt - _sndUna);
            int unsent = _send.Count - sentOffset;
            if (unsent > 0)
            {
                uint inFlight = _sndNxt - _sndUna;
                uint congestionUse = SackRecovery ? Pipe() : inFlight;
                if (_cwnd <= congestionUse || _sndWnd <= inFlight) break;
                int usable = (int)Math.Min(Math.Min(_cwnd - congestionUse, _sndWnd - inFlight), int.MaxValue);
                int length = Math.Min(Math.Min(_layer.SegmentPayloadLimit(_mss), unsent), usable);
                // Sender-side silly window avoidance (RFC 9293 §3.8.6.2.1): no tiny segment while data is in flight.
                if (length < _mss && length < unsent && inFlight > 0) break;
                // A segment the device cuts carries whole MSS, so only the last frame of the data sent so far is short.
                if (length > _mss && length < unsent) length -= length % _mss;
                bool resend = Seq.Lt(_sndNxt, _sndMax);
                if (resend)
                {
                    uint stop = NextSacked(_sndNxt, _sndMax);
                    length = (int)Math.Min((uint)length, stop - _sndNxt);
                    _stats.Retransmissions++;
                }
                byte flags = (byte)(TcpFlags.Ack | (length == unsent ? TcpFlags.Psh : 0));
                SendData(_sndNxt, sentOffset, length, flags);
                if (!resend && !_timing) StartTiming(_sndNxt);
                _sndNxt += (uint)length;
                if (Seq.Gt(_sndNxt, _sndMax)) _sndMax = _sndNxt;
                ArmRetransmission();
                continue;
            }
            if (_finQueued && !_finSent && unsent == 0)
            {
                _finSent = true;
                _finSeq = _sndNxt;
                SendData(_sndNxt, 0, 0, TcpFlags.Fin | TcpFlags.Ack);
                _sndNxt++;
                if (Seq.Gt(_sndNxt, _sndMax)) _sndMax = _sndNxt;
                ArmRetransmission();
            }
            break;
        }

        // Nothing in flight, data waiting, and a closed window: probe it (RFC 9293 §3.8.6.1).
        int waiting = _send.Count - (int)(_sndNxt - _sndUna);
        if (waiting > 0 && _sndWnd == 0 && _sndMax == _sndUna)
        {
            if (_persistAt == Never)
            {
                _persistAt = Now + PersistInterval();
                _layer.Timers.Schedule(_persistAt);
            }
        }
    }

    private int PersistInterval() => (int)Math.Min((long)_rtt.RtoMs(_settings) << Math.Min(_persistBackoff, 10), _settings.MaximumRtoMs);

    private void RetransmitFirst()
    {
        _timing = false; // Karn: never time a retransmitted segment
        _stats.Retransmissions++;
        int dataOutstanding = Math.Min(_send!.Count, (int)(_sndMax - _sndUna));
        if (dataOutstanding > 0)
        {
            int length = (int)Math.Min((uint)Math.Min(_mss, dataOutstanding), NextSacked(_sndUna, _sndMax) - _sndUna);
            if (length <= 0) length = Math.Min(_mss, dataOutstanding);
            SendData(_sndUna, 0, length, TcpFlags.Ack);
        }
        else if (_finSent)
        {
            SendData(_sndUna, 0, 0, TcpFlags.Fin | TcpFlags.Ack);
        }
    }

    private void SendData(uint seq, int offset, int length, byte flags)
    {
        Span<byte> options = stackalloc byte[4 + 8 * 3];
        int optionLength = WriteSackOption(options);
        _layer.Transmit(RemoteEndpoint, LocalEndpoint.Port, seq, _rcvNxt, flags, AdvertiseWindow(),
            options.Slice(0, optionLength), _send, offset, length, _mss);
        AckSent();
    }

    private void SendAck()
    {
        if (State is TcpState.Closed or TcpState.SynSent) return;
        if (State == TcpState.SynReceived)
        {
            SendSyn(withAck: true);
            return;
        }
        Span<byte> options = stackalloc byte[4 + 8 * 3];
        int optionLength = WriteSackOption(options);
        _layer.Transmit(RemoteEndpoint, LocalEndpoint.Port, _sndNxt, _rcvNxt, TcpFlags.Ack, AdvertiseWindow(),
            options.Slice(0, optionLength), null, 0, 0);
        AckSent();
    }

    private void AckSent()
    {
        _delayedAckAt = Never;
        _segmentsSinceAck = 0;
    }

    private void SendSyn(bool withAck)
    {
        Span<byte> options = stackalloc byte[12];
        int length = 0;
        options[length++] = 2;
        options[length++] = 4;
        options[length++] = (byte)(_layer.LocalMss >> 8);
        options[length++] = (byte)_layer.LocalMss;
        if (_offeredWindowScale)
        {
            options[length++] = 1;
            options[length++] = 3;
            options[length++] = 3;
            options[length++] = (byte)_rcvShift;
        }
        if (!withAck || _sackPermitted)
        {
            options[length++] = 1;
            options[length++] = 1;
            options[length++] = 4;
            options[length++] = 2;
        }
        int window = Math.Min(withAck && _receive is null ? _settings.ReceiveBufferBytes : _receive?.Free ?? _settings.ReceiveBufferBytes, 65535);
        byte flags = withAck ? (byte)(TcpFlags.Syn | TcpFlags.Ack) : TcpFlags.Syn;
        _layer.Transmit(RemoteEndpoint, LocalEndpoint.Port, _iss, withAck ? _rcvNxt : 0, flags, (ushort)window,
            options.Slice(0, length), null, 0, 0);
    }

    private int WriteSackOption(Span<byte> options)
    {
        if (!_sackPermitted || _oooCount == 0) return 0;
        int blocks = Math.Min(_oooCount, 3);
        options[0] = 1;
        options[1] = 1;
        options[2] = 5;
        options[3] = (byte)(2 + 8 * blocks);
        // The block with the newest data first (RFC 2018 §4), then the others in order.
        int first = 0;
        for (int i = 0; i < _oooCount; i++) if (_oooStart[i] == _latestOoo) first = i;
        int written = 0;
        WriteBlock(options, written++, first);
        for (int i = 0; i < _oooCount && written < blocks; i++)
            if (i != first) WriteBlock(options, written++, i);
        return 4 + 8 * blocks;
    }

    private void WriteBlock(Span<byte> options, int slot, int range)
    {
        Wire.NetworkOrder.WriteUInt32(options, 4 + 8 * slot, _oooStart[range]);
        Wire.NetworkOrder.WriteUInt32(options, 8 + 8 * slot, _oooEnd[range]);
    }

    /// <summary>The free receive space, the window's right edge never moving left (RFC 9293 §3.8.6.2.2).</summary>
    private int ReceiveWindow() => _receive?.Free ?? _settings.ReceiveBufferBytes;

    private ushort AdvertiseWindow()
    {
        int window = ReceiveWindow();
        // Receiver-side silly window avoidance: do not advertise a sliver.
        if (window < Math.Min(_mss, (_receive?.Capacity ?? window) / 2)) window = 0;
        _lastAdvertised = window;
        return (ushort)Math.Min(window >> _rcvShift, 65535);
    }

    private void ArmRetransmission()
    {
        if (_rtoAt != Never) return;
        _rtoAt = Now + _rtt.RtoMs(_settings);
        _layer.Timers.Schedule(_rtoAt);
    }

    // ------------------------------------------------------------------ timers

    public long OnTimer(long now)
    {
        if (State == TcpState.Closed) return Never;
        if (_delayedAckAt <= now) SendAck();
        if (_rtoAt <= now) OnRetransmissionTimeout(now);
        if (State == TcpState.Closed) return Never;
        if (_persistAt <= now) OnPersistTimeout(now);
        if (_keepAliveAt <= now) OnKeepAliveTimeout(now);
        if (State == TcpState.Closed) return Never;
        if (_closeAt <= now)
        {
            Terminate(FlowStatus.Closed);
            return Never;
        }
        long next = Math.Min(Math.Min(_delayedAckAt, _rtoAt), Math.Min(_persistAt, Math.Min(_keepAliveAt, _closeAt)));
        return next;
    }

    private void OnRetransmissionTimeout(long now)
    {
        _rtoAt = Never;
        if (_sndUna == _sndMax && State is not (TcpState.SynSent or TcpState.SynReceived)) return;
        _stats.RetransmissionTimeouts++;
        _retries++;
        _rtt.BackOff();
        _timing = false;
        switch (State)
        {
            case TcpState.SynSent:
                if (_retries > _settings.SynRetries)
                {
                    _stats.TimedOut++;
                    _connectWaiter?.TrySetResult((int)TcpError.TimedOut);
                    _connectWaiter = null;
                    Terminate(FlowStatus.TimedOut);
                    return;
                }
                SendSyn(withAck: false);
                ArmRetransmission();
                return;
            case TcpState.SynReceived:
                if (_retries > _settings.SynAckRetries)
                {
                    _stats.TimedOut++;
                    _connectWaiter?.TrySetResult((int)TcpError.TimedOut);
                    _connectWaiter = null;
                    Terminate(FlowStatus.TimedOut);
                    return;
                }
                SendSyn(withAck: true);
                ArmRetransmission();
                return;
        }
        if (_retries > _settings.MaximumRetransmissions)
        {
            _stats.TimedOut++;
            _layer.SendReset(RemoteEndpoint.Address, LocalEndpoint.Port, RemoteEndpoint.Port, _sndNxt, 0, withAck: false);
            Terminate(FlowStatus.TimedOut);
            return;
        }
        // RFC 5681 §3.1 (eq. 4) and RFC 6298 §5.5: collapse to one segment, resend from the oldest unacknowledged byte.
        uint flight = _sndMax - _sndUna;
        _ssthresh = Math.Max(flight / 2, 2u * (uint)_mss);
        _cwnd = (uint)_mss;
        _inRecovery = false;
        _dupAcks = 0;
        _recover = _sndMax;
        _sndNxt = _sndUna;
        if (_finSent && Seq.Le(_sndNxt, _finSeq)) _finSent = false;
        if (_sndWnd == 0)
        {
            // The peer's window is closed: the timeout probes it instead of resending into no room,
            // and does not count as a failed retransmission while the peer answers (persist, RFC 9293 §3.8.6.1).
            _retries--;
            _stats.ZeroWindowProbes++;
            _layer.Transmit(RemoteEndpoint, LocalEndpoint.Port, _sndUna - 1, _rcvNxt, TcpFlags.Ack, AdvertiseWindow(), default, null, 0, 0);
            ArmRetransmission();
            return;
        }
        TrySend();
        if (_rtoAt == Never && _sndUna != _sndMax) ArmRetransmission();
    }

    private void OnPersistTimeout(long now)
    {
        _persistAt = Never;
        if (_send is null || _sndWnd != 0 || _send.Count - (int)(_sndNxt - _sndUna) <= 0) return;
        // A window probe: one byte already acknowledged (SND.UNA - 1) makes the peer answer with its window, consuming nothing.
        _stats.ZeroWindowProbes++;
        _layer.Transmit(RemoteEndpoint, LocalEndpoint.Port, _sndUna - 1, _rcvNxt, TcpFlags.Ack, AdvertiseWindow(), default, null, 0, 0);
        _persistBackoff++;
        _persistAt = now + PersistInterval();
    }

    private void OnKeepAliveTimeout(long now)
    {
        _keepAliveAt = Never;
        if (State is not (TcpState.Established or TcpState.CloseWait or TcpState.FinWait2)) return;
        if (_keepAliveSent >= _settings.KeepAliveProbes)
        {
            _stats.TimedOut++;
            _layer.SendReset(RemoteEndpoint.Address, LocalEndpoint.Port, RemoteEndpoint.Port, _sndNxt, 0, withAck: false);
            Terminate(FlowStatus.TimedOut);
            return;
        }
        _keepAliveSent++;
        _stats.KeepAliveProbes++;
        _layer.Transmit(RemoteEndpoint, LocalEndpoint.Port, _sndUna - 1, _rcvNxt, TcpFlags.Ack, AdvertiseWindow(), default, null, 0, 0);
        _keepAliveAt = now + _settings.KeepAliveIntervalMs;
    }

    private void ResetKeepAlive()
    {
        _keepAliveSent = 0;
        if (_settings.KeepAliveIdleMs <= 0 || !Synchronized) return;
        _keepAliveAt = Now + _settings.KeepAliveIdleMs;
        _layer.Timers.Schedule(_keepAliveAt);
    }

    private void EnterTimeWait()
    {
        State = TcpState.TimeWait;
        _rtoAt = Never;
        _persistAt = Never;
        _keepAliveAt = Never;
        _closeAt = Now + 2L * _settings.MslMs;
        _layer.Timers.Schedule(_closeAt);
        ReleaseBuffersIfDone();
        WakeReader();
        WakeWriter();
    }

    // ------------------------------------------------------------------ ending

    /// <summary>Ends the connection here: no more segments, waiters woken with <paramref name="reason"/>.</summary>
    public void Terminate(FlowStatus reason)
    {
        if (State == TcpState.Closed) return;
        if (_listener is not null)
        {
            _listener.HalfOpen--;
            _listener = null;
        }
        State = TcpState.Closed;
        if (_ended == FlowStatus.Ok) _ended = reason;
        _rtoAt = _delayedAckAt = _persistAt = _keepAliveAt = _closeAt = Never;
        _layer.Forget(this);
        _connectWaiter?.TrySetResult((int)TcpError.Closed);
        _connectWaiter = null;
        WakeReader();
        WakeWriter();
        ReleaseBuffersIfDone();
    }

    /// <summary>Resets the connection (RFC 9293 ABORT).</summary>
    public void Abort()
    {
        if (State == TcpState.Closed) return;
        if (State != TcpState.SynSent)
            _layer.SendReset(RemoteEndpoint.Address, LocalEndpoint.Port, RemoteEndpoint.Port, _sndNxt, 0, withAck: false);
        Terminate(FlowStatus.Closed);
    }

    private void ReleaseBuffersIfDone()
    {
        // The application may still read what arrived before the end; buffers go back once it has closed too.
        if (!_appClosed || (State != TcpState.Closed && State != TcpState.TimeWait)) return;
        _layer.ReturnBuffers(_receive?.Buffer, _send?.Buffer);
        _receive = null;
        _send = null;
    }

    // ------------------------------------------------------------------ the application's flow

    public async ValueTask<FlowResult> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (_appClosed) return FlowResult.Of(FlowStatus.Closed);
            if (buffer.IsEmpty) return FlowResult.Ok(0);
            if (_receive is { Count: > 0 })
            {
                int wasWindow = _lastAdvertised;
                int n = _receive.Read(buffer.Span);
                // Tell a sender that was held back that there is room again (window update).
                if (Synchronized && State != TcpState.TimeWait && wasWindow < Math.Min(_mss * 2, _receive.Capacity / 2) &&
                    _receive.Free >= Math.Min(_mss * 2, _receive.Capacity / 2))
                    SendAck();
                return FlowResult.Ok(n);
            }
            if (_peerFinished) return FlowResult.Eof;
            if (State == TcpState.Closed) return FlowResult.Of(_ended == FlowStatus.Ok ? FlowStatus.Closed : _ended);
            if (!await Waiting.WaitAsync(Waiting.Renew(ref _readWaiter), cancellationToken)) return FlowResult.Of(FlowStatus.Cancelled);
        }
    }

    public async ValueTask<FlowResult> WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        int written = 0;
        while (true)
        {
            if (_appClosed) return new FlowResult(FlowStatus.Closed, written);
            if (_writeShutdown) return new FlowResult(FlowStatus.Eof, written);
            if (State == TcpState.Closed || _send is null || !(State is TcpState.Established or TcpState.CloseWait))
                return new FlowResult(_ended is FlowStatus.Ok ? FlowStatus.Closed : _ended, written);
            written += _send.Append(data.Span.Slice(written));
            TrySend();
            if (written == data.Length) return FlowResult.Ok(written);
            if (!await Waiting.WaitAsync(Waiting.Renew(ref _writeWaiter), cancellationToken)) return new FlowResult(FlowStatus.Cancelled, written);
        }
    }

    public ValueTask<FlowResult> ShutdownWriteAsync()
    {
        if (_appClosed) return new(FlowResult.Of(FlowStatus.Closed));
        if (_writeShutdown) return new(FlowResult.Ok(0));
        if (State is not (TcpState.Established or TcpState.CloseWait))
            return new(FlowResult.Of(_ended is FlowStatus.Ok ? FlowStatus.Closed : _ended));
        _writeShutdown = true;
        QueueFin();
        return new(FlowResult.Ok(0));
    }

    /// <summary>Closes gracefully (FIN after the data still queued); resets instead when received data was left unread, as Linux does.</summary>
    public ValueTask CloseAsync()
    {
        if (_appClosed) return default;
        _appClosed = true;
        switch (State)
        {
            case TcpState.SynSent:
            case TcpState.SynReceived:
                Terminate(FlowStatus.Closed);
                break;
            case TcpState.Established:
            case TcpState.CloseWait:
                if (_receive is { Count: > 0 })
                {
                    Abort();
                    break;
                }
                if (!_writeShutdown)
                {
                    _writeShutdown = true;
                    QueueFin();
                }
                break;
            case TcpState.FinWait2:
                _closeAt = Now + _settings.FinWait2TimeoutMs;
                _layer.Timers.Schedule(_closeAt);
                break;
        }
        WakeReader();
        WakeWriter();
        ReleaseBuffersIfDone();
        return default;
    }

    public ValueTask DisposeAsync() => CloseAsync();

    private void QueueFin()
    {
        _finQueued = true;
        State = State == TcpState.CloseWait ? TcpState.LastAck : TcpState.FinWait1;
        TrySend();
    }

    private void WakeReader()
    {
        TaskCompletionSource<bool>? waiter = _readWaiter;
        _readWaiter = null;
        waiter?.TrySetResult(true);
    }

    private void WakeWriter()
    {
        TaskCompletionSource<bool>? waiter = _writeWaiter;
        _writeWaiter = null;
        waiter?.TrySetResult(true);
    }

    private static int WindowShiftFor(int bufferBytes)
    {
        int shift = 0;
        while (shift < 14 && (bufferBytes >> shift) > 65535) shift++;
        return shift;
    }
}
