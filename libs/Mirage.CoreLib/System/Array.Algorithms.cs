using System.Collections.Generic;

namespace System
{
    public abstract partial class Array
    {
        public static int IndexOf<T>(T[] array, T value) => IndexOf(array, value, 0, array == null ? 0 : array.Length);

        public static int IndexOf<T>(T[] array, T value, int startIndex) => IndexOf(array, value, startIndex, array == null ? 0 : array.Length - startIndex);

        public static int IndexOf<T>(T[] array, T value, int startIndex, int count)
        {
            if (array == null) throw new ArgumentNullException(nameof(array));
            if ((uint)startIndex > (uint)array.Length) throw new ArgumentOutOfRangeException(nameof(startIndex), "Index was out of range. Must be non-negative and less than the size of the collection.");
            if ((uint)count > (uint)(array.Length - startIndex)) throw new ArgumentOutOfRangeException(nameof(count), "Count must be positive and count must refer to a location within the string/array/collection.");
            EqualityComparer<T> comparer = EqualityComparer<T>.Default;
            for (int i = startIndex; i < startIndex + count; i++)
                if (comparer.Equals(array[i], value)) return i;
            return -1;
        }

        public static int LastIndexOf<T>(T[] array, T value)
        {
            if (array == null) throw new ArgumentNullException(nameof(array));
            EqualityComparer<T> comparer = EqualityComparer<T>.Default;
            for (int i = array.Length - 1; i >= 0; i--) if (comparer.Equals(array[i], value)) return i;
            return -1;
        }

        public static bool Exists<T>(T[] array, Predicate<T> match) => FindIndex(array, match) >= 0;

        public static int FindIndex<T>(T[] array, Predicate<T> match)
        {
            if (array == null) throw new ArgumentNullException(nameof(array));
            if (match == null) throw new ArgumentNullException(nameof(match));
            for (int i = 0; i < array.Length; i++) if (match(array[i])) return i;
            return -1;
        }

        public static T Find<T>(T[] array, Predicate<T> match)
        {
            int index = FindIndex(array, match);
            return index < 0 ? default : array[index];
        }

        public static T[] FindAll<T>(T[] array, Predicate<T> match)
        {
            if (array == null) throw new ArgumentNullException(nameof(array));
            if (match == null) throw new ArgumentNullException(nameof(match));
            var found = new List<T>();
            foreach (T item in array) if (match(item)) found.Add(item);
            return found.ToArray();
        }

        public static bool TrueForAll<T>(T[] array, Predicate<T> match)
        {
            if (array == null) throw new ArgumentNullException(nameof(array));
            if (match == null) throw new ArgumentNullException(nameof(match));
            foreach (T item in array) if (!match(item)) return false;
            return true;
        }

        public static void ForEach<T>(T[] array, Action<T> action)
        {
            if (array == null) throw new ArgumentNullException(nameof(array));
            if (action == null) throw new ArgumentNullException(nameof(action));
            for (int i = 0; i < array.Length; i++) action(array[i]);
        }

        public static TOutput[] ConvertAll<TInput, TOutput>(TInput[] array, Converter<TInput, TOutput> converter)
        {
            if (array == null) throw new ArgumentNullException(nameof(array));
            if (converter == null) throw new ArgumentNullException(nameof(converter));
            TOutput[] result = new TOutput[array.Length];
            for (int i = 0; i < array.Length; i++) result[i] = converter(array[i]);
            return result;
        }

        public static void Fill<T>(T[] array, T value)
        {
            if (array == null) throw new ArgumentNullException(nameof(array));
            for (int i = 0; i < array.Length; i++) array[i] = value;
        }

        public static void Fill<T>(T[] array, T value, int startIndex, int count)
        {
            if (array == null) throw new ArgumentNullException(nameof(array));
            if ((uint)startIndex > (uint)array.Length || (uint)count > (uint)(array.Length - startIndex)) throw new ArgumentOutOfRangeException(nameof(startIndex));
            for (int i = startIndex; i < startIndex + count; i++) array[i] = value;
        }

        public static void Reverse<T>(T[] array)
        {
            if (array == null) throw new ArgumentNullException(nameof(array));
            Reverse(array, 0, array.Length);
        }

        public static void Reverse<T>(T[] array, int index, int length)
        {
            if (array == null) throw new ArgumentNullException(nameof(array));
            if (index < 0 || length < 0 || array.Length - index < length) throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            for (int i = index, j = index + length - 1; i < j; i++, j--)
            {
                T swap = array[i];
                array[i] = array[j];
                array[j] = swap;
            }
        }

        public static void Sort<T>(T[] array)
        {
            if (array == null) throw new ArgumentNullException(nameof(array));
            Sort(array, 0, array.Length, null);
        }

        public static void Sort<T>(T[] array, IComparer<T> comparer)
        {
            if (array == null) throw new ArgumentNullException(nameof(array));
            Sort(array, 0, array.Length, comparer);
        }

        public static void Sort<T>(T[] array, Comparison<T> comparison)
        {
            if (array == null) throw new ArgumentNullException(nameof(array));
            if (comparison == null) throw new ArgumentNullException(nameof(comparison));
            Sort(array, 0, array.Length, Comparer<T>.Create(comparison));
        }

        /// <summary>
        /// Introspective sort as in .NET (insertion sort for small partitions, heapsort when the
        /// recursion gets deep), so that elements equal under the comparer end up in the same order
        /// as on the unix target.
        /// </summary>
        public static void Sort<T>(T[] array, int index, int length, IComparer<T> comparer)
        {
            if (array == null) throw new ArgumentNullException(nameof(array));
            if (index < 0 || length < 0 || array.Length - index < length) throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            if (length < 2) return;
            ArraySortHelper<T>.IntrospectiveSort(new Span<T>(array, index, length), comparer ?? Comparer<T>.Default);
        }

