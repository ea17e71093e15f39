using System.Globalization;

namespace System
{
    public readonly struct SByte : IComparable, IComparable<sbyte>, IEquatable<sbyte>, IFormattable, ISpanFormattable
    {
        private readonly sbyte m_value;

        public const sbyte MaxValue = 127;
        public const sbyte MinValue = -128;

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is sbyte other) return CompareTo(other);
            throw new ArgumentException("Object must be of type SByte.");
        }

        public int CompareTo(sbyte value) => m_value < value ? -1 : m_value > value ? 1 : 0;

        public override bool Equals(object obj) => obj is sbyte other && m_value == other;

        public bool Equals(sbyte obj) => m_value == obj;

        public override int GetHashCode() => (byte)m_value | ((int)m_value << 8);

        public override string ToString() => Number.FormatInt64(m_value, null, 8);

        public string ToString(string format) => Number.FormatInt64(m_value, format, 8);

        public string ToString(IFormatProvider provider) => Number.FormatInt64(m_value, null, 8);

        public string ToString(string format, IFormatProvider provider) => Number.FormatInt64(m_value, format, 8);

        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
            => Number.TryFormatInt64(m_value, format, 8, destination, out charsWritten);

        public static sbyte Parse(string s) => Parse(s, NumberStyles.Integer, null);

        public static sbyte Parse(string s, NumberStyles style) => Parse(s, style, null);

        public static sbyte Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);

        public static sbyte Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            if (s == null) throw new ArgumentNullException(nameof(s));
            return Parse(s.AsSpan(), style, provider);
        }

        public static sbyte Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
        {
            Number.ParseStatus status = Number.TryParseSByte(s, style, out sbyte value);
            if (status == Number.ParseStatus.Ok) return value;
            if (status == Number.ParseStatus.Format) throw new FormatException("The input string '" + s.ToString() + "' was not in a correct format.");
            throw new OverflowException("Value was either too large or too small for a SByte.");
        }

        public static bool TryParse(string s, out sbyte result)
        {
            if (s == null) { result = 0; return false; }
            return TryParse(s.AsSpan(), NumberStyles.Integer, null, out result);
        }

        public static bool TryParse(ReadOnlySpan<char> s, out sbyte result) => TryParse(s, NumberStyles.Integer, null, out result);

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out sbyte result)
        {
            if (s == null) { result = 0; return false; }
            return TryParse(s.AsSpan(), style, provider, out result);
        }

        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out sbyte result)
        {
            return Number.TryParseSByte(s, style, out result) == Number.ParseStatus.Ok;
        }
    }
}
