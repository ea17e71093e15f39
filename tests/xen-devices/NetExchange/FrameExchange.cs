using System.Buffers.Binary;
using Mirage.Devices;

namespace NetExchange;

/// <summary>
/// The guest's half of the frame exchange with dom0's peer program (eng/xen/peer/frame-peer.c,
/// running on this vif's backend interface): raw Ethernet frames of EtherType 0x88B5. The guest
/// sends data frames numbered 1, 2, ... (60 to 1,514 bytes, every byte a function of the stream,
/// the number and the position); the peer checks each and answers with its own data frame of the
/// same number, built from its own pattern, which the guest checks byte for byte. 32 frames are
/// in flight; each verified answer sends the next frame from the receive callback, so the exchange
/// allocates nothing per frame. What is lost is resent after 2 s of silence. At the end the guest
/// sends an end frame and the peer answers with its counts. The formats must agree with the peer
/// (docs/xen-devices.md, "Frame exchange with dom0").
/// </summary>
public sealed class FrameExchange
{
    public const ushort EtherType = 0x88B5;
    private const byte GuestData = (byte)'D', PeerData = (byte)'P', End = (byte)'E', Report = (byte)'R';
    private const int MinFrame = 60, MaxFrame = 1514, HeaderEnd = 22;
    private const int Window = 32;
    private const int Buffers = 64;

    private readonly INetwork _network;
    private readonly ITime _time;
    private readonly byte _stream;
    private readonly byte[][] _tx = CreateBuffers();
    private readonly byte[] _end = new byte[MinFrame];
    private readonly bool[] _verified;
    private int _nextSequence = 1;
    private int _target;
    private TaskCompletionSource _done = new();
    private TaskCompletionSource _reported = new();

    public FrameExchange(INetwork network, ITime time, int stream, int maxFrames)
    {
        _network = network;
        _time = time;
        _stream = (byte)stream;
        _verified = new bool[maxFrames + 1];
        PeerMac = new MacAddress(0x02_00_00_4D_50_00UL | (uint)stream);
    }

    /// <summary>The peer's address, by the peer's rule: 02:00:00:4d:50:STREAM.</summary>
    public MacAddress PeerMac { get; }

    public int Stream => _stream;

    /// <summary>Data frames sent (first transmissions; resends are <see cref="Retransmits"/>).</summary>
    public long Sent { get; private set; }

    /// <summary>Distinct peer data frames whose every byte checked out.</summary>
    public long Verified { get; private set; }

    /// <summary>Frames of our EtherType that were wrong in any byte, addressed wrongly, or answered something never sent.</summary>
    public long BadFrames { get; private set; }

    /// <summary>Peer frames for numbers already verified (the peer answers every resend).</summary>
    public long Duplicates { get; private set; }

    public long Retransmits { get; private set; }

    /// <summary>Frames of other EtherTypes (dom0's kernel may send some on any link): not ours, ignored.</summary>
    public long OtherFrames { get; private set; }

    /// <summary>Whether the peer's report frame arrived; then its counts follow.</summary>
    public bool PeerReported { get; private set; }

    public long PeerReceivedOk { get; private set; }

    public long PeerBad { get; private set; }

    public long PeerDuplicates { get; private set; }

    public long PeerSent { get; private set; }

    private static byte[][] CreateBuffers()
    {
        var buffers = new byte[Buffers][];
        for (int i = 0; i < Buffers; i++) buffers[i] = new byte[MaxFrame];
        return buffers;
    }

    public static int GuestLength(int sequence) => MinFrame + (int)((uint)sequence * 7u % (MaxFrame - MinFrame + 1));

    public static int PeerLength(int sequence) => MinFrame + (int)(((uint)sequence * 13u + 700u) % (MaxFrame - MinFrame + 1));

    public static byte GuestByte(int sequence, int stream, int at) => (byte)((uint)sequence * 31u + (uint)at * 7u + ((uint)sequence >> 8) + (uint)stream * 5u);

    public static byte PeerByte(int sequence, int stream, int at) => (byte)((uint)sequence * 29u + (uint)at * 11u + ((uint)sequence >> 7) + 0x5Au + (uint)stream * 3u);

