using System.Collections.Generic;

namespace Mirage.Devices;

/// <summary>
/// Device kind <c>stackv4</c>: a whole IPv4 stack, what most applications need. On unix it is the
/// host's sockets; on unikernels (and on unix over TAP) it is Mirage.Net's managed stack.
/// </summary>
public interface IStackV4
{
    IReadOnlyList<Ipv4Cidr> Addresses { get; }

    ITcpV4 Tcp { get; }

    IUdpV4 Udp { get; }
}
