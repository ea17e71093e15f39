using System.Globalization;

namespace System
{
    public readonly unsafe struct IntPtr : IEquatable<nint>, IComparable, IComparable<nint>, IFormattable, ISpanFormattable
    {
        private readonly void* _value;

        public static readonly nint Zero;

        public IntPtr(int value) { _value = (void*)value; }
        public IntPtr(long value) { _value = (void*)(nint)value; }
        public IntPtr(void* value) { _value = value; }

        public static int Size => sizeof(nint);
        public static nint MaxValue => sizeof(nint) == 8 ? unchecked((nint)long.MaxValue) : int.MaxValue;
        public static nint MinValue => sizeof(nint) == 8 ? unchecked((nint)long.MinValue) : int.MinValue;

        public void* ToPointer() => _value;
        public int ToInt32() => checked((int)(nint)_value);
        public long ToInt64() => (nint)_value;

        public static explicit operator nint(int value) => value;
        public static explicit operator nint(long value) => checked((nint)value);
        public static explicit operator nint(void* value) => (nint)value;
        public static explicit operator void*(nint value) => (void*)value;
        public static explicit operator int(nint value) => checked((int)value);
        public static explicit operator long(nint value) => value;
        public static bool operator ==(nint value1, nint value2) => value1 == value2;
        public static bool operator !=(nint value1, nint value2) => value1 != value2;
        public static nint Add(nint pointer, int offset) => pointer + offset;
        public static nint operator +(nint pointer, int offset) => pointer + offset;
        public static nint Subtract(nint pointer, int offset) => pointer - offset;
        public static nint operator -(nint pointer, int offset) => pointer - offset;

        public override bool Equals(object obj) => obj is nint other && (nint)_value == other;
        public bool Equals(nint other) => (nint)_value == other;
        public override int GetHashCode() => sizeof(nint) == 8 ? (int)(long)(nint)_value ^ (int)((long)(nint)_value >> 32) : (int)(nint)_value;
        public int CompareTo(object value) => value is nint other ? CompareTo(other) : value == null ? 1 : throw new ArgumentException("Object must be of type IntPtr.");
        public int CompareTo(nint value) => (nint)_value < value ? -1 : (nint)_value > value ? 1 : 0;
        public override string ToString() => ((long)(nint)_value).ToString();
        public string ToString(string format) => ((long)(nint)_value).ToString(format);
        public string ToString(IFormatProvider provider) => ((long)(nint)_value).ToString();
        public string ToString(string format, IFormatProvider provider) => ((long)(nint)_value).ToString(format);
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
            => Number.TryFormatInt64((nint)_value, format, sizeof(nint) * 8, destination, out charsWritten);
        public static nint Parse(string s) => sizeof(nint) == 8 ? (nint)long.Parse(s) : int.Parse(s);
        public static bool TryParse(string s, out nint result)
        {
            bool ok = long.TryParse(s, out long wide);
            if (ok && (sizeof(nint) == 8 || (wide >= int.MinValue && wide <= int.MaxValue))) { result = (nint)wide; return true; }
            result = 0;
            return false;
        }
    }

    public readonly unsafe struct UIntPtr : IEquatable<nuint>, IComparable, IComparable<nuint>, IFormattable, ISpanFormattable
    {
        private readonly void* _value;

        public static readonly nuint Zero;

        public UIntPtr(uint value) { _value = (void*)value; }
        public UIntPtr(ulong value) { _value = (void*)checked((nuint)value); }
        public UIntPtr(void* value) { _value = value; }

        public static int Size => sizeof(nuint);
        public static nuint MaxValue => sizeof(nuint) == 8 ? unchecked((nuint)ulong.MaxValue) : uint.MaxValue;
        public static nuint MinValue => 0;

        public void* ToPointer() => _value;
        public uint ToUInt32() => checked((uint)(nuint)_value);
        public ulong ToUInt64() => (nuint)_value;

        public override bool Equals(object obj) => obj is nuint other && (nuint)_value == other;
        public bool Equals(nuint other) => (nuint)_value == other;
        public override int GetHashCode() => sizeof(nuint) == 8 ? (int)(ulong)(nuint)_value ^ (int)((ulong)(nuint)_value >> 32) : (int)(nuint)_value;
        public int CompareTo(object value) => value is nuint other ? CompareTo(other) : value == null ? 1 : throw new ArgumentException("Object must be of type UIntPtr.");
        public int CompareTo(nuint value) => (nuint)_value < value ? -1 : (nuint)_value > value ? 1 : 0;
        public override string ToString() => ((ulong)(nuint)_value).ToString();
        public string ToString(string format) => ((ulong)(nuint)_value).ToString(format);
        public string ToString(IFormatProvider provider) => ((ulong)(nuint)_value).ToString();
        public string ToString(string format, IFormatProvider provider) => ((ulong)(nuint)_value).ToString(format);
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider provider = null)
            => Number.TryFormatUInt64((nuint)_value, format, sizeof(nuint) * 8, destination, out charsWritten);
    }
}
