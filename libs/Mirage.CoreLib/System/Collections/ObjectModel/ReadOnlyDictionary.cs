using System.Collections.Generic;

namespace System.Collections.ObjectModel
{
    /// <summary>A read-only view of a dictionary.</summary>
    public class ReadOnlyDictionary<TKey, TValue> : IDictionary<TKey, TValue>, IReadOnlyDictionary<TKey, TValue>
    {
        private readonly IDictionary<TKey, TValue> m_dictionary;
        private KeyCollection _keys;
        private ValueCollection _values;

        public ReadOnlyDictionary(IDictionary<TKey, TValue> dictionary)
        {
            m_dictionary = dictionary ?? throw new ArgumentNullException(nameof(dictionary));
        }

        public static ReadOnlyDictionary<TKey, TValue> Empty { get; } = new ReadOnlyDictionary<TKey, TValue>(new Dictionary<TKey, TValue>());

        protected IDictionary<TKey, TValue> Dictionary => m_dictionary;

        public KeyCollection Keys => _keys ??= new KeyCollection(m_dictionary.Keys);
        public ValueCollection Values => _values ??= new ValueCollection(m_dictionary.Values);
        ICollection<TKey> IDictionary<TKey, TValue>.Keys => Keys;
        ICollection<TValue> IDictionary<TKey, TValue>.Values => Values;
        IEnumerable<TKey> IReadOnlyDictionary<TKey, TValue>.Keys => Keys;
        IEnumerable<TValue> IReadOnlyDictionary<TKey, TValue>.Values => Values;

        public bool ContainsKey(TKey key) => m_dictionary.ContainsKey(key);
        public bool TryGetValue(TKey key, out TValue value) => m_dictionary.TryGetValue(key, out value);
        public TValue this[TKey key] => m_dictionary[key];
        public int Count => m_dictionary.Count;
        public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => m_dictionary.GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => m_dictionary.GetEnumerator();

        TValue IDictionary<TKey, TValue>.this[TKey key]
        {
            get => m_dictionary[key];
            set => throw new NotSupportedException(CollectionErrors.ReadOnly);
        }

        void IDictionary<TKey, TValue>.Add(TKey key, TValue value) => throw new NotSupportedException(CollectionErrors.ReadOnly);
        bool IDictionary<TKey, TValue>.Remove(TKey key) => throw new NotSupportedException(CollectionErrors.ReadOnly);
        bool ICollection<KeyValuePair<TKey, TValue>>.Contains(KeyValuePair<TKey, TValue> item) => m_dictionary.Contains(item);
        void ICollection<KeyValuePair<TKey, TValue>>.CopyTo(KeyValuePair<TKey, TValue>[] array, int arrayIndex) => m_dictionary.CopyTo(array, arrayIndex);
        bool ICollection<KeyValuePair<TKey, TValue>>.IsReadOnly => true;
        void ICollection<KeyValuePair<TKey, TValue>>.Add(KeyValuePair<TKey, TValue> item) => throw new NotSupportedException(CollectionErrors.ReadOnly);
        void ICollection<KeyValuePair<TKey, TValue>>.Clear() => throw new NotSupportedException(CollectionErrors.ReadOnly);
        bool ICollection<KeyValuePair<TKey, TValue>>.Remove(KeyValuePair<TKey, TValue> item) => throw new NotSupportedException(CollectionErrors.ReadOnly);

        public sealed class KeyCollection : ICollection<TKey>, IReadOnlyCollection<TKey>
        {
            private readonly ICollection<TKey> _collection;
            internal KeyCollection(ICollection<TKey> collection) { _collection = collection ?? throw new ArgumentNullException(nameof(collection)); }
            public bool Contains(TKey item) => _collection.Contains(item);
            public void CopyTo(TKey[] array, int arrayIndex) => _collection.CopyTo(array, arrayIndex);
            public int Count => _collection.Count;
            public IEnumerator<TKey> GetEnumerator() => _collection.GetEnumerator();
            IEnumerator IEnumerable.GetEnumerator() => _collection.GetEnumerator();
            bool ICollection<TKey>.IsReadOnly => true;
            void ICollection<TKey>.Add(TKey item) => throw new NotSupportedException(CollectionErrors.ReadOnly);
            void ICollection<TKey>.Clear() => throw new NotSupportedException(CollectionErrors.ReadOnly);
            bool ICollection<TKey>.Remove(TKey item) => throw new NotSupportedException(CollectionErrors.ReadOnly);
        }

