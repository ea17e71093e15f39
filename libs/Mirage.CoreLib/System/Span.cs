using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System
{
    public readonly ref struct Span<T>
    {
        internal readonly ref T _reference;
        private readonly int _length;

        public Span(T[] array)
        {
            if (array == null) { this = default; return; }
            // Covariance: a Span<object> over a string[] would let callers store non-strings.
            if (!RuntimeHelpers.IsReferenceOrContainsReferences<T>() ? false : ArrayTypeDiffers(array)) throw new ArrayTypeMismatchException();
            _reference = ref Unsafe.As<byte, T>(ref array.GetRawArrayData());
            _length = array.Length;
        }

        public Span(T[] array, int start, int length)
        {
            if (array == null)
            {
                if (start != 0 || length != 0) throw new ArgumentOutOfRangeException(nameof(start));
                this = default;
                return;
            }
            if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)array.Length) throw new ArgumentOutOfRangeException(nameof(start));
            _reference = ref Unsafe.Add(ref Unsafe.As<byte, T>(ref array.GetRawArrayData()), (nint)(uint)start);
            _length = length;
        }

        public unsafe Span(void* pointer, int length)
        {
            if (length < 0) throw new ArgumentOutOfRangeException(nameof(length));
            _reference = ref Unsafe.AsRef<T>(pointer);
            _length = length;
        }

        public Span(ref T reference)
        {
            _reference = ref reference;
            _length = 1;
        }

        internal Span(ref T reference, int length)
        {
            _reference = ref reference;
            _length = length;
        }

        private static unsafe bool ArrayTypeDiffers(T[] array)
            => default(T) == null && array.GetMethodTable() != MethodTable.Of<T[]>();

        public ref T this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_length) ThrowHelpers.ThrowIndexOutOfRange();
                return ref Unsafe.Add(ref _reference, (nint)(uint)index);
            }
        }

        public int Length => _length;
        public bool IsEmpty => _length == 0;
        public static Span<T> Empty => default;

        public ref T GetPinnableReference() => ref (_length != 0 ? ref _reference : ref Unsafe.NullRef<T>());

        public Span<T> Slice(int start)
        {
            if ((uint)start > (uint)_length) throw new ArgumentOutOfRangeException(nameof(start));
            return new Span<T>(ref Unsafe.Add(ref _reference, (nint)(uint)start), _length - start);
        }

        public Span<T> Slice(int start, int length)
        {
            if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)_length) throw new ArgumentOutOfRangeException(nameof(start));
            return new Span<T>(ref Unsafe.Add(ref _reference, (nint)(uint)start), length);
        }

        public void Clear()
        {
            if (!RuntimeHelpers.IsReferenceOrContainsReferences<T>())
                SpanHelpers.ClearWithoutReferences(ref Unsafe.As<T, byte>(ref _reference), (nuint)(uint)_length * (nuint)(uint)Unsafe.SizeOf<T>());
            else
                for (int i = 0; i < _length; i++) Unsafe.Add(ref _reference, i) = default;
        }

        public void Fill(T value)
        {
            for (int i = 0; i < _length; i++) Unsafe.Add(ref _reference, i) = value;
        }

        public void CopyTo(Span<T> destination)
        {
            if (!TryCopyTo(destination)) throw new ArgumentException("Destination is too short.", nameof(destination));
        }

        public bool TryCopyTo(Span<T> destination) => ((ReadOnlySpan<T>)this).TryCopyTo(destination);

        public T[] ToArray() => ((ReadOnlySpan<T>)this).ToArray();

        public override string ToString()
        {
            if (typeof(T) == typeof(char)) return new string(new ReadOnlySpan<char>(ref Unsafe.As<T, char>(ref _reference), _length));
            return "System.Span<T>[" + _length.ToString() + "]";
        }

        public static implicit operator Span<T>(T[] array) => new Span<T>(array);
        public static implicit operator Span<T>(ArraySegment<T> segment) => new Span<T>(segment.Array, segment.Offset, segment.Count);
        public static implicit operator ReadOnlySpan<T>(Span<T> span) => new ReadOnlySpan<T>(ref span._reference, span._length);

        public static bool operator ==(Span<T> left, Span<T> right) => left._length == right._length && Unsafe.AreSame(ref left._reference, ref right._reference);
        public static bool operator !=(Span<T> left, Span<T> right) => !(left == right);

                public override bool Equals(object obj) => throw new NotSupportedException("Equals() on Span and ReadOnlySpan is not supported. Use operator== instead.");
                public override int GetHashCode() => throw new NotSupportedException("GetHashCode() on Span and ReadOnlySpan is not supported.");

        public Enumerator GetEnumerator() => new Enumerator(this);

        public ref struct Enumerator
        {
            private readonly Span<T> _span;
            private int _index;
            internal Enumerator(Span<T> span) { _span = span; _index = -1; }
            public bool MoveNext()
            {
                int index = _index + 1;
                if (index < _span.Length) { _index = index; return true; }
                return false;
            }
            public ref T Current => ref _span[_index];
        }
    }

    public readonly ref struct ReadOnlySpan<T>
    {
        internal readonly ref T _reference;
        private readonly int _length;

        public ReadOnlySpan(T[] array)
        {
            if (array == null) { this = default; return; }
            _reference = ref Unsafe.As<byte, T>(ref array.GetRawArrayData());
            _length = array.Length;
        }

        public ReadOnlySpan(T[] array, int start, int length)
        {
            if (array == null)
            {
                if (start != 0 || length != 0) throw new ArgumentOutOfRangeException(nameof(start));
                this = default;
                return;
            }
            if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)array.Length) throw new ArgumentOutOfRangeException(nameof(start));
            _reference = ref Unsafe.Add(ref Unsafe.As<byte, T>(ref array.GetRawArrayData()), (nint)(uint)start);
            _length = length;
        }

        public unsafe ReadOnlySpan(void* pointer, int length)
        {
            if (length < 0) throw new ArgumentOutOfRangeException(nameof(length));
            _reference = ref Unsafe.AsRef<T>(pointer);
            _length = length;
        }

        public ReadOnlySpan(ref readonly T reference)
        {
            _reference = ref Unsafe.AsRef(in reference);
            _length = 1;
        }

        internal ReadOnlySpan(ref T reference, int length)
        {
            _reference = ref reference;
            _length = length;
        }

        public ref readonly T this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_length) ThrowHelpers.ThrowIndexOutOfRange();
                return ref Unsafe.Add(ref _reference, (nint)(uint)index);
            }
        }

        public int Length => _length;
        public bool IsEmpty => _length == 0;
        public static ReadOnlySpan<T> Empty => default;

        public ref readonly T GetPinnableReference() => ref (_length != 0 ? ref _reference : ref Unsafe.NullRef<T>());

        public ReadOnlySpan<T> Slice(int start)
        {
            if ((uint)start > (uint)_length) throw new ArgumentOutOfRangeException(nameof(start));
            return new ReadOnlySpan<T>(ref Unsafe.Add(ref _reference, (nint)(uint)start), _length - start);
        }

        public ReadOnlySpan<T> Slice(int start, int length)
        {
            if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)_length) throw new ArgumentOutOfRangeException(nameof(start));
            return new ReadOnlySpan<T>(ref Unsafe.Add(ref _reference, (nint)(uint)start), length);
        }

        public void CopyTo(Span<T> destination)
        {
            if (!TryCopyTo(destination)) throw new ArgumentException("Destination is too short.", nameof(destination));
        }

        public bool TryCopyTo(Span<T> destination)
        {
            if ((uint)_length > (uint)destination.Length) return false;
            if (_length == 0) return true;
            if (!RuntimeHelpers.IsReferenceOrContainsReferences<T>())
            {
                // Plain data (bytes above all): a block move, not an element loop.
                SpanHelpers.Memmove(ref Unsafe.As<T, byte>(ref destination._reference), ref Unsafe.As<T, byte>(ref _reference),
                    (nuint)(uint)_length * (nuint)(uint)Unsafe.SizeOf<T>());
                return true;
            }
            if (Unsafe.IsAddressLessThan(ref destination._reference, ref _reference) || Unsafe.IsAddressGreaterThan(ref destination._reference, ref Unsafe.Add(ref _reference, _length - 1)))
                for (int i = 0; i < _length; i++) Unsafe.Add(ref destination._reference, i) = Unsafe.Add(ref _reference, i);
            else
                for (int i = _length - 1; i >= 0; i--) Unsafe.Add(ref destination._reference, i) = Unsafe.Add(ref _reference, i);
            return true;
        }

        public T[] ToArray()
        {
            if (_length == 0) return Array.Empty<T>();
            T[] result = new T[_length];
            for (int i = 0; i < _length; i++) result[i] = Unsafe.Add(ref _reference, i);
            return result;
        }

        public override string ToString()
        {
            if (typeof(T) == typeof(char)) return new string(new ReadOnlySpan<char>(ref Unsafe.As<T, char>(ref _reference), _length));
            return "System.ReadOnlySpan<T>[" + _length.ToString() + "]";
        }

        public static implicit operator ReadOnlySpan<T>(T[] array) => new ReadOnlySpan<T>(array);
        public static implicit operator ReadOnlySpan<T>(ArraySegment<T> segment) => new ReadOnlySpan<T>(segment.Array, segment.Offset, segment.Count);

        public static bool operator ==(ReadOnlySpan<T> left, ReadOnlySpan<T> right) => left._length == right._length && Unsafe.AreSame(ref left._reference, ref right._reference);
        public static bool operator !=(ReadOnlySpan<T> left, ReadOnlySpan<T> right) => !(left == right);

                public override bool Equals(object obj) => throw new NotSupportedException("Equals() on Span and ReadOnlySpan is not supported. Use operator== instead.");
                public override int GetHashCode() => throw new NotSupportedException("GetHashCode() on Span and ReadOnlySpan is not supported.");

        public Enumerator GetEnumerator() => new Enumerator(this);

        public ref struct Enumerator
        {
            private readonly ReadOnlySpan<T> _span;
            private int _index;
            internal Enumerator(ReadOnlySpan<T> span) { _span = span; _index = -1; }
            public bool MoveNext()
            {
                int index = _index + 1;
                if (index < _span.Length) { _index = index; return true; }
                return false;
            }
            public ref readonly T Current => ref _span[_index];
        }
    }

    public readonly struct ArraySegment<T>
    {
        private readonly T[] _array;
        private readonly int _offset;
        private readonly int _count;
        public ArraySegment(T[] array)
        {
            _array = array ?? throw new ArgumentNullException(nameof(array));
            _offset = 0;
            _count = array.Length;
        }
        public ArraySegment(T[] array, int offset, int count)
        {
            if (array == null) throw new ArgumentNullException(nameof(array));
            if (offset < 0 || count < 0 || array.Length - offset < count) throw new ArgumentOutOfRangeException(nameof(offset));
            _array = array; _offset = offset; _count = count;
        }
        public T[] Array => _array;
        public int Offset => _offset;
        public int Count => _count;
        public T this[int index] { get => _array[_offset + index]; set => _array[_offset + index] = value; }
        public static implicit operator ArraySegment<T>(T[] array) => array != null ? new ArraySegment<T>(array) : default;
    }
}
