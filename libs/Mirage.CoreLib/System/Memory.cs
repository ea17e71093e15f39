using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>Memory over an array (or, for ReadOnlyMemory&lt;char&gt;, a string).</summary>
    public readonly struct Memory<T> : IEquatable<Memory<T>>
    {
        private readonly object _object;
        private readonly int _index;
        private readonly int _length;

        public Memory(T[] array)
        {
            _object = array;
            _index = 0;
            _length = array?.Length ?? 0;
        }

        public Memory(T[] array, int start, int length)
        {
            if (array == null)
            {
                if (start != 0 || length != 0) throw new ArgumentOutOfRangeException(nameof(start));
                this = default;
                return;
            }
            if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)array.Length) throw new ArgumentOutOfRangeException(nameof(start));
            _object = array;
            _index = start;
            _length = length;
        }

        internal Memory(object obj, int start, int length) { _object = obj; _index = start; _length = length; }

        public static Memory<T> Empty => default;
        public int Length => _length;
        public bool IsEmpty => _length == 0;

        public Span<T> Span => _object == null ? default : new Span<T>(Unsafe.As<T[]>(_object), _index, _length);

        public Memory<T> Slice(int start)
        {
            if ((uint)start > (uint)_length) throw new ArgumentOutOfRangeException(nameof(start));
            return new Memory<T>(_object, _index + start, _length - start);
        }

        public Memory<T> Slice(int start, int length)
        {
            if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)_length) throw new ArgumentOutOfRangeException(nameof(start));
            return new Memory<T>(_object, _index + start, length);
        }

        public void CopyTo(Memory<T> destination) => Span.CopyTo(destination.Span);
        public bool TryCopyTo(Memory<T> destination) => Span.TryCopyTo(destination.Span);
        public T[] ToArray() => Span.ToArray();

        public static implicit operator Memory<T>(T[] array) => new Memory<T>(array);
        public static implicit operator Memory<T>(ArraySegment<T> segment) => new Memory<T>(segment.Array, segment.Offset, segment.Count);
        public static implicit operator ReadOnlyMemory<T>(Memory<T> memory) => new ReadOnlyMemory<T>(memory._object, memory._index, memory._length);

        public bool Equals(Memory<T> other) => _object == other._object && _index == other._index && _length == other._length;
        public override bool Equals(object obj) => obj is Memory<T> other && Equals(other);
        public override int GetHashCode() => HashCode.Combine(_object, _index, _length);
        public override string ToString() => typeof(T) == typeof(char) ? Span.ToString() : "System.Memory<T>[" + _length.ToString() + "]";
    }

    public readonly struct ReadOnlyMemory<T> : IEquatable<ReadOnlyMemory<T>>
    {
        private readonly object _object;
        private readonly int _index;
        private readonly int _length;

        public ReadOnlyMemory(T[] array)
        {
            _object = array;
            _index = 0;
            _length = array?.Length ?? 0;
        }

        public ReadOnlyMemory(T[] array, int start, int length)
        {
            if (array == null)
            {
                if (start != 0 || length != 0) throw new ArgumentOutOfRangeException(nameof(start));
                this = default;
                return;
            }
            if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)array.Length) throw new ArgumentOutOfRangeException(nameof(start));
            _object = array;
            _index = start;
            _length = length;
        }

        internal ReadOnlyMemory(object obj, int start, int length) { _object = obj; _index = start; _length = length; }

        public static ReadOnlyMemory<T> Empty => default;
        public int Length => _length;
        public bool IsEmpty => _length == 0;

        public ReadOnlySpan<T> Span
        {
            get
            {
                if (_object == null) return default;
                if (_object is string text)
                    return new ReadOnlySpan<T>(ref Unsafe.As<char, T>(ref text.GetRawStringData()), text.Length).Slice(_index, _length);
                return new ReadOnlySpan<T>(Unsafe.As<T[]>(_object), _index, _length);
            }
        }

        public ReadOnlyMemory<T> Slice(int start)
        {
            if ((uint)start > (uint)_length) throw new ArgumentOutOfRangeException(nameof(start));
            return new ReadOnlyMemory<T>(_object, _index + start, _length - start);
        }

        public ReadOnlyMemory<T> Slice(int start, int length)
        {
            if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)_length) throw new ArgumentOutOfRangeException(nameof(start));
            return new ReadOnlyMemory<T>(_object, _index + start, length);
        }

        public void CopyTo(Memory<T> destination) => Span.CopyTo(destination.Span);
        public bool TryCopyTo(Memory<T> destination) => Span.TryCopyTo(destination.Span);
        public T[] ToArray() => Span.ToArray();

        public static implicit operator ReadOnlyMemory<T>(T[] array) => new ReadOnlyMemory<T>(array);
        public static implicit operator ReadOnlyMemory<T>(ArraySegment<T> segment) => new ReadOnlyMemory<T>(segment.Array, segment.Offset, segment.Count);

        public bool Equals(ReadOnlyMemory<T> other) => _object == other._object && _index == other._index && _length == other._length;
        public override bool Equals(object obj) => obj is ReadOnlyMemory<T> other && Equals(other);
        public override int GetHashCode() => HashCode.Combine(_object, _index, _length);
        public override string ToString() => typeof(T) == typeof(char) ? Span.ToString() : "System.ReadOnlyMemory<T>[" + _length.ToString() + "]";
    }

    public enum StringComparison
    {
        CurrentCulture = 0, CurrentCultureIgnoreCase = 1, InvariantCulture = 2, InvariantCultureIgnoreCase = 3, Ordinal = 4, OrdinalIgnoreCase = 5,
    }

    [Flags]
    public enum StringSplitOptions { None = 0, RemoveEmptyEntries = 1, TrimEntries = 2 }
}
