using System.Runtime.CompilerServices;

namespace System.Collections.Generic
{
    /// <summary>
    /// A hash table laid out as .NET's: an entries array filled in insertion order, 1-based bucket
    /// heads chaining through the entries, and removed entries kept on a free list that later
    /// insertions reuse last-removed-first. Enumeration walks the entries array, so the order of
    /// enumeration (after any mix of adds and removes) is the one .NET produces.
    /// </summary>
    public class Dictionary<TKey, TValue> : IDictionary<TKey, TValue>, IDictionary, IReadOnlyDictionary<TKey, TValue>
    {
        private const int StartOfFreeList = -3;

        private int[] _buckets;
        private Entry[] _entries;
        private int _count;
        private int _freeList;
        private int _freeCount;
        private int _version;
        private IEqualityComparer<TKey> _comparer;
        private KeyCollection _keys;
        private ValueCollection _values;

        private struct Entry
        {
            public uint hashCode;
            // Index of the next entry in the chain (-1: end). A free entry holds
            // StartOfFreeList - (index of the next free entry), i.e. -2 ends the free list.
            public int next;
            public TKey key;
            public TValue value;
        }

        public Dictionary() : this(0, null) { }

        public Dictionary(int capacity) : this(capacity, null) { }

        public Dictionary(IEqualityComparer<TKey> comparer) : this(0, comparer) { }

