using System;
using System.Threading.Tasks;

namespace Mirage.Devices;

public enum EtherType : ushort
{
    Ipv4 = 0x0800,
    Arp = 0x0806,
    Ipv6 = 0x86DD,
}

/// <summary>Device kind <c>ethernet</c>: Ethernet II framing over a <see cref="INetwork"/>.</summary>
public interface IEthernet
{
    MacAddress Mac { get; }

    int Mtu { get; }

    /// <summary>Frames <paramref name="payload"/> for <paramref name="destination"/> and sends it.</summary>
    ValueTask<Result<Unit, NetworkError>> WriteAsync(MacAddress destination, EtherType type, ReadOnlyMemory<byte> payload);
}
