using System.Buffers.Binary;
using System.Diagnostics;
using Mirage.Devices;
using Mirage.Xen.Devices;

namespace NetExchange;

/// <summary>
/// Exchanges ICMP echo frames with dom0 (its kernel answers each request with the same payload):
/// 10,000 requests out and 10,000 replies in, each of its own length (60 to 1,060 bytes on the
/// wire) and content, every reply's payload checked byte for byte. 32 requests are in flight at
/// once; each verified reply sends the next request from the receive callback, so the exchange
/// allocates nothing per frame, which it checks against the heap's fill level. Then one runt
/// frame (10 bytes) that netback must refuse, 100 more exchanges to show the vif survived it, and
/// the disconnect. Prints what the test checks; exits 0 only if every check passed.
/// </summary>
public sealed class Exchange(IConsole console, ITime time, INetwork network)
{
    private const int Frames = 10_000;
    private const int WarmUp = 100;
    private const int AfterRefusal = 100;
    private const int Window = 32;
    private const ushort EchoId = 0x4d58;
    private const int Buffers = 64;

    private static readonly byte[] GuestIp = { 192, 168, 77, 2 };
    private static readonly byte[] PeerIp = { 192, 168, 77, 1 };

    private readonly byte[][] _tx = CreateBuffers();
    private readonly byte[] _arp = new byte[42];
    private readonly bool[] _verified = new bool[WarmUp + Frames + AfterRefusal + 1];
    private MacAddress _peerMac;
    private bool _peerKnown;
    private int _nextSequence = 1;
    private int _target;
    private int _verifiedCount;
    private long _badReplies;
    private long _retransmits;
    private TaskCompletionSource _done = new();

    private static byte[][] CreateBuffers()
    {
        var buffers = new byte[Buffers][];
        for (int i = 0; i < Buffers; i++) buffers[i] = new byte[1514];
        return buffers;
    }

    // Spelled out: enum names are not in the unikernel's metadata (Mirage.CoreLib prints the number).
    private static string Name(NetworkError error) => error switch
    {
        NetworkError.Disconnected => "Disconnected",
        NetworkError.FrameTooLarge => "FrameTooLarge",
        NetworkError.IoError => "IoError",
        _ => "?",
    };

    public async Task<int> StartAsync()
    {
        if (network is not XenNetwork xen)
        {
            await console.WriteLineAsync("this test runs on xen and xen-arm only");
            return 2;
        }
        await console.WriteLineAsync($"netfront: mac {network.Mac} mtu {network.Mtu} ({xen.XenstorePath})");
        var listening = network.ListenAsync(OnFrame);

        for (int attempt = 0; !_peerKnown && attempt < 40; attempt++)
        {
            SendArp(request: true, MacAddress.Broadcast, PeerIp);
            await time.SleepAsync(TimeSpan.FromMilliseconds(500.0));
        }
        if (!_peerKnown)
        {
            await console.WriteLineAsync("FAIL: dom0 (192.168.77.1) did not answer ARP");
            return 1;
        }
        await console.WriteLineAsync($"dom0 is {_peerMac}");

        if (!await RunAsync(WarmUp)) return 1;
        long heapBefore = GC.GetTotalAllocatedBytes();
        long ticks = Stopwatch.GetTimestamp();
        if (!await RunAsync(Frames)) return 1;
        double seconds = Stopwatch.GetElapsedTime(ticks).TotalSeconds;
        long heapGrowth = GC.GetTotalAllocatedBytes() - heapBefore;
        await console.WriteLineAsync($"exchanged {Frames} frames each way, contents verified, in {seconds:F2} s: {Frames / seconds:F0} frames/s each way");
        await console.WriteLineAsync($"heap growth over the {Frames} exchanges: {heapGrowth} bytes");

        var runt = await network.WriteAsync(new byte[10]);
        for (int i = 0; i < 100 && xen.FramesRefusedByBackend == 0; i++) await time.SleepAsync(TimeSpan.FromMilliseconds(50.0));
        await console.WriteLineAsync($"runt frame: write {(runt.IsOk ? "queued" : Name(runt.Error))}, refused by the backend: {xen.FramesRefusedByBackend}");
        if (!await RunAsync(AfterRefusal)) return 1;
        await console.WriteLineAsync($"after the refusal: {AfterRefusal} more frames each way verified");

        var stats = network.Statistics;
        await console.WriteLineAsync($"statistics: sent {stats.FramesSent} frames ({stats.BytesSent} bytes), received {stats.FramesReceived} ({stats.BytesReceived} bytes), dropped {stats.FramesDropped}, malformed {xen.MalformedFramesReceived}, bad replies {_badReplies}, retransmits {_retransmits}, ring-full waits {xen.TxRingFullWaits}, backend kicks {xen.BackendKicks}");
        var closed = await xen.CloseAsync();
        var ended = await listening;
        await console.WriteLineAsync($"closed: {(closed.IsOk ? "ok" : closed.Error.Message)}; listener ended with {(ended.IsOk ? "ok" : Name(ended.Error))}");

        bool passed = heapGrowth < 32 * 1024 && xen.FramesRefusedByBackend == 1 && _badReplies == 0 && closed.IsOk;
        await console.WriteLineAsync(passed ? "PASS" : "FAIL");
        return passed ? 0 : 1;
    }

