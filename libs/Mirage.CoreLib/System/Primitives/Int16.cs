using System.Globalization;

namespace System
{
    public readonly struct Int16 : IComparable, IComparable<short>, IEquatable<short>, IFormattable, ISpanFormattable
    {
        private readonly short m_value;

        public const short MaxValue = 32767;
        public const short MinValue = -32768;

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is short other) return CompareTo(other);
            throw new ArgumentException("Object must be of type Int16.");
        }

        public int CompareTo(short value) => m_value < value ? -1 : m_value > value ? 1 : 0;

        public override bool Equals(object obj) => obj is short other && m_value == other;

        public bool Equals(short obj) => m_value == obj;

        public override int GetHashCode() => (ushort)m_value | ((int)m_value << 16);

        public override string ToString() => Number.FormatInt64(m_value, null, 16);

        public string ToString(string format) => Number.FormatInt64(m_value, format, 16);

        public string ToString(IFormatProvider provider) => Number.FormatInt64(m_value, null, 16);

        public string ToString(string format, IFormatProvider provider) => Number.FormatInt64(m_value, format, 16);

        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
            => Number.TryFormatInt64(m_value, format, 16, destination, out charsWritten);

        public static short Parse(string s) => Parse(s, NumberStyles.Integer, null);

        public static short Parse(string s, NumberStyles style) => Parse(s, style, null);

        public static short Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);

        public static short Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            if (s == null) throw new ArgumentNullException(nameof(s));
            return Parse(s.AsSpan(), style, provider);
        }

        public static short Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
        {
            Number.ParseStatus status = Number.TryParseInt16(s, style, out short value);
            if (status == Number.ParseStatus.Ok) return value;
            if (status == Number.ParseStatus.Format) throw new FormatException("The input string '" + s.ToString() + "' was not in a correct format.");
            throw new OverflowException("Value was either too large or too small for an Int16.");
        }

        public static bool TryParse(string s, out short result)
        {
            if (s == null) { result = 0; return false; }
            return TryParse(s.AsSpan(), NumberStyles.Integer, null, out result);
        }

        public static bool TryParse(ReadOnlySpan<char> s, out short result) => TryParse(s, NumberStyles.Integer, null, out result);

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out short result)
        {
            if (s == null) { result = 0; return false; }
            return TryParse(s.AsSpan(), style, provider, out result);
        }

        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out short result)
        {
            return Number.TryParseInt16(s, style, out result) == Number.ParseStatus.Ok;
        }
    }
}
