using System;
using Mirage.Devices;

namespace Mirage.Net.Ip;

/// <summary>A received datagram, checked and (if it was fragmented) reassembled, as the transport layers see it.</summary>
internal readonly ref struct Ipv4Datagram
{
    public Ipv4Datagram(Ipv4Address source, Ipv4Address destination, IpProtocol protocol, bool toBroadcast, ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload)
    {
        Source = source;
        Destination = destination;
        Protocol = protocol;
        ToBroadcast = toBroadcast;
        Header = header;
        Payload = payload;
    }

    public Ipv4Address Source { get; }

    public Ipv4Address Destination { get; }

    public IpProtocol Protocol { get; }

    /// <summary>Sent to a broadcast address: never answered with an error or a reset.</summary>
    public bool ToBroadcast { get; }

    /// <summary>The IP header (of the first fragment), for ICMP error messages that quote it.</summary>
    public ReadOnlySpan<byte> Header { get; }

    public ReadOnlySpan<byte> Payload { get; }
}
