using System;

namespace Mirage.Devices;

/// <summary>A 48-bit Ethernet address, held in the low bits of a <see cref="ulong"/> (first octet most significant).</summary>
public readonly struct MacAddress : IEquatable<MacAddress>
{
    private readonly ulong _bits;

    public MacAddress(ulong bits) => _bits = bits & 0xFFFF_FFFF_FFFFUL;

    public static MacAddress Broadcast => new(0xFFFF_FFFF_FFFFUL);

    public ulong Bits => _bits;

    public static MacAddress Read(ReadOnlySpan<byte> octets)
    {
        if (octets.Length < 6) throw new ArgumentException("a MAC address needs 6 bytes", nameof(octets));
        ulong bits = 0;
        for (int i = 0; i < 6; i++) bits = (bits << 8) | octets[i];
        return new MacAddress(bits);
    }

    public void Write(Span<byte> destination)
    {
        for (int i = 0; i < 6; i++) destination[i] = (byte)(_bits >> (40 - 8 * i));
    }

    /// <summary>Parses <c>aa:bb:cc:dd:ee:ff</c> (or with <c>-</c>).</summary>
    public static bool TryParse(string? text, out MacAddress address)
    {
        address = default;
        if (text is null || !Mirage.Boot.ParameterSyntax.TryParseMac(text, out ulong bits)) return false;
        address = new MacAddress(bits);
        return true;
    }

    public bool Equals(MacAddress other) => _bits == other._bits;

    public override bool Equals(object? obj) => obj is MacAddress other && Equals(other);

    public override int GetHashCode() => _bits.GetHashCode();

    public static bool operator ==(MacAddress a, MacAddress b) => a._bits == b._bits;

    public static bool operator !=(MacAddress a, MacAddress b) => a._bits != b._bits;

    public override string ToString()
    {
        Span<char> chars = stackalloc char[17];
        const string hex = "0123456789abcdef";
        for (int i = 0; i < 6; i++)
        {
            byte b = (byte)(_bits >> (40 - 8 * i));
            chars[i * 3] = hex[b >> 4];
            chars[i * 3 + 1] = hex[b & 15];
            if (i < 5) chars[i * 3 + 2] = ':';
        }
        return new string(chars);
    }
}
