namespace System.Collections.Generic
{
    /// <summary>
    /// A set enumerated in the comparer's order, kept in a sorted array (binary search). Same
    /// observable behaviour as .NET's red-black tree, except that GetViewBetween returns a copy of
    /// the range rather than a live view.
    /// </summary>
    public class SortedSet<T> : ISet<T>, IReadOnlySet<T>, IReadOnlyCollection<T>, ICollection
    {
        private T[] _items = Array.Empty<T>();
        private int _count;
        private int _version;
        private readonly IComparer<T> _comparer;

        public SortedSet() : this((IComparer<T>)null) { }

        public SortedSet(IComparer<T> comparer) { _comparer = comparer ?? Comparer<T>.Default; }

        public SortedSet(IEnumerable<T> collection) : this(collection, null) { }

        public SortedSet(IEnumerable<T> collection, IComparer<T> comparer) : this(comparer)
        {
            if (collection == null) throw new ArgumentNullException(nameof(collection));
            foreach (T item in collection) Add(item);
        }

        public IComparer<T> Comparer => _comparer;
        public int Count => _count;
        bool ICollection<T>.IsReadOnly => false;
        bool ICollection.IsSynchronized => false;
        object ICollection.SyncRoot => this;

        public T Min => _count == 0 ? default : _items[0];
        public T Max => _count == 0 ? default : _items[_count - 1];

        private int Find(T item) => Array.BinarySearch(_items, 0, _count, item, _comparer);

        public bool Add(T item)
        {
            int index = Find(item);
            if (index >= 0) return false;
            index = ~index;
            if (_count == _items.Length) Array.Resize(ref _items, _items.Length == 0 ? 4 : _items.Length * 2);
            if (index < _count) Array.Copy(_items, index, _items, index + 1, _count - index);
            _items[index] = item;
            _count++;
            _version++;
            return true;
        }

        void ICollection<T>.Add(T item) => Add(item);

        public bool Remove(T item)
        {
            int index = Find(item);
            if (index < 0) return false;
            RemoveIndex(index);
            return true;
        }

        private void RemoveIndex(int index)
        {
            _count--;
            if (index < _count) Array.Copy(_items, index + 1, _items, index, _count - index);
            _items[_count] = default;
            _version++;
        }

        public virtual void Clear()
        {
            Array.Clear(_items, 0, _count);
            _count = 0;
            _version++;
        }

        public virtual bool Contains(T item) => Find(item) >= 0;

        public bool TryGetValue(T equalValue, out T actualValue)
        {
            int index = Find(equalValue);
            if (index >= 0)
            {
                actualValue = _items[index];
                return true;
            }
            actualValue = default;
            return false;
        }

        public int RemoveWhere(Predicate<T> match)
        {
            if (match == null) throw new ArgumentNullException(nameof(match));
            var matches = new List<T>();
            for (int i = 0; i < _count; i++) if (match(_items[i])) matches.Add(_items[i]);
            for (int i = matches.Count - 1; i >= 0; i--) Remove(matches[i]);
            return matches.Count;
        }

        public void CopyTo(T[] array) => CopyTo(array, 0, Count);
        public void CopyTo(T[] array, int index) => CopyTo(array, index, Count);

