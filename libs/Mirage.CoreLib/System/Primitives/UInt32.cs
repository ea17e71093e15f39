using System.Globalization;

namespace System
{
    public readonly struct UInt32 : IComparable, IComparable<uint>, IEquatable<uint>, IFormattable, ISpanFormattable
    {
        private readonly uint m_value;

        public const uint MaxValue = 4294967295;
        public const uint MinValue = 0;

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is uint other) return CompareTo(other);
            throw new ArgumentException("Object must be of type UInt32.");
        }

        public int CompareTo(uint value) => m_value < value ? -1 : m_value > value ? 1 : 0;

        public override bool Equals(object obj) => obj is uint other && m_value == other;

        public bool Equals(uint obj) => m_value == obj;

        public override int GetHashCode() => (int)m_value;

        public override string ToString() => Number.FormatUInt64(m_value, null, 32);

        public string ToString(string format) => Number.FormatUInt64(m_value, format, 32);

        public string ToString(IFormatProvider provider) => Number.FormatUInt64(m_value, null, 32);

        public string ToString(string format, IFormatProvider provider) => Number.FormatUInt64(m_value, format, 32);

        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
            => Number.TryFormatUInt64(m_value, format, 32, destination, out charsWritten);

        public static uint Parse(string s) => Parse(s, NumberStyles.Integer, null);

        public static uint Parse(string s, NumberStyles style) => Parse(s, style, null);

        public static uint Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);

        public static uint Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            if (s == null) throw new ArgumentNullException(nameof(s));
            return Parse(s.AsSpan(), style, provider);
        }

        public static uint Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
        {
            Number.ParseStatus status = Number.TryParseUInt32(s, style, out uint value);
            if (status == Number.ParseStatus.Ok) return value;
            if (status == Number.ParseStatus.Format) throw new FormatException("The input string '" + s.ToString() + "' was not in a correct format.");
            throw new OverflowException("Value was either too large or too small for an UInt32.");
        }

        public static bool TryParse(string s, out uint result)
        {
            if (s == null) { result = 0; return false; }
            return TryParse(s.AsSpan(), NumberStyles.Integer, null, out result);
        }

        public static bool TryParse(ReadOnlySpan<char> s, out uint result) => TryParse(s, NumberStyles.Integer, null, out result);

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out uint result)
        {
            if (s == null) { result = 0; return false; }
            return TryParse(s.AsSpan(), style, provider, out result);
        }

        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out uint result)
        {
            return Number.TryParseUInt32(s, style, out result) == Number.ParseStatus.Ok;
        }
    }
}
