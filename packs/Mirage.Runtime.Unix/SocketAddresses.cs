using System;
using System.Net;
using Mirage.Devices;

namespace Mirage.Runtime.Unix;

/// <summary>Conversions between Mirage's own address types and System.Net's, kept at the edge of the socket devices.</summary>
internal static class SocketAddresses
{
    public static IPAddress ToIPAddress(Ipv4Address address)
    {
        Span<byte> octets = stackalloc byte[4];
        address.Write(octets);
        return new IPAddress(octets);
    }

    public static IPEndPoint ToIPEndPoint(Ipv4Endpoint endpoint) => new(ToIPAddress(endpoint.Address), endpoint.Port);

    public static Ipv4Endpoint ToIpv4Endpoint(EndPoint? endpoint)
    {
        if (endpoint is not IPEndPoint ip) return default;
        var address = ip.Address.IsIPv4MappedToIPv6 ? ip.Address.MapToIPv4() : ip.Address;
        Span<byte> octets = stackalloc byte[16];
        if (!address.TryWriteBytes(octets, out int written) || written != 4) return default;
        return new Ipv4Endpoint(Ipv4Address.Read(octets), (ushort)ip.Port);
    }
}