    /// <summary>Sends <paramref name="count"/> more data frames, Window at a time, until every answer is verified; false after 20 s without progress.</summary>
    public async Task<bool> RunAsync(int count)
    {
        int first = _nextSequence;
        _target = first + count;
        if (_target > _verified.Length) return false;
        _done = new TaskCompletionSource();
        while (_nextSequence < _target && _nextSequence - first < Window) SendData(_nextSequence++, resend: false);
        int stalls = 0;
        while (!_done.Task.IsCompleted)
        {
            long before = Verified;
            await Task.WhenAny(_done.Task, _time.SleepAsync(TimeSpan.FromSeconds(2)));
            if (_done.Task.IsCompleted) break;
            if (Verified != before) { stalls = 0; continue; }
            if (++stalls > 10) return false;
            for (int sequence = first; sequence < _nextSequence; sequence++)
                if (!_verified[sequence]) SendData(sequence, resend: true);
        }
        return true;
    }

    /// <summary>Tells the peer the exchange is over and waits (up to 10 s) for its counts.</summary>
    public async Task<bool> EndAsync()
    {
        _reported = new TaskCompletionSource();
        Span<byte> frame = _end;
        WriteHeader(frame, End, 0, MinFrame);
        for (int attempt = 0; attempt < 20 && !PeerReported; attempt++)
        {
            _ = _network.WriteAsync(_end);
            await Task.WhenAny(_reported.Task, _time.SleepAsync(TimeSpan.FromMilliseconds(500.0)));
        }
        return PeerReported;
    }

    private void WriteHeader(Span<byte> frame, byte kind, int sequence, int length)
    {
        PeerMac.Write(frame);
        _network.Mac.Write(frame.Slice(6));
        BinaryPrimitives.WriteUInt16BigEndian(frame.Slice(12), EtherType);
        frame[14] = kind;
        frame[15] = _stream;
        BinaryPrimitives.WriteUInt32BigEndian(frame.Slice(16), (uint)sequence);
        BinaryPrimitives.WriteUInt16BigEndian(frame.Slice(20), (ushort)length);
    }

    private void SendData(int sequence, bool resend)
    {
        byte[] buffer = _tx[sequence % Buffers];
        int length = GuestLength(sequence);
        Span<byte> frame = buffer.AsSpan(0, length);
        WriteHeader(frame, GuestData, sequence, length);
        for (int at = HeaderEnd; at < length; at++) frame[at] = GuestByte(sequence, _stream, at);
        if (resend) Retransmits++; else Sent++;
        _ = _network.WriteAsync(new ReadOnlyMemory<byte>(buffer, 0, length));
    }

    /// <summary>The listener's callback: checks a peer frame and, when it is new and right, sends the next data frame.</summary>
    public ValueTask OnFrame(ReadOnlyMemory<byte> memory)
    {
        ReadOnlySpan<byte> frame = memory.Span;
        if (frame.Length < 14 || BinaryPrimitives.ReadUInt16BigEndian(frame.Slice(12)) != EtherType)
        {
            OtherFrames++;
            return default;
        }
        if (frame.Length < HeaderEnd || MacAddress.Read(frame) != _network.Mac || MacAddress.Read(frame.Slice(6)) != PeerMac || frame[15] != _stream)
        {
            BadFrames++;
            return default;
        }
        if (frame[14] == Report) OnReport(frame);
        else if (frame[14] == PeerData) OnPeerData(frame);
        else BadFrames++;
        return default;
    }

    private void OnPeerData(ReadOnlySpan<byte> frame)
    {
        uint number = BinaryPrimitives.ReadUInt32BigEndian(frame.Slice(16));
        if (number == 0 || number >= (uint)_nextSequence) { BadFrames++; return; } // an answer to nothing we sent
        int sequence = (int)number;
        int length = PeerLength(sequence);
        if (frame.Length != length || BinaryPrimitives.ReadUInt16BigEndian(frame.Slice(20)) != length) { BadFrames++; return; }
        for (int at = HeaderEnd; at < length; at++)
            if (frame[at] != PeerByte(sequence, _stream, at)) { BadFrames++; return; }
        if (_verified[sequence]) { Duplicates++; return; }
        _verified[sequence] = true;
        Verified++;
        if (_nextSequence < _target) SendData(_nextSequence++, resend: false);
        else if (Verified == _target - 1) _done.TrySetResult(); // every number below the target, each counted once
    }

    private void OnReport(ReadOnlySpan<byte> frame)
    {
        if (frame.Length < 38) { BadFrames++; return; }
        PeerReceivedOk = BinaryPrimitives.ReadUInt32BigEndian(frame.Slice(22));
        PeerBad = BinaryPrimitives.ReadUInt32BigEndian(frame.Slice(26));
        PeerDuplicates = BinaryPrimitives.ReadUInt32BigEndian(frame.Slice(30));
        PeerSent = BinaryPrimitives.ReadUInt32BigEndian(frame.Slice(34));
        PeerReported = true;
        _reported.TrySetResult();
    }
}
