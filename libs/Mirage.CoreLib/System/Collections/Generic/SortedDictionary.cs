namespace System.Collections.Generic
{
    /// <summary>
    /// A dictionary enumerated in key order. Kept in sorted arrays (binary search; inserts and
    /// removals move the tail) rather than .NET's red-black tree: the observable behaviour (order,
    /// results, exceptions) is the same.
    /// </summary>
    public class SortedDictionary<TKey, TValue> : IDictionary<TKey, TValue>, IReadOnlyDictionary<TKey, TValue>
    {
        private readonly SortedList<TKey, TValue> _list;
        private int _version;
        private KeyCollection _keys;
        private ValueCollection _values;

        public SortedDictionary() : this((IComparer<TKey>)null) { }

        public SortedDictionary(IComparer<TKey> comparer) { _list = new SortedList<TKey, TValue>(comparer); }

        public SortedDictionary(IDictionary<TKey, TValue> dictionary) : this(dictionary, null) { }

        public SortedDictionary(IDictionary<TKey, TValue> dictionary, IComparer<TKey> comparer)
        {
            if (dictionary == null) throw new ArgumentNullException(nameof(dictionary));
            _list = new SortedList<TKey, TValue>(comparer);
            foreach (KeyValuePair<TKey, TValue> pair in dictionary) Add(pair.Key, pair.Value);
        }

        public IComparer<TKey> Comparer => _list.Comparer;
        public int Count => _list.Count;
        public KeyCollection Keys => _keys ??= new KeyCollection(this);
        public ValueCollection Values => _values ??= new ValueCollection(this);
        ICollection<TKey> IDictionary<TKey, TValue>.Keys => Keys;
        ICollection<TValue> IDictionary<TKey, TValue>.Values => Values;
        IEnumerable<TKey> IReadOnlyDictionary<TKey, TValue>.Keys => Keys;
        IEnumerable<TValue> IReadOnlyDictionary<TKey, TValue>.Values => Values;
        bool ICollection<KeyValuePair<TKey, TValue>>.IsReadOnly => false;

        public TValue this[TKey key]
        {
            get => _list[key];
            set
            {
                if (key == null) throw new ArgumentNullException(nameof(key));
                int index = _list.IndexOfKey(key);
                if (index >= 0) _list.SetValueAtIndex(index, value);
                else _list.Add(key, value);
                _version++;
            }
        }

        public void Add(TKey key, TValue value)
        {
            _list.Add(key, value);
            _version++;
        }

        public void Clear()
        {
            _list.Clear();
            _version++;
        }

        public bool ContainsKey(TKey key) => _list.ContainsKey(key);
        public bool ContainsValue(TValue value) => _list.ContainsValue(value);
        public bool TryGetValue(TKey key, out TValue value) => _list.TryGetValue(key, out value);

        public bool Remove(TKey key)
        {
            if (!_list.Remove(key)) return false;
            _version++;
            return true;
        }

        public void CopyTo(KeyValuePair<TKey, TValue>[] array, int index)
        {
            if (array == null) throw new ArgumentNullException(nameof(array));
            if (index < 0 || index > array.Length) throw new ArgumentOutOfRangeException(nameof(index), index, CollectionErrors.NeedNonNegNum);
            if (array.Length - index < Count) throw CollectionErrors.ArrayTooSmall();
            for (int i = 0; i < _list.Count; i++) array[index + i] = new KeyValuePair<TKey, TValue>(_list.GetKeyAtIndex(i), _list.GetValueAtIndex(i));
        }

        void ICollection<KeyValuePair<TKey, TValue>>.Add(KeyValuePair<TKey, TValue> keyValuePair) => Add(keyValuePair.Key, keyValuePair.Value);

        bool ICollection<KeyValuePair<TKey, TValue>>.Contains(KeyValuePair<TKey, TValue> keyValuePair)
            => ((ICollection<KeyValuePair<TKey, TValue>>)_list).Contains(keyValuePair);

        bool ICollection<KeyValuePair<TKey, TValue>>.Remove(KeyValuePair<TKey, TValue> keyValuePair)
        {
            if (!((ICollection<KeyValuePair<TKey, TValue>>)_list).Remove(keyValuePair)) return false;
            _version++;
            return true;
        }

        public Enumerator GetEnumerator() => new Enumerator(this);
        IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator() => new Enumerator(this);
        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        public struct Enumerator : IEnumerator<KeyValuePair<TKey, TValue>>, IDictionaryEnumerator
        {
            private readonly SortedDictionary<TKey, TValue> _dictionary;
            private readonly int _version;
            private int _index;
            private KeyValuePair<TKey, TValue> _current;

            internal Enumerator(SortedDictionary<TKey, TValue> dictionary)
            {
                _dictionary = dictionary;
                _version = dictionary._version;
                _index = 0;
                _current = default;
            }

            public bool MoveNext()
            {
                if (_version != _dictionary._version) throw CollectionErrors.VersionChanged();
                SortedList<TKey, TValue> list = _dictionary._list;
                if (_index < list.Count)
                {
                    _current = new KeyValuePair<TKey, TValue>(list.GetKeyAtIndex(_index), list.GetValueAtIndex(_index));
                    _index++;
                    return true;
                }
                _index = list.Count + 1;
                _current = default;
                return false;
            }

            public KeyValuePair<TKey, TValue> Current => _current;
            public void Dispose() { }
            private bool NotRunning => _index == 0 || _index == _dictionary._list.Count + 1;
            object IEnumerator.Current => NotRunning ? throw CollectionErrors.EnumerationNotRunning() : _current;
            object IDictionaryEnumerator.Key => NotRunning ? throw CollectionErrors.EnumerationNotRunning() : _current.Key;
            object IDictionaryEnumerator.Value => NotRunning ? throw CollectionErrors.EnumerationNotRunning() : _current.Value;
            DictionaryEntry IDictionaryEnumerator.Entry => NotRunning ? throw CollectionErrors.EnumerationNotRunning() : new DictionaryEntry(_current.Key, _current.Value);

            void IEnumerator.Reset()
            {
                if (_version != _dictionary._version) throw CollectionErrors.VersionChanged();
                _index = 0;
                _current = default;
            }
        }

        public sealed class KeyCollection : ICollection<TKey>, IReadOnlyCollection<TKey>
        {
            private readonly SortedDictionary<TKey, TValue> _dictionary;

            public KeyCollection(SortedDictionary<TKey, TValue> dictionary) { _dictionary = dictionary ?? throw new ArgumentNullException(nameof(dictionary)); }

            public int Count => _dictionary.Count;
            bool ICollection<TKey>.IsReadOnly => true;
            public Enumerator GetEnumerator() => new Enumerator(_dictionary);
            IEnumerator<TKey> IEnumerable<TKey>.GetEnumerator() => new Enumerator(_dictionary);
            IEnumerator IEnumerable.GetEnumerator() => new Enumerator(_dictionary);
            public bool Contains(TKey item) => _dictionary.ContainsKey(item);
            void ICollection<TKey>.Add(TKey item) => throw new NotSupportedException("Mutating a key collection derived from a dictionary is not allowed.");
            void ICollection<TKey>.Clear() => throw new NotSupportedException("Mutating a key collection derived from a dictionary is not allowed.");
            bool ICollection<TKey>.Remove(TKey item) => throw new NotSupportedException("Mutating a key collection derived from a dictionary is not allowed.");

            public void CopyTo(TKey[] array, int index)
            {
                if (array == null) throw new ArgumentNullException(nameof(array));
                if (index < 0) throw new ArgumentOutOfRangeException(nameof(index), index, CollectionErrors.NeedNonNegNum);
                if (array.Length - index < Count) throw CollectionErrors.ArrayTooSmall();
                for (int i = 0; i < _dictionary._list.Count; i++) array[index + i] = _dictionary._list.GetKeyAtIndex(i);
            }

            public struct Enumerator : IEnumerator<TKey>
            {
                private SortedDictionary<TKey, TValue>.Enumerator _inner;
                internal Enumerator(SortedDictionary<TKey, TValue> dictionary) { _inner = dictionary.GetEnumerator(); }
                public void Dispose() { }
                public bool MoveNext() => _inner.MoveNext();
                public TKey Current => _inner.Current.Key;
                object IEnumerator.Current => ((IDictionaryEnumerator)_inner).Key;
                void IEnumerator.Reset() => ((IEnumerator)_inner).Reset();
            }
        }

        public sealed class ValueCollection : ICollection<TValue>, IReadOnlyCollection<TValue>
        {
            private readonly SortedDictionary<TKey, TValue> _dictionary;

            public ValueCollection(SortedDictionary<TKey, TValue> dictionary) { _dictionary = dictionary ?? throw new ArgumentNullException(nameof(dictionary)); }

            public int Count => _dictionary.Count;
            bool ICollection<TValue>.IsReadOnly => true;
            public Enumerator GetEnumerator() => new Enumerator(_dictionary);
            IEnumerator<TValue> IEnumerable<TValue>.GetEnumerator() => new Enumerator(_dictionary);
            IEnumerator IEnumerable.GetEnumerator() => new Enumerator(_dictionary);
            bool ICollection<TValue>.Contains(TValue item) => _dictionary.ContainsValue(item);
            void ICollection<TValue>.Add(TValue item) => throw new NotSupportedException("Mutating a value collection derived from a dictionary is not allowed.");
            void ICollection<TValue>.Clear() => throw new NotSupportedException("Mutating a value collection derived from a dictionary is not allowed.");
            bool ICollection<TValue>.Remove(TValue item) => throw new NotSupportedException("Mutating a value collection derived from a dictionary is not allowed.");

            public void CopyTo(TValue[] array, int index)
            {
                if (array == null) throw new ArgumentNullException(nameof(array));
                if (index < 0) throw new ArgumentOutOfRangeException(nameof(index), index, CollectionErrors.NeedNonNegNum);
                if (array.Length - index < Count) throw CollectionErrors.ArrayTooSmall();
                for (int i = 0; i < _dictionary._list.Count; i++) array[index + i] = _dictionary._list.GetValueAtIndex(i);
            }

            public struct Enumerator : IEnumerator<TValue>
            {
                private SortedDictionary<TKey, TValue>.Enumerator _inner;
                internal Enumerator(SortedDictionary<TKey, TValue> dictionary) { _inner = dictionary.GetEnumerator(); }
                public void Dispose() { }
                public bool MoveNext() => _inner.MoveNext();
                public TValue Current => _inner.Current.Value;
                object IEnumerator.Current => ((IDictionaryEnumerator)_inner).Value;
                void IEnumerator.Reset() => ((IEnumerator)_inner).Reset();
            }
        }
    }
}
