using System;

namespace Mirage.Http;

/// <summary>Character classes and small parsers of RFC 9110/9112, on bytes.</summary>
internal static class HttpSyntax
{
    public const byte Space = (byte)' ';
    public const byte Tab = (byte)'\t';
    public const byte CarriageReturn = (byte)'\r';
    public const byte LineFeed = (byte)'\n';

    /// <summary>tchar: the characters of methods, header names and coding names.</summary>
    public static bool IsTokenChar(byte b) =>
        (uint)(b - 'a') <= 'z' - 'a' || (uint)(b - 'A') <= 'Z' - 'A' || (uint)(b - '0') <= 9 ||
        b is (byte)'!' or (byte)'#' or (byte)'$' or (byte)'%' or (byte)'&' or (byte)'\'' or (byte)'*' or (byte)'+'
            or (byte)'-' or (byte)'.' or (byte)'^' or (byte)'_' or (byte)'`' or (byte)'|' or (byte)'~';

    public static bool IsToken(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return false;
        foreach (byte b in bytes)
            if (!IsTokenChar(b)) return false;
        return true;
    }

    /// <summary>field-vchar, SP or HTAB: anything but control characters (NUL, CR, LF, DEL…).</summary>
    public static bool IsFieldValueByte(byte b) => b == Tab || (b >= 0x20 && b != 0x7F);

    /// <summary>Visible ASCII: what a request-target is made of.</summary>
    public static bool IsVisibleAscii(byte b) => b > 0x20 && b < 0x7F;

    public static bool IsWhitespace(byte b) => b == Space || b == Tab;

    public static ReadOnlySpan<byte> TrimWhitespace(ReadOnlySpan<byte> bytes)
    {
        int start = 0;
        int end = bytes.Length;
        while (start < end && IsWhitespace(bytes[start])) start++;
        while (end > start && IsWhitespace(bytes[end - 1])) end--;
        return bytes.Slice(start, end - start);
    }

    /// <summary>The value of a hexadecimal digit, or -1.</summary>
    public static int HexValue(byte b)
    {
        if ((uint)(b - '0') <= 9) return b - '0';
        int lower = b | 0x20;
        if ((uint)(lower - 'a') <= 'f' - 'a') return lower - 'a' + 10;
        return -1;
    }

    /// <summary>
    /// A non-negative decimal made of digits only (Content-Length). Values above <paramref name="ceiling"/>
    /// are reported as <paramref name="ceiling"/> + 1 so that huge numbers cannot overflow.
    /// </summary>
    public static bool TryParseDecimal(ReadOnlySpan<byte> digits, long ceiling, out long value)
    {
        value = 0;
        if (digits.IsEmpty) return false;
        foreach (byte b in digits)
        {
            if ((uint)(b - '0') > 9) return false;
            if (value <= ceiling) value = value * 10 + (b - '0');
        }
        if (value > ceiling) value = ceiling + 1;
        return true;
    }

    /// <summary>
    /// The next element of a comma-separated list (Connection, Transfer-Encoding) from <paramref name="position"/>,
    /// trimmed; empty elements are skipped as RFC 9110 §5.6.1 asks. Returns where to continue, or -1 when none is left.
    /// </summary>
    public static int NextListElement(ReadOnlySpan<byte> list, int position, out ReadOnlySpan<byte> element)
    {
        while (position < list.Length)
        {
            int comma = list.Slice(position).IndexOf((byte)',');
            int end = comma < 0 ? list.Length : position + comma;
            element = TrimWhitespace(list.Slice(position, end - position));
            position = end + 1;
            if (!element.IsEmpty) return position;
        }
        element = default;
        return -1;
    }

    /// <summary>Writes <paramref name="value"/> in decimal; returns the number of bytes written.</summary>
    public static int WriteDecimal(Span<byte> destination, long value)
    {
        int length = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) length++;
        for (int i = length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (int)(value % 10));
            value /= 10;
        }
        return length;
    }

    /// <summary>Writes <paramref name="value"/> in lower-case hexadecimal (chunk sizes); returns the number of bytes written.</summary>
    public static int WriteHex(Span<byte> destination, long value)
    {
        int length = 1;
        for (long rest = value >> 4; rest > 0; rest >>= 4) length++;
        for (int i = length - 1; i >= 0; i--)
        {
            int digit = (int)(value & 0xF);
            destination[i] = (byte)(digit < 10 ? '0' + digit : 'a' + digit - 10);
            value >>= 4;
        }
        return length;
    }

    /// <summary>ASCII case-insensitive equality, without the culture tables a core library may lack.</summary>
    public static bool EqualsIgnoreCase(string left, string right)
    {
        if (left.Length != right.Length) return false;
        for (int i = 0; i < left.Length; i++)
            if (ToLowerAscii(left[i]) != ToLowerAscii(right[i])) return false;
        return true;
    }

    /// <summary>Whether <paramref name="text"/> contains <paramref name="lowerWord"/> (given in lower case), ignoring ASCII case.</summary>
    public static bool ContainsIgnoreCase(string text, string lowerWord)
    {
        for (int start = 0; start + lowerWord.Length <= text.Length; start++)
        {
            int i = 0;
            while (i < lowerWord.Length && ToLowerAscii(text[start + i]) == lowerWord[i]) i++;
            if (i == lowerWord.Length) return true;
        }
        return false;
    }

    public static char ToLowerAscii(char c) => (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c;
}
