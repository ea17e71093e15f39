namespace System.Collections.Generic
{
    /// <summary>Keys and values in two sorted arrays (binary search, capacity 4 then doubling), as .NET's.</summary>
    public class SortedList<TKey, TValue> : IDictionary<TKey, TValue>, IReadOnlyDictionary<TKey, TValue>
    {
        private TKey[] keys;
        private TValue[] values;
        private int _size;
        private int version;
        private readonly IComparer<TKey> comparer;
        private KeyList keyList;
        private ValueList valueList;

        public SortedList()
        {
            keys = Array.Empty<TKey>();
            values = Array.Empty<TValue>();
            comparer = Comparer<TKey>.Default;
        }

        public SortedList(int capacity)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, CollectionErrors.NeedNonNegNum);
            keys = new TKey[capacity];
            values = new TValue[capacity];
            comparer = Comparer<TKey>.Default;
        }

        public SortedList(IComparer<TKey> comparer) : this()
        {
            if (comparer != null) this.comparer = comparer;
        }

        public SortedList(int capacity, IComparer<TKey> comparer) : this(comparer) { Capacity = capacity; }

        public SortedList(IDictionary<TKey, TValue> dictionary) : this(dictionary, null) { }

        public SortedList(IDictionary<TKey, TValue> dictionary, IComparer<TKey> comparer)
            : this(dictionary != null ? dictionary.Count : 0, comparer)
        {
            if (dictionary == null) throw new ArgumentNullException(nameof(dictionary));
            int count = dictionary.Count;
            if (count != 0)
            {
                dictionary.Keys.CopyTo(keys, 0);
                dictionary.Values.CopyTo(values, 0);
                if (count > 1)
                {
                    Array.Sort(keys, values, this.comparer);
                    for (int i = 1; i != count; ++i)
                        if (this.comparer.Compare(keys[i - 1], keys[i]) == 0) throw CollectionErrors.DuplicateKey(keys[i]);
                }
            }
            _size = count;
        }

        public int Capacity
        {
            get => keys.Length;
            set
            {
                if (value != keys.Length)
                {
                    if (value < _size) throw new ArgumentOutOfRangeException(nameof(value), value, "capacity was less than the current size.");
                    if (value > 0)
                    {
                        TKey[] newKeys = new TKey[value];
                        TValue[] newValues = new TValue[value];
                        if (_size > 0)
                        {
                            Array.Copy(keys, newKeys, _size);
                            Array.Copy(values, newValues, _size);
                        }
                        keys = newKeys;
                        values = newValues;
                    }
                    else
                    {
                        keys = Array.Empty<TKey>();
                        values = Array.Empty<TValue>();
                    }
                }
            }
        }

        public IComparer<TKey> Comparer => comparer;

        public int Count => _size;

        public IList<TKey> Keys => keyList ??= new KeyList(this);
        public IList<TValue> Values => valueList ??= new ValueList(this);
        ICollection<TKey> IDictionary<TKey, TValue>.Keys => Keys;
        ICollection<TValue> IDictionary<TKey, TValue>.Values => Values;
        IEnumerable<TKey> IReadOnlyDictionary<TKey, TValue>.Keys => Keys;
        IEnumerable<TValue> IReadOnlyDictionary<TKey, TValue>.Values => Values;
        bool ICollection<KeyValuePair<TKey, TValue>>.IsReadOnly => false;

        public TValue this[TKey key]
        {
            get
            {
                int i = IndexOfKey(key);
                if (i >= 0) return values[i];
                throw CollectionErrors.KeyNotFound(key);
            }
            set
            {
                if (key == null) throw new ArgumentNullException(nameof(key));
                int i = Array.BinarySearch(keys, 0, _size, key, comparer);
                if (i >= 0)
                {
                    values[i] = value;
                    version++;
                    return;
                }
                Insert(~i, key, value);
            }
        }

        public void Add(TKey key, TValue value)
        {
            if (key == null) throw new ArgumentNullException(nameof(key));
            int i = Array.BinarySearch(keys, 0, _size, key, comparer);
            if (i >= 0) throw CollectionErrors.DuplicateKey(key);
            Insert(~i, key, value);
        }

        void ICollection<KeyValuePair<TKey, TValue>>.Add(KeyValuePair<TKey, TValue> keyValuePair) => Add(keyValuePair.Key, keyValuePair.Value);

        bool ICollection<KeyValuePair<TKey, TValue>>.Contains(KeyValuePair<TKey, TValue> keyValuePair)
        {
            int index = IndexOfKey(keyValuePair.Key);
            return index >= 0 && EqualityComparer<TValue>.Default.Equals(values[index], keyValuePair.Value);
        }

        bool ICollection<KeyValuePair<TKey, TValue>>.Remove(KeyValuePair<TKey, TValue> keyValuePair)
        {
            int index = IndexOfKey(keyValuePair.Key);
            if (index >= 0 && EqualityComparer<TValue>.Default.Equals(values[index], keyValuePair.Value))
            {
                RemoveAt(index);
                return true;
            }
            return false;
        }

        void ICollection<KeyValuePair<TKey, TValue>>.CopyTo(KeyValuePair<TKey, TValue>[] array, int arrayIndex)
        {
            if (array == null) throw new ArgumentNullException(nameof(array));
            if (arrayIndex < 0 || arrayIndex > array.Length) throw new ArgumentOutOfRangeException(nameof(arrayIndex), arrayIndex, CollectionErrors.NeedNonNegNum);
            if (array.Length - arrayIndex < Count) throw CollectionErrors.ArrayTooSmall();
            for (int i = 0; i < Count; i++) array[arrayIndex + i] = new KeyValuePair<TKey, TValue>(keys[i], values[i]);
        }

        public void Clear()
        {
            version++;
            Array.Clear(keys, 0, _size);
            Array.Clear(values, 0, _size);
            _size = 0;
        }

        public bool ContainsKey(TKey key) => IndexOfKey(key) >= 0;

        public bool ContainsValue(TValue value) => IndexOfValue(value) >= 0;

        public TKey GetKeyAtIndex(int index)
        {
            if ((uint)index >= (uint)_size) throw new ArgumentOutOfRangeException(nameof(index), index, "Index was out of range. Must be non-negative and less than the size of the collection.");
            return keys[index];
        }

        public TValue GetValueAtIndex(int index)
        {
            if ((uint)index >= (uint)_size) throw new ArgumentOutOfRangeException(nameof(index), index, "Index was out of range. Must be non-negative and less than the size of the collection.");
            return values[index];
        }

        public void SetValueAtIndex(int index, TValue value)
        {
            if ((uint)index >= (uint)_size) throw new ArgumentOutOfRangeException(nameof(index), index, "Index was out of range. Must be non-negative and less than the size of the collection.");
            values[index] = value;
            version++;
        }

        public int IndexOfKey(TKey key)
        {
            if (key == null) throw new ArgumentNullException(nameof(key));
            int ret = Array.BinarySearch(keys, 0, _size, key, comparer);
            return ret >= 0 ? ret : -1;
        }

        public int IndexOfValue(TValue value) => Array.IndexOf(values, value, 0, _size);

        private void Insert(int index, TKey key, TValue value)
        {
            if (_size == keys.Length) EnsureCapacity(_size + 1);
            if (index < _size)
            {
                Array.Copy(keys, index, keys, index + 1, _size - index);
                Array.Copy(values, index, values, index + 1, _size - index);
            }
            keys[index] = key;
            values[index] = value;
            _size++;
            version++;
        }

        private void EnsureCapacity(int min)
        {
            int newCapacity = keys.Length == 0 ? 4 : keys.Length * 2;
            if ((uint)newCapacity > 0x7FFFFFC7) newCapacity = 0x7FFFFFC7;
            if (newCapacity < min) newCapacity = min;
            Capacity = newCapacity;
        }

        public bool TryGetValue(TKey key, out TValue value)
        {
            int i = IndexOfKey(key);
            if (i >= 0)
            {
                value = values[i];
                return true;
            }
            value = default;
            return false;
        }

        public void RemoveAt(int index)
        {
            if ((uint)index >= (uint)_size) throw new ArgumentOutOfRangeException(nameof(index), index, "Index was out of range. Must be non-negative and less than the size of the collection.");
            _size--;
            if (index < _size)
            {
                Array.Copy(keys, index + 1, keys, index, _size - index);
                Array.Copy(values, index + 1, values, index, _size - index);
            }
            keys[_size] = default;
            values[_size] = default;
            version++;
        }

        public bool Remove(TKey key)
        {
            int i = IndexOfKey(key);
            if (i >= 0) RemoveAt(i);
            return i >= 0;
        }

        public void TrimExcess()
        {
            int threshold = (int)(keys.Length * 0.9);
            if (_size < threshold) Capacity = _size;
        }

        public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => new SortedListEnumerator(this);
        IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator() => new SortedListEnumerator(this);
        IEnumerator IEnumerable.GetEnumerator() => new SortedListEnumerator(this);

        private sealed class SortedListEnumerator : IEnumerator<KeyValuePair<TKey, TValue>>
        {
            private readonly SortedList<TKey, TValue> _list;
            private readonly int _version;
            private int _index;
            private KeyValuePair<TKey, TValue> _current;

            internal SortedListEnumerator(SortedList<TKey, TValue> list) { _list = list; _version = list.version; }

            public bool MoveNext()
            {
                if (_version != _list.version) throw CollectionErrors.VersionChanged();
                if ((uint)_index < (uint)_list.Count)
                {
                    _current = new KeyValuePair<TKey, TValue>(_list.keys[_index], _list.values[_index]);
                    _index++;
                    return true;
                }
                _index = _list.Count + 1;
                _current = default;
                return false;
            }

            public KeyValuePair<TKey, TValue> Current => _current;
            object IEnumerator.Current
            {
                get
                {
                    if (_index == 0 || _index == _list.Count + 1) throw CollectionErrors.EnumerationNotRunning();
                    return _current;
                }
            }
            public void Reset()
            {
                if (_version != _list.version) throw CollectionErrors.VersionChanged();
                _index = 0;
                _current = default;
            }
            public void Dispose() { }
        }

        private sealed class KeyList : IList<TKey>
        {
            private readonly SortedList<TKey, TValue> _dict;
            internal KeyList(SortedList<TKey, TValue> dictionary) { _dict = dictionary; }
            public int Count => _dict._size;
            public bool IsReadOnly => true;
            public TKey this[int index]
            {
                get => _dict.GetKeyAtIndex(index);
                set => throw new NotSupportedException("Mutating a key collection derived from a dictionary is not allowed.");
            }
            public void Add(TKey key) => throw new NotSupportedException(CollectionErrors.ReadOnly);
            public void Clear() => throw new NotSupportedException(CollectionErrors.ReadOnly);
            public bool Contains(TKey key) => _dict.ContainsKey(key);
            public void CopyTo(TKey[] array, int arrayIndex) => Array.Copy(_dict.keys, 0, array, arrayIndex, _dict.Count);
            public void Insert(int index, TKey value) => throw new NotSupportedException(CollectionErrors.ReadOnly);
            public IEnumerator<TKey> GetEnumerator() => new KeyEnumerator(_dict);
            IEnumerator IEnumerable.GetEnumerator() => new KeyEnumerator(_dict);
            public int IndexOf(TKey key)
            {
                if (key == null) throw new ArgumentNullException(nameof(key));
                int i = Array.BinarySearch(_dict.keys, 0, _dict.Count, key, _dict.comparer);
                return i >= 0 ? i : -1;
            }
            public bool Remove(TKey key) => throw new NotSupportedException(CollectionErrors.ReadOnly);
            public void RemoveAt(int index) => throw new NotSupportedException(CollectionErrors.ReadOnly);
        }

        private sealed class ValueList : IList<TValue>
        {
            private readonly SortedList<TKey, TValue> _dict;
            internal ValueList(SortedList<TKey, TValue> dictionary) { _dict = dictionary; }
            public int Count => _dict._size;
            public bool IsReadOnly => true;
            public TValue this[int index]
            {
                get => _dict.GetValueAtIndex(index);
                set => throw new NotSupportedException(CollectionErrors.ReadOnly);
            }
            public void Add(TValue key) => throw new NotSupportedException(CollectionErrors.ReadOnly);
            public void Clear() => throw new NotSupportedException(CollectionErrors.ReadOnly);
            public bool Contains(TValue value) => _dict.ContainsValue(value);
            public void CopyTo(TValue[] array, int arrayIndex) => Array.Copy(_dict.values, 0, array, arrayIndex, _dict.Count);
            public void Insert(int index, TValue value) => throw new NotSupportedException(CollectionErrors.ReadOnly);
            public IEnumerator<TValue> GetEnumerator() => new ValueEnumerator(_dict);
            IEnumerator IEnumerable.GetEnumerator() => new ValueEnumerator(_dict);
            public int IndexOf(TValue value) => Array.IndexOf(_dict.values, value, 0, _dict.Count);
            public bool Remove(TValue value) => throw new NotSupportedException(CollectionErrors.ReadOnly);
            public void RemoveAt(int index) => throw new NotSupportedException(CollectionErrors.ReadOnly);
        }

        private sealed class KeyEnumerator : IEnumerator<TKey>
        {
            private readonly SortedList<TKey, TValue> _list;
            private readonly int _version;
            private int _index;
            private TKey _current;

            internal KeyEnumerator(SortedList<TKey, TValue> list) { _list = list; _version = list.version; }

            public bool MoveNext()
            {
                if (_version != _list.version) throw CollectionErrors.VersionChanged();
                if ((uint)_index < (uint)_list.Count)
                {
                    _current = _list.keys[_index];
                    _index++;
                    return true;
                }
                _index = _list.Count + 1;
                _current = default;
                return false;
            }

            public TKey Current => _current;
            object IEnumerator.Current
            {
                get
                {
                    if (_index == 0 || _index == _list.Count + 1) throw CollectionErrors.EnumerationNotRunning();
                    return _current;
                }
            }
            public void Reset()
            {
                if (_version != _list.version) throw CollectionErrors.VersionChanged();
                _index = 0;
                _current = default;
            }
            public void Dispose() { }
        }

        private sealed class ValueEnumerator : IEnumerator<TValue>
        {
            private readonly SortedList<TKey, TValue> _list;
            private readonly int _version;
            private int _index;
            private TValue _current;

            internal ValueEnumerator(SortedList<TKey, TValue> list) { _list = list; _version = list.version; }

            public bool MoveNext()
            {
                if (_version != _list.version) throw CollectionErrors.VersionChanged();
                if ((uint)_index < (uint)_list.Count)
                {
                    _current = _list.values[_index];
                    _index++;
                    return true;
                }
                _index = _list.Count + 1;
                _current = default;
                return false;
            }

            public TValue Current => _current;
            object IEnumerator.Current
            {
                get
                {
                    if (_index == 0 || _index == _list.Count + 1) throw CollectionErrors.EnumerationNotRunning();
                    return _current;
                }
            }
            public void Reset()
            {
                if (_version != _list.version) throw CollectionErrors.VersionChanged();
                _index = 0;
                _current = default;
            }
            public void Dispose() { }
        }
    }
}
