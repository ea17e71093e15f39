using System.Globalization;

namespace System
{
    public readonly struct Byte : IComparable, IComparable<byte>, IEquatable<byte>, IFormattable, ISpanFormattable
    {
        private readonly byte m_value;

        public const byte MaxValue = 255;
        public const byte MinValue = 0;

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is byte other) return CompareTo(other);
            throw new ArgumentException("Object must be of type Byte.");
        }

        public int CompareTo(byte value) => m_value < value ? -1 : m_value > value ? 1 : 0;

        public override bool Equals(object obj) => obj is byte other && m_value == other;

        public bool Equals(byte obj) => m_value == obj;

        public override int GetHashCode() => (int)m_value;

        public override string ToString() => Number.FormatUInt64(m_value, null, 8);

        public string ToString(string format) => Number.FormatUInt64(m_value, format, 8);

        public string ToString(IFormatProvider provider) => Number.FormatUInt64(m_value, null, 8);

        public string ToString(string format, IFormatProvider provider) => Number.FormatUInt64(m_value, format, 8);

        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
            => Number.TryFormatUInt64(m_value, format, 8, destination, out charsWritten);

        public static byte Parse(string s) => Parse(s, NumberStyles.Integer, null);

        public static byte Parse(string s, NumberStyles style) => Parse(s, style, null);

        public static byte Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);

        public static byte Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            if (s == null) throw new ArgumentNullException(nameof(s));
            return Parse(s.AsSpan(), style, provider);
        }

        public static byte Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
        {
            Number.ParseStatus status = Number.TryParseByte(s, style, out byte value);
            if (status == Number.ParseStatus.Ok) return value;
            if (status == Number.ParseStatus.Format) throw new FormatException("The input string '" + s.ToString() + "' was not in a correct format.");
            throw new OverflowException("Value was either too large or too small for a Byte.");
        }

        public static bool TryParse(string s, out byte result)
        {
            if (s == null) { result = 0; return false; }
            return TryParse(s.AsSpan(), NumberStyles.Integer, null, out result);
        }

        public static bool TryParse(ReadOnlySpan<char> s, out byte result) => TryParse(s, NumberStyles.Integer, null, out result);

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out byte result)
        {
            if (s == null) { result = 0; return false; }
            return TryParse(s.AsSpan(), style, provider, out result);
        }

        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out byte result)
        {
            return Number.TryParseByte(s, style, out result) == Number.ParseStatus.Ok;
        }
    }
}
