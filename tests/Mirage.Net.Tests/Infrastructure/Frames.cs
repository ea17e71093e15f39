using System;
using System.Buffers.Binary;
using Mirage.Devices;

namespace Mirage.Net.Tests.Infrastructure;

/// <summary>
/// Hand-built frames, written independently of the stack's own encoders (so the tests check the
/// stack against the RFC layouts, not against itself), and a minimal reader for what it sends.
/// </summary>
internal static class Frames
{
    public const ushort Ipv4Type = 0x0800, ArpType = 0x0806;

    public static byte[] Ethernet(MacAddress destination, MacAddress source, ushort type, ReadOnlySpan<byte> payload)
    {
        var frame = new byte[14 + payload.Length];
        destination.Write(frame);
        source.Write(frame.AsSpan(6));
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), type);
        payload.CopyTo(frame.AsSpan(14));
        return frame;
    }

    public static byte[] Ipv4(Ipv4Address source, Ipv4Address destination, byte protocol, ReadOnlySpan<byte> payload,
                              ushort id = 1, bool moreFragments = false, int fragmentOffsetBytes = 0, byte ttl = 64, bool dontFragment = false)
    {
        var packet = new byte[20 + payload.Length];
        packet[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)packet.Length);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(4), id);
        ushort flags = (ushort)((moreFragments ? 0x2000 : 0) | (dontFragment ? 0x4000 : 0) | (fragmentOffsetBytes / 8));
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(6), flags);
        packet[8] = ttl;
        packet[9] = protocol;
        source.Write(packet.AsSpan(12));
        destination.Write(packet.AsSpan(16));
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(10), Checksum(packet.AsSpan(0, 20)));
        payload.CopyTo(packet.AsSpan(20));
        return packet;
    }

    public static byte[] Udp(Ipv4Address source, Ipv4Address destination, ushort sourcePort, ushort destinationPort, ReadOnlySpan<byte> payload, bool checksum = true)
    {
        var udp = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(udp, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(2), destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(4), (ushort)udp.Length);
        payload.CopyTo(udp.AsSpan(8));
        if (checksum)
        {
            ushort sum = TransportChecksum(source, destination, 17, udp);
            BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(6), sum == 0 ? (ushort)0xFFFF : sum);
        }
        return udp;
    }

    public static byte[] Tcp(Ipv4Address source, Ipv4Address destination, ushort sourcePort, ushort destinationPort,
                             uint seq, uint ack, byte flags, ushort window, ReadOnlySpan<byte> payload = default, ReadOnlySpan<byte> options = default)
    {
        int headerLength = 20 + ((options.Length + 3) & ~3);
        var tcp = new byte[headerLength + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(tcp, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(tcp.AsSpan(2), destinationPort);
        BinaryPrimitives.WriteUInt32BigEndian(tcp.AsSpan(4), seq);
        BinaryPrimitives.WriteUInt32BigEndian(tcp.AsSpan(8), ack);
        tcp[12] = (byte)(headerLength / 4 << 4);
        tcp[13] = flags;
        BinaryPrimitives.WriteUInt16BigEndian(tcp.AsSpan(14), window);
        options.CopyTo(tcp.AsSpan(20));
        payload.CopyTo(tcp.AsSpan(headerLength));
        BinaryPrimitives.WriteUInt16BigEndian(tcp.AsSpan(16), TransportChecksum(source, destination, 6, tcp));
        return tcp;
    }

    public static byte[] IcmpEcho(ushort id, ushort sequence, ReadOnlySpan<byte> data, byte type = 8)
    {
        var icmp = new byte[8 + data.Length];
        icmp[0] = type;
        BinaryPrimitives.WriteUInt16BigEndian(icmp.AsSpan(4), id);
        BinaryPrimitives.WriteUInt16BigEndian(icmp.AsSpan(6), sequence);
        data.CopyTo(icmp.AsSpan(8));
        BinaryPrimitives.WriteUInt16BigEndian(icmp.AsSpan(2), Checksum(icmp));
        return icmp;
    }

    public static byte[] Arp(ushort operation, MacAddress senderMac, Ipv4Address senderIp, MacAddress targetMac, Ipv4Address targetIp)
    {
        var arp = new byte[28];
        BinaryPrimitives.WriteUInt16BigEndian(arp, 1);
        BinaryPrimitives.WriteUInt16BigEndian(arp.AsSpan(2), 0x0800);
        arp[4] = 6;
        arp[5] = 4;
        BinaryPrimitives.WriteUInt16BigEndian(arp.AsSpan(6), operation);
        senderMac.Write(arp.AsSpan(8));
        senderIp.Write(arp.AsSpan(14));
        targetMac.Write(arp.AsSpan(18));
        targetIp.Write(arp.AsSpan(24));
        return arp;
    }

    public static ushort Checksum(ReadOnlySpan<byte> data, uint initial = 0)
    {
        uint sum = initial;
        for (int i = 0; i + 1 < data.Length; i += 2) sum += (uint)(data[i] << 8 | data[i + 1]);
        if ((data.Length & 1) != 0) sum += (uint)(data[^1] << 8);
        while (sum >> 16 != 0) sum = (sum & 0xFFFF) + (sum >> 16);
        return (ushort)~sum;
    }

    public static ushort TransportChecksum(Ipv4Address source, Ipv4Address destination, byte protocol, ReadOnlySpan<byte> segment)
    {
        uint pseudo = (source.Value >> 16) + (source.Value & 0xFFFF) + (destination.Value >> 16) + (destination.Value & 0xFFFF) + protocol + (uint)segment.Length;
        return Checksum(segment, pseudo);
    }
}

/// <summary>What a test reads back from a frame the stack sent.</summary>
internal sealed class SentFrame
{
    public MacAddress Destination, Source;
    public ushort EtherType;
    public Ipv4Address IpSource, IpDestination;
    public byte Protocol;
    public ushort FragmentField;
    public byte[] IpPayload = Array.Empty<byte>();
    public ushort SourcePort, DestinationPort;
    public uint Seq, Ack;
    public byte TcpFlags;
    public ushort Window;
    public byte[] TcpOptions = Array.Empty<byte>();
    public byte[] Payload = Array.Empty<byte>();
    public ushort ArpOperation;
    public Ipv4Address ArpSenderIp, ArpTargetIp;

    public bool IsTcp => EtherType == Frames.Ipv4Type && Protocol == 6;

    public bool Has(byte flag) => (TcpFlags & flag) != 0;

    public static SentFrame Read(byte[] frame)
    {
        var f = new SentFrame
        {
            Destination = MacAddress.Read(frame),
            Source = MacAddress.Read(frame.AsSpan(6)),
            EtherType = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(12)),
        };
        ReadOnlySpan<byte> l3 = frame.AsSpan(14);
        if (f.EtherType == Frames.ArpType)
        {
            f.ArpOperation = BinaryPrimitives.ReadUInt16BigEndian(l3.Slice(6));
            f.ArpSenderIp = Ipv4Address.Read(l3.Slice(14));
            f.ArpTargetIp = Ipv4Address.Read(l3.Slice(24));
            return f;
        }
        int ihl = (l3[0] & 15) * 4;
        int total = BinaryPrimitives.ReadUInt16BigEndian(l3.Slice(2));
        f.FragmentField = BinaryPrimitives.ReadUInt16BigEndian(l3.Slice(6));
        f.Protocol = l3[9];
        f.IpSource = Ipv4Address.Read(l3.Slice(12));
        f.IpDestination = Ipv4Address.Read(l3.Slice(16));
        f.IpPayload = l3.Slice(ihl, total - ihl).ToArray();
        if (f.Protocol == 6)
        {
            ReadOnlySpan<byte> t = f.IpPayload;
            f.SourcePort = BinaryPrimitives.ReadUInt16BigEndian(t);
            f.DestinationPort = BinaryPrimitives.ReadUInt16BigEndian(t.Slice(2));
            f.Seq = BinaryPrimitives.ReadUInt32BigEndian(t.Slice(4));
            f.Ack = BinaryPrimitives.ReadUInt32BigEndian(t.Slice(8));
            int offset = (t[12] >> 4) * 4;
            f.TcpFlags = t[13];
            f.Window = BinaryPrimitives.ReadUInt16BigEndian(t.Slice(14));
            f.TcpOptions = t.Slice(20, offset - 20).ToArray();
            f.Payload = t.Slice(offset).ToArray();
        }
        else if (f.Protocol == 17)
        {
            f.SourcePort = BinaryPrimitives.ReadUInt16BigEndian(f.IpPayload);
            f.DestinationPort = BinaryPrimitives.ReadUInt16BigEndian(f.IpPayload.AsSpan(2));
            f.Payload = f.IpPayload.AsSpan(8).ToArray();
        }
        return f;
    }
}