    /// <summary>Sends <paramref name="count"/> echo requests, Window at a time, and waits until every reply is verified; resends what is lost after 2 s of silence.</summary>
    private async Task<bool> RunAsync(int count)
    {
        int first = _nextSequence;
        _target = first + count;
        _done = new TaskCompletionSource();
        while (_nextSequence < _target && _nextSequence - first < Window) SendEcho(_nextSequence++);
        int stalls = 0;
        while (!_done.Task.IsCompleted)
        {
            int before = _verifiedCount;
            await Task.WhenAny(_done.Task, time.SleepAsync(TimeSpan.FromSeconds(2)));
            if (_done.Task.IsCompleted) break;
            if (_verifiedCount != before) { stalls = 0; continue; }
            if (++stalls > 10)
            {
                await console.WriteLineAsync($"FAIL: no reply for 20 s ({_verifiedCount} verified)");
                return false;
            }
            for (int sequence = first; sequence < _nextSequence; sequence++)
                if (!_verified[sequence]) { SendEcho(sequence); _retransmits++; }
        }
        return true;
    }

    private ValueTask OnFrame(ReadOnlyMemory<byte> memory)
    {
        ReadOnlySpan<byte> frame = memory.Span;
        if (frame.Length < 14) return default;
        ushort type = BinaryPrimitives.ReadUInt16BigEndian(frame.Slice(12));
        if (type == 0x0806) OnArp(frame.Slice(14), frame);
        else if (type == 0x0800) OnIpv4(frame.Slice(14));
        return default;
    }

    private void OnArp(ReadOnlySpan<byte> arp, ReadOnlySpan<byte> frame)
    {
        if (arp.Length < 28) return;
        ushort operation = BinaryPrimitives.ReadUInt16BigEndian(arp.Slice(6));
        if (operation == 1 && arp.Slice(24, 4).SequenceEqual(GuestIp))
            SendArp(request: false, MacAddress.Read(arp.Slice(8)), arp.Slice(14, 4));
        else if (operation == 2 && arp.Slice(14, 4).SequenceEqual(PeerIp))
        {
            _peerMac = MacAddress.Read(arp.Slice(8));
            _peerKnown = true;
        }
    }

    private void SendArp(bool request, MacAddress to, ReadOnlySpan<byte> targetIp)
    {
        Span<byte> f = _arp;
        to.Write(f);
        network.Mac.Write(f.Slice(6));
        BinaryPrimitives.WriteUInt16BigEndian(f.Slice(12), 0x0806);
        BinaryPrimitives.WriteUInt16BigEndian(f.Slice(14), 1);      // Ethernet
        BinaryPrimitives.WriteUInt16BigEndian(f.Slice(16), 0x0800); // IPv4
        f[18] = 6;
        f[19] = 4;
        BinaryPrimitives.WriteUInt16BigEndian(f.Slice(20), (ushort)(request ? 1 : 2));
        network.Mac.Write(f.Slice(22));
        GuestIp.CopyTo(f.Slice(28));
        (request ? default : to).Write(f.Slice(32));
        targetIp.CopyTo(f.Slice(38));
        _ = network.WriteAsync(_arp);
    }

