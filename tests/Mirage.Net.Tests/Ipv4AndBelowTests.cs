using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Devices;
using Mirage.Net.Tests.Infrastructure;

namespace Mirage.Net.Tests;

/// <summary>Ethernet, ARP, IPv4 (reassembly included), ICMP and UDP: answers to good input, counted drops of bad input.</summary>
[TestClass]
public sealed class Ipv4AndBelowTests
{
    [TestMethod]
    public void AnswersArpRequestsForItsAddressOnly() => VirtualTimeLoop.Run(async loop =>
    {
        ScriptedPeer peer = await ScriptedPeer.StartAsync(loop);
        peer.SendEthernet(Frames.ArpType, Frames.Arp(1, Lab.PeerMac, Lab.AddressB, default, Lab.AddressA), MacAddress.Broadcast);
        SentFrame reply = (await peer.ReceiveAsync()).Single();
        Assert.AreEqual(2, reply.ArpOperation);
        Assert.AreEqual(Lab.AddressA, reply.ArpSenderIp);
        Assert.AreEqual(Lab.PeerMac, reply.Destination);
        peer.SendEthernet(Frames.ArpType, Frames.Arp(1, Lab.PeerMac, Lab.AddressB, default, Ipv4Address.Parse("10.0.0.9")), MacAddress.Broadcast);
        Assert.AreEqual(0, (await peer.ReceiveAsync()).Count, "not our address: no answer");
    });

    [TestMethod]
    public void ResolvesQueuesAndGivesUpAfterThreeRequests() => VirtualTimeLoop.Run(async loop =>
    {
        ScriptedPeer peer = await ScriptedPeer.StartAsync(loop);
        IUdpSocket socket = (await peer.Stack.Udp.BindAsync(5000)).Value;
        var silent = Ipv4Address.Parse("10.0.0.77");
        await socket.SendAsync(new Ipv4Endpoint(silent, 9), new byte[] { 1 });
        List<SentFrame> sent = await peer.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.AreEqual(3, sent.Count(f => f.EtherType == Frames.ArpType && f.ArpTargetIp == silent), "three requests, a second apart");
        Assert.AreEqual(0, sent.Count(f => f.EtherType == Frames.Ipv4Type), "the datagram waited, then was dropped");
        Assert.AreEqual(1, peer.Stack.Statistics.Arp.ResolutionTimeouts);
        Assert.AreEqual(ArpError.Timeout, (await peer.Stack.Arp.QueryAsync(silent)).Error);

        // A host that answers: the queued datagram goes out once it does.
        var other = Ipv4Address.Parse("10.0.0.78");
        await socket.SendAsync(new Ipv4Endpoint(other, 9), new byte[] { 2 });
        Assert.AreEqual(1, (await peer.ReceiveAsync()).Count(f => f.EtherType == Frames.ArpType && f.ArpTargetIp == other));
        var otherMac = new MacAddress(0x02_00_00_00_00_78UL);
        peer.Wire.B.Inject(Frames.Ethernet(peer.StackMac, otherMac, Frames.ArpType, Frames.Arp(2, otherMac, other, peer.StackMac, Lab.AddressA)));
        SentFrame datagram = (await peer.ReceiveAsync()).Single();
        Assert.AreEqual(otherMac, datagram.Destination);
        CollectionAssert.AreEqual(new byte[] { 2 }, datagram.Payload);
    });

    [TestMethod]
    public void SendsThroughTheGatewayOffLink() => VirtualTimeLoop.Run(async loop =>
    {
        var wire = new EthernetWire(loop);
        DirectStackV4 stack = await Lab.StackAsync(loop, wire.A, "10.0.0.1/24", 1, gateway: "10.0.0.254");
        await loop.SettleAsync();
        wire.B.Unclaimed.Clear();
        IUdpSocket socket = (await stack.Udp.BindAsync(0)).Value;
        await socket.SendAsync(new Ipv4Endpoint(Ipv4Address.Parse("8.8.8.8"), 53), new byte[] { 1 });
        await loop.SettleAsync();
        SentFrame arp = SentFrame.Read(wire.B.Unclaimed.Single());
        Assert.AreEqual(Ipv4Address.Parse("10.0.0.254"), arp.ArpTargetIp, "off-link traffic resolves the gateway");
    });

