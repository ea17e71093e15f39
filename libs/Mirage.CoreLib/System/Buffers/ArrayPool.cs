namespace System.Buffers
{
    /// <summary>
    /// Reusable arrays, as in .NET. <see cref="Shared"/> keeps, per power-of-two size from 16 to
    /// 64 Ki elements, up to 16 returned arrays: a unikernel's heap is small, so the pool holds at
    /// most a few MiB; larger arrays are allocated on demand and left to the collector when returned.
    /// One thread runs everything, so there are no locks.
    /// </summary>
    public abstract class ArrayPool<T>
    {
        public static ArrayPool<T> Shared { get; } = new BucketArrayPool<T>(64 * 1024, 16);

        public static ArrayPool<T> Create() => new BucketArrayPool<T>(1024 * 1024, 50);

        public static ArrayPool<T> Create(int maxArrayLength, int maxArraysPerBucket)
        {
            if (maxArrayLength <= 0) throw new ArgumentOutOfRangeException(nameof(maxArrayLength));
            if (maxArraysPerBucket <= 0) throw new ArgumentOutOfRangeException(nameof(maxArraysPerBucket));
            return new BucketArrayPool<T>(maxArrayLength, maxArraysPerBucket);
        }

        /// <summary>An array of at least <paramref name="minimumLength"/> elements (often more), possibly used before.</summary>
        public abstract T[] Rent(int minimumLength);

        /// <summary>Gives back an array <see cref="Rent"/> returned; <paramref name="clearArray"/> clears it first.</summary>
        public abstract void Return(T[] array, bool clearArray = false);
    }

    internal sealed class BucketArrayPool<T> : ArrayPool<T>
    {
        private const int SmallestBucketLength = 16;

        private readonly T[][][] _buckets;
        private readonly int[] _counts;

        public BucketArrayPool(int maxArrayLength, int maxArraysPerBucket)
        {
            int bucketCount = BucketIndex(Math.Max(maxArrayLength, SmallestBucketLength)) + 1;
            _buckets = new T[bucketCount][][];
            _counts = new int[bucketCount];
            for (int i = 0; i < bucketCount; i++) _buckets[i] = new T[maxArraysPerBucket][];
        }

        public override T[] Rent(int minimumLength)
        {
            if (minimumLength < 0) throw new ArgumentOutOfRangeException(nameof(minimumLength));
            if (minimumLength == 0) return Array.Empty<T>();
            int index = BucketIndex(minimumLength);
            if (index >= _buckets.Length) return new T[minimumLength];
            if (_counts[index] > 0)
            {
                int top = --_counts[index];
                T[] pooled = _buckets[index][top];
                _buckets[index][top] = null;
                return pooled;
            }
            return new T[SmallestBucketLength << index];
        }

        public override void Return(T[] array, bool clearArray = false)
        {
            if (array == null) throw new ArgumentNullException(nameof(array));
            if (array.Length == 0) return;
            int index = BucketIndex(array.Length);
            if (index >= _buckets.Length) return;
            if (array.Length != SmallestBucketLength << index)
                throw new ArgumentException("The buffer is not associated with this pool and may not be returned to it.", nameof(array));
            if (clearArray) Array.Clear(array, 0, array.Length);
            if (_counts[index] < _buckets[index].Length) _buckets[index][_counts[index]++] = array;
        }

        /// <summary>The bucket whose arrays (16 &lt;&lt; index elements) are the smallest that hold <paramref name="length"/>.</summary>
        private static int BucketIndex(int length)
        {
            int index = 0;
            while ((SmallestBucketLength << index) < length && index < 30) index++;
            return index;
        }
    }
}
