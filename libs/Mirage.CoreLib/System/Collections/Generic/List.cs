namespace System.Collections.Generic
{
    public partial class List<T> : IList<T>, IList, IReadOnlyList<T>
    {
        private T[] _items;
        private int _size;
        private int _version;

        public List() { _items = Array.Empty<T>(); }

        public List(int capacity)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity), "Non-negative number required.");
            _items = capacity == 0 ? Array.Empty<T>() : new T[capacity];
        }

        public List(IEnumerable<T> collection)
        {
            if (collection == null) throw new ArgumentNullException(nameof(collection));
            if (collection is ICollection<T> c)
            {
                _items = c.Count == 0 ? Array.Empty<T>() : new T[c.Count];
                c.CopyTo(_items, 0);
                _size = c.Count;
            }
            else
            {
                _items = Array.Empty<T>();
                foreach (T item in collection) Add(item);
            }
        }

        public int Count => _size;
        bool ICollection<T>.IsReadOnly => false;

        public int Capacity
        {
            get => _items.Length;
            set
            {
                if (value < _size) throw new ArgumentOutOfRangeException(nameof(value), "capacity was less than the current size.");
                if (value == _items.Length) return;
                T[] items = value == 0 ? Array.Empty<T>() : new T[value];
                Array.Copy(_items, items, _size);
                _items = items;
            }
        }

        public T this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_size) ThrowIndex();
                return _items[index];
            }
            set
            {
                if ((uint)index >= (uint)_size) ThrowIndex();
                _items[index] = value;
                _version++;
            }
        }

        private static void ThrowIndex() => throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than the size of the collection.");

        public void Add(T item)
        {
            _version++;
            if (_size == _items.Length) Grow(_size + 1);
            _items[_size++] = item;
        }

        public void AddRange(IEnumerable<T> collection)
        {
            if (collection == null) throw new ArgumentNullException(nameof(collection));
            InsertRange(_size, collection);
        }

        internal void AddSpan(ReadOnlySpan<T> source)
        {
            if (source.Length == 0) return;
            if (_items.Length - _size < source.Length) Grow(_size + source.Length);
            source.CopyTo(new Span<T>(_items, _size, source.Length));
            _size += source.Length;
            _version++;
        }

        internal void InsertSpan(int index, ReadOnlySpan<T> source)
        {
            if ((uint)index > (uint)_size) throw new ArgumentOutOfRangeException(nameof(index), "Index must be within the bounds of the List.");
            if (source.Length == 0) return;
            if (_items.Length - _size < source.Length) Grow(_size + source.Length);
            if (index < _size) Array.Copy(_items, index, _items, index + source.Length, _size - index);
            source.CopyTo(new Span<T>(_items, index, source.Length));
            _size += source.Length;
            _version++;
        }

        private void Grow(int capacity)
        {
            int newCapacity = _items.Length == 0 ? 4 : 2 * _items.Length;
            if ((uint)newCapacity > 0x7FFFFFC7) newCapacity = 0x7FFFFFC7;
            if (newCapacity < capacity) newCapacity = capacity;
            Capacity = newCapacity;
        }

        public int EnsureCapacity(int capacity)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity));
            if (_items.Length < capacity) Grow(capacity);
            return _items.Length;
        }

        public void Clear()
        {
            _version++;
            if (_size > 0) Array.Clear(_items, 0, _size);
            _size = 0;
        }

        public bool Contains(T item) => _size != 0 && IndexOf(item) >= 0;

        public void CopyTo(T[] array) => CopyTo(array, 0);
        public void CopyTo(T[] array, int arrayIndex) => Array.Copy(_items, 0, array, arrayIndex, _size);
        public void CopyTo(int index, T[] array, int arrayIndex, int count)
        {
            if (_size - index < count) throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            Array.Copy(_items, index, array, arrayIndex, count);
        }

        public int IndexOf(T item) => Array.IndexOf(_items, item, 0, _size);
        public int IndexOf(T item, int index)
        {
            if ((uint)index > (uint)_size) throw new ArgumentOutOfRangeException(nameof(index));
            return Array.IndexOf(_items, item, index, _size - index);
        }
        public int LastIndexOf(T item)
        {
            for (int i = _size - 1; i >= 0; i--) if (EqualityComparer<T>.Default.Equals(_items[i], item)) return i;
            return -1;
        }

        public void Insert(int index, T item)
        {
            if ((uint)index > (uint)_size) throw new ArgumentOutOfRangeException(nameof(index), "Index must be within the bounds of the List.");
            if (_size == _items.Length) Grow(_size + 1);
            if (index < _size) Array.Copy(_items, index, _items, index + 1, _size - index);
            _items[index] = item;
            _size++;
            _version++;
        }

        public void InsertRange(int index, IEnumerable<T> collection)
        {
            if (collection == null) throw new ArgumentNullException(nameof(collection));
            if ((uint)index > (uint)_size) throw new ArgumentOutOfRangeException(nameof(index), "Index must be within the bounds of the List.");
            var items = new List<T>();
            foreach (T item in collection) items.Add(item);
            int count = items._size;
            if (count == 0) return;
            if (_items.Length - _size < count) Grow(_size + count);
            if (index < _size) Array.Copy(_items, index, _items, index + count, _size - index);
            Array.Copy(items._items, 0, _items, index, count);
            _size += count;
            _version++;
        }

        public bool Remove(T item)
        {
            int index = IndexOf(item);
            if (index < 0) return false;
            RemoveAt(index);
            return true;
        }

        public void RemoveAt(int index)
        {
            if ((uint)index >= (uint)_size) ThrowIndex();
            _size--;
            if (index < _size) Array.Copy(_items, index + 1, _items, index, _size - index);
            _items[_size] = default;
            _version++;
        }

        public void RemoveRange(int index, int count)
        {
            if (index < 0 || count < 0 || _size - index < count) throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            if (count == 0) return;
            _size -= count;
            if (index < _size) Array.Copy(_items, index + count, _items, index, _size - index);
            Array.Clear(_items, _size, count);
            _version++;
        }

        public int RemoveAll(Predicate<T> match)
        {
            if (match == null) throw new ArgumentNullException(nameof(match));
            int kept = 0;
            for (int i = 0; i < _size; i++)
                if (!match(_items[i])) _items[kept++] = _items[i];
            int removed = _size - kept;
            if (removed > 0) { Array.Clear(_items, kept, removed); _size = kept; _version++; }
            return removed;
        }

        public T Find(Predicate<T> match)
        {
            if (match == null) throw new ArgumentNullException(nameof(match));
            for (int i = 0; i < _size; i++) if (match(_items[i])) return _items[i];
            return default;
        }

        public List<T> FindAll(Predicate<T> match)
        {
            if (match == null) throw new ArgumentNullException(nameof(match));
            var found = new List<T>();
            for (int i = 0; i < _size; i++) if (match(_items[i])) found.Add(_items[i]);
            return found;
        }

        public int FindIndex(Predicate<T> match)
        {
            if (match == null) throw new ArgumentNullException(nameof(match));
            for (int i = 0; i < _size; i++) if (match(_items[i])) return i;
            return -1;
        }

        public T FindLast(Predicate<T> match)
        {
            if (match == null) throw new ArgumentNullException(nameof(match));
            for (int i = _size - 1; i >= 0; i--) if (match(_items[i])) return _items[i];
            return default;
        }

        public bool Exists(Predicate<T> match) => FindIndex(match) >= 0;

        public bool TrueForAll(Predicate<T> match)
        {
            if (match == null) throw new ArgumentNullException(nameof(match));
            for (int i = 0; i < _size; i++) if (!match(_items[i])) return false;
            return true;
        }

        public void ForEach(Action<T> action)
        {
            if (action == null) throw new ArgumentNullException(nameof(action));
            int version = _version;
            for (int i = 0; i < _size; i++)
            {
                if (version != _version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                action(_items[i]);
            }
            if (version != _version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
        }

        public List<TOutput> ConvertAll<TOutput>(Converter<T, TOutput> converter)
        {
            if (converter == null) throw new ArgumentNullException(nameof(converter));
            var list = new List<TOutput>(_size);
            for (int i = 0; i < _size; i++) list.Add(converter(_items[i]));
            return list;
        }

        public List<T> GetRange(int index, int count)
        {
            if (index < 0 || count < 0 || _size - index < count) throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            var list = new List<T>(count);
            Array.Copy(_items, index, list._items, 0, count);
            list._size = count;
            return list;
        }

        public List<T> Slice(int start, int length) => GetRange(start, length);

        public void Reverse() => Reverse(0, _size);
        public void Reverse(int index, int count)
        {
            if (index < 0 || count < 0 || _size - index < count) throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            Array.Reverse(_items, index, count);
            _version++;
        }

        public void Sort() => Sort(0, _size, null);
        public void Sort(IComparer<T> comparer) => Sort(0, _size, comparer);
        public void Sort(int index, int count, IComparer<T> comparer)
        {
            if (index < 0 || count < 0 || _size - index < count) throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            Array.Sort(_items, index, count, comparer);
            _version++;
        }
        public void Sort(Comparison<T> comparison)
        {
            if (comparison == null) throw new ArgumentNullException(nameof(comparison));
            Array.Sort(_items, 0, _size, Comparer<T>.Create(comparison));
            _version++;
        }

        public int BinarySearch(T item) => Array.BinarySearch(_items, 0, _size, item, null);
        public int BinarySearch(T item, IComparer<T> comparer) => Array.BinarySearch(_items, 0, _size, item, comparer);

        public T[] ToArray()
        {
            if (_size == 0) return Array.Empty<T>();
            T[] array = new T[_size];
            Array.Copy(_items, array, _size);
            return array;
        }

        public void TrimExcess()
        {
            if (_size < (int)(_items.Length * 0.9)) Capacity = _size;
        }

        public System.Collections.ObjectModel.ReadOnlyCollection<T> AsReadOnly() => new System.Collections.ObjectModel.ReadOnlyCollection<T>(this);

        public Enumerator GetEnumerator() => new Enumerator(this);
        IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this);
        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        internal T[] InternalItems => _items;
        internal void InternalSetCount(int count)
        {
            if (count > _items.Length) Grow(count);
            if (count < _size) Array.Clear(_items, count, _size - count);
            _size = count;
            _version++;
        }

        public struct Enumerator : IEnumerator<T>
        {
            private readonly List<T> _list;
            private int _index;
            private readonly int _version;
            private T _current;

            internal Enumerator(List<T> list) { _list = list; _index = 0; _version = list._version; _current = default; }

            public bool MoveNext()
            {
                if (_version != _list._version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                if ((uint)_index < (uint)_list._size)
                {
                    _current = _list._items[_index];
                    _index++;
                    return true;
                }
                _index = _list._size + 1;
                _current = default;
                return false;
            }

            public T Current => _current;
            object IEnumerator.Current => _current;
            void IEnumerator.Reset() { _index = 0; _current = default; }
            public void Dispose() { }
        }
    }
}

namespace System.Runtime.InteropServices
{
    public static class CollectionsMarshal
    {
        public static Span<T> AsSpan<T>(System.Collections.Generic.List<T> list)
            => list == null ? default : new Span<T>(list.InternalItems, 0, list.Count);

        public static void SetCount<T>(System.Collections.Generic.List<T> list, int count)
        {
            if (list == null) throw new ArgumentNullException(nameof(list));
            if (count < 0) throw new ArgumentOutOfRangeException(nameof(count));
            list.InternalSetCount(count);
        }
    }
}
