using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Mirage.Devices;

public enum IpProtocol : byte
{
    Icmp = 1,
    Tcp = 6,
    Udp = 17,
}

/// <summary>Device kind <c>ipv4</c>: addressing, routing to a gateway, fragmentation.</summary>
public interface IIpv4
{
    IReadOnlyList<Ipv4Cidr> Addresses { get; }

    Ipv4Address? Gateway { get; }

    /// <summary>Sends <paramref name="payload"/> as one datagram (fragmented when larger than the MTU).</summary>
    ValueTask<Result<Unit, Ipv4Error>> WriteAsync(Ipv4Address destination, IpProtocol protocol, ReadOnlyMemory<byte> payload);
}

public enum Ipv4Error
{
    NoRoute,
    Unreachable,
    NetworkError,
}
