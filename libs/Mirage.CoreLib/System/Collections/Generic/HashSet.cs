using System.Runtime.CompilerServices;

namespace System.Collections.Generic
{
    /// <summary>
    /// A set with <see cref="Dictionary{TKey,TValue}"/>'s layout (entries in insertion order, free
    /// list reused last-removed-first). The set operations add and remove in the order .NET's do,
    /// so later enumeration matches .NET's.
    /// </summary>
    public class HashSet<T> : ICollection<T>, ISet<T>, IReadOnlyCollection<T>, IReadOnlySet<T>
    {
        private const int ShrinkThreshold = 3;
        private const int StartOfFreeList = -3;

        private int[] _buckets;
        private Entry[] _entries;
        private int _count;
        private int _freeList;
        private int _freeCount;
        private int _version;
        private IEqualityComparer<T> _comparer;

        private struct Entry
        {
            public int HashCode;
            public int Next;
            public T Value;
        }

        public HashSet() : this((IEqualityComparer<T>)null) { }

        public HashSet(IEqualityComparer<T> comparer)
        {
            if (comparer != null && comparer != EqualityComparer<T>.Default) _comparer = comparer;
        }

        public HashSet(int capacity) : this(capacity, null) { }

        public HashSet(IEnumerable<T> collection) : this(collection, null) { }

        public HashSet(IEnumerable<T> collection, IEqualityComparer<T> comparer) : this(comparer)
        {
            if (collection == null) throw new ArgumentNullException(nameof(collection));
            if (collection is HashSet<T> otherSet && SameComparer(this, otherSet))
            {
                ConstructFrom(otherSet);
                return;
            }
            if (collection is ICollection<T> sized)
            {
                int count = sized.Count;
                if (count > 0) Initialize(count);
            }
            UnionWith(collection);
            if (_count > 0 && _entries.Length / _count > ShrinkThreshold) TrimExcess();
        }

