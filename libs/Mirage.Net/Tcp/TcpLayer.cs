using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Mirage.Devices;
using Mirage.Net.Ip;
using Mirage.Net.Timers;
using Mirage.Net.Wire;

namespace Mirage.Net.Tcp;

/// <summary>
/// TCP (RFC 9293) for the stack: checks each segment, finds its connection (or listener), answers
/// segments for nobody with RST, builds outgoing segments, owns the connection table, the data
/// buffers (reused between connections) and the timers of every connection.
/// </summary>
internal sealed class TcpLayer : ITcpV4, ITimerClient
{
    private const ushort FirstEphemeralPort = 49152;

    private readonly Ipv4Layer _ipv4;
    private readonly TimerScheduler _timers;
    private readonly IRandom _random;
    private readonly Dictionary<ulong, TcpConnection> _connections = new();
    private readonly List<TcpConnection> _all = new();
    private readonly Dictionary<ushort, TcpListener> _listeners = new();
    private readonly Stack<byte[]> _receiveBuffers = new();
    private readonly Stack<byte[]> _sendBuffers = new();
    private ushort _nextEphemeral;
    private long _challengeSecond = -1;
    private int _challengesThisSecond;

    public TcpLayer(Ipv4Layer ipv4, TimerScheduler timers, IRandom random, TcpSettings settings, TcpStatistics stats)
    {
        _ipv4 = ipv4;
        _timers = timers;
        _random = random;
        Settings = settings;
        Stats = stats;
        _nextEphemeral = (ushort)(FirstEphemeralPort + NextRandom() % (65536 - FirstEphemeralPort));
    }

    public TcpSettings Settings { get; }

    public TcpStatistics Stats { get; }

    public TimerScheduler Timers => _timers;

    public long NowMs => _timers.NowMs;

    public Ipv4Address LocalAddress => _ipv4.Configuration.Source;

    /// <summary>The MSS this host announces: a full frame's payload without IP and TCP headers.</summary>
    public int LocalMss => _ipv4.MaximumUnfragmented - TcpSegment.HeaderLength;

    public int ConnectionCount => _all.Count;

    /// <summary>
    /// The most payload one segment handed to the device may carry: one MSS, or with segmentation
    /// offload as many whole MSS as fit a 64 KiB IPv4 packet with the largest TCP header.
    /// </summary>
    public int SegmentPayloadLimit(int mss) =>
        _ipv4.SegmentationOffload ? Math.Max(mss, (65535 - Ipv4Layer.HeaderLength - TcpSegment.MaximumHeaderLength) / mss * mss) : mss;

    public ValueTask<Result<ITcpListener, TcpError>> ListenAsync(ushort port, int backlog = 128)
    {
        if (port == 0 || _listeners.ContainsKey(port)) return new(Result<ITcpListener, TcpError>.Fail(TcpError.AddressInUse));
        var listener = new TcpListener(this, new Ipv4Endpoint(LocalAddress, port), Math.Clamp(backlog, 1, 65535));
        _listeners[port] = listener;
        return new(Result<ITcpListener, TcpError>.Ok(listener));
    }

    public async ValueTask<Result<ITcpFlow, TcpError>> ConnectAsync(Ipv4Endpoint remote, CancellationToken cancellationToken = default)
    {
        if (!_ipv4.Configuration.TryRoute(remote.Address, out _) || remote.Address == Ipv4Address.Broadcast || remote.Port == 0)
            return Result<ITcpFlow, TcpError>.Fail(TcpError.NoRoute);
        if (_all.Count >= Settings.MaximumConnections) return Result<ITcpFlow, TcpError>.Fail(TcpError.NetworkError);
        if (!TryPickEphemeral(remote, out ushort localPort)) return Result<ITcpFlow, TcpError>.Fail(TcpError.AddressInUse);
        var connection = new TcpConnection(this, new Ipv4Endpoint(LocalAddress, localPort), remote, listener: null);
        Add(connection);
        Stats.ActiveOpens++;
        Task<int> outcome = connection.OpenActive();
        if (cancellationToken.CanBeCanceled)
        {
            var waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _ = SignalWhenDoneAsync(outcome, waiter);
            // Cancelling only wakes this method; the connection is abandoned here, on the loop.
            if (!await Waiting.WaitAsync(waiter, cancellationToken)) connection.CancelConnect();
        }
        int code = await outcome;
        return code < 0 ? Result<ITcpFlow, TcpError>.Ok(connection) : Result<ITcpFlow, TcpError>.Fail((TcpError)code);
    }

    private static async Task<int> SignalWhenDoneAsync(Task<int> outcome, TaskCompletionSource<bool> waiter)
    {
        int code = await outcome;
        waiter.TrySetResult(true);
        return code;
    }

