using System.Globalization;

namespace System
{
    public readonly struct UInt16 : IComparable, IComparable<ushort>, IEquatable<ushort>, IFormattable, ISpanFormattable
    {
        private readonly ushort m_value;

        public const ushort MaxValue = 65535;
        public const ushort MinValue = 0;

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is ushort other) return CompareTo(other);
            throw new ArgumentException("Object must be of type UInt16.");
        }

        public int CompareTo(ushort value) => m_value < value ? -1 : m_value > value ? 1 : 0;

        public override bool Equals(object obj) => obj is ushort other && m_value == other;

        public bool Equals(ushort obj) => m_value == obj;

        public override int GetHashCode() => (int)m_value;

        public override string ToString() => Number.FormatUInt64(m_value, null, 16);

        public string ToString(string format) => Number.FormatUInt64(m_value, format, 16);

        public string ToString(IFormatProvider provider) => Number.FormatUInt64(m_value, null, 16);

        public string ToString(string format, IFormatProvider provider) => Number.FormatUInt64(m_value, format, 16);

        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
            => Number.TryFormatUInt64(m_value, format, 16, destination, out charsWritten);

        public static ushort Parse(string s) => Parse(s, NumberStyles.Integer, null);

        public static ushort Parse(string s, NumberStyles style) => Parse(s, style, null);

        public static ushort Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);

        public static ushort Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            if (s == null) throw new ArgumentNullException(nameof(s));
            return Parse(s.AsSpan(), style, provider);
        }

        public static ushort Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
        {
            Number.ParseStatus status = Number.TryParseUInt16(s, style, out ushort value);
            if (status == Number.ParseStatus.Ok) return value;
            if (status == Number.ParseStatus.Format) throw new FormatException("The input string '" + s.ToString() + "' was not in a correct format.");
            throw new OverflowException("Value was either too large or too small for an UInt16.");
        }

        public static bool TryParse(string s, out ushort result)
        {
            if (s == null) { result = 0; return false; }
            return TryParse(s.AsSpan(), NumberStyles.Integer, null, out result);
        }

        public static bool TryParse(ReadOnlySpan<char> s, out ushort result) => TryParse(s, NumberStyles.Integer, null, out result);

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out ushort result)
        {
            if (s == null) { result = 0; return false; }
            return TryParse(s.AsSpan(), style, provider, out result);
        }

        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out ushort result)
        {
            return Number.TryParseUInt16(s, style, out result) == Number.ParseStatus.Ok;
        }
    }
}
