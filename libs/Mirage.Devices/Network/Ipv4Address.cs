using System;

namespace Mirage.Devices;

/// <summary>An IPv4 address as a host-order <see cref="uint"/>. Our own type, not System.Net's, so that it links on every target.</summary>
public readonly struct Ipv4Address : IEquatable<Ipv4Address>, IComparable<Ipv4Address>
{
    public Ipv4Address(uint value) => Value = value;

    public Ipv4Address(byte a, byte b, byte c, byte d) => Value = (uint)(a << 24 | b << 16 | c << 8 | d);

    public uint Value { get; }

    public static Ipv4Address Any => new(0);

    public static Ipv4Address Broadcast => new(0xFFFF_FFFF);

    public static Ipv4Address Loopback => new(127, 0, 0, 1);

    public static Ipv4Address Read(ReadOnlySpan<byte> octets) =>
        new((uint)(octets[0] << 24 | octets[1] << 16 | octets[2] << 8 | octets[3]));

    public void Write(Span<byte> destination)
    {
        destination[0] = (byte)(Value >> 24);
        destination[1] = (byte)(Value >> 16);
        destination[2] = (byte)(Value >> 8);
        destination[3] = (byte)Value;
    }

    /// <summary>Parses dotted-quad notation (see <see cref="Mirage.Boot.ParameterSyntax.TryParseIpv4"/>).</summary>
    public static bool TryParse(string? text, out Ipv4Address address)
    {
        address = default;
        if (text is null || !Mirage.Boot.ParameterSyntax.TryParseIpv4(text, out uint value)) return false;
        address = new Ipv4Address(value);
        return true;
    }

    public static Ipv4Address Parse(string text) =>
        TryParse(text, out var address) ? address : throw new FormatException($"'{text}' is not an IPv4 address");

    public bool Equals(Ipv4Address other) => Value == other.Value;

    public override bool Equals(object? obj) => obj is Ipv4Address other && Equals(other);

    public override int GetHashCode() => (int)Value;

    public int CompareTo(Ipv4Address other) => Value.CompareTo(other.Value);

    public static bool operator ==(Ipv4Address a, Ipv4Address b) => a.Value == b.Value;

    public static bool operator !=(Ipv4Address a, Ipv4Address b) => a.Value != b.Value;

    public override string ToString() => $"{Value >> 24}.{(Value >> 16) & 255}.{(Value >> 8) & 255}.{Value & 255}";
}
