using System.Globalization;

namespace System
{
    public readonly struct UInt64 : IComparable, IComparable<ulong>, IEquatable<ulong>, IFormattable, ISpanFormattable
    {
        private readonly ulong m_value;

        public const ulong MaxValue = 0xFFFFFFFFFFFFFFFF;
        public const ulong MinValue = 0;

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is ulong other) return CompareTo(other);
            throw new ArgumentException("Object must be of type UInt64.");
        }

        public int CompareTo(ulong value) => m_value < value ? -1 : m_value > value ? 1 : 0;

        public override bool Equals(object obj) => obj is ulong other && m_value == other;

        public bool Equals(ulong obj) => m_value == obj;

        public override int GetHashCode() => (int)m_value ^ (int)(m_value >> 32);

        public override string ToString() => Number.FormatUInt64(m_value, null, 64);

        public string ToString(string format) => Number.FormatUInt64(m_value, format, 64);

        public string ToString(IFormatProvider provider) => Number.FormatUInt64(m_value, null, 64);

        public string ToString(string format, IFormatProvider provider) => Number.FormatUInt64(m_value, format, 64);

        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
            => Number.TryFormatUInt64(m_value, format, 64, destination, out charsWritten);

        public static ulong Parse(string s) => Parse(s, NumberStyles.Integer, null);

        public static ulong Parse(string s, NumberStyles style) => Parse(s, style, null);

        public static ulong Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);

        public static ulong Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            if (s == null) throw new ArgumentNullException(nameof(s));
            return Parse(s.AsSpan(), style, provider);
        }

        public static ulong Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
        {
            Number.ParseStatus status = Number.TryParseUInt64(s, style, out ulong value);
            if (status == Number.ParseStatus.Ok) return value;
            if (status == Number.ParseStatus.Format) throw new FormatException("The input string '" + s.ToString() + "' was not in a correct format.");
            throw new OverflowException("Value was either too large or too small for an UInt64.");
        }

        public static bool TryParse(string s, out ulong result)
        {
            if (s == null) { result = 0; return false; }
            return TryParse(s.AsSpan(), NumberStyles.Integer, null, out result);
        }

        public static bool TryParse(ReadOnlySpan<char> s, out ulong result) => TryParse(s, NumberStyles.Integer, null, out result);

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out ulong result)
        {
            if (s == null) { result = 0; return false; }
            return TryParse(s.AsSpan(), style, provider, out result);
        }

        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out ulong result)
        {
            return Number.TryParseUInt64(s, style, out result) == Number.ParseStatus.Ok;
        }
    }
}
