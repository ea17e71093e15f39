using System.Globalization;

namespace System
{
    public readonly struct Double : IComparable, IComparable<double>, IEquatable<double>, IFormattable, ISpanFormattable
    {
        private readonly double m_value;

        public const double MinValue = -1.7976931348623157E+308;
        public const double MaxValue = 1.7976931348623157E+308;
        public const double Epsilon = 4.9406564584124654E-324;
        public const double NegativeInfinity = -1.0 / 0.0;
        public const double PositiveInfinity = 1.0 / 0.0;
        public const double NaN = 0.0 / 0.0;
        public const double NegativeZero = -0.0;
        public const double E = Math.E;
        public const double Pi = Math.PI;
        public const double Tau = Math.Tau;

        public static bool IsFinite(double d) => (BitConverter.DoubleToInt64Bits(d) & 0x7FFFFFFFFFFFFFFF) < 0x7FF0000000000000;
        public static bool IsInfinity(double d) => (BitConverter.DoubleToInt64Bits(d) & 0x7FFFFFFFFFFFFFFF) == 0x7FF0000000000000;
        public static bool IsNaN(double d) => (BitConverter.DoubleToInt64Bits(d) & 0x7FFFFFFFFFFFFFFF) > 0x7FF0000000000000;
        public static bool IsNegative(double d) => BitConverter.DoubleToInt64Bits(d) < 0;
        public static bool IsNegativeInfinity(double d) => d == NegativeInfinity;
        public static bool IsPositiveInfinity(double d) => d == PositiveInfinity;
        public static bool IsNormal(double d)
        {
            long bits = BitConverter.DoubleToInt64Bits(d) & 0x7FFFFFFFFFFFFFFF;
            return bits < 0x7FF0000000000000 && bits != 0 && (bits & 0x7FF0000000000000) != 0;
        }
        public static bool IsSubnormal(double d)
        {
            long bits = BitConverter.DoubleToInt64Bits(d) & 0x7FFFFFFFFFFFFFFF;
            return bits < 0x7FF0000000000000 && bits != 0 && (bits & 0x7FF0000000000000) == 0;
        }
        public static bool IsInteger(double value) => IsFinite(value) && value == Math.Truncate(value);

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is double other) return CompareTo(other);
            throw new ArgumentException("Object must be of type Double.");
        }

        public int CompareTo(double value)
        {
            if (m_value < value) return -1;
            if (m_value > value) return 1;
            if (m_value == value) return 0;
            if (IsNaN(m_value)) return IsNaN(value) ? 0 : -1;
            return 1;
        }

        public override bool Equals(object obj) => obj is double other && Equals(other);
        public bool Equals(double obj) => m_value == obj || (IsNaN(obj) && IsNaN(m_value));

        public override int GetHashCode()
        {
            double value = m_value;
            if (IsNaN(value)) value = NaN;
            else if (value == 0) value = 0; // +0 and -0 are equal, so they hash alike
            long bits = BitConverter.DoubleToInt64Bits(value);
            return unchecked((int)bits ^ (int)(bits >> 32));
        }

        public static bool operator ==(double left, double right) => left == right;
        public static bool operator !=(double left, double right) => left != right;
        public static bool operator <(double left, double right) => left < right;
        public static bool operator >(double left, double right) => left > right;
        public static bool operator <=(double left, double right) => left <= right;
        public static bool operator >=(double left, double right) => left >= right;

        public override string ToString() => Number.FormatDouble(m_value, null);
        public string ToString(string format) => Number.FormatDouble(m_value, format);
        public string ToString(IFormatProvider provider) => Number.FormatDouble(m_value, null);
        public string ToString(string format, IFormatProvider provider) => Number.FormatDouble(m_value, format);
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
            => Number.TryFormatDouble(m_value, format, destination, out charsWritten);

        public static double Parse(string s) => Parse(s, NumberStyles.Float | NumberStyles.AllowThousands, null);
        public static double Parse(string s, NumberStyles style) => Parse(s, style, null);
        public static double Parse(string s, IFormatProvider provider) => Parse(s, NumberStyles.Float | NumberStyles.AllowThousands, provider);
        public static double Parse(string s, NumberStyles style, IFormatProvider provider)
        {
            if (s == null) throw new ArgumentNullException(nameof(s));
            return Parse(s.AsSpan(), style, provider);
        }
        public static double Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Float | NumberStyles.AllowThousands, IFormatProvider provider = null)
        {
            if (Number.TryParseDouble(s, style, out double result)) return result;
            throw new FormatException("The input string '" + s.ToString() + "' was not in a correct format.");
        }
        public static bool TryParse(string s, out double result)
        {
            if (s == null) { result = 0; return false; }
            return Number.TryParseDouble(s.AsSpan(), NumberStyles.Float | NumberStyles.AllowThousands, out result);
        }
        public static bool TryParse(ReadOnlySpan<char> s, out double result) => Number.TryParseDouble(s, NumberStyles.Float | NumberStyles.AllowThousands, out result);
        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out double result)
        {
            if (s == null) { result = 0; return false; }
            return Number.TryParseDouble(s.AsSpan(), style, out result);
        }
        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out double result) => Number.TryParseDouble(s, style, out result);
    }

    public readonly struct Single : IComparable, IComparable<float>, IEquatable<float>, IFormattable, ISpanFormattable
    {
        private readonly float m_value;

        public const float MinValue = -3.40282346638528859e+38f;
        public const float MaxValue = 3.40282346638528859e+38f;
        public const float Epsilon = 1.4e-45f;
        public const float NegativeInfinity = -1.0f / 0.0f;
        public const float PositiveInfinity = 1.0f / 0.0f;
        public const float NaN = 0.0f / 0.0f;
        public const float NegativeZero = -0.0f;

        public static bool IsFinite(float f) => (BitConverter.SingleToInt32Bits(f) & 0x7FFFFFFF) < 0x7F800000;
        public static bool IsInfinity(float f) => (BitConverter.SingleToInt32Bits(f) & 0x7FFFFFFF) == 0x7F800000;
        public static bool IsNaN(float f) => (BitConverter.SingleToInt32Bits(f) & 0x7FFFFFFF) > 0x7F800000;
        public static bool IsNegative(float f) => BitConverter.SingleToInt32Bits(f) < 0;
        public static bool IsNegativeInfinity(float f) => f == NegativeInfinity;
        public static bool IsPositiveInfinity(float f) => f == PositiveInfinity;

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is float other) return CompareTo(other);
            throw new ArgumentException("Object must be of type Single.");
        }

        public int CompareTo(float value)
        {
            if (m_value < value) return -1;
            if (m_value > value) return 1;
            if (m_value == value) return 0;
            if (IsNaN(m_value)) return IsNaN(value) ? 0 : -1;
            return 1;
        }

        public override bool Equals(object obj) => obj is float other && Equals(other);
        public bool Equals(float obj) => m_value == obj || (IsNaN(obj) && IsNaN(m_value));

        public override int GetHashCode()
        {
            float value = m_value;
            if (IsNaN(value)) value = NaN;
            else if (value == 0) value = 0;
            return BitConverter.SingleToInt32Bits(value);
        }

        public static bool operator ==(float left, float right) => left == right;
        public static bool operator !=(float left, float right) => left != right;
        public static bool operator <(float left, float right) => left < right;
        public static bool operator >(float left, float right) => left > right;
        public static bool operator <=(float left, float right) => left <= right;
        public static bool operator >=(float left, float right) => left >= right;

        public override string ToString() => Number.FormatSingle(m_value, null);
        public string ToString(string format) => Number.FormatSingle(m_value, format);
        public string ToString(IFormatProvider provider) => Number.FormatSingle(m_value, null);
        public string ToString(string format, IFormatProvider provider) => Number.FormatSingle(m_value, format);
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
            => Number.TryFormatSingle(m_value, format, destination, out charsWritten);

        public static float Parse(string s)
        {
            if (s == null) throw new ArgumentNullException(nameof(s));
            if (Number.TryParseSingle(s.AsSpan(), NumberStyles.Float | NumberStyles.AllowThousands, out float result)) return result;
            throw new FormatException("The input string '" + s + "' was not in a correct format.");
        }
        public static bool TryParse(string s, out float result)
        {
            if (s == null) { result = 0; return false; }
            return Number.TryParseSingle(s.AsSpan(), NumberStyles.Float | NumberStyles.AllowThousands, out result);
        }
        public static bool TryParse(ReadOnlySpan<char> s, out float result) => Number.TryParseSingle(s, NumberStyles.Float | NumberStyles.AllowThousands, out result);
    }
}
