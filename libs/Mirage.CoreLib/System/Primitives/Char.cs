namespace System
{
    /// <summary>
    /// UTF-16 code unit. Classification and casing are exact for ASCII and Latin-1; above U+00FF
    /// only whitespace and surrogates are classified (the runtime carries no Unicode tables).
    /// </summary>
    public readonly struct Char : IComparable, IComparable<char>, IEquatable<char>, IFormattable, ISpanFormattable
    {
        private readonly char m_value;

        public const char MaxValue = (char)0xFFFF;
        public const char MinValue = (char)0x00;

        public override int GetHashCode() => m_value | (m_value << 16);
        public override bool Equals(object obj) => obj is char other && m_value == other;
        public bool Equals(char obj) => m_value == obj;
        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is char other) return m_value - other;
            throw new ArgumentException("Object must be of type Char.");
        }
        public int CompareTo(char value) => m_value - value;
        public override string ToString() => new string(m_value, 1);
        public string ToString(IFormatProvider provider) => ToString();
        public string ToString(string format, IFormatProvider provider) => ToString();
        public static string ToString(char c) => new string(c, 1);
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
        {
            if (destination.Length == 0) { charsWritten = 0; return false; }
            destination[0] = m_value;
            charsWritten = 1;
            return true;
        }

        public static char Parse(string s)
        {
            if (s == null) throw new ArgumentNullException(nameof(s));
            if (s.Length != 1) throw new FormatException("String must be exactly one character long.");
            return s[0];
        }

        public static bool TryParse(string s, out char result)
        {
            if (s == null || s.Length != 1) { result = '\0'; return false; }
            result = s[0];
            return true;
        }

        public static bool IsAscii(char c) => c <= 0x7F;
        public static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;
        public static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';
        public static bool IsAsciiLetterLower(char c) => (uint)(c - 'a') <= 'z' - 'a';
        public static bool IsAsciiLetterUpper(char c) => (uint)(c - 'A') <= 'Z' - 'A';
        public static bool IsAsciiLetterOrDigit(char c) => IsAsciiLetter(c) || IsAsciiDigit(c);
        public static bool IsAsciiHexDigit(char c) => IsAsciiDigit(c) || (uint)((c | 0x20) - 'a') <= 'f' - 'a';
        public static bool IsAsciiHexDigitUpper(char c) => IsAsciiDigit(c) || (uint)(c - 'A') <= 'F' - 'A';
        public static bool IsAsciiHexDigitLower(char c) => IsAsciiDigit(c) || (uint)(c - 'a') <= 'f' - 'a';
        public static bool IsBetween(char c, char minInclusive, char maxInclusive) => (uint)(c - minInclusive) <= (uint)(maxInclusive - minInclusive);

        public static bool IsDigit(char c) => IsAsciiDigit(c);
        public static bool IsDigit(string s, int index) => IsDigit(s[index]);
        public static bool IsNumber(char c) => IsAsciiDigit(c) || c == '\u00B2' || c == '\u00B3' || c == '\u00B9' || c == '\u00BC' || c == '\u00BD' || c == '\u00BE';

        public static bool IsLetter(char c)
        {
            if (c < 0x80) return IsAsciiLetter(c);
            if (c <= 0xFF) return c == 0xAA || c == 0xB5 || c == 0xBA || (c >= 0xC0 && c != 0xD7 && c != 0xF7);
            return !IsWhiteSpace(c) && !IsSurrogate(c) && c >= 0x100;
        }
        public static bool IsLetter(string s, int index) => IsLetter(s[index]);
        public static bool IsLetterOrDigit(char c) => IsLetter(c) || IsDigit(c);
        public static bool IsLetterOrDigit(string s, int index) => IsLetterOrDigit(s[index]);

        public static bool IsUpper(char c)
        {
            if (c < 0x80) return IsAsciiLetterUpper(c);
            return c >= 0xC0 && c <= 0xDE && c != 0xD7;
        }

        public static bool IsLower(char c)
        {
            if (c < 0x80) return IsAsciiLetterLower(c);
            return (c >= 0xDF && c <= 0xFF && c != 0xF7) || c == 0xAA || c == 0xB5 || c == 0xBA;
        }

        public static bool IsWhiteSpace(char c)
            => c == ' ' || (c >= '\t' && c <= '\r') || c == '\u00A0' || c == '\u0085' || c == '\u1680'
            || (c >= '\u2000' && c <= '\u200A') || c == '\u2028' || c == '\u2029' || c == '\u202F' || c == '\u205F' || c == '\u3000';
        public static bool IsWhiteSpace(string s, int index) => IsWhiteSpace(s[index]);

        public static bool IsControl(char c) => c <= 0x1F || (c >= 0x7F && c <= 0x9F);
        public static bool IsPunctuation(char c)
            => (c >= '!' && c <= '#') || (c >= '%' && c <= '*') || (c >= ',' && c <= '/') || c == ':' || c == ';' || c == '?' || c == '@'
            || (c >= '[' && c <= ']') || c == '_' || c == '{' || c == '}' || c == '\u00A1' || c == '\u00A7' || c == '\u00AB' || c == '\u00B6' || c == '\u00B7' || c == '\u00BB' || c == '\u00BF';
        public static bool IsSymbol(char c) => c == '$' || c == '+' || c == '<' || c == '=' || c == '>' || c == '^' || c == '`' || c == '|' || c == '~'
            || (c >= '\u00A2' && c <= '\u00A6') || c == '\u00A8' || c == '\u00A9' || c == '\u00AC' || (c >= '\u00AE' && c <= '\u00B1') || c == '\u00B4' || c == '\u00B8' || c == '\u00D7' || c == '\u00F7';
        public static bool IsSeparator(char c) => c == ' ' || c == '\u00A0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200A') || c == '\u2028' || c == '\u2029' || c == '\u202F' || c == '\u205F' || c == '\u3000';

        public static bool IsSurrogate(char c) => c >= 0xD800 && c <= 0xDFFF;
        public static bool IsHighSurrogate(char c) => c >= 0xD800 && c <= 0xDBFF;
        public static bool IsLowSurrogate(char c) => c >= 0xDC00 && c <= 0xDFFF;
        public static bool IsSurrogatePair(char highSurrogate, char lowSurrogate) => IsHighSurrogate(highSurrogate) && IsLowSurrogate(lowSurrogate);

        public static int ConvertToUtf32(char highSurrogate, char lowSurrogate)
        {
            if (!IsHighSurrogate(highSurrogate)) throw new ArgumentOutOfRangeException(nameof(highSurrogate), "A valid high surrogate character is between 0xd800 and 0xdbff, inclusive.");
            if (!IsLowSurrogate(lowSurrogate)) throw new ArgumentOutOfRangeException(nameof(lowSurrogate), "A valid low surrogate character is between 0xdc00 and 0xdfff, inclusive.");
            return ((highSurrogate - 0xD800) << 10) + (lowSurrogate - 0xDC00) + 0x10000;
        }

        public static string ConvertFromUtf32(int utf32)
        {
            if (utf32 < 0 || utf32 > 0x10FFFF || (utf32 >= 0xD800 && utf32 <= 0xDFFF))
                throw new ArgumentOutOfRangeException(nameof(utf32), "A valid UTF32 value is between 0x000000 and 0x10ffff, inclusive, and should not include surrogate codepoint values (0x00d800 ~ 0x00dfff).");
            if (utf32 < 0x10000) return new string((char)utf32, 1);
            utf32 -= 0x10000;
            return new string(new[] { (char)(0xD800 + (utf32 >> 10)), (char)(0xDC00 + (utf32 & 0x3FF)) });
        }

        public static char ToUpperInvariant(char c)
        {
            if (c < 0x80) return IsAsciiLetterLower(c) ? (char)(c - 32) : c;
            if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return (char)(c - 32);
            if (c == 0xFF) return '\u0178';
            if (c == 0xB5) return '\u039C';
            return c;
        }

        public static char ToLowerInvariant(char c)
        {
            if (c < 0x80) return IsAsciiLetterUpper(c) ? (char)(c + 32) : c;
            if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return (char)(c + 32);
            if (c == '\u0178') return '\u00FF';
            return c;
        }

        public static char ToUpper(char c) => ToUpperInvariant(c);
        public static char ToLower(char c) => ToLowerInvariant(c);
        public static char ToUpper(char c, System.Globalization.CultureInfo culture) => ToUpperInvariant(c);
        public static char ToLower(char c, System.Globalization.CultureInfo culture) => ToLowerInvariant(c);

        public static double GetNumericValue(char c) => IsAsciiDigit(c) ? c - '0' : -1;
    }
}