        public HashSet(int capacity, IEqualityComparer<T> comparer) : this(comparer)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity), CollectionErrors.NeedNonNegNum);
            if (capacity > 0) Initialize(capacity);
        }

        /// <summary>
        /// Copies another set with the same comparer: its arrays as they are (free list included)
        /// unless they are much larger than needed, in which case its elements are re-added.
        /// </summary>
        private void ConstructFrom(HashSet<T> source)
        {
            if (source.Count == 0) return;
            int capacity = source._buckets.Length;
            int threshold = HashHelpers.ExpandPrime(source.Count + 1);
            if (threshold >= capacity)
            {
                _buckets = (int[])source._buckets.Clone();
                _entries = (Entry[])source._entries.Clone();
                _freeList = source._freeList;
                _freeCount = source._freeCount;
                _count = source._count;
            }
            else
            {
                Initialize(source.Count);
                Entry[] entries = source._entries;
                for (int i = 0; i < source._count; i++)
                    if (entries[i].Next >= -1) AddIfNotPresent(entries[i].Value, out _);
            }
        }

        public IEqualityComparer<T> Comparer => _comparer ?? EqualityComparer<T>.Default;

        public int Count => _count - _freeCount;

        public int Capacity => _entries == null ? 0 : _entries.Length;

        bool ICollection<T>.IsReadOnly => false;

        public static IEqualityComparer<HashSet<T>> CreateSetComparer() => new HashSetEqualityComparer<T>();

        // ----- elements -----

        public bool Add(T item) => AddIfNotPresent(item, out _);

        void ICollection<T>.Add(T item) => AddIfNotPresent(item, out _);

        public bool Contains(T item) => FindItemIndex(item) >= 0;

        public bool TryGetValue(T equalValue, out T actualValue)
        {
            int index = FindItemIndex(equalValue);
            if (index >= 0)
            {
                actualValue = _entries[index].Value;
                return true;
            }
            actualValue = default;
            return false;
        }

        public bool Remove(T item)
        {
            if (_buckets == null) return false;
            Entry[] entries = _entries;
            int hashCode = HashOf(item);
            ref int bucket = ref BucketOf(hashCode);
            int last = -1;
            int i = bucket - 1;
            uint collisions = 0;
            while (i >= 0)
            {
                ref Entry entry = ref entries[i];
                if (entry.HashCode == hashCode && ItemsEqual(entry.Value, item))
                {
                    if (last < 0) bucket = entry.Next + 1;
                    else entries[last].Next = entry.Next;
                    entry.Next = StartOfFreeList - _freeList;
                    if (RuntimeHelpers.IsReferenceOrContainsReferences<T>()) entry.Value = default;
                    _freeList = i;
                    _freeCount++;
                    return true;
                }
                last = i;
                i = entry.Next;
                if (++collisions > (uint)entries.Length) throw new InvalidOperationException(CollectionErrors.ConcurrentOperations);
            }
            return false;
        }

        public void Clear()
        {
            int count = _count;
            if (count > 0)
            {
                Array.Clear(_buckets, 0, _buckets.Length);
                _count = 0;
                _freeList = -1;
                _freeCount = 0;
                Array.Clear(_entries, 0, count);
            }
        }

        public int RemoveWhere(Predicate<T> match)
        {
            if (match == null) throw new ArgumentNullException(nameof(match));
            Entry[] entries = _entries;
            int removed = 0;
            for (int i = 0; i < _count; i++)
            {
                ref Entry entry = ref entries[i];
                if (entry.Next >= -1)
                {
                    T value = entry.Value;
                    if (match(value) && Remove(value)) removed++;
                }
            }
            return removed;
        }

        public void CopyTo(T[] array) => CopyTo(array, 0, Count);

        public void CopyTo(T[] array, int arrayIndex) => CopyTo(array, arrayIndex, Count);

        public void CopyTo(T[] array, int arrayIndex, int count)
        {
            if (array == null) throw new ArgumentNullException(nameof(array));
            if (arrayIndex < 0) throw new ArgumentOutOfRangeException(nameof(arrayIndex), arrayIndex, CollectionErrors.NeedNonNegNum);
            if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, CollectionErrors.NeedNonNegNum);
            if (arrayIndex > array.Length || count > array.Length - arrayIndex) throw CollectionErrors.ArrayTooSmall();
            Entry[] entries = _entries;
            for (int i = 0; i < _count && count != 0; i++)
            {
                if (entries[i].Next >= -1)
                {
                    array[arrayIndex++] = entries[i].Value;
                    count--;
                }
            }
        }

        public int EnsureCapacity(int capacity)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity), CollectionErrors.NeedNonNegNum);
            int current = _entries == null ? 0 : _entries.Length;
            if (current >= capacity) return current;
            if (_buckets == null) return Initialize(capacity);
            int newSize = HashHelpers.GetPrime(capacity);
            Resize(newSize);
            return newSize;
        }

        public void TrimExcess() => TrimExcess(Count);

        public void TrimExcess(int capacity)
        {
            if (capacity < Count) throw new ArgumentOutOfRangeException(nameof(capacity), "The specified capacity is smaller than the current number of items.");
            int newSize = HashHelpers.GetPrime(capacity);
            Entry[] oldEntries = _entries;
            int current = oldEntries == null ? 0 : oldEntries.Length;
            if (newSize >= current) return;
            int oldCount = _count;
            _version++;
            Initialize(newSize);
            Entry[] entries = _entries;
            int count = 0;
            for (int i = 0; i < oldCount; i++)
            {
                int hashCode = oldEntries[i].HashCode;
                if (oldEntries[i].Next >= -1)
                {
                    ref Entry entry = ref entries[count];
                    entry = oldEntries[i];
                    ref int bucket = ref BucketOf(hashCode);
                    entry.Next = bucket - 1;
                    bucket = count + 1;
                    count++;
                }
            }
            _count = count;
            _freeCount = 0;
        }

        // ----- set operations -----

        public void UnionWith(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException(nameof(other));
            foreach (T item in other) AddIfNotPresent(item, out _);
        }

        public void IntersectWith(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException(nameof(other));
            if (Count == 0 || other == this) return;
            if (other is ICollection<T> collection)
            {
                if (collection.Count == 0) { Clear(); return; }
                if (other is HashSet<T> otherSet && SameComparer(this, otherSet))
                {
                    Entry[] entries = _entries;
                    for (int i = 0; i < _count; i++)
                    {
                        ref Entry entry = ref entries[i];
                        if (entry.Next >= -1)
                        {
                            T item = entry.Value;
                            if (!otherSet.Contains(item)) Remove(item);
                        }
                    }
                    return;
                }
            }
            // Mark what other has; remove the rest, in entry order.
            int originalCount = _count;
            bool[] found = new bool[originalCount];
            foreach (T item in other)
            {
                int index = FindItemIndex(item);
                if (index >= 0) found[index] = true;
            }
            for (int i = 0; i < originalCount; i++)
            {
                ref Entry entry = ref _entries[i];
                if (entry.Next >= -1 && !found[i]) Remove(entry.Value);
            }
        }

        public void ExceptWith(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException(nameof(other));
            if (Count == 0) return;
            if (other == this) { Clear(); return; }
            foreach (T element in other) Remove(element);
        }

        public void SymmetricExceptWith(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException(nameof(other));
            if (Count == 0) { UnionWith(other); return; }
            if (other == this) { Clear(); return; }
            if (other is HashSet<T> otherSet && SameComparer(this, otherSet))
            {
                foreach (T item in otherSet)
                    if (!Remove(item)) AddIfNotPresent(item, out _);
                return;
            }
            // other may repeat elements: remember what was added from it (not to be removed) and
            // which original elements it named (to be removed afterwards, in entry order).
            int originalCount = _count;
            bool[] toRemove = new bool[originalCount];
            bool[] addedFromOther = new bool[originalCount];
            foreach (T item in other)
            {
                if (AddIfNotPresent(item, out int location))
                {
                    if (location < originalCount) addedFromOther[location] = true;
                }
                else if (location < originalCount && !addedFromOther[location])
                {
                    toRemove[location] = true;
                }
            }
            for (int i = 0; i < originalCount; i++)
                if (toRemove[i]) Remove(_entries[i].Value);
        }

        public bool IsSubsetOf(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException(nameof(other));
            if (Count == 0 || other == this) return true;
            if (other is HashSet<T> otherSet && SameComparer(this, otherSet))
            {
                if (Count > otherSet.Count) return false;
                return IsSubsetOfSameComparer(otherSet);
            }
            (int unique, int unfound) = CheckUniqueAndUnfound(other, false);
            return unique == Count && unfound >= 0;
        }

        public bool IsProperSubsetOf(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException(nameof(other));
            if (other == this) return false;
            if (other is ICollection<T> collection)
            {
                if (collection.Count == 0) return false;
                if (Count == 0) return collection.Count > 0;
                if (other is HashSet<T> otherSet && SameComparer(this, otherSet))
                {
                    if (Count >= otherSet.Count) return false;
                    return IsSubsetOfSameComparer(otherSet);
                }
            }
            (int unique, int unfound) = CheckUniqueAndUnfound(other, false);
            return unique == Count && unfound > 0;
        }

        public bool IsSupersetOf(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException(nameof(other));
            if (other == this) return true;
            if (other is ICollection<T> collection)
            {
                if (collection.Count == 0) return true;
                if (other is HashSet<T> otherSet && SameComparer(this, otherSet) && otherSet.Count > Count) return false;
            }
            return ContainsAllElements(other);
        }

        public bool IsProperSupersetOf(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException(nameof(other));
            if (Count == 0 || other == this) return false;
            if (other is ICollection<T> collection)
            {
                if (collection.Count == 0) return true;
                if (other is HashSet<T> otherSet && SameComparer(this, otherSet))
                {
                    if (otherSet.Count >= Count) return false;
                    return ContainsAllElements(otherSet);
                }
            }
            (int unique, int unfound) = CheckUniqueAndUnfound(other, true);
            return unique < Count && unfound == 0;
        }

        public bool Overlaps(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException(nameof(other));
            if (Count == 0) return false;
            if (other == this) return true;
            foreach (T element in other) if (Contains(element)) return true;
            return false;
        }

        public bool SetEquals(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException(nameof(other));
            if (other == this) return true;
            if (other is HashSet<T> otherSet && SameComparer(this, otherSet))
            {
                if (Count != otherSet.Count) return false;
                return ContainsAllElements(otherSet);
            }
            if (Count == 0 && other is ICollection<T> collection && collection.Count > 0) return false;
            (int unique, int unfound) = CheckUniqueAndUnfound(other, true);
            return unique == Count && unfound == 0;
        }

        private bool ContainsAllElements(IEnumerable<T> other)
        {
            foreach (T element in other) if (!Contains(element)) return false;
            return true;
        }

        private bool IsSubsetOfSameComparer(HashSet<T> other)
        {
            foreach (T item in this) if (!other.Contains(item)) return false;
            return true;
        }

        private (int UniqueCount, int UnfoundCount) CheckUniqueAndUnfound(IEnumerable<T> other, bool returnIfUnfound)
        {
            if (_count == 0)
            {
                int elements = 0;
                foreach (T item in other) { elements++; break; }
                return (0, elements);
            }
            bool[] seen = new bool[_count];
            int unfound = 0, unique = 0;
            foreach (T item in other)
            {
                int index = FindItemIndex(item);
                if (index >= 0)
                {
                    if (!seen[index]) { seen[index] = true; unique++; }
                }
                else
                {
                    unfound++;
                    if (returnIfUnfound) break;
                }
            }
            return (unique, unfound);
        }

        internal static bool SameComparer(HashSet<T> set1, HashSet<T> set2) => set1.Comparer.Equals(set2.Comparer);

        // ----- the table -----

        private int Initialize(int capacity)
        {
            int size = HashHelpers.GetPrime(capacity);
            _freeList = -1;
            _buckets = new int[size];
            _entries = new Entry[size];
            return size;
        }

        private ref int BucketOf(int hashCode)
        {
            int[] buckets = _buckets;
            return ref buckets[(uint)hashCode % (uint)buckets.Length];
        }

        private int HashOf(T item)
        {
            if (item == null) return 0;
            return _comparer == null ? item.GetHashCode() : _comparer.GetHashCode(item);
        }

        private bool ItemsEqual(T a, T b) => _comparer == null ? EqualityComparer<T>.Default.Equals(a, b) : _comparer.Equals(a, b);

        private int FindItemIndex(T item)
        {
            if (_buckets == null) return -1;
            Entry[] entries = _entries;
            int hashCode = HashOf(item);
            int i = BucketOf(hashCode) - 1;
            uint collisions = 0;
            while (i >= 0)
            {
                ref Entry entry = ref entries[i];
                if (entry.HashCode == hashCode && ItemsEqual(entry.Value, item)) return i;
                i = entry.Next;
                if (++collisions > (uint)entries.Length) throw new InvalidOperationException(CollectionErrors.ConcurrentOperations);
            }
            return -1;
        }

        private bool AddIfNotPresent(T value, out int location)
        {
            if (_buckets == null) Initialize(0);
            Entry[] entries = _entries;
            int hashCode = HashOf(value);
            ref int bucket = ref BucketOf(hashCode);
            int i = bucket - 1;
            uint collisions = 0;
            while (i >= 0)
            {
                ref Entry candidate = ref entries[i];
                if (candidate.HashCode == hashCode && ItemsEqual(candidate.Value, value))
                {
                    location = i;
                    return false;
                }
                i = candidate.Next;
                if (++collisions > (uint)entries.Length) throw new InvalidOperationException(CollectionErrors.ConcurrentOperations);
            }

            int index;
            if (_freeCount > 0)
            {
                index = _freeList;
                _freeCount--;
                _freeList = StartOfFreeList - entries[_freeList].Next;
            }
            else
            {
                int count = _count;
                if (count == entries.Length)
                {
                    Resize(HashHelpers.ExpandPrime(count));
                    bucket = ref BucketOf(hashCode);
                }
                index = count;
                _count = count + 1;
                entries = _entries;
            }

            ref Entry entry = ref entries[index];
            entry.HashCode = hashCode;
            entry.Next = bucket - 1;
            entry.Value = value;
            bucket = index + 1;
            _version++;
            location = index;
            return true;
        }

        private void Resize(int newSize)
        {
            var entries = new Entry[newSize];
            int count = _count;
            Array.Copy(_entries, entries, count);
            _buckets = new int[newSize];
            for (int i = 0; i < count; i++)
            {
                ref Entry entry = ref entries[i];
                if (entry.Next >= -1)
                {
                    ref int bucket = ref _buckets[(uint)entry.HashCode % (uint)newSize];
                    entry.Next = bucket - 1;
                    bucket = i + 1;
                }
            }
            _entries = entries;
        }

        // ----- enumeration -----

        public Enumerator GetEnumerator() => new Enumerator(this);
        IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this);
        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        public struct Enumerator : IEnumerator<T>
        {
            private readonly HashSet<T> _hashSet;
            private readonly int _version;
            private int _index;
            private T _current;

            internal Enumerator(HashSet<T> hashSet)
            {
                _hashSet = hashSet;
                _version = hashSet._version;
                _index = 0;
                _current = default;
            }

            public bool MoveNext()
            {
                if (_version != _hashSet._version) throw CollectionErrors.VersionChanged();
                while ((uint)_index < (uint)_hashSet._count)
                {
                    ref Entry entry = ref _hashSet._entries[_index++];
                    if (entry.Next >= -1)
                    {
                        _current = entry.Value;
                        return true;
                    }
                }
                _index = _hashSet._count + 1;
                _current = default;
                return false;
            }

            public T Current => _current;

            public void Dispose() { }

            object IEnumerator.Current
            {
                get
                {
                    if (_index == 0 || _index == _hashSet._count + 1) throw CollectionErrors.EnumerationNotRunning();
                    return _current;
                }
            }

            void IEnumerator.Reset()
            {
                if (_version != _hashSet._version) throw CollectionErrors.VersionChanged();
                _index = 0;
                _current = default;
            }
        }
    }

    internal sealed class HashSetEqualityComparer<T> : IEqualityComparer<HashSet<T>>
    {
        public bool Equals(HashSet<T> x, HashSet<T> y)
        {
            if (x == y) return true;
            if (x == null || y == null) return false;
            EqualityComparer<T> defaultComparer = EqualityComparer<T>.Default;
            if (HashSet<T>.SameComparer(x, y)) return x.Count == y.Count && y.IsSubsetOf(x);
            foreach (T yi in y)
            {
                bool found = false;
                foreach (T xi in x)
                {
                    if (defaultComparer.Equals(yi, xi)) { found = true; break; }
                }
                if (!found) return false;
            }
            return true;
        }

        public int GetHashCode(HashSet<T> obj)
        {
            int hashCode = 0;
            if (obj != null)
                foreach (T t in obj)
                    if (t != null) hashCode ^= t.GetHashCode();
            return hashCode;
        }

        public override bool Equals(object obj) => obj is HashSetEqualityComparer<T>;
        public override int GetHashCode() => EqualityComparer<T>.Default.GetHashCode();
    }
}