    [TestMethod]
    public void AnswersPingsIncludingOnesThatNeedFragmentation() => VirtualTimeLoop.Run(async loop =>
    {
        ScriptedPeer peer = await ScriptedPeer.StartAsync(loop);
        byte[] small = Lab.Pattern(56, 1);
        peer.SendIp(1, Frames.IcmpEcho(7, 1, small));
        SentFrame reply = (await peer.ReceiveAsync()).Single();
        Assert.AreEqual(0, reply.IpPayload[0], "echo reply");
        CollectionAssert.AreEqual(small, reply.IpPayload[8..]);

        // 4000 bytes of data: three fragments in, three fragments out.
        byte[] icmp = Frames.IcmpEcho(7, 2, Lab.Pattern(4000, 2));
        foreach (byte[] fragment in Fragment(icmp, 1, id: 99, 1480)) peer.SendEthernet(Frames.Ipv4Type, fragment);
        List<SentFrame> replies = await peer.ReceiveAsync();
        Assert.AreEqual(3, replies.Count, "the reply is fragmented too");
        byte[] reassembled = replies.OrderBy(f => f.FragmentField & 0x1FFF).SelectMany(f => f.IpPayload).ToArray();
        Assert.AreEqual(0, reassembled[0]);
        CollectionAssert.AreEqual(icmp[8..], reassembled[8..]);
        Assert.AreEqual(0, Frames.Checksum(reassembled), "reply checksum");
        Assert.AreEqual(1, peer.Stack.Statistics.Ipv4.Reassembled);
    });

    [TestMethod]
    public void ReassemblesOutOfOrderAndDropsOverlapsAndTimesOut() => VirtualTimeLoop.Run(async loop =>
    {
        ScriptedPeer peer = await ScriptedPeer.StartAsync(loop);
        byte[] icmp = Frames.IcmpEcho(7, 3, Lab.Pattern(3000, 3));
        List<byte[]> pieces = Fragment(icmp, 1, id: 5, 1480);
        pieces.Reverse();
        foreach (byte[] p in pieces) peer.SendEthernet(Frames.Ipv4Type, p);
        Assert.AreEqual(3, (await peer.ReceiveAsync()).Count, "reverse order reassembles");

        // A second fragment overlapping the first with different bounds condemns the datagram (no reply).
        List<byte[]> overlapping = Fragment(icmp, 1, id: 6, 1480);
        byte[] overlap = Frames.Ipv4(Lab.AddressB, Lab.AddressA, 1, icmp.AsSpan(8, 1480), id: 6, moreFragments: true, fragmentOffsetBytes: 8);
        peer.SendEthernet(Frames.Ipv4Type, overlapping[0]);
        peer.SendEthernet(Frames.Ipv4Type, overlap);
        foreach (byte[] p in overlapping.Skip(1)) peer.SendEthernet(Frames.Ipv4Type, p);
        Assert.AreEqual(0, (await peer.ReceiveAsync()).Count(f => f.EtherType == Frames.Ipv4Type));
        Assert.AreEqual(1, peer.Stack.Statistics.Ipv4.FragmentOverlaps);

        // An incomplete datagram times out and frees its slot.
        peer.SendEthernet(Frames.Ipv4Type, Fragment(icmp, 1, id: 7, 1480)[0]);
        await peer.ReceiveAsync();
        await peer.WaitAsync(TimeSpan.FromSeconds(31));
        Assert.IsTrue(peer.Stack.Statistics.Ipv4.ReassemblyTimeouts >= 1);
        Assert.AreEqual(0, peer.Stack.Reassembler.SlotsInUse);
    });

