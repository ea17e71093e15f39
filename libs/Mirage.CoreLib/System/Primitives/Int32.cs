using System.Globalization;

namespace System
{
    public readonly struct Int32 : IComparable, IComparable<int>, IEquatable<int>, IFormattable, ISpanFormattable
    {
        private readonly int m_value;

        public const int MaxValue = 2147483647;
        public const int MinValue = -2147483648;

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is int other) return CompareTo(other);
            throw new ArgumentException("Object must be of type Int32.");
        }

        public int CompareTo(int value) => m_value < value ? -1 : m_value > value ? 1 : 0;

        public override bool Equals(object obj) => obj is int other && m_value == other;

        public bool Equals(int obj) => m_value == obj;

        public override int GetHashCode() => (int)m_value;

        public override string ToString() => Number.FormatInt64(m_value, null, 32);

        public string ToString(string format) => Number.FormatInt64(m_value, format, 32);

        public string ToString(IFormatProvider provider) => Number.FormatInt64(m_value, null, 32);

        public string ToString(string format, IFormatProvider provider) => Number.FormatInt64(m_value, format, 32);

        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
            => Number.TryFormatInt64(m_value, format, 32, destination, out charsWritten);

        public static int Parse(string s) => Parse(s, NumberStyles.Integer, null);

        public static int Parse(string s, NumberStyles style) => Parse(s, style, null);

        public static int Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Integer, provider);

        public static int Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            if (s == null) throw new ArgumentNullException(nameof(s));
            return Parse(s.AsSpan(), style, provider);
        }

        public static int Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null)
        {
            Number.ParseStatus status = Number.TryParseInt32(s, style, out int value);
            if (status == Number.ParseStatus.Ok) return value;
            if (status == Number.ParseStatus.Format) throw new FormatException("The input string '" + s.ToString() + "' was not in a correct format.");
            throw new OverflowException("Value was either too large or too small for an Int32.");
        }

        public static bool TryParse(string s, out int result)
        {
            if (s == null) { result = 0; return false; }
            return TryParse(s.AsSpan(), NumberStyles.Integer, null, out result);
        }

        public static bool TryParse(ReadOnlySpan<char> s, out int result) => TryParse(s, NumberStyles.Integer, null, out result);

        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out int result)
        {
            if (s == null) { result = 0; return false; }
            return TryParse(s.AsSpan(), style, provider, out result);
        }

        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out int result)
        {
            return Number.TryParseInt32(s, style, out result) == Number.ParseStatus.Ok;
        }
    }
}
