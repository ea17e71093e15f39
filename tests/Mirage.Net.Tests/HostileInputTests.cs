using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Devices;
using Mirage.Net.Tcp;
using Mirage.Net.Tests.Infrastructure;

namespace Mirage.Net.Tests;

/// <summary>A million hostile frames, a SYN flood, and the allocation budget of steady traffic.</summary>
[TestClass]
public sealed class HostileInputTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void AMillionRandomAndMutatedFramesLeaveTheStackServing() => VirtualTimeLoop.Run(async loop =>
    {
        const int frames = 1_000_000;
        var wire = new EthernetWire(loop, 3);
        DirectStackV4 server = await Lab.StackAsync(loop, wire.A, "10.0.0.1/24", 1);
        DirectStackV4 client = await Lab.StackAsync(loop, wire.B, "10.0.0.200/24", 2);
        ITcpListener listener = (await server.Tcp.ListenAsync(80)).Value;
        _ = EchoAsync(listener);
        IUdpSocket udp = (await server.Udp.BindAsync(5000)).Value;
        _ = DrainAsync(udp);
        ITcpFlow live = (await client.Tcp.ConnectAsync(new Ipv4Endpoint(Lab.AddressA, 80))).Value;

        // While the fuzzer runs, the server's answers go nowhere (the client would only be confused by them).
        long answers = 0;
        wire.Filter = (from, _) => { answers++; return false; };
        var fuzzer = new FrameFuzzer(20240601, wire.A.Mac, live.LocalEndpoint, 80, 5000);
        long framesBefore = server.Statistics.Ethernet.FramesReceived;
        var clock = Stopwatch.StartNew();
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 1; i <= frames; i++)
        {
            server.Receive(fuzzer.Next());
            if (i % 4096 == 0) await loop.AdvanceAsync(TimeSpan.FromMilliseconds(100)); // timers run; 24 virtual minutes in all
        }
        TestContext.WriteLine($"{frames} frames in {clock.Elapsed.TotalSeconds:F1} s; {answers} answers; allocated {(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / frames} bytes/frame (generator included)");
        StackStatistics s = server.Statistics;
        TestContext.WriteLine($"ethernet: notForUs {s.Ethernet.NotForUs} truncated {s.Ethernet.Truncated} unknown {s.Ethernet.UnknownType}; ip: badChecksum {s.Ipv4.BadChecksum} badHeader {s.Ipv4.BadHeaderLength} badTotal {s.Ipv4.BadTotalLength} fragments {s.Ipv4.FragmentsReceived} reassembled {s.Ipv4.Reassembled} overlaps {s.Ipv4.FragmentOverlaps}; icmp echo {s.Icmp.EchoRequestsReceived}; udp delivered {s.Udp.DatagramsDelivered} badChecksum {s.Udp.BadChecksum}; tcp segments {s.Tcp.SegmentsReceived} badChecksum {s.Tcp.BadChecksum} badOptions {s.Tcp.BadOptions} challengeAcks {s.Tcp.ChallengeAcks} listenOverflows {s.Tcp.ListenOverflows}");

        Assert.AreEqual(0, s.InternalErrors, "an exception escaped a parser: " + server.LastInternalError);
        Assert.AreEqual(0, server.Timers.Faults, "a timer handler threw");
        Assert.IsTrue(s.Ethernet.FramesReceived - framesBefore >= frames, "every frame was looked at");
        Assert.IsTrue(s.Ipv4.BadChecksum > 1000 && s.Tcp.BadChecksum > 100 && s.Udp.BadChecksum > 100, "mutations reached every layer");
        Assert.IsTrue(s.Ipv4.Reassembled > 0 && s.Ipv4.FragmentOverlaps > 0 && s.Icmp.EchoRepliesSent > 0 && s.Tcp.PassiveOpens > 0, "valid traffic got through too");
        Assert.IsTrue(server.TcpLayer.ConnectionCount <= 128 + 2, "half-open connections stay within the backlog: " + server.TcpLayer.ConnectionCount);
        Assert.IsTrue(server.Reassembler.SlotsInUse <= 8);
        Assert.IsTrue(server.PoolAllocations < 2000, "frame buffers are reused: " + server.PoolAllocations + " allocated");

        // Afterwards: a new connection is served, byte for byte.
        wire.Filter = null;
        await loop.AdvanceAsync(TimeSpan.FromSeconds(61)); // poisoned ARP entries for the client's address, if any, expire
        ITcpFlow flow = (await client.Tcp.ConnectAsync(new Ipv4Endpoint(Lab.AddressA, 80))).Value;
        byte[] data = Lab.Pattern(100_000, 4);
        Task<byte[]> echoed = TcpTransferTests.ReadAllAsync(flow);
        await TcpTransferTests.WriteInPiecesAsync(flow, data);
        await flow.ShutdownWriteAsync();
        CollectionAssert.AreEqual(data, await echoed);
    }, TimeSpan.FromHours(2));

    [TestMethod]
    public void ASynFloodIsBoundedByTheBacklogAndTheListenerRecovers() => VirtualTimeLoop.Run(async loop =>
    {
        var wire = new EthernetWire(loop, 3);
        DirectStackV4 server = await Lab.StackAsync(loop, wire.A, "10.0.0.1/24", 1);
        DirectStackV4 client = await Lab.StackAsync(loop, wire.B, "10.0.0.200/24", 2);
        ITcpListener listener = (await server.Tcp.ListenAsync(80, backlog: 64)).Value;
        _ = EchoAsync(listener);
        wire.Filter = (from, _) => from != wire.A;
        var random = new Random(5);
        GC.Collect();
        long memoryBefore = GC.GetTotalMemory(true);
        for (int i = 0; i < 200_000; i++)
        {
            var source = new Ipv4Address(0x0A00_0000u | (uint)random.Next(2, 150));
            byte[] syn = Frames.Tcp(source, Lab.AddressA, (ushort)random.Next(1024, 65536), 80, (uint)random.Next(), 0, TcpFlagBits.Syn, 65535);
            server.Receive(Frames.Ethernet(wire.A.Mac, new MacAddress(0x02_00_00_00_20_00UL), Frames.Ipv4Type, Frames.Ipv4(source, Lab.AddressA, 6, syn)));
            if (i % 10_000 == 0) await loop.SettleAsync();
        }
        long growth = GC.GetTotalMemory(true) - memoryBefore;
        TestContext.WriteLine($"connections {server.TcpLayer.ConnectionCount}, overflows {server.Statistics.Tcp.ListenOverflows}, memory growth {growth / 1024} KiB");
        Assert.AreEqual(64, server.TcpLayer.ConnectionCount, "only the backlog's worth of half-open connections exist");
        Assert.IsTrue(server.Statistics.Tcp.ListenOverflows >= 200_000 - 64);
        Assert.IsTrue(growth < 16 * 1024 * 1024, $"memory grew by {growth / 1024} KiB");

        wire.Filter = null;
        await loop.AdvanceAsync(TimeSpan.FromSeconds(40)); // the unanswered SYN-ACKs give up
        Assert.AreEqual(0, server.TcpLayer.ConnectionCount);
        ITcpFlow flow = (await client.Tcp.ConnectAsync(new Ipv4Endpoint(Lab.AddressA, 80))).Value;
        await flow.WriteAsync(new byte[] { 42 });
        await flow.ShutdownWriteAsync();
        CollectionAssert.AreEqual(new byte[] { 42 }, await TcpTransferTests.ReadAllAsync(flow));
    });

    [TestMethod]
    public void SteadyTrafficAllocatesNothingPerPacket() => VirtualTimeLoop.Run(async loop =>
    {
        var network = new DiscardNetwork();
        DirectStackV4 stack = (DirectStackV4)(await DirectStackV4.ConnectAsync(network, loop, loop, new SeededRandom(1),
            Ipv4Cidr.Parse("10.0.0.1/24"), null, 30, false)).Value;
        ITcpListener listener = (await stack.Tcp.ListenAsync(80)).Value;
        stack.Receive(Frames.Ethernet(MacAddress.Broadcast, Lab.PeerMac, Frames.ArpType, Frames.Arp(1, Lab.PeerMac, Lab.AddressB, default, Lab.AddressA)));
        byte[] Frame(byte protocol, byte[] payload) => Frames.Ethernet(network.Mac, Lab.PeerMac, Frames.Ipv4Type, Frames.Ipv4(Lab.AddressB, Lab.AddressA, protocol, payload));

        stack.Receive(Frame(6, Frames.Tcp(Lab.AddressB, Lab.AddressA, 4000, 80, 100, 0, TcpFlagBits.Syn, 65535, default, ScriptedPeer.Options(1460, 7, true))));
        SentFrame synAck = SentFrame.Read(network.Last.ToArray());
        stack.Receive(Frame(6, Frames.Tcp(Lab.AddressB, Lab.AddressA, 4000, 80, 101, synAck.Seq + 1, TcpFlagBits.Ack, 65535)));
        ITcpFlow flow = (await listener.AcceptAsync()).Value;

        const int count = 20_000;
        var pings = new byte[64][];
        for (int i = 0; i < pings.Length; i++) pings[i] = Frame(1, Frames.IcmpEcho(1, (ushort)i, new byte[56]));
        var segments = new byte[count][];
        for (int i = 0; i < count; i++)
            segments[i] = Frame(6, Frames.Tcp(Lab.AddressB, Lab.AddressA, 4000, 80, 101 + (uint)(i * 1000), synAck.Seq + 1, TcpFlagBits.Ack, 65535, new byte[1000]));
        var readBuffer = new byte[4096];
        for (int i = 0; i < 1000; i++) stack.Receive(pings[i % 64]); // warm up

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < count; i++) stack.Receive(pings[i % 64]);
        long perPing = (GC.GetAllocatedBytesForCurrentThread() - before) / count;
        before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < count; i++)
        {
            stack.Receive(segments[i]);
            await flow.ReadAsync(readBuffer);
        }
        long perSegment = (GC.GetAllocatedBytesForCurrentThread() - before) / count;
        TestContext.WriteLine($"bytes allocated per ping {perPing}, per TCP segment received and read {perSegment}; frames sent {network.Statistics.FramesSent}");
        Assert.AreEqual(count + 1000L, stack.Statistics.Icmp.EchoRepliesSent);
        Assert.AreEqual(0, perPing, "answering pings must not allocate");
        Assert.AreEqual(0, perSegment, "receiving and reading TCP data must not allocate");
    });

    private static async Task EchoAsync(ITcpListener listener)
    {
        while (true)
        {
            Result<ITcpFlow, TcpError> accepted = await listener.AcceptAsync();
            if (!accepted.TryGetValue(out ITcpFlow flow, out _)) return;
            _ = EchoOneAsync(flow);
        }
    }

    private static async Task EchoOneAsync(ITcpFlow flow)
    {
        var buffer = new byte[4096];
        while (true)
        {
            FlowResult read = await flow.ReadAsync(buffer);
            if (!read.IsOk) break;
            if (!(await flow.WriteAsync(buffer.AsMemory(0, read.Count))).IsOk) break;
        }
        await flow.ShutdownWriteAsync();
        await flow.CloseAsync();
    }

    private static async Task DrainAsync(IUdpSocket socket)
    {
        var buffer = new byte[2048];
        while ((await socket.ReceiveAsync(buffer)).IsOk) { }
    }
}
