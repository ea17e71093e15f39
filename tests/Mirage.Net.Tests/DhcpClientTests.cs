using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Devices;
using Mirage.Net.Tests.Infrastructure;

namespace Mirage.Net.Tests;

/// <summary>The DHCP client's whole lease life against a scripted server, in virtual time: lease, renewal at T1, rebinding at T2, expiry.</summary>
[TestClass]
public sealed class DhcpClientTests
{
    private static readonly Ipv4Address Server = Ipv4Address.Parse("10.0.0.254");
    private static readonly Ipv4Address Offered = Ipv4Address.Parse("10.0.0.77");

    [TestMethod]
    public void LeasesRenewsRebindsAndStartsOverWhenTheLeaseRunsOut() => VirtualTimeLoop.Run(async loop =>
    {
        var wire = new EthernetWire(loop, 1);
        var server = new ScriptedDhcpServer(wire);
        Task<Result<IStackV4, DeviceError>> connecting = DirectStackV4.ConnectAsync(wire.A, loop, loop, new SeededRandom(1), null, null, 30, false).AsTask();

        DhcpRequest discover = await server.NextAsync(loop);
        Assert.AreEqual(1, discover.Type, "DISCOVER");
        Assert.IsTrue(discover.Broadcast);
        server.Reply(discover, 2, leaseSeconds: 100);
        DhcpRequest request = await server.NextAsync(loop);
        Assert.AreEqual(3, request.Type, "REQUEST");
        Assert.AreEqual(Offered, request.RequestedAddress);
        Assert.AreEqual(Server, request.ServerIdentifier);
        server.Reply(request, 5, leaseSeconds: 100);
        await loop.AdvanceAsync(TimeSpan.FromSeconds(1)); // the ARP probe of the offered address
        var stack = (DirectStackV4)(await connecting).Value;
        Assert.AreEqual("10.0.0.77/24", stack.Addresses[0].ToString());
        Assert.AreEqual(Server, stack.Gateway);

        // T1 = 50 s: renewal, unicast to the server, from the leased address.
        server.Forget();
        await loop.AdvanceAsync(TimeSpan.FromSeconds(50));
        DhcpRequest renewal = await server.NextAsync(loop);
        Assert.AreEqual(3, renewal.Type);
        Assert.AreEqual(Server, renewal.IpDestination, "renewing talks to the leasing server");
        Assert.AreEqual(Offered, renewal.ClientAddress);
        server.Reply(renewal, 5, leaseSeconds: 100);
        await loop.SettleAsync();
        Assert.AreEqual(1, stack.Statistics.Dhcp.Renewals);
        Assert.AreEqual(2, stack.Statistics.Dhcp.Acks);

        // The server goes silent: renewal (unicast) until T2 = 87.5 s, then rebinding (broadcast), then expiry at 100 s.
        server.Silent = true;
        server.Forget();
        await loop.AdvanceAsync(TimeSpan.FromSeconds(90));
        Assert.IsTrue(server.Requests.Any(r => r.Type == 3 && r.IpDestination == Server), "renewing: " + string.Join("; ", server.Requests));
        Assert.IsTrue(server.Requests.Any(r => r.Type == 3 && r.IpDestination == Ipv4Address.Broadcast && r.ClientAddress == Offered), "rebinding");
        await loop.AdvanceAsync(TimeSpan.FromSeconds(15));
        Assert.AreEqual(1, stack.Statistics.Dhcp.LeasesLost);
        Assert.AreEqual(0, stack.Addresses.Count, "an expired lease leaves no address");
        Assert.IsTrue(server.Requests.Any(r => r.Type == 1), "and the client starts over with DISCOVER");
    }, TimeSpan.FromHours(1));

    [TestMethod]
    public void NoOfferMeansABootErrorNamingDhcp() => VirtualTimeLoop.Run(async loop =>
    {
        var wire = new EthernetWire(loop, 1);
        Result<IStackV4, DeviceError> result = await DirectStackV4.ConnectAsync(wire.A, loop, loop, new SeededRandom(1), null, null, 5, false);
        Assert.IsTrue(result.IsError);
        StringAssert.Contains(result.Error.Message, "no DHCP lease within 5 s");
    });