    [TestMethod]
    public void ReassemblyHasBoundedSlots() => VirtualTimeLoop.Run(async loop =>
    {
        ScriptedPeer peer = await ScriptedPeer.StartAsync(loop);
        for (ushort id = 0; id < 100; id++)
            peer.SendEthernet(Frames.Ipv4Type, Frames.Ipv4(Lab.AddressB, Lab.AddressA, 17, new byte[800], id: id, moreFragments: true));
        await peer.ReceiveAsync();
        Assert.AreEqual(8, peer.Stack.Reassembler.SlotsInUse);
        Assert.AreEqual(92, peer.Stack.Statistics.Ipv4.ReassemblyOverflows);
    });

    [TestMethod]
    public void MalformedPacketsAreDroppedAndCountedPerReason() => VirtualTimeLoop.Run(async loop =>
    {
        ScriptedPeer peer = await ScriptedPeer.StartAsync(loop);
        Ipv4Statistics ip = peer.Stack.Statistics.Ipv4;
        byte[] good = Frames.Ipv4(Lab.AddressB, Lab.AddressA, 1, Frames.IcmpEcho(1, 1, new byte[8]));

        peer.SendEthernet(Frames.Ipv4Type, good[..12]);
        byte[] badChecksum = (byte[])good.Clone();
        badChecksum[10] ^= 0xFF;
        peer.SendEthernet(Frames.Ipv4Type, badChecksum);
        byte[] badVersion = (byte[])good.Clone();
        badVersion[0] = 0x65;
        peer.SendEthernet(Frames.Ipv4Type, badVersion);
        byte[] badIhl = (byte[])good.Clone();
        badIhl[0] = 0x4F; // 60-byte header in a 36-byte packet
        peer.SendEthernet(Frames.Ipv4Type, badIhl);
        byte[] longTotal = Frames.Ipv4(Lab.AddressB, Lab.AddressA, 1, new byte[16]);
        longTotal[2] = 0x05; // total length 1300+ in a short packet; checksum recomputed
        longTotal[10] = longTotal[11] = 0;
        ushort sum = Frames.Checksum(longTotal.AsSpan(0, 20));
        longTotal[10] = (byte)(sum >> 8);
        longTotal[11] = (byte)sum;
        peer.SendEthernet(Frames.Ipv4Type, longTotal);
        byte[] icmpBad = Frames.IcmpEcho(1, 1, new byte[8]);
        icmpBad[9] ^= 1;
        peer.SendIp(1, icmpBad);
        byte[] udpBad = Frames.Udp(Lab.AddressB, Lab.AddressA, 1, 2, new byte[10]);
        udpBad[12] ^= 1;
        peer.SendIp(17, udpBad);
        byte[] udpLong = Frames.Udp(Lab.AddressB, Lab.AddressA, 1, 2, new byte[10], checksum: false);
        udpLong[5] = 200;
        peer.SendIp(17, udpLong);
        peer.SendIp(6, new byte[12]);
        peer.Wire.B.Inject(new byte[8]);
        peer.Wire.B.Inject(Frames.Ethernet(peer.StackMac, Lab.PeerMac, 0x86DD, new byte[40]));

        Assert.AreEqual(0, (await peer.ReceiveAsync()).Count, "nothing malformed is answered");
        StackStatistics s = peer.Stack.Statistics;
        Assert.AreEqual(1, ip.Truncated);
        Assert.AreEqual(1, ip.BadChecksum);
        Assert.AreEqual(1, ip.BadVersion);
        Assert.AreEqual(1, ip.BadHeaderLength);
        Assert.AreEqual(1, ip.BadTotalLength);
        Assert.AreEqual(1, s.Icmp.BadChecksum);
        Assert.AreEqual(1, s.Udp.BadChecksum);
        Assert.AreEqual(1, s.Udp.BadLength);
        Assert.AreEqual(1, s.Tcp.Truncated);
        Assert.AreEqual(1, s.Ethernet.Truncated);
        Assert.AreEqual(1, s.Ethernet.UnknownType);
        Assert.AreEqual(0, s.InternalErrors);
    });