    public void Receive(in Ipv4Datagram datagram)
    {
        ReadOnlySpan<byte> data = datagram.Payload;
        Stats.SegmentsReceived++;
        if (data.Length < TcpSegment.HeaderLength)
        {
            Stats.Truncated++;
            return;
        }
        ulong sum = InternetChecksum.PseudoHeader(datagram.Source, datagram.Destination, IpProtocol.Tcp, data.Length);
        if (InternetChecksum.Fold(InternetChecksum.Add(sum, data)) != 0)
        {
            Stats.BadChecksum++;
            return;
        }
        switch (TcpSegment.TryParse(data, out TcpSegment segment))
        {
            case TcpSegment.ParseOutcome.Truncated:
                Stats.Truncated++;
                return;
            case TcpSegment.ParseOutcome.BadHeaderLength:
                Stats.BadHeaderLength++;
                return;
            case TcpSegment.ParseOutcome.BadOptions:
                Stats.BadOptions++;
                return;
        }
        if (segment.SourcePort == 0 || segment.DestinationPort == 0) return;

        ulong key = Key(datagram.Source, segment.SourcePort, segment.DestinationPort);
        if (_connections.TryGetValue(key, out TcpConnection? connection))
        {
            // A new SYN for a connection in TIME-WAIT may start a new incarnation (RFC 9293 §3.6.1).
            if (connection.State == TcpState.TimeWait && segment.Has(TcpFlags.Syn) && !segment.Has(TcpFlags.Ack) &&
                Seq.Gt(segment.Seq, connection.ReceiveNext) && _listeners.ContainsKey(segment.DestinationPort))
            {
                connection.Terminate(FlowStatus.Closed);
            }
            else
            {
                connection.OnSegment(ref segment);
                return;
            }
        }

        if (_listeners.TryGetValue(segment.DestinationPort, out TcpListener? listener) &&
            segment.Has(TcpFlags.Syn) && !segment.Has(TcpFlags.Ack) && !segment.Has(TcpFlags.Rst) && !segment.Has(TcpFlags.Fin))
        {
            if (!listener.HasRoom)
            {
                Stats.ListenOverflows++;
                return;
            }
            if (_all.Count >= Settings.MaximumConnections)
            {
                Stats.ConnectionLimit++;
                return;
            }
            var accepted = new TcpConnection(this, new Ipv4Endpoint(LocalAddress, segment.DestinationPort),
                new Ipv4Endpoint(datagram.Source, segment.SourcePort), listener);
            Add(accepted);
            listener.HalfOpen++;
            Stats.PassiveOpens++;
            accepted.OpenPassive(ref segment);
            return;
        }

        Stats.NoConnection++;
        if (segment.Has(TcpFlags.Rst)) return;
        // RFC 9293 §3.10.7.1: a reset that the segment's sender will accept.
        if (segment.Has(TcpFlags.Ack))
            SendReset(datagram.Source, segment.DestinationPort, segment.SourcePort, segment.Ack, 0, withAck: false);
        else
            SendReset(datagram.Source, segment.DestinationPort, segment.SourcePort, 0, segment.Seq + (uint)segment.SequenceLength, withAck: true);
    }

    public long OnTimer(long nowMs)
    {
        long next = long.MaxValue;
        for (int i = 0; i < _all.Count; i++)
        {
            long deadline = _all[i].OnTimer(nowMs);
            if (deadline < next) next = deadline;
        }
        // Connections that closed during the pass are removed after it, so the indexes above stay valid.
        for (int i = _all.Count - 1; i >= 0; i--)
        {
            if (_all[i].State == TcpState.Closed) RemoveAt(i);
        }
        return next;
    }

    /// <summary>
    /// Builds and sends one segment; <paramref name="data"/> supplies the payload bytes from the send buffer.
    /// With checksum offload the device fills the checksum; with segmentation offload a segment whose
    /// payload exceeds <paramref name="mss"/> (less the options, which every cut frame repeats) is cut by the device.
    /// </summary>
    public void Transmit(Ipv4Endpoint remote, ushort localPort, uint seq, uint ack, byte flags, ushort window,
                         ReadOnlySpan<byte> options, ByteRing? data, int dataOffset, int dataLength, int mss = 0)
    {
        int headerLength = TcpSegment.HeaderLength + options.Length;
        int length = headerLength + dataLength;
        byte[] buffer = _ipv4.RentFor(length);
        Span<byte> tcp = buffer.AsSpan(Ipv4Layer.TransportOffset, length);
        NetworkOrder.WriteUInt16(tcp, 0, localPort);
        NetworkOrder.WriteUInt16(tcp, 2, remote.Port);
        NetworkOrder.WriteUInt32(tcp, 4, seq);
        NetworkOrder.WriteUInt32(tcp, 8, ack);
        tcp[12] = (byte)(headerLength / 4 << 4);
        tcp[13] = flags;
        NetworkOrder.WriteUInt16(tcp, 14, window);
        NetworkOrder.WriteUInt32(tcp, 16, 0); // checksum and urgent pointer
        options.CopyTo(tcp.Slice(TcpSegment.HeaderLength));
        if (dataLength > 0) data!.Peek(dataOffset, tcp.Slice(headerLength, dataLength));
        ulong sum = InternetChecksum.PseudoHeader(LocalAddress, remote.Address, IpProtocol.Tcp, length);
        TransmitOffload offload = default;
        int segmentSize = mss - options.Length;
        bool segmented = _ipv4.SegmentationOffload && segmentSize > 0 && dataLength > segmentSize;
        if (_ipv4.ChecksumOffload && (segmented || length <= _ipv4.MaximumUnfragmented))
        {
            // The field holds the pseudo-header's sum, which the device's sum over the segment completes
            // (for a segmented one, the kernel adjusts it to each frame's length as it cuts).
            NetworkOrder.WriteUInt16(tcp, 16, (ushort)~InternetChecksum.Fold(sum));
            offload = new TransmitOffload(Ipv4Layer.TransportOffset, 16, segmented ? (ushort)segmentSize : (ushort)0,
                (ushort)(Ipv4Layer.TransportOffset + headerLength));
            if (segmented) Stats.LargeSegmentsSent++;
        }
        else
        {
            NetworkOrder.WriteUInt16(tcp, 16, InternetChecksum.Fold(InternetChecksum.Add(sum, tcp)));
        }
        if ((flags & TcpFlags.Rst) != 0) Stats.ResetsSent++;
        Stats.SegmentsSent++;
        _ipv4.Send(buffer, length, remote.Address, IpProtocol.Tcp, dontFragment: true, offload);
    }

