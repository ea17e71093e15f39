using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Mirage.Devices;

/// <summary>Device kind <c>arp</c>: IPv4 address resolution with a cache.</summary>
public interface IArp
{
    /// <summary>The hardware address of <paramref name="address"/>, asking the link when it is not cached.</summary>
    ValueTask<Result<MacAddress, ArpError>> QueryAsync(Ipv4Address address, CancellationToken cancellationToken = default);

    /// <summary>The addresses this host answers for.</summary>
    IReadOnlyList<Ipv4Address> Addresses { get; }
}

public enum ArpError
{
    /// <summary>Nobody answered the requests in time.</summary>
    Timeout,
}