        public sealed class ValueCollection : ICollection<TValue>, IReadOnlyCollection<TValue>
        {
            private readonly ICollection<TValue> _collection;
            internal ValueCollection(ICollection<TValue> collection) { _collection = collection ?? throw new ArgumentNullException(nameof(collection)); }
            public void CopyTo(TValue[] array, int arrayIndex) => _collection.CopyTo(array, arrayIndex);
            public int Count => _collection.Count;
            public IEnumerator<TValue> GetEnumerator() => _collection.GetEnumerator();
            IEnumerator IEnumerable.GetEnumerator() => _collection.GetEnumerator();
            bool ICollection<TValue>.IsReadOnly => true;
            bool ICollection<TValue>.Contains(TValue item) => _collection.Contains(item);
            void ICollection<TValue>.Add(TValue item) => throw new NotSupportedException(CollectionErrors.ReadOnly);
            void ICollection<TValue>.Clear() => throw new NotSupportedException(CollectionErrors.ReadOnly);
            bool ICollection<TValue>.Remove(TValue item) => throw new NotSupportedException(CollectionErrors.ReadOnly);
        }
    }

    /// <summary>A read-only view of a set.</summary>
    public class ReadOnlySet<T> : IReadOnlySet<T>, ISet<T>
    {
        private readonly ISet<T> _set;

        public ReadOnlySet(ISet<T> set) { _set = set ?? throw new ArgumentNullException(nameof(set)); }

        public static ReadOnlySet<T> Empty { get; } = new ReadOnlySet<T>(new HashSet<T>());

        protected ISet<T> Set => _set;

        public int Count => _set.Count;
        public IEnumerator<T> GetEnumerator() => _set.Count == 0 ? ((IEnumerable<T>)Array.Empty<T>()).GetEnumerator() : _set.GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        public bool Contains(T item) => _set.Contains(item);
        public bool IsProperSubsetOf(IEnumerable<T> other) => _set.IsProperSubsetOf(other);
        public bool IsProperSupersetOf(IEnumerable<T> other) => _set.IsProperSupersetOf(other);
        public bool IsSubsetOf(IEnumerable<T> other) => _set.IsSubsetOf(other);
        public bool IsSupersetOf(IEnumerable<T> other) => _set.IsSupersetOf(other);
        public bool Overlaps(IEnumerable<T> other) => _set.Overlaps(other);
        public bool SetEquals(IEnumerable<T> other) => _set.SetEquals(other);

        void ICollection<T>.CopyTo(T[] array, int arrayIndex) => _set.CopyTo(array, arrayIndex);
        bool ICollection<T>.IsReadOnly => true;
        void ICollection<T>.Add(T item) => throw new NotSupportedException(CollectionErrors.ReadOnly);
        void ICollection<T>.Clear() => throw new NotSupportedException(CollectionErrors.ReadOnly);
        bool ICollection<T>.Remove(T item) => throw new NotSupportedException(CollectionErrors.ReadOnly);
        bool ISet<T>.Add(T item) => throw new NotSupportedException(CollectionErrors.ReadOnly);
        void ISet<T>.ExceptWith(IEnumerable<T> other) => throw new NotSupportedException(CollectionErrors.ReadOnly);
        void ISet<T>.IntersectWith(IEnumerable<T> other) => throw new NotSupportedException(CollectionErrors.ReadOnly);
        void ISet<T>.SymmetricExceptWith(IEnumerable<T> other) => throw new NotSupportedException(CollectionErrors.ReadOnly);
        void ISet<T>.UnionWith(IEnumerable<T> other) => throw new NotSupportedException(CollectionErrors.ReadOnly);
    }
}