        public Dictionary(int capacity, IEqualityComparer<TKey> comparer)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity), CollectionErrors.NeedNonNegNum);
            if (capacity > 0) Initialize(capacity);
            if (comparer != null && comparer != EqualityComparer<TKey>.Default) _comparer = comparer;
        }

        public Dictionary(IDictionary<TKey, TValue> dictionary) : this(dictionary, null) { }

        public Dictionary(IDictionary<TKey, TValue> dictionary, IEqualityComparer<TKey> comparer)
            : this(dictionary != null ? dictionary.Count : 0, comparer)
        {
            if (dictionary == null) throw new ArgumentNullException(nameof(dictionary));
            AddRange(dictionary);
        }

        public Dictionary(IEnumerable<KeyValuePair<TKey, TValue>> collection) : this(collection, null) { }

        public Dictionary(IEnumerable<KeyValuePair<TKey, TValue>> collection, IEqualityComparer<TKey> comparer)
            : this((collection as ICollection<KeyValuePair<TKey, TValue>>)?.Count ?? 0, comparer)
        {
            if (collection == null) throw new ArgumentNullException(nameof(collection));
            AddRange(collection);
        }

        private void AddRange(IEnumerable<KeyValuePair<TKey, TValue>> source)
        {
            if (source is Dictionary<TKey, TValue> dictionary)
            {
                // Straight from the entries array, in its order.
                Entry[] entries = dictionary._entries;
                int count = dictionary._count;
                for (int i = 0; i < count; i++)
                    if (entries[i].next >= -1) Add(entries[i].key, entries[i].value);
                return;
            }
            if (source is KeyValuePair<TKey, TValue>[] array)
            {
                for (int i = 0; i < array.Length; i++) Add(array[i].Key, array[i].Value);
                return;
            }
            foreach (KeyValuePair<TKey, TValue> pair in source) Add(pair.Key, pair.Value);
        }

        public IEqualityComparer<TKey> Comparer => _comparer ?? EqualityComparer<TKey>.Default;

        public int Count => _count - _freeCount;

        public int Capacity => _entries == null ? 0 : _entries.Length;

        public KeyCollection Keys => _keys ??= new KeyCollection(this);
        ICollection<TKey> IDictionary<TKey, TValue>.Keys => Keys;
        IEnumerable<TKey> IReadOnlyDictionary<TKey, TValue>.Keys => Keys;

        public ValueCollection Values => _values ??= new ValueCollection(this);
        ICollection<TValue> IDictionary<TKey, TValue>.Values => Values;
        IEnumerable<TValue> IReadOnlyDictionary<TKey, TValue>.Values => Values;

        public TValue this[TKey key]
        {
            get
            {
                int i = FindEntry(key);
                if (i >= 0) return _entries[i].value;
                throw CollectionErrors.KeyNotFound(key);
            }
            set => TryInsert(key, value, InsertionBehavior.OverwriteExisting);
        }

        public void Add(TKey key, TValue value) => TryInsert(key, value, InsertionBehavior.ThrowOnExisting);

        public bool TryAdd(TKey key, TValue value) => TryInsert(key, value, InsertionBehavior.None);

        public bool TryGetValue(TKey key, out TValue value)
        {
            int i = FindEntry(key);
            if (i >= 0)
            {
                value = _entries[i].value;
                return true;
            }
            value = default;
            return false;
        }

        public bool ContainsKey(TKey key) => FindEntry(key) >= 0;

        public bool ContainsValue(TValue value)
        {
            Entry[] entries = _entries;
            EqualityComparer<TValue> comparer = EqualityComparer<TValue>.Default;
            for (int i = 0; i < _count; i++)
                if (entries[i].next >= -1 && comparer.Equals(entries[i].value, value)) return true;
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

        public bool Remove(TKey key) => Remove(key, out _);

        public bool Remove(TKey key, out TValue value)
        {
            if (key == null) throw new ArgumentNullException(nameof(key));
            if (_buckets != null)
            {
                Entry[] entries = _entries;
                uint hashCode = Hash(key);
                ref int bucket = ref BucketOf(hashCode);
                int last = -1;
                int i = bucket - 1;
                uint collisions = 0;
                while (i >= 0)
                {
                    ref Entry entry = ref entries[i];
                    if (entry.hashCode == hashCode && KeysEqual(entry.key, key))
                    {
                        if (last < 0) bucket = entry.next + 1;
                        else entries[last].next = entry.next;
                        value = entry.value;
                        entry.next = StartOfFreeList - _freeList;
                        if (RuntimeHelpers.IsReferenceOrContainsReferences<TKey>()) entry.key = default;
                        if (RuntimeHelpers.IsReferenceOrContainsReferences<TValue>()) entry.value = default;
                        _freeList = i;
                        _freeCount++;
                        return true;
                    }
                    last = i;
                    i = entry.next;
                    if (++collisions > (uint)entries.Length) throw new InvalidOperationException(CollectionErrors.ConcurrentOperations);
                }
            }
            value = default;
            return false;
        }

        /// <summary>Makes room for <paramref name="capacity"/> entries; returns the capacity.</summary>
        public int EnsureCapacity(int capacity)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity), CollectionErrors.NeedNonNegNum);
            int current = _entries == null ? 0 : _entries.Length;
            if (current >= capacity) return current;
            _version++;
            if (_buckets == null) return Initialize(capacity);
            int newSize = HashHelpers.GetPrime(capacity);
            Resize(newSize);
            return newSize;
        }

        public void TrimExcess() => TrimExcess(Count);

        /// <summary>Shrinks to the prime size for <paramref name="capacity"/>, compacting the entries (free slots go).</summary>
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
            CopyEntries(oldEntries, oldCount);
        }

        private void CopyEntries(Entry[] source, int count)
        {
            Entry[] entries = _entries;
            int newCount = 0;
            for (int i = 0; i < count; i++)
            {
                if (source[i].next >= -1)
                {
                    ref Entry entry = ref entries[newCount];
                    entry = source[i];
                    ref int bucket = ref BucketOf(entry.hashCode);
                    entry.next = bucket - 1;
                    bucket = newCount + 1;
                    newCount++;
                }
            }
            _count = newCount;
            _freeCount = 0;
        }

        // ----- the table -----

        private int Initialize(int capacity)
        {
            int size = HashHelpers.GetPrime(capacity);
            _freeList = -1;
            _buckets = new int[size];
            _entries = new Entry[size];
            return size;
        }

        private ref int BucketOf(uint hashCode)
        {
            int[] buckets = _buckets;
            return ref buckets[hashCode % (uint)buckets.Length];
        }

        private uint Hash(TKey key) => (uint)(_comparer == null ? key.GetHashCode() : _comparer.GetHashCode(key));

        private bool KeysEqual(TKey a, TKey b) => _comparer == null ? EqualityComparer<TKey>.Default.Equals(a, b) : _comparer.Equals(a, b);

        private int FindEntry(TKey key)
        {
            if (key == null) throw new ArgumentNullException(nameof(key));
            if (_buckets == null) return -1;
            Entry[] entries = _entries;
            uint hashCode = Hash(key);
            int i = BucketOf(hashCode) - 1;
            uint collisions = 0;
            IEqualityComparer<TKey> comparer = _comparer;
            if (comparer == null)
            {
                EqualityComparer<TKey> defaultComparer = EqualityComparer<TKey>.Default;
                while ((uint)i < (uint)entries.Length)
                {
                    ref Entry entry = ref entries[i];
                    if (entry.hashCode == hashCode && defaultComparer.Equals(entry.key, key)) return i;
                    i = entry.next;
                    if (++collisions > (uint)entries.Length) throw new InvalidOperationException(CollectionErrors.ConcurrentOperations);
                }
            }
            else
            {
                while ((uint)i < (uint)entries.Length)
                {
                    ref Entry entry = ref entries[i];
                    if (entry.hashCode == hashCode && comparer.Equals(entry.key, key)) return i;
                    i = entry.next;
                    if (++collisions > (uint)entries.Length) throw new InvalidOperationException(CollectionErrors.ConcurrentOperations);
                }
            }
            return -1;
        }

        private enum InsertionBehavior { None, OverwriteExisting, ThrowOnExisting }

        private bool TryInsert(TKey key, TValue value, InsertionBehavior behavior)
        {
            if (key == null) throw new ArgumentNullException(nameof(key));
            if (_buckets == null) Initialize(0);
            Entry[] entries = _entries;
            uint hashCode = Hash(key);
            ref int bucket = ref BucketOf(hashCode);
            int i = bucket - 1;
            uint collisions = 0;
            while ((uint)i < (uint)entries.Length)
            {
                ref Entry candidate = ref entries[i];
                if (candidate.hashCode == hashCode && KeysEqual(candidate.key, key))
                {
                    if (behavior == InsertionBehavior.OverwriteExisting)
                    {
                        candidate.value = value;
                        return true;
                    }
                    if (behavior == InsertionBehavior.ThrowOnExisting) throw CollectionErrors.DuplicateKey(key);
                    return false;
                }
                i = candidate.next;
                if (++collisions > (uint)entries.Length) throw new InvalidOperationException(CollectionErrors.ConcurrentOperations);
            }

            int index;
            if (_freeCount > 0)
            {
                index = _freeList;
                _freeList = StartOfFreeList - entries[_freeList].next;
                _freeCount--;
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
            entry.hashCode = hashCode;
            entry.next = bucket - 1;
            entry.key = key;
            entry.value = value;
            bucket = index + 1;
            _version++;
            return true;
        }

        /// <summary>Grows the arrays (free entries keep their places) and re-chains the buckets.</summary>
        private void Resize(int newSize)
        {
            var entries = new Entry[newSize];
            int count = _count;
            Array.Copy(_entries, entries, count);
            _buckets = new int[newSize];
            for (int i = 0; i < count; i++)
            {
                if (entries[i].next >= -1)
                {
                    ref int bucket = ref _buckets[entries[i].hashCode % (uint)newSize];
                    entries[i].next = bucket - 1;
                    bucket = i + 1;
                }
            }
            _entries = entries;
        }

        // ----- ICollection<KeyValuePair> -----

        bool ICollection<KeyValuePair<TKey, TValue>>.IsReadOnly => false;

        void ICollection<KeyValuePair<TKey, TValue>>.Add(KeyValuePair<TKey, TValue> keyValuePair) => Add(keyValuePair.Key, keyValuePair.Value);

        bool ICollection<KeyValuePair<TKey, TValue>>.Contains(KeyValuePair<TKey, TValue> keyValuePair)
        {
            int i = FindEntry(keyValuePair.Key);
            return i >= 0 && EqualityComparer<TValue>.Default.Equals(_entries[i].value, keyValuePair.Value);
        }

        bool ICollection<KeyValuePair<TKey, TValue>>.Remove(KeyValuePair<TKey, TValue> keyValuePair)
        {
            int i = FindEntry(keyValuePair.Key);
            if (i >= 0 && EqualityComparer<TValue>.Default.Equals(_entries[i].value, keyValuePair.Value))
            {
                Remove(keyValuePair.Key);
                return true;
            }
            return false;
        }

        void ICollection<KeyValuePair<TKey, TValue>>.CopyTo(KeyValuePair<TKey, TValue>[] array, int index) => CopyTo(array, index);

        private void CopyTo(KeyValuePair<TKey, TValue>[] array, int index)
        {
            if (array == null) throw new ArgumentNullException(nameof(array));
            if ((uint)index > (uint)array.Length) throw CollectionErrors.NegativeIndex();
            if (array.Length - index < Count) throw CollectionErrors.ArrayTooSmall();
            Entry[] entries = _entries;
            for (int i = 0; i < _count; i++)
                if (entries[i].next >= -1) array[index++] = new KeyValuePair<TKey, TValue>(entries[i].key, entries[i].value);
        }

        // ----- non-generic views -----

        bool ICollection.IsSynchronized => false;
        object ICollection.SyncRoot => this;
        bool IDictionary.IsFixedSize => false;
        bool IDictionary.IsReadOnly => false;
        ICollection IDictionary.Keys => Keys;
        ICollection IDictionary.Values => Values;

        void ICollection.CopyTo(Array array, int index)
        {
            CollectionErrors.CheckCopyTarget(array, index, Count);
            if (array is KeyValuePair<TKey, TValue>[] pairs) { CopyTo(pairs, index); return; }
            Entry[] entries = _entries;
            if (array is DictionaryEntry[] dictionaryEntries)
            {
                for (int i = 0; i < _count; i++)
                    if (entries[i].next >= -1) dictionaryEntries[index++] = new DictionaryEntry(entries[i].key, entries[i].value);
                return;
            }
            if (array is object[] objects)
            {
                for (int i = 0; i < _count; i++)
                    if (entries[i].next >= -1) objects[index++] = new KeyValuePair<TKey, TValue>(entries[i].key, entries[i].value);
                return;
            }
            throw new ArgumentException("Target array type is not compatible with the type of items in the collection.", nameof(array));
        }

        object IDictionary.this[object key]
        {
            get
            {
                if (key is TKey typed)
                {
                    int i = FindEntry(typed);
                    if (i >= 0) return _entries[i].value;
                }
                return null;
            }
            set
            {
                if (key == null) throw new ArgumentNullException(nameof(key));
                this[(TKey)key] = (TValue)value;
            }
        }

        void IDictionary.Add(object key, object value)
        {
            if (key == null) throw new ArgumentNullException(nameof(key));
            Add((TKey)key, (TValue)value);
        }

        bool IDictionary.Contains(object key)
        {
            if (key == null) throw new ArgumentNullException(nameof(key));
            return key is TKey typed && ContainsKey(typed);
        }

        void IDictionary.Remove(object key)
        {
            if (key == null) throw new ArgumentNullException(nameof(key));
            if (key is TKey typed) Remove(typed);
        }

        IDictionaryEnumerator IDictionary.GetEnumerator() => new Enumerator(this, Enumerator.DictEntry);

        // ----- enumeration -----

        public Enumerator GetEnumerator() => new Enumerator(this, Enumerator.KeyValuePair);
        IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator() => new Enumerator(this, Enumerator.KeyValuePair);
        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this, Enumerator.KeyValuePair);

        public struct Enumerator : IEnumerator<KeyValuePair<TKey, TValue>>, IDictionaryEnumerator
        {
            internal const int DictEntry = 1;
            internal const int KeyValuePair = 2;

            private readonly Dictionary<TKey, TValue> _dictionary;
            private readonly int _version;
            private int _index;
            private KeyValuePair<TKey, TValue> _current;
            private readonly int _getEnumeratorRetType;

            internal Enumerator(Dictionary<TKey, TValue> dictionary, int getEnumeratorRetType)
            {
                _dictionary = dictionary;
                _version = dictionary._version;
                _index = 0;
                _getEnumeratorRetType = getEnumeratorRetType;
                _current = default;
            }

            public bool MoveNext()
            {
                if (_version != _dictionary._version) throw CollectionErrors.VersionChanged();
                while ((uint)_index < (uint)_dictionary._count)
                {
                    ref Entry entry = ref _dictionary._entries[_index++];
                    if (entry.next >= -1)
                    {
                        _current = new KeyValuePair<TKey, TValue>(entry.key, entry.value);
                        return true;
                    }
                }
                _index = _dictionary._count + 1;
                _current = default;
                return false;
            }

            public KeyValuePair<TKey, TValue> Current => _current;

            public void Dispose() { }

            object IEnumerator.Current
            {
                get
                {
                    if (_index == 0 || _index == _dictionary._count + 1) throw CollectionErrors.EnumerationNotRunning();
                    if (_getEnumeratorRetType == DictEntry) return new DictionaryEntry(_current.Key, _current.Value);
                    return _current;
                }
            }

            void IEnumerator.Reset()
            {
                if (_version != _dictionary._version) throw CollectionErrors.VersionChanged();
                _index = 0;
                _current = default;
            }

            DictionaryEntry IDictionaryEnumerator.Entry
            {
                get
                {
                    if (_index == 0 || _index == _dictionary._count + 1) throw CollectionErrors.EnumerationNotRunning();
                    return new DictionaryEntry(_current.Key, _current.Value);
                }
            }

            object IDictionaryEnumerator.Key
            {
                get
                {
                    if (_index == 0 || _index == _dictionary._count + 1) throw CollectionErrors.EnumerationNotRunning();
                    return _current.Key;
                }
            }

            object IDictionaryEnumerator.Value
            {
                get
                {
                    if (_index == 0 || _index == _dictionary._count + 1) throw CollectionErrors.EnumerationNotRunning();
                    return _current.Value;
                }
            }
        }

        // ----- Keys -----

        public sealed class KeyCollection : ICollection<TKey>, ICollection, IReadOnlyCollection<TKey>
        {
            private readonly Dictionary<TKey, TValue> _dictionary;

            public KeyCollection(Dictionary<TKey, TValue> dictionary)
            {
                _dictionary = dictionary ?? throw new ArgumentNullException(nameof(dictionary));
            }

            public Enumerator GetEnumerator() => new Enumerator(_dictionary);
            IEnumerator<TKey> IEnumerable<TKey>.GetEnumerator() => new Enumerator(_dictionary);
            IEnumerator IEnumerable.GetEnumerator() => new Enumerator(_dictionary);

            public int Count => _dictionary.Count;

            public bool Contains(TKey item) => _dictionary.ContainsKey(item);

            public void CopyTo(TKey[] array, int index)
            {
                if (array == null) throw new ArgumentNullException(nameof(array));
                if (index < 0 || index > array.Length) throw CollectionErrors.NegativeIndex();
                if (array.Length - index < _dictionary.Count) throw CollectionErrors.ArrayTooSmall();
                Entry[] entries = _dictionary._entries;
                for (int i = 0; i < _dictionary._count; i++)
                    if (entries[i].next >= -1) array[index++] = entries[i].key;
            }

            void ICollection.CopyTo(Array array, int index)
            {
                CollectionErrors.CheckCopyTarget(array, index, _dictionary.Count);
                if (array is TKey[] keys) { CopyTo(keys, index); return; }
                if (array is object[] objects)
                {
                    Entry[] entries = _dictionary._entries;
                    for (int i = 0; i < _dictionary._count; i++)
                        if (entries[i].next >= -1) objects[index++] = entries[i].key;
                    return;
                }
                throw new ArgumentException("Target array type is not compatible with the type of items in the collection.", nameof(array));
            }

            bool ICollection<TKey>.IsReadOnly => true;
            bool ICollection.IsSynchronized => false;
            object ICollection.SyncRoot => ((ICollection)_dictionary).SyncRoot;
            void ICollection<TKey>.Add(TKey item) => throw new NotSupportedException("Mutating a key collection derived from a dictionary is not allowed.");
            void ICollection<TKey>.Clear() => throw new NotSupportedException("Mutating a key collection derived from a dictionary is not allowed.");
            bool ICollection<TKey>.Remove(TKey item) => throw new NotSupportedException("Mutating a key collection derived from a dictionary is not allowed.");

            public struct Enumerator : IEnumerator<TKey>
            {
                private readonly Dictionary<TKey, TValue> _dictionary;
                private int _index;
                private readonly int _version;
                private TKey _currentKey;

                internal Enumerator(Dictionary<TKey, TValue> dictionary)
                {
                    _dictionary = dictionary;
                    _version = dictionary._version;
                    _index = 0;
                    _currentKey = default;
                }

                public void Dispose() { }

                public bool MoveNext()
                {
                    if (_version != _dictionary._version) throw CollectionErrors.VersionChanged();
                    while ((uint)_index < (uint)_dictionary._count)
                    {
                        ref Entry entry = ref _dictionary._entries[_index++];
                        if (entry.next >= -1)
                        {
                            _currentKey = entry.key;
                            return true;
                        }
                    }
                    _index = _dictionary._count + 1;
                    _currentKey = default;
                    return false;
                }

                public TKey Current => _currentKey;

                object IEnumerator.Current
                {
                    get
                    {
                        if (_index == 0 || _index == _dictionary._count + 1) throw CollectionErrors.EnumerationNotRunning();
                        return _currentKey;
                    }
                }

                void IEnumerator.Reset()
                {
                    if (_version != _dictionary._version) throw CollectionErrors.VersionChanged();
                    _index = 0;
                    _currentKey = default;
                }
            }
        }

        // ----- Values -----

        public sealed class ValueCollection : ICollection<TValue>, ICollection, IReadOnlyCollection<TValue>
        {
            private readonly Dictionary<TKey, TValue> _dictionary;

            public ValueCollection(Dictionary<TKey, TValue> dictionary)
            {
                _dictionary = dictionary ?? throw new ArgumentNullException(nameof(dictionary));
            }

            public Enumerator GetEnumerator() => new Enumerator(_dictionary);
            IEnumerator<TValue> IEnumerable<TValue>.GetEnumerator() => new Enumerator(_dictionary);
            IEnumerator IEnumerable.GetEnumerator() => new Enumerator(_dictionary);

            public int Count => _dictionary.Count;

            public void CopyTo(TValue[] array, int index)
            {
                if (array == null) throw new ArgumentNullException(nameof(array));
                if ((uint)index > (uint)array.Length) throw CollectionErrors.NegativeIndex();
                if (array.Length - index < _dictionary.Count) throw CollectionErrors.ArrayTooSmall();
                Entry[] entries = _dictionary._entries;
                for (int i = 0; i < _dictionary._count; i++)
                    if (entries[i].next >= -1) array[index++] = entries[i].value;
            }

            void ICollection.CopyTo(Array array, int index)
            {
                CollectionErrors.CheckCopyTarget(array, index, _dictionary.Count);
                if (array is TValue[] values) { CopyTo(values, index); return; }
                if (array is object[] objects)
                {
                    Entry[] entries = _dictionary._entries;
                    for (int i = 0; i < _dictionary._count; i++)
                        if (entries[i].next >= -1) objects[index++] = entries[i].value;
                    return;
                }
                throw new ArgumentException("Target array type is not compatible with the type of items in the collection.", nameof(array));
            }

            bool ICollection<TValue>.IsReadOnly => true;
            bool ICollection.IsSynchronized => false;
            object ICollection.SyncRoot => ((ICollection)_dictionary).SyncRoot;
            bool ICollection<TValue>.Contains(TValue item) => _dictionary.ContainsValue(item);
            void ICollection<TValue>.Add(TValue item) => throw new NotSupportedException("Mutating a value collection derived from a dictionary is not allowed.");
            void ICollection<TValue>.Clear() => throw new NotSupportedException("Mutating a value collection derived from a dictionary is not allowed.");
            bool ICollection<TValue>.Remove(TValue item) => throw new NotSupportedException("Mutating a value collection derived from a dictionary is not allowed.");

            public struct Enumerator : IEnumerator<TValue>
            {
                private readonly Dictionary<TKey, TValue> _dictionary;
                private int _index;
                private readonly int _version;
                private TValue _currentValue;

                internal Enumerator(Dictionary<TKey, TValue> dictionary)
                {
                    _dictionary = dictionary;
                    _version = dictionary._version;
                    _index = 0;
                    _currentValue = default;
                }

                public void Dispose() { }

                public bool MoveNext()
                {
                    if (_version != _dictionary._version) throw CollectionErrors.VersionChanged();
                    while ((uint)_index < (uint)_dictionary._count)
                    {
                        ref Entry entry = ref _dictionary._entries[_index++];
                        if (entry.next >= -1)
                        {
                            _currentValue = entry.value;
                            return true;
                        }
                    }
                    _index = _dictionary._count + 1;
                    _currentValue = default;
                    return false;
                }

                public TValue Current => _currentValue;

                object IEnumerator.Current
                {
                    get
                    {
                        if (_index == 0 || _index == _dictionary._count + 1) throw CollectionErrors.EnumerationNotRunning();
                        return _currentValue;
                    }
                }

                void IEnumerator.Reset()
                {
                    if (_version != _dictionary._version) throw CollectionErrors.VersionChanged();
                    _index = 0;
                    _currentValue = default;
                }
            }
        }
    }
}
