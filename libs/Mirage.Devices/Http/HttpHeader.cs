using System;

namespace Mirage.Devices;

/// <summary>
/// One request header field as received: bytes in the connection's buffer, valid until the handler returns.
/// The value has its surrounding whitespace removed.
/// </summary>
public readonly struct HttpHeader
{
    public HttpHeader(ReadOnlyMemory<byte> name, ReadOnlyMemory<byte> value)
    {
        Name = name;
        Value = value;
    }

    public ReadOnlyMemory<byte> Name { get; }

    public ReadOnlyMemory<byte> Value { get; }

    /// <summary>Whether the field is called <paramref name="name"/>; field names are case-insensitive ASCII.</summary>
    public bool NameIs(string name) => AsciiEqualsIgnoreCase(Name.Span, name);

    /// <summary>Case-insensitive comparison of ASCII bytes with a string, without decoding the bytes.</summary>
    public static bool AsciiEqualsIgnoreCase(ReadOnlySpan<byte> bytes, string text)
    {
        if (bytes.Length != text.Length) return false;
        for (int i = 0; i < bytes.Length; i++)
        {
            int left = bytes[i];
            int right = text[i];
            if (left == right) continue;
            if ((uint)((left | 0x20) - 'a') > 'z' - 'a') return false;
            if ((left | 0x20) != (right | 0x20)) return false;
        }
        return true;
    }
}
