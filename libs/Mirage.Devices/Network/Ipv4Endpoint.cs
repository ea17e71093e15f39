using System;

namespace Mirage.Devices;

/// <summary>An IPv4 address and a TCP or UDP port.</summary>
public readonly record struct Ipv4Endpoint(Ipv4Address Address, ushort Port)
{
    public override string ToString() => $"{Address}:{Port}";
}