    private sealed record DhcpRequest(byte Type, uint TransactionId, MacAddress Client, Ipv4Address ClientAddress,
        Ipv4Address RequestedAddress, Ipv4Address ServerIdentifier, Ipv4Address IpDestination, bool Broadcast);

    /// <summary>A DHCP server (and the gateway's ARP) scripted on the wire's B end.</summary>
    private sealed class ScriptedDhcpServer
    {
        private readonly EthernetWire _wire;

        public ScriptedDhcpServer(EthernetWire wire)
        {
            _wire = wire;
            wire.Filter = Observe;
        }

        public List<DhcpRequest> Requests { get; } = new();

        public bool Silent { get; set; }

        private int _taken;

        public void Forget()
        {
            Requests.Clear();
            _taken = 0;
        }

        public async Task<DhcpRequest> NextAsync(VirtualTimeLoop loop)
        {
            for (int i = 0; i < 100 && _taken >= Requests.Count; i++) await loop.AdvanceAsync(TimeSpan.FromMilliseconds(100));
            Assert.IsTrue(_taken < Requests.Count, "the client sent nothing");
            return Requests[_taken++];
        }

        public void Reply(DhcpRequest to, byte type, uint leaseSeconds)
        {
            var message = new byte[300];
            message[0] = 2;
            message[1] = 1;
            message[2] = 6;
            Write32(message, 4, to.TransactionId);
            if (to.Broadcast) message[10] = 0x80;
            Offered.Write(message.AsSpan(16));
            to.Client.Write(message.AsSpan(28));
            Write32(message, 236, 0x63825363);
            int i = 240;
            message[i++] = 53; message[i++] = 1; message[i++] = type;
            message[i++] = 54; message[i++] = 4; Server.Write(message.AsSpan(i)); i += 4;
            message[i++] = 51; message[i++] = 4; Write32(message, i, leaseSeconds); i += 4;
            message[i++] = 1; message[i++] = 4; Ipv4Address.Parse("255.255.255.0").Write(message.AsSpan(i)); i += 4;
            message[i++] = 3; message[i++] = 4; Server.Write(message.AsSpan(i)); i += 4;
            message[i] = 255;
            Ipv4Address destination = to.Broadcast ? Ipv4Address.Broadcast : Offered;
            byte[] udp = Frames.Udp(Server, destination, 67, 68, message);
            _wire.B.Inject(Frames.Ethernet(to.Broadcast ? MacAddress.Broadcast : to.Client, Lab.PeerMac, Frames.Ipv4Type, Frames.Ipv4(Server, destination, 17, udp)));
        }

        private bool Observe(WireEnd from, byte[] frame)
        {
            if (from != _wire.A) return true;
            SentFrame f = SentFrame.Read(frame);
            if (f.EtherType == Frames.ArpType && f.ArpTargetIp == Server && f.ArpOperation == 1 && !Silent)
                _wire.B.Inject(Frames.Ethernet(f.Source, Lab.PeerMac, Frames.ArpType, Frames.Arp(2, Lab.PeerMac, Server, f.Source, f.ArpSenderIp)));
            if (f.EtherType != Frames.Ipv4Type || f.Protocol != 17 || f.DestinationPort != 67) return true;
            byte[] m = f.Payload;
            byte type = 0;
            Ipv4Address requested = Ipv4Address.Any, serverId = Ipv4Address.Any;
            for (int i = 240; i < m.Length && m[i] != 255;)
            {
                if (m[i] == 0) { i++; continue; }
                if (m[i] == 53) type = m[i + 2];
                if (m[i] == 50) requested = Ipv4Address.Read(m.AsSpan(i + 2));
                if (m[i] == 54) serverId = Ipv4Address.Read(m.AsSpan(i + 2));
                i += 2 + m[i + 1];
            }
            Requests.Add(new DhcpRequest(type, (uint)(m[4] << 24 | m[5] << 16 | m[6] << 8 | m[7]), MacAddress.Read(m.AsSpan(28)),
                Ipv4Address.Read(m.AsSpan(12)), requested, serverId, f.IpDestination, (m[10] & 0x80) != 0));
            return true;
        }

        private static void Write32(byte[] b, int at, uint value)
        {
            b[at] = (byte)(value >> 24);
            b[at + 1] = (byte)(value >> 16);
            b[at + 2] = (byte)(value >> 8);
            b[at + 3] = (byte)value;
        }
    }
}
