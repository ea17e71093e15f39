using System.Collections.Generic;

namespace System
{
    public abstract partial class Array
    {
        public static void Sort<TKey, TValue>(TKey[] keys, TValue[] items, IComparer<TKey> comparer)
        {
            if (keys == null) throw new ArgumentNullException(nameof(keys));
            Sort(keys, items, 0, keys.Length, comparer);
        }

        public static void Sort<TKey, TValue>(TKey[] keys, TValue[] items, int index, int length)
            => Sort(keys, items, index, length, null);

        public static void Sort<TKey, TValue>(TKey[] keys, TValue[] items, int index, int length, IComparer<TKey> comparer)
        {
            if (keys == null) throw new ArgumentNullException(nameof(keys));
            if (index < 0 || length < 0) throw new ArgumentOutOfRangeException(length < 0 ? nameof(length) : nameof(index), "Non-negative number required.");
            if (keys.Length - index < length || (items != null && index > items.Length - length))
                throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            if (length < 2) return;
            if (items == null)
            {
                Sort(keys, index, length, comparer);
                return;
            }
            ArraySortHelper<TKey, TValue>.IntrospectiveSort(new Span<TKey>(keys, index, length), new Span<TValue>(items, index, length), comparer ?? Comparer<TKey>.Default);
        }
    }

    /// <summary>
    /// Introspective sort of keys with their items moving alongside, step for step the algorithm of
    /// <see cref="ArraySortHelper{T}"/> (so equal keys end up where .NET puts them).
    /// </summary>
    internal static class ArraySortHelper<TKey, TValue>
    {
        private const int IntrosortSizeThreshold = 16;

        internal static void IntrospectiveSort(Span<TKey> keys, Span<TValue> values, IComparer<TKey> comparer)
        {
            if (keys.Length > 1)
            {
                int log = 0;
                uint length = (uint)keys.Length;
                while ((length >>= 1) != 0) log++;
                IntroSort(keys, values, 2 * (log + 1), comparer);
            }
        }

        private static void IntroSort(Span<TKey> keys, Span<TValue> values, int depthLimit, IComparer<TKey> comparer)
        {
            int partitionSize = keys.Length;
            while (partitionSize > 1)
            {
                if (partitionSize <= IntrosortSizeThreshold)
                {
                    if (partitionSize == 2) { SwapIfGreater(keys, values, comparer, 0, 1); return; }
                    if (partitionSize == 3)
                    {
                        SwapIfGreater(keys, values, comparer, 0, 1);
                        SwapIfGreater(keys, values, comparer, 0, 2);
                        SwapIfGreater(keys, values, comparer, 1, 2);
                        return;
                    }
                    InsertionSort(keys.Slice(0, partitionSize), values.Slice(0, partitionSize), comparer);
                    return;
                }
                if (depthLimit == 0) { HeapSort(keys.Slice(0, partitionSize), values.Slice(0, partitionSize), comparer); return; }
                depthLimit--;
                int p = PickPivotAndPartition(keys.Slice(0, partitionSize), values.Slice(0, partitionSize), comparer);
                IntroSort(keys.Slice(p + 1, partitionSize - (p + 1)), values.Slice(p + 1, partitionSize - (p + 1)), depthLimit, comparer);
                partitionSize = p;
            }
        }

        private static void SwapIfGreater(Span<TKey> keys, Span<TValue> values, IComparer<TKey> comparer, int i, int j)
        {
            if (comparer.Compare(keys[i], keys[j]) > 0) Swap(keys, values, i, j);
        }

        private static void Swap(Span<TKey> keys, Span<TValue> values, int i, int j)
        {
            TKey k = keys[i]; keys[i] = keys[j]; keys[j] = k;
            TValue v = values[i]; values[i] = values[j]; values[j] = v;
        }

        private static int PickPivotAndPartition(Span<TKey> keys, Span<TValue> values, IComparer<TKey> comparer)
        {
            int hi = keys.Length - 1;
            int middle = hi >> 1;
            SwapIfGreater(keys, values, comparer, 0, middle);
            SwapIfGreater(keys, values, comparer, 0, hi);
            SwapIfGreater(keys, values, comparer, middle, hi);
            TKey pivot = keys[middle];
            Swap(keys, values, middle, hi - 1);
            int left = 0, right = hi - 1;
            while (left < right)
            {
                while (comparer.Compare(keys[++left], pivot) < 0) { }
                while (comparer.Compare(pivot, keys[--right]) < 0) { }
                if (left >= right) break;
                Swap(keys, values, left, right);
            }
            if (left != hi - 1) Swap(keys, values, left, hi - 1);
            return left;
        }

        private static void HeapSort(Span<TKey> keys, Span<TValue> values, IComparer<TKey> comparer)
        {
            int n = keys.Length;
            for (int i = n >> 1; i >= 1; i--) DownHeap(keys, values, i, n, comparer);
            for (int i = n; i > 1; i--)
            {
                Swap(keys, values, 0, i - 1);
                DownHeap(keys, values, 1, i - 1, comparer);
            }
        }

        private static void DownHeap(Span<TKey> keys, Span<TValue> values, int i, int n, IComparer<TKey> comparer)
        {
            TKey d = keys[i - 1];
            TValue dValue = values[i - 1];
            while (i <= n >> 1)
            {
                int child = 2 * i;
                if (child < n && comparer.Compare(keys[child - 1], keys[child]) < 0) child++;
                if (!(comparer.Compare(d, keys[child - 1]) < 0)) break;
                keys[i - 1] = keys[child - 1];
                values[i - 1] = values[child - 1];
                i = child;
            }
            keys[i - 1] = d;
            values[i - 1] = dValue;
        }

        private static void InsertionSort(Span<TKey> keys, Span<TValue> values, IComparer<TKey> comparer)
        {
            for (int i = 0; i < keys.Length - 1; i++)
            {
                TKey t = keys[i + 1];
                TValue tValue = values[i + 1];
                int j = i;
                while (j >= 0 && comparer.Compare(t, keys[j]) < 0)
                {
                    keys[j + 1] = keys[j];
                    values[j + 1] = values[j];
                    j--;
                }
                keys[j + 1] = t;
                values[j + 1] = tValue;
            }
        }
    }
}