        public static void Sort<TKey, TValue>(TKey[] keys, TValue[] items)
        {
            if (keys == null) throw new ArgumentNullException(nameof(keys));
            if (items == null) { Sort(keys); return; }
            // Sort an index permutation by key, then apply it to both arrays.
            int[] order = new int[keys.Length];
            for (int i = 0; i < order.Length; i++) order[i] = i;
            Comparer<TKey> comparer = Comparer<TKey>.Default;
            Sort(order, (a, b) => comparer.Compare(keys[a], keys[b]));
            TKey[] sortedKeys = new TKey[keys.Length];
            TValue[] sortedItems = new TValue[keys.Length];
            for (int i = 0; i < order.Length; i++) { sortedKeys[i] = keys[order[i]]; sortedItems[i] = items[order[i]]; }
            Copy(sortedKeys, keys, keys.Length);
            Copy(sortedItems, items, keys.Length);
        }

        public static int BinarySearch<T>(T[] array, T value) => BinarySearch(array, 0, array == null ? 0 : array.Length, value, null);

        public static int BinarySearch<T>(T[] array, T value, IComparer<T> comparer) => BinarySearch(array, 0, array == null ? 0 : array.Length, value, comparer);

        public static int BinarySearch<T>(T[] array, int index, int length, T value, IComparer<T> comparer)
        {
            if (array == null) throw new ArgumentNullException(nameof(array));
            comparer ??= Comparer<T>.Default;
            int low = index, high = index + length - 1;
            while (low <= high)
            {
                int middle = low + ((high - low) >> 1);
                int c = comparer.Compare(array[middle], value);
                if (c == 0) return middle;
                if (c < 0) low = middle + 1; else high = middle - 1;
            }
            return ~low;
        }
    }

    internal static class ArraySortHelper<T>
    {
        private const int IntrosortSizeThreshold = 16;

        internal static void IntrospectiveSort(Span<T> keys, IComparer<T> comparer)
        {
            if (keys.Length > 1)
            {
                int depthLimit = 2 * (Log2((uint)keys.Length) + 1);
                IntroSort(keys, depthLimit, comparer);
            }
        }

        private static int Log2(uint value)
        {
            int log = 0;
            while ((value >>= 1) != 0) log++;
            return log;
        }

        private static void IntroSort(Span<T> keys, int depthLimit, IComparer<T> comparer)
        {
            int partitionSize = keys.Length;
            while (partitionSize > 1)
            {
                if (partitionSize <= IntrosortSizeThreshold)
                {
                    if (partitionSize == 2) { SwapIfGreater(keys, comparer, 0, 1); return; }
                    if (partitionSize == 3) { SwapIfGreater(keys, comparer, 0, 1); SwapIfGreater(keys, comparer, 0, 2); SwapIfGreater(keys, comparer, 1, 2); return; }
                    InsertionSort(keys.Slice(0, partitionSize), comparer);
                    return;
                }
                if (depthLimit == 0) { HeapSort(keys.Slice(0, partitionSize), comparer); return; }
                depthLimit--;
                int p = PickPivotAndPartition(keys.Slice(0, partitionSize), comparer);
                IntroSort(keys.Slice(p + 1, partitionSize - (p + 1)), depthLimit, comparer);
                partitionSize = p;
            }
        }

        private static void SwapIfGreater(Span<T> keys, IComparer<T> comparer, int i, int j)
        {
            if (comparer.Compare(keys[i], keys[j]) > 0) { T key = keys[i]; keys[i] = keys[j]; keys[j] = key; }
        }

        private static void Swap(Span<T> a, int i, int j) { T t = a[i]; a[i] = a[j]; a[j] = t; }

        private static int PickPivotAndPartition(Span<T> keys, IComparer<T> comparer)
        {
            int hi = keys.Length - 1;
            int middle = hi >> 1;
            SwapIfGreater(keys, comparer, 0, middle);
            SwapIfGreater(keys, comparer, 0, hi);
            SwapIfGreater(keys, comparer, middle, hi);
            T pivot = keys[middle];
            Swap(keys, middle, hi - 1);
            int left = 0, right = hi - 1;
            while (left < right)
            {
                while (comparer.Compare(keys[++left], pivot) < 0) { }
                while (comparer.Compare(pivot, keys[--right]) < 0) { }
                if (left >= right) break;
                Swap(keys, left, right);
            }
            if (left != hi - 1) Swap(keys, left, hi - 1);
            return left;
        }

        private static void HeapSort(Span<T> keys, IComparer<T> comparer)
        {
            int n = keys.Length;
            for (int i = n >> 1; i >= 1; i--) DownHeap(keys, i, n, comparer);
            for (int i = n; i > 1; i--)
            {
                Swap(keys, 0, i - 1);
                DownHeap(keys, 1, i - 1, comparer);
            }
        }

        private static void DownHeap(Span<T> keys, int i, int n, IComparer<T> comparer)
        {
            T d = keys[i - 1];
            while (i <= n >> 1)
            {
                int child = 2 * i;
                if (child < n && comparer.Compare(keys[child - 1], keys[child]) < 0) child++;
                if (!(comparer.Compare(d, keys[child - 1]) < 0)) break;
                keys[i - 1] = keys[child - 1];
                i = child;
            }
            keys[i - 1] = d;
        }

        private static void InsertionSort(Span<T> keys, IComparer<T> comparer)
        {
            for (int i = 0; i < keys.Length - 1; i++)
            {
                T t = keys[i + 1];
                int j = i;
                while (j >= 0 && comparer.Compare(t, keys[j]) < 0)
                {
                    keys[j + 1] = keys[j];
                    j--;
                }
                keys[j + 1] = t;
            }
        }
    }
}
