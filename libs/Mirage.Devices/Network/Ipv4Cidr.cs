using System;

namespace Mirage.Devices;

/// <summary>An interface address with its prefix length, as written <c>10.0.0.2/24</c>.</summary>
public readonly struct Ipv4Cidr : IEquatable<Ipv4Cidr>
{
    public Ipv4Cidr(Ipv4Address address, int prefixLength)
    {
        if (prefixLength is < 0 or > 32) throw new ArgumentOutOfRangeException(nameof(prefixLength));
        Address = address;
        PrefixLength = prefixLength;
    }

    public Ipv4Address Address { get; }

    public int PrefixLength { get; }

    public Ipv4Address Netmask => new(PrefixLength == 0 ? 0u : uint.MaxValue << (32 - PrefixLength));

    public Ipv4Address Network => new(Address.Value & Netmask.Value);

    public Ipv4Address BroadcastAddress => new(Address.Value | ~Netmask.Value);

    public bool Contains(Ipv4Address other) => (other.Value & Netmask.Value) == Network.Value;

    public static bool TryParse(string? text, out Ipv4Cidr cidr)
    {
        cidr = default;
        if (text is null || !Mirage.Boot.ParameterSyntax.TryParseIpv4Cidr(text, out uint address, out int prefixLength)) return false;
        cidr = new Ipv4Cidr(new Ipv4Address(address), prefixLength);
        return true;
    }

    public static Ipv4Cidr Parse(string text) =>
        TryParse(text, out var cidr) ? cidr : throw new FormatException($"'{text}' is not an IPv4 address with a prefix (a.b.c.d/n)");

    public bool Equals(Ipv4Cidr other) => Address == other.Address && PrefixLength == other.PrefixLength;

    public override bool Equals(object? obj) => obj is Ipv4Cidr other && Equals(other);

    public override int GetHashCode() => (int)Address.Value ^ PrefixLength;

    public override string ToString() => $"{Address}/{PrefixLength}";
}
