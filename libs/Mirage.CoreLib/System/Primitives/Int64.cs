using System.Globalization;

namespace System
{
    public readonly struct Int64 : IComparable, IComparable<long>, IEquatable<long>, IFormattable, ISpanFormattable
    {
        private readonly long m_value;

        public const long MaxValue = 0x7FFFFFFFFFFFFFFF;
        public const long MinValue = unchecked((long)0x8000000000000000);

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is long other) return CompareTo(other);
            throw new ArgumentException("Object must be of type Int64.");
        }

        public int CompareTo(long value) => m_value < value ? -1 : m_value > value ? 1 : 0;

        public override bool Equals(object obj) => obj is long other && m_value == other;

        public bool Equals(long obj) => m_value == obj;

        public override int GetHashCode() => (int)m_value ^ (int)(m_value >> 32);

        public override string ToString() => Number.FormatInt64(m_value, null, 64);

        public string ToString(string format) => Number.FormatInt64(m_value, format, 64);

        public string ToString(IFormatProvider provider) => Number.FormatInt64(m_value, null, 64);

        public string ToString(string format, IFormatProvider provider) => Number.FormatInt64(m_value, format, 64);

        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
            => Number.TryFormatInt64(m_value, format, 64, destination, out charsWritten);

        public static long Parse(string s) => Parse(s, NumberStyles.Integer, null);

        public static long Parse(string s, NumberStyles style) => Parse(s, style, null);

        public static long Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);

        public static long Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            if (s == null) throw new ArgumentNullException(nameof(s));
            return Parse(s.AsSpan(), style, provider);
        }

        public static long Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
        {
            Number.ParseStatus status = Number.TryParseInt64(s, style, out long value);
            if (status == Number.ParseStatus.Ok) return value;
            if (status == Number.ParseStatus.Format) throw new FormatException("The input string '" + s.ToString() + "' was not in a correct format.");
            throw new OverflowException("Value was either too large or too small for an Int64.");
        }

        public static bool TryParse(string s, out long result)
        {
            if (s == null) { result = 0; return false; }
            return TryParse(s.AsSpan(), NumberStyles.Integer, null, out result);
        }

        public static bool TryParse(ReadOnlySpan<char> s, out long result) => TryParse(s, NumberStyles.Integer, null, out result);

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out long result)
        {
            if (s == null) { result = 0; return false; }
            return TryParse(s.AsSpan(), style, provider, out result);
        }

        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out long result)
        {
            return Number.TryParseInt64(s, style, out result) == Number.ParseStatus.Ok;
        }
    }
}
