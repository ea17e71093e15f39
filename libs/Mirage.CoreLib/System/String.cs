using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System
{
    /// <summary>
    /// UTF-16 text. Layout (a contract with ilc): length, the characters, a NUL. Comparison and
    /// casing are ordinal/invariant: the unikernel runtime has no culture data.
    /// </summary>
    public sealed partial class String : ICloneable, IComparable, IComparable<string>, IEquatable<string>, System.Collections.Generic.IEnumerable<char>
    {
        private readonly int _stringLength;
        private char _firstChar;

        public static readonly string Empty = "";

        public int Length => _stringLength;

        [IndexerName("Chars")]
        public char this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_stringLength) ThrowHelpers.ThrowIndexOutOfRange();
                return Unsafe.Add(ref _firstChar, index);
            }
        }

        public ref readonly char GetPinnableReference() => ref _firstChar;

        internal ref char GetRawStringData() => ref _firstChar;

        internal static unsafe string FastAllocateString(int length)
        {
            if (length == 0) return Empty;
            return Unsafe.As<string>(Allocation.AsObject(Allocation.AllocateString(MethodTable.Of<string>(), length)));
        }

        // Constructors: C# 'new string(...)' binds to these signatures; ilc redirects each to the
        // static Ctor with the same parameters, which returns the new string.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(char[] value);
        private static string Ctor(char[] value) => value == null ? Empty : Ctor(value, 0, value.Length);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(char[] value, int startIndex, int length);
        private static string Ctor(char[] value, int startIndex, int length)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            if ((uint)startIndex > (uint)value.Length || (uint)length > (uint)(value.Length - startIndex)) throw new ArgumentOutOfRangeException(nameof(startIndex));
            return Ctor(new ReadOnlySpan<char>(value, startIndex, length));
        }

        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern unsafe String(char* value);
        private static unsafe string Ctor(char* value)
        {
            if (value == null) return Empty;
            int length = 0;
            while (value[length] != 0) length++;
            return Ctor(new ReadOnlySpan<char>(value, length));
        }

        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern unsafe String(char* value, int startIndex, int length);
        private static unsafe string Ctor(char* value, int startIndex, int length)
        {
            if (length < 0 || startIndex < 0) throw new ArgumentOutOfRangeException(nameof(length));
            return Ctor(new ReadOnlySpan<char>(value + startIndex, length));
        }

        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(char c, int count);
        private static string Ctor(char c, int count)
        {
            if (count < 0) throw new ArgumentOutOfRangeException(nameof(count));
            string result = FastAllocateString(count);
            for (int i = 0; i < count; i++) Unsafe.Add(ref result._firstChar, i) = c;
            return result;
        }

        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(ReadOnlySpan<char> value);
        private static string Ctor(ReadOnlySpan<char> value)
        {
            string result = FastAllocateString(value.Length);
            for (int i = 0; i < value.Length; i++) Unsafe.Add(ref result._firstChar, i) = value[i];
            return result;
        }

        public static bool IsNullOrEmpty(string value) => value == null || value.Length == 0;

        public static bool IsNullOrWhiteSpace(string value)
        {
            if (value == null) return true;
            for (int i = 0; i < value.Length; i++) if (!char.IsWhiteSpace(value[i])) return false;
            return true;
        }

        public static string Concat(string str0, string str1)
        {
            if (IsNullOrEmpty(str0)) return str1 ?? Empty;
            if (IsNullOrEmpty(str1)) return str0;
            string result = FastAllocateString(str0.Length + str1.Length);
            CopyChars(str0, result, 0);
            CopyChars(str1, result, str0.Length);
            return result;
        }

        public static string Concat(string str0, string str1, string str2)
        {
            int length = (str0?.Length ?? 0) + (str1?.Length ?? 0) + (str2?.Length ?? 0);
            string result = FastAllocateString(length);
            int at = 0;
            at = CopyChars(str0, result, at);
            at = CopyChars(str1, result, at);
            CopyChars(str2, result, at);
            return result;
        }

        public static string Concat(string str0, string str1, string str2, string str3)
        {
            int length = (str0?.Length ?? 0) + (str1?.Length ?? 0) + (str2?.Length ?? 0) + (str3?.Length ?? 0);
            string result = FastAllocateString(length);
            int at = 0;
            at = CopyChars(str0, result, at);
            at = CopyChars(str1, result, at);
            at = CopyChars(str2, result, at);
            CopyChars(str3, result, at);
            return result;
        }

        public static string Concat(params string[] values)
        {
            if (values == null) throw new ArgumentNullException(nameof(values));
            return Concat(new ReadOnlySpan<string>(values));
        }

        public static string Concat(params ReadOnlySpan<string> values)
        {
            int length = 0;
            for (int i = 0; i < values.Length; i++) length += values[i]?.Length ?? 0;
            string result = FastAllocateString(length);
            int at = 0;
            for (int i = 0; i < values.Length; i++) at = CopyChars(values[i], result, at);
            return result;
        }

        public static string Concat(object arg0) => arg0?.ToString() ?? Empty;
        public static string Concat(object arg0, object arg1) => Concat(arg0?.ToString(), arg1?.ToString());
        public static string Concat(object arg0, object arg1, object arg2) => Concat(arg0?.ToString(), arg1?.ToString(), arg2?.ToString());
        public static string Concat(params object[] args)
        {
            if (args == null) throw new ArgumentNullException(nameof(args));
            string[] parts = new string[args.Length];
            for (int i = 0; i < args.Length; i++) parts[i] = args[i]?.ToString();
            return Concat(parts);
        }

        public static string Concat(ReadOnlySpan<char> str0, ReadOnlySpan<char> str1)
        {
            string result = FastAllocateString(str0.Length + str1.Length);
            Span<char> target = new Span<char>(ref result._firstChar, result.Length);
            str0.CopyTo(target);
            str1.CopyTo(target.Slice(str0.Length));
            return result;
        }

        public static string Concat(ReadOnlySpan<char> str0, ReadOnlySpan<char> str1, ReadOnlySpan<char> str2)
        {
            string result = FastAllocateString(str0.Length + str1.Length + str2.Length);
            Span<char> target = new Span<char>(ref result._firstChar, result.Length);
            str0.CopyTo(target);
            str1.CopyTo(target.Slice(str0.Length));
            str2.CopyTo(target.Slice(str0.Length + str1.Length));
            return result;
        }

        private static int CopyChars(string source, string target, int at)
        {
            if (source == null) return at;
            for (int i = 0; i < source.Length; i++) Unsafe.Add(ref target._firstChar, at + i) = Unsafe.Add(ref source._firstChar, i);
            return at + source.Length;
        }

        public static bool operator ==(string a, string b) => Equals(a, b);
        public static bool operator !=(string a, string b) => !Equals(a, b);

        public static bool Equals(string a, string b)
        {
            if ((object)a == b) return true;
            if (a is null || b is null || a._stringLength != b._stringLength) return false;
            return a.AsSpan().SequenceEqual(b.AsSpan());
        }

        public override bool Equals(object obj) => obj is string other && Equals(this, other);
        public bool Equals(string value) => Equals(this, value);

        /// <summary>
        /// Ordinal hash (FNV-1a over the UTF-16 units). .NET randomizes string hashes per process,
        /// so no caller may depend on the values; this one is stable and cheap.
        /// </summary>
        public override int GetHashCode() => GetHashCode(this.AsSpan());

        public static int GetHashCode(ReadOnlySpan<char> value)
        {
            uint hash = 2166136261;
            for (int i = 0; i < value.Length; i++)
            {
                hash = (hash ^ value[i]) * 16777619;
            }
            return (int)hash;
        }

        public override string ToString() => this;
        public string ToString(IFormatProvider provider) => this;
        internal override string RuntimeTypeNameOrDefault => "System.String";

        public CharEnumerator GetEnumerator() => new CharEnumerator(this);
        System.Collections.Generic.IEnumerator<char> System.Collections.Generic.IEnumerable<char>.GetEnumerator() => new CharEnumerator(this);
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => new CharEnumerator(this);

        public static implicit operator ReadOnlySpan<char>(string value)
            => value == null ? default : new ReadOnlySpan<char>(ref value._firstChar, value._stringLength);
    }

    public sealed class CharEnumerator : System.Collections.Generic.IEnumerator<char>, ICloneable
    {
        private readonly string _text;
        private int _index = -1;

        internal CharEnumerator(string text) { _text = text; }

        public char Current => _text[_index];
        object System.Collections.IEnumerator.Current => Current;
        public bool MoveNext() => ++_index < _text.Length;
        public void Reset() => _index = -1;
        public void Dispose() { }
        public object Clone() => MemberwiseClone();
    }
}