    private static int PayloadLength(int sequence) => 18 + sequence * 7 % 1000;

    private static byte PayloadByte(int sequence, int index) => (byte)(sequence * 31 + index * 7 + (sequence >> 8));

    private void SendEcho(int sequence)
    {
        byte[] buffer = _tx[sequence % Buffers];
        int payload = PayloadLength(sequence);
        int length = 14 + 20 + 8 + payload;
        Span<byte> f = buffer.AsSpan(0, length);
        _peerMac.Write(f);
        network.Mac.Write(f.Slice(6));
        BinaryPrimitives.WriteUInt16BigEndian(f.Slice(12), 0x0800);
        Span<byte> ip = f.Slice(14, 20);
        ip[0] = 0x45;
        ip[1] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(ip.Slice(2), (ushort)(20 + 8 + payload));
        BinaryPrimitives.WriteUInt16BigEndian(ip.Slice(4), (ushort)sequence);
        BinaryPrimitives.WriteUInt16BigEndian(ip.Slice(6), 0x4000); // don't fragment
        ip[8] = 64;
        ip[9] = 1; // ICMP
        BinaryPrimitives.WriteUInt16BigEndian(ip.Slice(10), 0);
        GuestIp.CopyTo(ip.Slice(12));
        PeerIp.CopyTo(ip.Slice(16));
        BinaryPrimitives.WriteUInt16BigEndian(ip.Slice(10), Checksum(ip));
        Span<byte> icmp = f.Slice(34);
        icmp[0] = 8; // echo request
        icmp[1] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(icmp.Slice(2), 0);
        BinaryPrimitives.WriteUInt16BigEndian(icmp.Slice(4), EchoId);
        BinaryPrimitives.WriteUInt16BigEndian(icmp.Slice(6), (ushort)sequence);
        for (int i = 0; i < payload; i++) icmp[8 + i] = PayloadByte(sequence, i);
        BinaryPrimitives.WriteUInt16BigEndian(icmp.Slice(2), Checksum(icmp));
        _ = network.WriteAsync(new ReadOnlyMemory<byte>(buffer, 0, length));
    }

    private void OnIpv4(ReadOnlySpan<byte> ip)
    {
        if (ip.Length < 20 || ip[0] != 0x45 || ip[9] != 1 || !ip.Slice(12, 4).SequenceEqual(PeerIp)) return;
        int total = BinaryPrimitives.ReadUInt16BigEndian(ip.Slice(2));
        if (total > ip.Length || total < 28) { _badReplies++; return; }
        ReadOnlySpan<byte> icmp = ip.Slice(20, total - 20);
        if (icmp[0] != 0 || BinaryPrimitives.ReadUInt16BigEndian(icmp.Slice(4)) != EchoId) return;
        int sequence = BinaryPrimitives.ReadUInt16BigEndian(icmp.Slice(6));
        if (sequence < 1 || sequence >= _verified.Length || _verified[sequence] || Checksum(icmp) != 0) { _badReplies++; return; }
        int payload = PayloadLength(sequence);
        if (icmp.Length != 8 + payload) { _badReplies++; return; }
        for (int i = 0; i < payload; i++)
            if (icmp[8 + i] != PayloadByte(sequence, i)) { _badReplies++; return; }
        _verified[sequence] = true;
        _verifiedCount++;
        if (_nextSequence < _target) SendEcho(_nextSequence++);
        else if (_verifiedCount == _target - 1) _done.TrySetResult(); // every sequence below the target, each counted once
    }

    private static ushort Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (int i = 0; i + 1 < data.Length; i += 2) sum += BinaryPrimitives.ReadUInt16BigEndian(data.Slice(i));
        if ((data.Length & 1) != 0) sum += (uint)data[data.Length - 1] << 8;
        while (sum > 0xFFFF) sum = (sum & 0xFFFF) + (sum >> 16);
        return (ushort)~sum;
    }
}
