using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Mirage.Devices;
using Mirage.Net.Arp;
using Mirage.Net.Buffers;
using Mirage.Net.Link;
using Mirage.Net.Wire;

namespace Mirage.Net.Ip;

/// <summary>
/// IPv4 (RFC 791) for one interface: checks every header field before trusting it, reassembles
/// fragments, hands datagrams for this host to ICMP, UDP or TCP; sends through the gateway when the
/// destination is off the link, fragmenting datagrams larger than the MTU. It does not forward.
/// </summary>
internal sealed class Ipv4Layer : IIpv4
{
    public const int HeaderLength = 20;
    /// <summary>Where a transport header starts in a pooled frame buffer: after the Ethernet and IP headers.</summary>
    public const int TransportOffset = EthernetLayer.HeaderLength + HeaderLength;
    public const byte DefaultTtl = 64;

    private readonly EthernetLayer _ethernet;
    private readonly ArpLayer _arp;
    private readonly InterfaceConfiguration _config;
    private readonly FramePool _pool;
    private readonly Ipv4Reassembler _reassembler;
    private readonly Ipv4Statistics _stats;
    private ushort _nextId;

    public Ipv4Layer(EthernetLayer ethernet, ArpLayer arp, InterfaceConfiguration config, FramePool pool, Ipv4Reassembler reassembler, Ipv4Statistics stats, ushort firstId)
    {
        _ethernet = ethernet;
        _arp = arp;
        _config = config;
        _pool = pool;
        _reassembler = reassembler;
        _stats = stats;
        _nextId = firstId;
    }

    public Icmp.IcmpLayer? Icmp { get; set; }

    public Udp.UdpLayer? Udp { get; set; }

    public Tcp.TcpLayer? Tcp { get; set; }

    public IReadOnlyList<Ipv4Cidr> Addresses => _config.Addresses;

    public Ipv4Address? Gateway => _config.Gateway;

    public InterfaceConfiguration Configuration => _config;

    /// <summary>The device fills transport checksums (see <see cref="TransmitOffload"/>).</summary>
    public bool ChecksumOffload => _ethernet.ChecksumOffload;

    /// <summary>The device cuts TCP segments of up to 64 KiB at the MSS.</summary>
    public bool SegmentationOffload => _ethernet.SegmentationOffload;

    /// <summary>The largest transport payload that fits one frame.</summary>
    public int MaximumUnfragmented => _ethernet.Mtu - HeaderLength;

    public void Receive(ReadOnlySpan<byte> packet, MacAddress sourceMac)
    {
        _stats.PacketsReceived++;
        if (packet.Length < HeaderLength)
        {
            _stats.Truncated++;
            return;
        }
        if (packet[0] >> 4 != 4)
        {
            _stats.BadVersion++;
            return;
        }
        int headerLength = (packet[0] & 15) * 4;
        if (headerLength < HeaderLength || headerLength > packet.Length)
        {
            _stats.BadHeaderLength++;
            return;
        }
        int totalLength = NetworkOrder.ReadUInt16(packet, 2);
        if (totalLength < headerLength || totalLength > packet.Length)
        {
            _stats.BadTotalLength++;
            return;
        }
        ReadOnlySpan<byte> header = packet.Slice(0, headerLength);
        if (InternetChecksum.Compute(header) != 0)
        {
            _stats.BadChecksum++;
            return;
        }
        var source = Ipv4Address.Read(packet.Slice(12));
        var destination = Ipv4Address.Read(packet.Slice(16));
        if (source == Ipv4Address.Broadcast || source.Value >> 28 == 14 || _config.IsBroadcast(source) || source.Value >> 24 == 127)
        {
            _stats.BadSource++;
            return;
        }
        bool toBroadcast = _config.IsBroadcast(destination);
        // Unconfigured (DHCP in progress), the host accepts what reaches its MAC: the offer is for an address it does not have yet.
        if (!toBroadcast && _config.IsConfigured && !_config.IsOwnAddress(destination))
        {
            _stats.NotForUs++;
            return;
        }
        if (source == Ipv4Address.Any && packet[9] != (byte)IpProtocol.Udp)
        {
            _stats.BadSource++;
            return;
        }

        var protocol = (IpProtocol)packet[9];
        ReadOnlySpan<byte> payload = packet.Slice(headerLength, totalLength - headerLength);
        ushort flagsAndOffset = NetworkOrder.ReadUInt16(packet, 6);
        bool moreFragments = (flagsAndOffset & 0x2000) != 0;
        int fragmentOffset = (flagsAndOffset & 0x1FFF) * 8;
        if (moreFragments || fragmentOffset != 0)
        {
            Ipv4Reassembler.Slot? complete = _reassembler.Add(source, destination, NetworkOrder.ReadUInt16(packet, 4), packet[9],
                header, payload, fragmentOffset, moreFragments);
            if (complete is null) return;
            try
            {
                Deliver(new Ipv4Datagram(source, destination, protocol, toBroadcast,
                    complete.Header.AsSpan(0, complete.HeaderLength), complete.Data.AsSpan(0, complete.TotalLength)));
            }
            finally
            {
                _reassembler.Release(complete);
            }
            return;
        }
        Deliver(new Ipv4Datagram(source, destination, protocol, toBroadcast, header, payload));
    }

