using System.Collections.Generic;
using Mirage.Devices;

namespace Mirage.Net.Ip;

/// <summary>The interface's IPv4 address, prefix and gateway: static, or set and cleared by the DHCP client.</summary>
internal sealed class InterfaceConfiguration
{
    private static readonly Ipv4Cidr[] s_none = new Ipv4Cidr[0];
    private Ipv4Cidr[] _addresses = s_none;
    private Ipv4Address[] _arpAddresses = new Ipv4Address[0];

    public Ipv4Cidr? Address { get; private set; }

    public Ipv4Address? Gateway { get; private set; }

    /// <summary>The address to send from: 0.0.0.0 while there is none (DHCP discovery).</summary>
    public Ipv4Address Source => Address is { } cidr ? cidr.Address : Ipv4Address.Any;

    public bool IsConfigured => Address is not null;

    public IReadOnlyList<Ipv4Cidr> Addresses => _addresses;

    public IReadOnlyList<Ipv4Address> ArpAddresses => _arpAddresses;

    public void Set(Ipv4Cidr address, Ipv4Address? gateway)
    {
        Address = address;
        Gateway = gateway;
        _addresses = new[] { address };
        _arpAddresses = new[] { address.Address };
    }

    public void Clear()
    {
        Address = null;
        Gateway = null;
        _addresses = s_none;
        _arpAddresses = new Ipv4Address[0];
    }

    public bool IsOwnAddress(Ipv4Address address) => Address is { } cidr && cidr.Address == address;

    /// <summary>Limited broadcast, or the directed broadcast of our subnet.</summary>
    public bool IsBroadcast(Ipv4Address address) =>
        address == Ipv4Address.Broadcast || (Address is { PrefixLength: < 31 } cidr && cidr.BroadcastAddress == address);

    /// <summary>Where a packet for <paramref name="destination"/> goes next: itself when on the link, else the gateway; false when there is no route.</summary>
    public bool TryRoute(Ipv4Address destination, out Ipv4Address nextHop)
    {
        nextHop = destination;
        if (destination == Ipv4Address.Broadcast) return true;
        if (Address is not { } cidr) return false;
        if (cidr.Contains(destination)) return true;
        if (Gateway is { } gateway)
        {
            nextHop = gateway;
            return true;
        }
        return false;
    }
}
