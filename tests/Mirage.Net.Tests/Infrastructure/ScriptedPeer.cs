using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Mirage.Devices;
using Mirage.Net.Tcp;

namespace Mirage.Net.Tests.Infrastructure;

/// <summary>
/// A hand-driven host on the wire (10.0.0.2) facing one managed stack (10.0.0.1): it injects
/// crafted frames and reads back what the stack sent, for tests that need exact segments.
/// </summary>
internal sealed class ScriptedPeer
{
    private readonly VirtualTimeLoop _loop;

    private ScriptedPeer(VirtualTimeLoop loop, EthernetWire wire, DirectStackV4 stack)
    {
        _loop = loop;
        Wire = wire;
        Stack = stack;
    }

    public EthernetWire Wire { get; }

    public DirectStackV4 Stack { get; }

    public MacAddress StackMac => Wire.A.Mac;

    public static async Task<ScriptedPeer> StartAsync(VirtualTimeLoop loop, TcpSettings? settings = null, int seed = 11)
    {
        var wire = new EthernetWire(loop, seed);
        DirectStackV4 stack = await Lab.StackAsync(loop, wire.A, "10.0.0.1/24", seed, settings);
        var peer = new ScriptedPeer(loop, wire, stack);
        // Introduce ourselves: an ARP request for the stack puts us in its cache (RFC 826 merge).
        peer.SendEthernet(Frames.ArpType, Frames.Arp(1, Lab.PeerMac, Lab.AddressB, default, Lab.AddressA), MacAddress.Broadcast);
        await peer.ReceiveAsync();
        return peer;
    }

    public void SendEthernet(ushort type, byte[] payload, MacAddress? destination = null) =>
        Wire.B.Inject(Frames.Ethernet(destination ?? StackMac, Lab.PeerMac, type, payload));

    public void SendIp(byte protocol, byte[] transport, ushort id = 1) =>
        SendEthernet(Frames.Ipv4Type, Frames.Ipv4(Lab.AddressB, Lab.AddressA, protocol, transport, id));

    public void SendTcp(ushort sourcePort, ushort destinationPort, uint seq, uint ack, byte flags, ushort window = 65535,
                        byte[]? payload = null, byte[]? options = null) =>
        SendIp(6, Frames.Tcp(Lab.AddressB, Lab.AddressA, sourcePort, destinationPort, seq, ack, flags, window, payload, options));

    /// <summary>Lets the stack run (without virtual time passing) and returns what it sent since the last call.</summary>
    public async Task<List<SentFrame>> ReceiveAsync()
    {
        await _loop.SettleAsync();
        return Take();
    }

    /// <summary>Lets <paramref name="duration"/> of virtual time pass and returns what the stack sent meanwhile.</summary>
    public async Task<List<SentFrame>> WaitAsync(TimeSpan duration)
    {
        await _loop.AdvanceAsync(duration);
        await _loop.SettleAsync();
        return Take();
    }

    private List<SentFrame> Take()
    {
        var frames = new List<SentFrame>();
        foreach (byte[] frame in Wire.B.Unclaimed) frames.Add(SentFrame.Read(frame));
        Wire.B.Unclaimed.Clear();
        return frames;
    }

    /// <summary>Completes a handshake to <paramref name="port"/> from <paramref name="peerPort"/>; returns the stack's ISS + 1 (its next sequence number).</summary>
    public async Task<uint> HandshakeAsync(ushort port, ushort peerPort, uint peerIss, byte[]? synOptions = null)
    {
        SendTcp(peerPort, port, peerIss, 0, TcpFlagBits.Syn, options: synOptions ?? Options(mss: 1460, windowScale: 7, sackPermitted: true));
        List<SentFrame> sent = await ReceiveAsync();
        SentFrame synAck = sent.Find(f => f.IsTcp && f.Has(TcpFlagBits.Syn))
            ?? throw new InvalidOperationException("no SYN-ACK");
        SendTcp(peerPort, port, peerIss + 1, synAck.Seq + 1, TcpFlagBits.Ack);
        await ReceiveAsync();
        return synAck.Seq + 1;
    }

    public static byte[] Options(int mss = 0, int windowScale = -1, bool sackPermitted = false)
    {
        var options = new List<byte>();
        if (mss > 0) options.AddRange(new byte[] { 2, 4, (byte)(mss >> 8), (byte)mss });
        if (windowScale >= 0) options.AddRange(new byte[] { 1, 3, 3, (byte)windowScale });
        if (sackPermitted) options.AddRange(new byte[] { 1, 1, 4, 2 });
        return options.ToArray();
    }
}

/// <summary>TCP flag bits as the wire has them (the tests' own copy).</summary>
internal static class TcpFlagBits
{
    public const byte Fin = 0x01, Syn = 0x02, Rst = 0x04, Psh = 0x08, Ack = 0x10;
}