    [TestMethod]
    public void UdpDeliversToTheBoundPortAndAnswersClosedPortsWithIcmp() => VirtualTimeLoop.Run(async loop =>
    {
        ScriptedPeer peer = await ScriptedPeer.StartAsync(loop);
        IUdpSocket socket = (await peer.Stack.Udp.BindAsync(5000)).Value;
        peer.SendIp(17, Frames.Udp(Lab.AddressB, Lab.AddressA, 6000, 5000, new byte[] { 1, 2, 3 }));
        peer.SendIp(17, Frames.Udp(Lab.AddressB, Lab.AddressA, 6000, 5000, new byte[] { 4, 5 }, checksum: false)); // 0: no checksum, allowed
        await peer.ReceiveAsync();
        var buffer = new byte[2];
        UdpReceived first = (await socket.ReceiveAsync(buffer)).Value;
        Assert.AreEqual(2, first.Count);
        Assert.IsTrue(first.Truncated);
        Assert.AreEqual(new Ipv4Endpoint(Lab.AddressB, 6000), first.Remote);
        UdpReceived second = (await socket.ReceiveAsync(buffer)).Value;
        CollectionAssert.AreEqual(new byte[] { 4, 5 }, buffer);
        Assert.IsFalse(second.Truncated);

        await socket.SendAsync(new Ipv4Endpoint(Lab.AddressB, 6000), new byte[] { 9, 9 });
        SentFrame sent = (await peer.ReceiveAsync()).Single();
        Assert.AreEqual(0, Frames.TransportChecksum(Lab.AddressA, Lab.AddressB, 17, sent.IpPayload), "UDP checksum verifies");
        CollectionAssert.AreEqual(new byte[] { 9, 9 }, sent.Payload);

        peer.SendIp(17, Frames.Udp(Lab.AddressB, Lab.AddressA, 6000, 5001, new byte[] { 1 }));
        SentFrame unreachable = (await peer.ReceiveAsync()).Single();
        Assert.AreEqual(1, unreachable.Protocol);
        Assert.AreEqual(3, unreachable.IpPayload[0]);
        Assert.AreEqual(3, unreachable.IpPayload[1], "port unreachable");
        Assert.AreEqual(1, peer.Stack.Statistics.Udp.NoPort);
    });

    [TestMethod]
    public void UnknownProtocolGetsProtocolUnreachable() => VirtualTimeLoop.Run(async loop =>
    {
        ScriptedPeer peer = await ScriptedPeer.StartAsync(loop);
        peer.SendIp(99, new byte[20]);
        SentFrame unreachable = (await peer.ReceiveAsync()).Single();
        Assert.AreEqual(3, unreachable.IpPayload[0]);
        Assert.AreEqual(2, unreachable.IpPayload[1]);
    });

    [TestMethod]
    public void StaticAddressConflictStopsTheStackFromStarting() => VirtualTimeLoop.Run(async loop =>
    {
        var wire = new EthernetWire(loop);
        // Another host on the wire owns 10.0.0.1 and answers the probe.
        wire.Filter = (from, frame) =>
        {
            SentFrame f = SentFrame.Read(frame);
            if (from == wire.A && f.EtherType == Frames.ArpType && f.ArpTargetIp == Lab.AddressA)
                wire.B.Inject(Frames.Ethernet(f.Source, Lab.PeerMac, Frames.ArpType, Frames.Arp(2, Lab.PeerMac, Lab.AddressA, f.Source, Ipv4Address.Any)));
            return true;
        };
        Result<IStackV4, DeviceError> result = await DirectStackV4.ConnectAsync(wire.A, loop, loop, new SeededRandom(1), Ipv4Cidr.Parse("10.0.0.1/24"), null, 30, probeAddress: true);
        Assert.IsTrue(result.IsError);
        StringAssert.Contains(result.Error.Message, "already in use");
    });

