using System.Runtime.CompilerServices;

namespace System
{
    public static partial class MemoryExtensions
    {
        public static Span<T> AsSpan<T>(this T[] array) => new Span<T>(array);
        public static Span<T> AsSpan<T>(this T[] array, int start) => array == null ? (start == 0 ? default : throw new ArgumentOutOfRangeException(nameof(start))) : new Span<T>(array, start, array.Length - start);
        public static Span<T> AsSpan<T>(this T[] array, int start, int length) => new Span<T>(array, start, length);
        public static Span<T> AsSpan<T>(this ArraySegment<T> segment) => new Span<T>(segment.Array, segment.Offset, segment.Count);
        public static Memory<T> AsMemory<T>(this T[] array) => new Memory<T>(array);
        public static Memory<T> AsMemory<T>(this T[] array, int start) => new Memory<T>(array, start, (array?.Length ?? 0) - start);
        public static Memory<T> AsMemory<T>(this T[] array, int start, int length) => new Memory<T>(array, start, length);

        public static ReadOnlySpan<char> AsSpan(this string text) => text == null ? default : new ReadOnlySpan<char>(ref text.GetRawStringData(), text.Length);
        public static ReadOnlySpan<char> AsSpan(this string text, int start)
        {
            if (text == null) { if (start != 0) throw new ArgumentOutOfRangeException(nameof(start)); return default; }
            if ((uint)start > (uint)text.Length) throw new ArgumentOutOfRangeException(nameof(start));
            return new ReadOnlySpan<char>(ref Unsafe.Add(ref text.GetRawStringData(), start), text.Length - start);
        }
        public static ReadOnlySpan<char> AsSpan(this string text, int start, int length)
        {
            if (text == null) { if (start != 0 || length != 0) throw new ArgumentOutOfRangeException(nameof(start)); return default; }
            if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)text.Length) throw new ArgumentOutOfRangeException(nameof(start));
            return new ReadOnlySpan<char>(ref Unsafe.Add(ref text.GetRawStringData(), start), length);
        }
        public static ReadOnlyMemory<char> AsMemory(this string text) => text == null ? default : new ReadOnlyMemory<char>(text, 0, text.Length);
        public static ReadOnlyMemory<char> AsMemory(this string text, int start)
        {
            if (text == null) { if (start != 0) throw new ArgumentOutOfRangeException(nameof(start)); return default; }
            if ((uint)start > (uint)text.Length) throw new ArgumentOutOfRangeException(nameof(start));
            return new ReadOnlyMemory<char>(text, start, text.Length - start);
        }
        public static ReadOnlyMemory<char> AsMemory(this string text, int start, int length)
        {
            if (text == null) { if (start != 0 || length != 0) throw new ArgumentOutOfRangeException(nameof(start)); return default; }
            if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)text.Length) throw new ArgumentOutOfRangeException(nameof(start));
            return new ReadOnlyMemory<char>(text, start, length);
        }

        public static bool SequenceEqual<T>(this Span<T> span, ReadOnlySpan<T> other) where T : IEquatable<T> => SequenceEqual((ReadOnlySpan<T>)span, other);

        public static bool SequenceEqual<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> other) where T : IEquatable<T>
        {
            if (span.Length != other.Length) return false;
            for (int i = 0; i < span.Length; i++)
            {
                T a = span[i];
                if (a == null) { if (other[i] != null) return false; }
                else if (!a.Equals(other[i])) return false;
            }
            return true;
        }

        public static int SequenceCompareTo<T>(this Span<T> span, ReadOnlySpan<T> other) where T : IComparable<T> => SequenceCompareTo((ReadOnlySpan<T>)span, other);

        public static int SequenceCompareTo<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> other) where T : IComparable<T>
        {
            int length = span.Length < other.Length ? span.Length : other.Length;
            for (int i = 0; i < length; i++)
            {
                int c = span[i] == null ? (other[i] == null ? 0 : -1) : span[i].CompareTo(other[i]);
                if (c != 0) return c;
            }
            // .NET returns the length difference for char and byte sequences, the sign otherwise.
            if (typeof(T) == typeof(char) || typeof(T) == typeof(byte)) return span.Length - other.Length;
            return span.Length.CompareTo(other.Length);
        }

        public static int IndexOf<T>(this Span<T> span, T value) where T : IEquatable<T> => IndexOf((ReadOnlySpan<T>)span, value);

        public static int IndexOf<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T>
        {
            for (int i = 0; i < span.Length; i++)
                if (value == null ? span[i] == null : value.Equals(span[i])) return i;
            return -1;
        }

        public static int IndexOf<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value) where T : IEquatable<T>
        {
            if (value.Length == 0) return 0;
            for (int i = 0; i + value.Length <= span.Length; i++)
                if (span.Slice(i, value.Length).SequenceEqual(value)) return i;
            return -1;
        }

        public static int IndexOf<T>(this Span<T> span, ReadOnlySpan<T> value) where T : IEquatable<T> => IndexOf((ReadOnlySpan<T>)span, value);

        public static bool Contains<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T> => IndexOf(span, value) >= 0;
        public static bool Contains<T>(this Span<T> span, T value) where T : IEquatable<T> => IndexOf((ReadOnlySpan<T>)span, value) >= 0;

        public static bool StartsWith<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value) where T : IEquatable<T>
            => value.Length <= span.Length && span.Slice(0, value.Length).SequenceEqual(value);

        public static bool EndsWith<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value) where T : IEquatable<T>
            => value.Length <= span.Length && span.Slice(span.Length - value.Length).SequenceEqual(value);
    }
}