        public void CopyTo(T[] array, int index, int count)
        {
            if (array == null) throw new ArgumentNullException(nameof(array));
            if (index < 0) throw new ArgumentOutOfRangeException(nameof(index), index, CollectionErrors.NeedNonNegNum);
            if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), CollectionErrors.NeedNonNegNum);
            if (count > array.Length - index) throw CollectionErrors.ArrayTooSmall();
            Array.Copy(_items, 0, array, index, Math.Min(count, _count));
        }

        void ICollection.CopyTo(Array array, int index)
        {
            CollectionErrors.CheckCopyTarget(array, index, _count);
            if (array is T[] typed) { CopyTo(typed, index); return; }
            if (array is object[] objects)
            {
                for (int i = 0; i < _count; i++) objects[index + i] = _items[i];
                return;
            }
            throw new ArgumentException("Target array type is not compatible with the type of items in the collection.", nameof(array));
        }

        public IEnumerable<T> Reverse()
        {
            int version = _version;
            for (int i = _count - 1; i >= 0; i--)
            {
                if (version != _version) throw CollectionErrors.VersionChanged();
                yield return _items[i];
            }
        }

        public virtual SortedSet<T> GetViewBetween(T lowerValue, T upperValue)
        {
            if (_comparer.Compare(lowerValue, upperValue) > 0) throw new ArgumentException("Must be less than or equal to upperValue.", nameof(lowerValue));
            var view = new SortedSet<T>(_comparer);
            for (int i = 0; i < _count; i++)
            {
                T item = _items[i];
                if (_comparer.Compare(item, lowerValue) >= 0 && _comparer.Compare(item, upperValue) <= 0) view.Add(item);
            }
            return view;
        }

        // ----- set operations -----

        private SortedSet<T> Distinct(IEnumerable<T> other) => other is SortedSet<T> set && set._comparer.Equals(_comparer) ? set : new SortedSet<T>(other, _comparer);

        public void UnionWith(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException(nameof(other));
            foreach (T item in other) Add(item);
        }

        public virtual void IntersectWith(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException(nameof(other));
            if (_count == 0 || other == this) return;
            SortedSet<T> keep = Distinct(other);
            for (int i = _count - 1; i >= 0; i--) if (!keep.Contains(_items[i])) RemoveIndex(i);
        }

        public void ExceptWith(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException(nameof(other));
            if (_count == 0) return;
            if (other == this) { Clear(); return; }
            foreach (T item in other) Remove(item);
        }

        public void SymmetricExceptWith(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException(nameof(other));
            if (other == this) { Clear(); return; }
            foreach (T item in Distinct(other)) if (!Remove(item)) Add(item);
        }

        public bool IsSubsetOf(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException(nameof(other));
            if (_count == 0) return true;
            SortedSet<T> set = Distinct(other);
            for (int i = 0; i < _count; i++) if (!set.Contains(_items[i])) return false;
            return true;
        }

        public bool IsProperSubsetOf(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException(nameof(other));
            SortedSet<T> set = Distinct(other);
            return IsSubsetOf(set) && set.Count > _count;
        }

        public bool IsSupersetOf(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException(nameof(other));
            foreach (T item in other) if (!Contains(item)) return false;
            return true;
        }

        public bool IsProperSupersetOf(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException(nameof(other));
            if (_count == 0) return false;
            SortedSet<T> set = Distinct(other);
            return IsSupersetOf(set) && set.Count < _count;
        }

        public bool SetEquals(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException(nameof(other));
            SortedSet<T> set = Distinct(other);
            return set.Count == _count && IsSupersetOf(set);
        }

        public bool Overlaps(IEnumerable<T> other)
        {
            if (other == null) throw new ArgumentNullException(nameof(other));
            if (_count == 0) return false;
            foreach (T item in other) if (Contains(item)) return true;
            return false;
        }

        public static IEqualityComparer<SortedSet<T>> CreateSetComparer() => CreateSetComparer(null);

        public static IEqualityComparer<SortedSet<T>> CreateSetComparer(IEqualityComparer<T> memberEqualityComparer) => new SortedSetEqualityComparer(memberEqualityComparer);

        private sealed class SortedSetEqualityComparer : IEqualityComparer<SortedSet<T>>
        {
            private readonly IEqualityComparer<T> _members;
            public SortedSetEqualityComparer(IEqualityComparer<T> members) { _members = members ?? EqualityComparer<T>.Default; }

            public bool Equals(SortedSet<T> x, SortedSet<T> y)
            {
                if (x == null) return y == null;
                if (y == null) return false;
                if (x._comparer.Equals(y._comparer)) return x.SetEquals(y);
                foreach (T a in x)
                {
                    bool found = false;
                    foreach (T b in y) if (_members.Equals(a, b)) { found = true; break; }
                    if (!found) return false;
                }
                return true;
            }

            public int GetHashCode(SortedSet<T> obj)
            {
                int hash = 0;
                if (obj != null) foreach (T t in obj) if (t != null) hash ^= _members.GetHashCode(t) & 0x7FFFFFFF;
                return hash;
            }

            public override bool Equals(object obj) => obj is SortedSetEqualityComparer other && _members == other._members;
            public override int GetHashCode() => _members.GetHashCode();
        }

        public Enumerator GetEnumerator() => new Enumerator(this);
        IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this);
        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        public struct Enumerator : IEnumerator<T>
        {
            private readonly SortedSet<T> _set;
            private readonly int _version;
            private int _index;
            private T _current;

            internal Enumerator(SortedSet<T> set)
            {
                _set = set;
                _version = set._version;
                _index = 0;
                _current = default;
            }

            public bool MoveNext()
            {
                if (_version != _set._version) throw CollectionErrors.VersionChanged();
                if (_index < _set._count)
                {
                    _current = _set._items[_index++];
                    return true;
                }
                _index = _set._count + 1;
                _current = default;
                return false;
            }

            public T Current => _current;
            public void Dispose() { }
            object IEnumerator.Current => _index == 0 || _index == _set._count + 1 ? throw CollectionErrors.EnumerationNotRunning() : _current;

            void IEnumerator.Reset()
            {
                if (_version != _set._version) throw CollectionErrors.VersionChanged();
                _index = 0;
                _current = default;
            }
        }
    }
}
