// This file is compiled twice: into Mirage.Devices (boot-time parsing) and into the Mirage.Sdk
// tasks assembly (build-time checks of MirageDevice metadata), so that a value is accepted at
// build time exactly when it would be accepted at boot. It must stay net472-compatible.
using System;

namespace Mirage.Boot;

/// <summary>The textual forms of device parameter values, one authority for build and boot.</summary>
public static class ParameterSyntax
{
    /// <summary>Every parameter type name a catalog entry may declare.</summary>
    public static readonly string[] TypeNames = { "string", "int", "bool", "port", "ipv4", "ipv4-cidr", "mac", "path" };

    public static bool IsKnownType(string type) => Array.IndexOf(TypeNames, type) >= 0;

    /// <summary>Checks <paramref name="text"/> against <paramref name="type"/>; on failure says what was expected.</summary>
    public static bool TryCheck(string type, string text, out string expected)
    {
        expected = Describe(type);
        switch (type)
        {
            case "string":
                return true;
            case "path":
                return text.Length > 0 && text.IndexOf('\0') < 0;
            case "int":
                return TryParseInt(text, out _);
            case "bool":
                return TryParseBool(text, out _);
            case "port":
                return TryParsePort(text, out _);
            case "ipv4":
                return TryParseIpv4(text, out _);
            case "ipv4-cidr":
                return TryParseIpv4Cidr(text, out _, out _);
            case "mac":
                return TryParseMac(text, out _);
            default:
                expected = "a known parameter type";
                return false;
        }
    }

    public static string Describe(string type) => type switch
    {
        "string" => "a string",
        "path" => "a non-empty path",
        "int" => "a decimal integer",
        "bool" => "true or false",
        "port" => "a port number from 1 to 65535",
        "ipv4" => "an IPv4 address (a.b.c.d)",
        "ipv4-cidr" => "an IPv4 address with prefix length (a.b.c.d/n)",
        "mac" => "a MAC address (aa:bb:cc:dd:ee:ff)",
        _ => type,
    };

    public static bool TryParseInt(string text, out int value)
    {
        value = 0;
        if (text.Length == 0 || text.Length > 11) return false;
        int i = 0;
        bool negative = text[0] == '-';
        if (negative) i = 1;
        if (i >= text.Length) return false;
        long accumulator = 0;
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (c < '0' || c > '9') return false;
            accumulator = accumulator * 10 + (c - '0');
        }
        if (negative) accumulator = -accumulator;
        if (accumulator < int.MinValue || accumulator > int.MaxValue) return false;
        value = (int)accumulator;
        return true;
    }

    public static bool TryParseBool(string text, out bool value)
    {
        switch (text)
        {
            case "true": value = true; return true;
            case "false": value = false; return true;
            default: value = false; return false;
        }
    }

    public static bool TryParsePort(string text, out ushort port)
    {
        port = 0;
        if (!TryParseInt(text, out int value) || value < 1 || value > 65535) return false;
        port = (ushort)value;
        return true;
    }

    /// <summary>Dotted quad: exactly four decimal octets 0–255, no leading zeros (which some tools read as octal).</summary>
    public static bool TryParseIpv4(string text, out uint address)
    {
        address = 0;
        int octets = 0, i = 0;
        while (octets < 4)
        {
            int start = i, octet = 0;
            while (i < text.Length && text[i] >= '0' && text[i] <= '9' && i - start < 3)
            {
                octet = octet * 10 + (text[i] - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || octet > 255 || (digits > 1 && text[start] == '0')) return false;
            address = address << 8 | (uint)octet;
            octets++;
            if (octets < 4)
            {
                if (i >= text.Length || text[i] != '.') return false;
                i++;
            }
        }
        return i == text.Length;
    }

    public static bool TryParseIpv4Cidr(string text, out uint address, out int prefixLength)
    {
        address = 0;
        prefixLength = 0;
        int slash = text.IndexOf('/');
        if (slash < 0 || !TryParseIpv4(text.Substring(0, slash), out address)) return false;
        string prefix = text.Substring(slash + 1);
        if (prefix.Length is 0 or > 2 || (prefix.Length == 2 && prefix[0] == '0')) return false;
        foreach (char c in prefix)
        {
            if (c < '0' || c > '9') return false;
            prefixLength = prefixLength * 10 + (c - '0');
        }
        return prefixLength <= 32;
    }

    /// <summary><c>aa:bb:cc:dd:ee:ff</c> or with <c>-</c> separators, hexadecimal either case.</summary>
    public static bool TryParseMac(string text, out ulong bits)
    {
        bits = 0;
        if (text.Length != 17) return false;
        for (int i = 0; i < 6; i++)
        {
            int hi = HexValue(text[i * 3]), lo = HexValue(text[i * 3 + 1]);
            if (hi < 0 || lo < 0) return false;
            if (i < 5 && text[i * 3 + 2] != ':' && text[i * 3 + 2] != '-') return false;
            bits = bits << 8 | (uint)(hi << 4 | lo);
        }
        return true;
    }

    private static int HexValue(char c) =>
        c >= '0' && c <= '9' ? c - '0' :
        c >= 'a' && c <= 'f' ? c - 'a' + 10 :
        c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}