    private void Deliver(in Ipv4Datagram datagram)
    {
        switch (datagram.Protocol)
        {
            case IpProtocol.Icmp:
                _stats.PacketsDelivered++;
                Icmp!.Receive(datagram);
                break;
            case IpProtocol.Udp:
                _stats.PacketsDelivered++;
                Udp!.Receive(datagram);
                break;
            case IpProtocol.Tcp:
                _stats.PacketsDelivered++;
                if (datagram.Source == Ipv4Address.Any || datagram.ToBroadcast) return;
                Tcp!.Receive(datagram);
                break;
            default:
                _stats.UnknownProtocol++;
                if (!datagram.ToBroadcast) Icmp!.SendDestinationUnreachable(Mirage.Net.Icmp.IcmpLayer.ProtocolUnreachable, datagram);
                break;
        }
    }

    /// <summary>
    /// Sends the transport message that fills <paramref name="buffer"/> from <see cref="TransportOffset"/>
    /// for <paramref name="transportLength"/> bytes; takes the buffer (a pooled frame, or a larger array
    /// for a datagram that must be fragmented). Returns false (and counts it) when there is no route.
    /// A segmented <paramref name="offload"/> (a TCP segment the device cuts) goes out whole, never fragmented.
    /// </summary>
    public bool Send(byte[] buffer, int transportLength, Ipv4Address destination, IpProtocol protocol, bool dontFragment = false,
                     in TransmitOffload offload = default)
    {
        if (!_config.TryRoute(destination, out Ipv4Address nextHop))
        {
            _stats.NoRoute++;
            _pool.Return(buffer);
            return false;
        }
        ushort id = _nextId++;
        if (transportLength <= MaximumUnfragmented || offload.IsSegmented)
        {
            WriteHeader(buffer, HeaderLength + transportLength, id, dontFragment ? (ushort)0x4000 : (ushort)0, destination, protocol);
            Route(buffer, EthernetLayer.HeaderLength + HeaderLength + transportLength, destination, nextHop, offload);
            _stats.PacketsSent++;
            return true;
        }

        // Fragments carry multiples of 8 bytes, all but the last.
        int chunk = MaximumUnfragmented & ~7;
        for (int offset = 0; offset < transportLength; offset += chunk)
        {
            int length = Math.Min(chunk, transportLength - offset);
            bool more = offset + length < transportLength;
            byte[] fragment = _pool.Rent();
            buffer.AsSpan(TransportOffset + offset, length).CopyTo(fragment.AsSpan(TransportOffset));
            WriteHeader(fragment, HeaderLength + length, id, (ushort)((more ? 0x2000 : 0) | (offset / 8)), destination, protocol);
            Route(fragment, TransportOffset + length, destination, nextHop);
            _stats.FragmentsSent++;
        }
        _stats.PacketsSent++;
        _pool.Return(buffer);
        return true;
    }

    /// <summary>IIpv4: sends an application-built transport payload (copied).</summary>
    public ValueTask<Result<Unit, Ipv4Error>> WriteAsync(Ipv4Address destination, IpProtocol protocol, ReadOnlyMemory<byte> payload)
    {
        if (payload.Length > Ipv4Reassembler.MaximumPayload) return new(Result<Unit, Ipv4Error>.Fail(Ipv4Error.NetworkError));
        byte[] buffer = RentFor(payload.Length);
        payload.Span.CopyTo(buffer.AsSpan(TransportOffset));
        return new(Send(buffer, payload.Length, destination, protocol) ? Result.Ok<Ipv4Error>() : Result<Unit, Ipv4Error>.Fail(Ipv4Error.NoRoute));
    }

    /// <summary>A buffer with room for the headers and <paramref name="transportLength"/> bytes: pooled when it fits a frame.</summary>
    public byte[] RentFor(int transportLength) =>
        TransportOffset + transportLength <= FramePool.BufferSize ? _pool.Rent()
        : TransportOffset + transportLength <= FramePool.LargeBufferSize ? _pool.RentLarge()
        : new byte[TransportOffset + transportLength];

    private void WriteHeader(byte[] frame, int totalLength, ushort id, ushort flagsAndOffset, Ipv4Address destination, IpProtocol protocol)
    {
        Span<byte> header = frame.AsSpan(EthernetLayer.HeaderLength, HeaderLength);
        header[0] = 0x45;
        header[1] = 0;
        NetworkOrder.WriteUInt16(header, 2, (ushort)totalLength);
        NetworkOrder.WriteUInt16(header, 4, id);
        NetworkOrder.WriteUInt16(header, 6, flagsAndOffset);
        header[8] = DefaultTtl;
        header[9] = (byte)protocol;
        header[10] = 0;
        header[11] = 0;
        _config.Source.Write(header.Slice(12));
        destination.Write(header.Slice(16));
        NetworkOrder.WriteUInt16(header, 10, InternetChecksum.Compute(header));
    }

    private void Route(byte[] frame, int length, Ipv4Address destination, Ipv4Address nextHop, in TransmitOffload offload = default)
    {
        _ethernet.WriteHeader(frame, MacAddress.Broadcast, EtherType.Ipv4);
        if (_config.IsBroadcast(destination))
        {
            _ethernet.Transmit(frame, length, offload);
            return;
        }
        _arp.SendWhenResolved(nextHop, frame, length, offload);
    }
}