    public void SendReset(Ipv4Address remote, ushort localPort, ushort remotePort, uint seq, uint ack, bool withAck) =>
        Transmit(new Ipv4Endpoint(remote, remotePort), localPort, seq, ack, withAck ? (byte)(TcpFlags.Rst | TcpFlags.Ack) : TcpFlags.Rst,
            0, default, null, 0, 0);

    /// <summary>RFC 5961 §7: challenge ACKs are rate-limited stack-wide, so they cannot be used to amplify.</summary>
    public bool AllowChallengeAck()
    {
        long second = NowMs / 1000;
        if (second != _challengeSecond)
        {
            _challengeSecond = second;
            _challengesThisSecond = 0;
        }
        if (_challengesThisSecond >= Settings.ChallengeAcksPerSecond) return false;
        _challengesThisSecond++;
        Stats.ChallengeAcks++;
        return true;
    }

    public uint NewInitialSequenceNumber() => NextRandom();

    public byte[] RentReceiveBuffer() => _receiveBuffers.Count > 0 ? _receiveBuffers.Pop() : new byte[Settings.ReceiveBufferBytes];

    public byte[] RentSendBuffer() => _sendBuffers.Count > 0 ? _sendBuffers.Pop() : new byte[Settings.SendBufferBytes];

    public void ReturnBuffers(byte[]? receive, byte[]? send)
    {
        if (receive is not null && receive.Length == Settings.ReceiveBufferBytes && _receiveBuffers.Count < 64) _receiveBuffers.Push(receive);
        if (send is not null && send.Length == Settings.SendBufferBytes && _sendBuffers.Count < 64) _sendBuffers.Push(send);
    }

    public void RemoveListener(TcpListener listener)
    {
        if (_listeners.TryGetValue(listener.LocalEndpoint.Port, out TcpListener? current) && current == listener)
            _listeners.Remove(listener.LocalEndpoint.Port);
    }

    /// <summary>Takes a closed connection out of the lookup table at once (the timer pass drops it from the list).</summary>
    public void Forget(TcpConnection connection)
    {
        if (_connections.TryGetValue(connection.Key, out TcpConnection? current) && current == connection)
            _connections.Remove(connection.Key);
        Stats.CurrentConnections = _connections.Count;
    }

    private void Add(TcpConnection connection)
    {
        _connections[connection.Key] = connection;
        _all.Add(connection);
        Stats.CurrentConnections = _connections.Count;
    }

    private void RemoveAt(int index)
    {
        TcpConnection connection = _all[index];
        Forget(connection);
        _all[index] = _all[_all.Count - 1];
        _all.RemoveAt(_all.Count - 1);
    }

    public static ulong Key(Ipv4Address remote, ushort remotePort, ushort localPort) =>
        (ulong)remote.Value << 32 | (ulong)remotePort << 16 | localPort;

    private bool TryPickEphemeral(Ipv4Endpoint remote, out ushort port)
    {
        for (int i = 0; i < 65536 - FirstEphemeralPort; i++)
        {
            port = _nextEphemeral;
            _nextEphemeral = _nextEphemeral == ushort.MaxValue ? FirstEphemeralPort : (ushort)(_nextEphemeral + 1);
            if (!_listeners.ContainsKey(port) && !_connections.ContainsKey(Key(remote.Address, remote.Port, port))) return true;
        }
        port = 0;
        return false;
    }

    private uint NextRandom()
    {
        Span<byte> bytes = stackalloc byte[4];
        _random.Fill(bytes);
        return NetworkOrder.ReadUInt32(bytes, 0);
    }
}
