using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Mirage.Devices;
using Mirage.Net.Ip;
using Mirage.Net.Wire;

namespace Mirage.Net.Udp;

/// <summary>
/// UDP (RFC 768): checks length and checksum, delivers to the socket bound to the destination port
/// (ICMP port unreachable when there is none), and sends datagrams up to 65507 bytes, fragmented by IPv4.
/// Checksums are always computed on send and verified on receive when present.
/// </summary>
internal sealed class UdpLayer : IUdpV4
{
    public const int HeaderLength = 8;
    public const int MaximumPayload = 65535 - 20 - HeaderLength;
    private const ushort FirstEphemeralPort = 49152;

    private readonly Ipv4Layer _ipv4;
    private readonly UdpStatistics _stats;
    private readonly Dictionary<ushort, IDatagramReceiver> _bound = new();
    private ushort _nextEphemeral;

    public UdpLayer(Ipv4Layer ipv4, UdpStatistics stats, ushort ephemeralSeed)
    {
        _ipv4 = ipv4;
        _stats = stats;
        _nextEphemeral = (ushort)(FirstEphemeralPort + ephemeralSeed % (65536 - FirstEphemeralPort));
    }

    internal UdpStatistics Statistics => _stats;

    internal Ipv4Layer Ipv4 => _ipv4;

    public ValueTask<Result<IUdpSocket, UdpError>> BindAsync(ushort port)
    {
        if (port == 0 && !TryPickEphemeral(out port)) return new(Result<IUdpSocket, UdpError>.Fail(UdpError.AddressInUse));
        if (_bound.ContainsKey(port)) return new(Result<IUdpSocket, UdpError>.Fail(UdpError.AddressInUse));
        var socket = new UdpSocket(this, port);
        _bound[port] = socket;
        return new(Result<IUdpSocket, UdpError>.Ok(socket));
    }

    /// <summary>Binds the stack's own users (the DHCP client); false when the port is taken.</summary>
    internal bool Bind(ushort port, IDatagramReceiver receiver) => _bound.TryAdd(port, receiver);

    internal void Unbind(ushort port, IDatagramReceiver receiver)
    {
        if (_bound.TryGetValue(port, out IDatagramReceiver? current) && current == receiver) _bound.Remove(port);
    }

    public void Receive(in Ipv4Datagram datagram)
    {
        ReadOnlySpan<byte> packet = datagram.Payload;
        _stats.DatagramsReceived++;
        if (packet.Length < HeaderLength)
        {
            _stats.Truncated++;
            return;
        }
        int length = NetworkOrder.ReadUInt16(packet, 4);
        if (length < HeaderLength || length > packet.Length)
        {
            _stats.BadLength++;
            return;
        }
        packet = packet.Slice(0, length);
        if (NetworkOrder.ReadUInt16(packet, 6) != 0)
        {
            ulong sum = InternetChecksum.PseudoHeader(datagram.Source, datagram.Destination, IpProtocol.Udp, length);
            if (InternetChecksum.Fold(InternetChecksum.Add(sum, packet)) != 0)
            {
                _stats.BadChecksum++;
                return;
            }
        }
        ushort sourcePort = NetworkOrder.ReadUInt16(packet, 0);
        ushort destinationPort = NetworkOrder.ReadUInt16(packet, 2);
        if (!_bound.TryGetValue(destinationPort, out IDatagramReceiver? receiver))
        {
            _stats.NoPort++;
            _ipv4.Icmp!.SendDestinationUnreachable(Mirage.Net.Icmp.IcmpLayer.PortUnreachable, datagram);
            return;
        }
        _stats.DatagramsDelivered++;
        receiver.Deliver(new Ipv4Endpoint(datagram.Source, sourcePort), packet.Slice(HeaderLength));
    }

    /// <summary>Builds and sends one datagram from <paramref name="source"/>'s port.</summary>
    internal Result<Unit, UdpError> Send(ushort sourcePort, Ipv4Endpoint destination, ReadOnlySpan<byte> payload)
    {
        if (payload.Length > MaximumPayload) return Result<Unit, UdpError>.Fail(UdpError.MessageTooLarge);
        int length = HeaderLength + payload.Length;
        byte[] buffer = _ipv4.RentFor(length);
        Span<byte> udp = buffer.AsSpan(Ipv4Layer.TransportOffset, length);
        NetworkOrder.WriteUInt16(udp, 0, sourcePort);
        NetworkOrder.WriteUInt16(udp, 2, destination.Port);
        NetworkOrder.WriteUInt16(udp, 4, (ushort)length);
        NetworkOrder.WriteUInt16(udp, 6, 0);
        payload.CopyTo(udp.Slice(HeaderLength));
        ulong sum = InternetChecksum.PseudoHeader(_ipv4.Configuration.Source, destination.Address, IpProtocol.Udp, length);
        ushort checksum = InternetChecksum.Fold(InternetChecksum.Add(sum, udp));
        NetworkOrder.WriteUInt16(udp, 6, checksum == 0 ? (ushort)0xFFFF : checksum);
        if (!_ipv4.Send(buffer, length, destination.Address, IpProtocol.Udp)) return Result<Unit, UdpError>.Fail(UdpError.NoRoute);
        _stats.DatagramsSent++;
        return Result.Ok<UdpError>();
    }

    private bool TryPickEphemeral(out ushort port)
    {
        for (int i = 0; i < 65536 - FirstEphemeralPort; i++)
        {
            port = _nextEphemeral;
            _nextEphemeral = _nextEphemeral == ushort.MaxValue ? FirstEphemeralPort : (ushort)(_nextEphemeral + 1);
            if (!_bound.ContainsKey(port)) return true;
        }
        port = 0;
        return false;
    }
}
