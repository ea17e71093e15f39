namespace System
{
    public readonly struct Boolean : IComparable, IComparable<bool>, IEquatable<bool>
    {
        private readonly bool m_value;

        public static readonly string TrueString = "True";
        public static readonly string FalseString = "False";

        public override int GetHashCode() => m_value ? 1 : 0;
        public override string ToString() => m_value ? "True" : "False";
        public string ToString(IFormatProvider provider) => ToString();
        public bool TryFormat(Span<char> destination, out int charsWritten)
        {
            string text = ToString();
            if (text.AsSpan().TryCopyTo(destination)) { charsWritten = text.Length; return true; }
            charsWritten = 0;
            return false;
        }
        public override bool Equals(object obj) => obj is bool other && m_value == other;
        public bool Equals(bool obj) => m_value == obj;
        public int CompareTo(object obj)
        {
            if (obj == null) return 1;
            if (obj is bool other) return CompareTo(other);
            throw new ArgumentException("Object must be of type Boolean.");
        }
        public int CompareTo(bool value) => m_value == value ? 0 : m_value ? 1 : -1;

        public static bool Parse(string value)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            if (TryParse(value, out bool result)) return result;
            throw new FormatException("String '" + value + "' was not recognized as a valid Boolean.");
        }

        public static bool TryParse(string value, out bool result)
        {
            if (value == null) { result = false; return false; }
            return TryParse(value.AsSpan(), out result);
        }

        public static bool TryParse(ReadOnlySpan<char> value, out bool result)
        {
            ReadOnlySpan<char> trimmed = value.Trim();
            if (trimmed.Equals("True", StringComparison.OrdinalIgnoreCase)) { result = true; return true; }
            if (trimmed.Equals("False", StringComparison.OrdinalIgnoreCase)) { result = false; return true; }
            result = false;
            return false;
        }
    }

    public struct Void { }
}