    [TestMethod]
    public void StaticAddressIsProbedOnlyWhenAsked() => VirtualTimeLoop.Run(async loop =>
    {
        foreach (bool probe in new[] { false, true })
        {
            var wire = new EthernetWire(loop);
            var sent = new List<SentFrame>();
            wire.Filter = (from, frame) => { if (from == wire.A) sent.Add(SentFrame.Read(frame)); return true; };
            long start = loop.NowMs;
            Result<IStackV4, DeviceError> result = await DirectStackV4.ConnectAsync(wire.A, loop, loop, new SeededRandom(1), Ipv4Cidr.Parse("10.0.0.1/24"), null, 30, probe);
            Assert.IsTrue(result.IsOk, result.IsError ? result.Error.Message : "");
            // A probe asks for the address with sender 0.0.0.0 (RFC 5227 2.1.1); the announcement
            // that follows in both cases has the address as sender and target.
            int probes = sent.FindAll(f => f.EtherType == Frames.ArpType && f.ArpSenderIp == Ipv4Address.Any && f.ArpTargetIp == Lab.AddressA).Count;
            Assert.AreEqual(probe ? 2 : 0, probes, $"probes sent with probeAddress={probe}");
            Assert.IsTrue(sent.Exists(f => f.EtherType == Frames.ArpType && f.ArpSenderIp == Lab.AddressA && f.ArpTargetIp == Lab.AddressA), "gratuitous ARP announcement");
            Assert.AreEqual(probe ? 200 : 0, loop.NowMs - start, $"start time with probeAddress={probe}");
            ((DirectStackV4)result.Value).Stop();
        }
    });

    [TestMethod]
    public void ParametersAreCheckedWithMessagesNamingThem()
    {
        Assert.IsNull(DirectStackV4.Validate(null, null, 30));
        Assert.IsNull(DirectStackV4.Validate(Ipv4Cidr.Parse("10.0.0.2/24"), Ipv4Address.Parse("10.0.0.1"), 30));
        StringAssert.Contains(DirectStackV4.Validate(null, Ipv4Address.Parse("10.0.0.1"), 30), "gateway is set but ipv4 is not");
        StringAssert.Contains(DirectStackV4.Validate(Ipv4Cidr.Parse("10.0.0.2/24"), Ipv4Address.Parse("10.0.1.1"), 30), "gateway 10.0.1.1 is not on the network");
        StringAssert.Contains(DirectStackV4.Validate(Ipv4Cidr.Parse("10.0.0.0/24"), null, 30), "network's own address");
        StringAssert.Contains(DirectStackV4.Validate(Ipv4Cidr.Parse("10.0.0.255/24"), null, 30), "broadcast");
        StringAssert.Contains(DirectStackV4.Validate(Ipv4Cidr.Parse("224.0.0.1/24"), null, 30), "not a usable host address");
        StringAssert.Contains(DirectStackV4.Validate(null, null, 0), "dhcp-timeout");
    }

    /// <summary>Splits an IPv4 payload into fragments carrying <paramref name="chunk"/> bytes each (a multiple of 8).</summary>
    internal static List<byte[]> Fragment(byte[] payload, byte protocol, ushort id, int chunk)
    {
        var fragments = new List<byte[]>();
        for (int offset = 0; offset < payload.Length; offset += chunk)
        {
            int length = Math.Min(chunk, payload.Length - offset);
            fragments.Add(Frames.Ipv4(Lab.AddressB, Lab.AddressA, protocol, payload.AsSpan(offset, length), id,
                moreFragments: offset + length < payload.Length, fragmentOffsetBytes: offset));
        }
        return fragments;
    }
}
