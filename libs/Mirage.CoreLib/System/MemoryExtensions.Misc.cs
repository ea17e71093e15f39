using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace System
{
    public static partial class MemoryExtensions
    {
        // ----- views -----

        public static Span<T> AsSpan<T>(this T[] array, Index startIndex)
        {
            if (array == null)
            {
                if (!startIndex.Equals(Index.Start)) throw new ArgumentOutOfRangeException(nameof(startIndex));
                return default;
            }
            int start = startIndex.GetOffset(array.Length);
            if ((uint)start > (uint)array.Length) throw new ArgumentOutOfRangeException(nameof(startIndex));
            return new Span<T>(array, start, array.Length - start);
        }

        public static Span<T> AsSpan<T>(this T[] array, Range range)
        {
            if (array == null)
            {
                if (!range.Start.Equals(Index.Start) || !range.End.Equals(Index.Start)) throw new ArgumentNullException(nameof(array));
                return default;
            }
            (int start, int length) = range.GetOffsetAndLength(array.Length);
            return new Span<T>(array, start, length);
        }

        public static Span<T> AsSpan<T>(this ArraySegment<T> segment, int start)
        {
            if ((uint)start > (uint)segment.Count) throw new ArgumentOutOfRangeException(nameof(start));
            return new Span<T>(segment.Array, segment.Offset + start, segment.Count - start);
        }

        public static Span<T> AsSpan<T>(this ArraySegment<T> segment, int start, int length)
        {
            if ((uint)start > (uint)segment.Count) throw new ArgumentOutOfRangeException(nameof(start));
            if ((uint)length > (uint)(segment.Count - start)) throw new ArgumentOutOfRangeException(nameof(length));
            return new Span<T>(segment.Array, segment.Offset + start, length);
        }

        public static Span<T> AsSpan<T>(this ArraySegment<T> segment, Index startIndex) => AsSpan(segment, startIndex.GetOffset(segment.Count));

        public static Span<T> AsSpan<T>(this ArraySegment<T> segment, Range range)
        {
            (int start, int length) = range.GetOffsetAndLength(segment.Count);
            return new Span<T>(segment.Array, segment.Offset + start, length);
        }

        public static Memory<T> AsMemory<T>(this T[] array, Index startIndex)
        {
            if (array == null)
            {
                if (!startIndex.Equals(Index.Start)) throw new ArgumentNullException(nameof(array));
                return default;
            }
            int start = startIndex.GetOffset(array.Length);
            return new Memory<T>(array, start, array.Length - start);
        }

        public static Memory<T> AsMemory<T>(this T[] array, Range range)
        {
            if (array == null)
            {
                if (!range.Start.Equals(Index.Start) || !range.End.Equals(Index.Start)) throw new ArgumentNullException(nameof(array));
                return default;
            }
            (int start, int length) = range.GetOffsetAndLength(array.Length);
            return new Memory<T>(array, start, length);
        }

        public static Memory<T> AsMemory<T>(this ArraySegment<T> segment) => new Memory<T>(segment.Array, segment.Offset, segment.Count);

        public static Memory<T> AsMemory<T>(this ArraySegment<T> segment, int start)
        {
            if ((uint)start > (uint)segment.Count) throw new ArgumentOutOfRangeException(nameof(start));
            return new Memory<T>(segment.Array, segment.Offset + start, segment.Count - start);
        }

        public static Memory<T> AsMemory<T>(this ArraySegment<T> segment, int start, int length)
        {
            if ((uint)start > (uint)segment.Count) throw new ArgumentOutOfRangeException(nameof(start));
            if ((uint)length > (uint)(segment.Count - start)) throw new ArgumentOutOfRangeException(nameof(length));
            return new Memory<T>(segment.Array, segment.Offset + start, length);
        }

        public static ReadOnlySpan<char> AsSpan(this string text, Index startIndex)
        {
            if (text == null)
            {
                if (!startIndex.Equals(Index.Start)) throw new ArgumentNullException(nameof(text));
                return default;
            }
            int start = startIndex.GetOffset(text.Length);
            if ((uint)start > (uint)text.Length) throw new ArgumentOutOfRangeException(nameof(startIndex));
            return text.AsSpan(start);
        }

        public static ReadOnlySpan<char> AsSpan(this string text, Range range)
        {
            if (text == null)
            {
                if (!range.Start.Equals(Index.Start) || !range.End.Equals(Index.Start)) throw new ArgumentNullException(nameof(text));
                return default;
            }
            (int start, int length) = range.GetOffsetAndLength(text.Length);
            return text.AsSpan(start, length);
        }

        public static ReadOnlyMemory<char> AsMemory(this string text, Index startIndex)
        {
            if (text == null)
            {
                if (!startIndex.Equals(Index.Start)) throw new ArgumentNullException(nameof(text));
                return default;
            }
            int start = startIndex.GetOffset(text.Length);
            if ((uint)start > (uint)text.Length) throw new ArgumentOutOfRangeException(nameof(startIndex));
            return text.AsMemory(start);
        }

        public static ReadOnlyMemory<char> AsMemory(this string text, Range range)
        {
            if (text == null)
            {
                if (!range.Start.Equals(Index.Start) || !range.End.Equals(Index.Start)) throw new ArgumentNullException(nameof(text));
                return default;
            }
            (int start, int length) = range.GetOffsetAndLength(text.Length);
            return text.AsMemory(start, length);
        }

        public static void CopyTo<T>(this T[] source, Span<T> destination) => new ReadOnlySpan<T>(source).CopyTo(destination);

        public static void CopyTo<T>(this T[] source, Memory<T> destination) => new ReadOnlySpan<T>(source).CopyTo(destination.Span);

        // ----- overlap -----

        public static bool Overlaps<T>(this Span<T> span, ReadOnlySpan<T> other) => Overlaps((ReadOnlySpan<T>)span, other);

        public static bool Overlaps<T>(this Span<T> span, ReadOnlySpan<T> other, out int elementOffset) => Overlaps((ReadOnlySpan<T>)span, other, out elementOffset);

        public static bool Overlaps<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> other)
        {
            if (span.IsEmpty || other.IsEmpty) return false;
            nint offset = Unsafe.ByteOffset(ref span._reference, ref other._reference);
            nint spanBytes = (nint)span.Length * Unsafe.SizeOf<T>();
            nint otherBytes = (nint)other.Length * Unsafe.SizeOf<T>();
            return offset >= 0 ? offset < spanBytes : -offset < otherBytes;
        }

        public static bool Overlaps<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> other, out int elementOffset)
        {
            if (span.IsEmpty || other.IsEmpty) { elementOffset = 0; return false; }
            nint offset = Unsafe.ByteOffset(ref span._reference, ref other._reference);
            nint size = Unsafe.SizeOf<T>();
            nint spanBytes = (nint)span.Length * size;
            nint otherBytes = (nint)other.Length * size;
            bool overlaps = offset >= 0 ? offset < spanBytes : -offset < otherBytes;
            if (!overlaps) { elementOffset = 0; return false; }
            if (offset % size != 0) throw new ArgumentException("The requested operation would result in misaligned data.");
            elementOffset = (int)(offset / size);
            return true;
        }

        // ----- reordering -----

        public static void Reverse<T>(this Span<T> span)
        {
            for (int i = 0, j = span.Length - 1; i < j; i++, j--)
            {
                T swap = span[i];
                span[i] = span[j];
                span[j] = swap;
            }
        }

        public static void Sort<T>(this Span<T> span)
        {
            if (span.Length > 1) System.ArraySortHelper<T>.IntrospectiveSort(span, Comparer<T>.Default);
        }

        public static void Sort<T, TComparer>(this Span<T> span, TComparer comparer) where TComparer : IComparer<T>
        {
            if (span.Length > 1) System.ArraySortHelper<T>.IntrospectiveSort(span, (IComparer<T>)comparer ?? Comparer<T>.Default);
        }

        public static void Sort<T>(this Span<T> span, Comparison<T> comparison)
        {
            if (comparison == null) throw new ArgumentNullException(nameof(comparison));
            if (span.Length > 1) System.ArraySortHelper<T>.IntrospectiveSort(span, Comparer<T>.Create(comparison));
        }

        public static void Sort<TKey, TValue>(this Span<TKey> keys, Span<TValue> items) => SortPairs(keys, items, Comparer<TKey>.Default);

        public static void Sort<TKey, TValue, TComparer>(this Span<TKey> keys, Span<TValue> items, TComparer comparer) where TComparer : IComparer<TKey>
            => SortPairs(keys, items, (IComparer<TKey>)comparer ?? Comparer<TKey>.Default);

        public static void Sort<TKey, TValue>(this Span<TKey> keys, Span<TValue> items, Comparison<TKey> comparison)
        {
            if (comparison == null) throw new ArgumentNullException(nameof(comparison));
            SortPairs(keys, items, Comparer<TKey>.Create(comparison));
        }

        private static void SortPairs<TKey, TValue>(Span<TKey> keys, Span<TValue> items, IComparer<TKey> comparer)
        {
            if (keys.Length != items.Length) throw new ArgumentException("Length of items must be same as length of keys.");
            if (keys.Length > 1) System.ArraySortHelper<TKey, TValue>.IntrospectiveSort(keys, items, comparer);
        }

        // ----- binary search -----

        public static int BinarySearch<T>(this Span<T> span, IComparable<T> comparable) => BinarySearch((ReadOnlySpan<T>)span, comparable);

        public static int BinarySearch<T>(this ReadOnlySpan<T> span, IComparable<T> comparable)
        {
            if (comparable == null) throw new ArgumentNullException(nameof(comparable));
            int low = 0, high = span.Length - 1;
            while (low <= high)
            {
                int middle = (int)(((uint)high + (uint)low) >> 1);
                int c = comparable.CompareTo(span[middle]);
                if (c == 0) return middle;
                if (c > 0) low = middle + 1; else high = middle - 1;
            }
            return ~low;
        }

        public static int BinarySearch<T, TComparable>(this Span<T> span, TComparable comparable)
            where TComparable : IComparable<T>, allows ref struct
            => BinarySearch((ReadOnlySpan<T>)span, comparable);

        public static int BinarySearch<T, TComparable>(this ReadOnlySpan<T> span, TComparable comparable)
            where TComparable : IComparable<T>, allows ref struct
        {
            if (comparable == null) throw new ArgumentNullException(nameof(comparable));
            int low = 0, high = span.Length - 1;
            while (low <= high)
            {
                int middle = (int)(((uint)high + (uint)low) >> 1);
                int c = comparable.CompareTo(span[middle]);
                if (c == 0) return middle;
                if (c > 0) low = middle + 1; else high = middle - 1;
            }
            return ~low;
        }

        public static int BinarySearch<T, TComparer>(this Span<T> span, T value, TComparer comparer)
            where TComparer : IComparer<T>, allows ref struct
            => BinarySearch((ReadOnlySpan<T>)span, value, comparer);

        public static int BinarySearch<T, TComparer>(this ReadOnlySpan<T> span, T value, TComparer comparer)
            where TComparer : IComparer<T>, allows ref struct
        {
            if (comparer == null) throw new ArgumentNullException(nameof(comparer));
            int low = 0, high = span.Length - 1;
            while (low <= high)
            {
                int middle = (int)(((uint)high + (uint)low) >> 1);
                int c = comparer.Compare(value, span[middle]);
                if (c == 0) return middle;
                if (c > 0) low = middle + 1; else high = middle - 1;
            }
            return ~low;
        }

        // ----- replace -----

        public static void Replace<T>(this Span<T> span, T oldValue, T newValue) where T : IEquatable<T>
        {
            var eq = default(EquatableEquality<T>);
            for (int i = 0; i < span.Length; i++) if (eq.Eq(span[i], oldValue)) span[i] = newValue;
        }

        public static void Replace<T>(this Span<T> span, T oldValue, T newValue, IEqualityComparer<T> comparer = null)
        {
            var eq = new ComparerEquality<T>(comparer);
            for (int i = 0; i < span.Length; i++) if (eq.Eq(span[i], oldValue)) span[i] = newValue;
        }

        public static void Replace<T>(this ReadOnlySpan<T> source, Span<T> destination, T oldValue, T newValue) where T : IEquatable<T>
        {
            CheckReplaceDestination(source, destination);
            var eq = default(EquatableEquality<T>);
            for (int i = 0; i < source.Length; i++)
            {
                T item = source[i];
                destination[i] = eq.Eq(item, oldValue) ? newValue : item;
            }
        }

        public static void Replace<T>(this ReadOnlySpan<T> source, Span<T> destination, T oldValue, T newValue, IEqualityComparer<T> comparer = null)
        {
            CheckReplaceDestination(source, destination);
            var eq = new ComparerEquality<T>(comparer);
            for (int i = 0; i < source.Length; i++)
            {
                T item = source[i];
                destination[i] = eq.Eq(item, oldValue) ? newValue : item;
            }
        }

        private static void CheckReplaceDestination<T>(ReadOnlySpan<T> source, Span<T> destination)
        {
            if (source.Length > destination.Length) throw new ArgumentException("Destination is too short.", nameof(destination));
            if (source.Overlaps(destination, out int offset) && offset != 0) throw new InvalidOperationException("This operation is invalid on overlapping buffers.");
        }
    }
}
