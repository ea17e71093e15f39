namespace System.Collections.Generic
{
    /// <summary>The rest of List's searching members, and its non-generic IList face.</summary>
    public partial class List<T>
    {
        public int IndexOf(T item, int index, int count)
        {
            if ((uint)index > (uint)_size) throw new ArgumentOutOfRangeException(nameof(index), "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            if (count < 0 || index > _size - count) throw new ArgumentOutOfRangeException(nameof(count), "Count must be positive and count must refer to a location within the string/array/collection.");
            return Array.IndexOf(_items, item, index, count);
        }

        public int LastIndexOf(T item, int index)
        {
            if (index >= _size) throw new ArgumentOutOfRangeException(nameof(index), "Index was out of range. Must be non-negative and less than the size of the collection.");
            return LastIndexOf(item, index, index + 1);
        }

        public int LastIndexOf(T item, int index, int count)
        {
            if (_size != 0 && index < 0) throw new ArgumentOutOfRangeException(nameof(index), "Non-negative number required.");
            if (_size != 0 && count < 0) throw new ArgumentOutOfRangeException(nameof(count), "Non-negative number required.");
            if (_size == 0) return -1;
            if (index >= _size) throw new ArgumentOutOfRangeException(nameof(index), "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (count > index + 1) throw new ArgumentOutOfRangeException(nameof(count), "Count must be positive and count must refer to a location within the string/array/collection.");
            EqualityComparer<T> comparer = EqualityComparer<T>.Default;
            for (int i = index; i > index - count; i--) if (comparer.Equals(_items[i], item)) return i;
            return -1;
        }

        public int FindIndex(int startIndex, Predicate<T> match) => FindIndex(startIndex, _size - startIndex, match);

        public int FindIndex(int startIndex, int count, Predicate<T> match)
        {
            if ((uint)startIndex > (uint)_size) throw new ArgumentOutOfRangeException(nameof(startIndex), "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            if (count < 0 || startIndex > _size - count) throw new ArgumentOutOfRangeException(nameof(count), "Count must be positive and count must refer to a location within the string/array/collection.");
            if (match == null) throw new ArgumentNullException(nameof(match));
            int end = startIndex + count;
            for (int i = startIndex; i < end; i++) if (match(_items[i])) return i;
            return -1;
        }

        public int FindLastIndex(Predicate<T> match) => FindLastIndex(_size - 1, _size, match);

        public int FindLastIndex(int startIndex, Predicate<T> match) => FindLastIndex(startIndex, startIndex + 1, match);

        public int FindLastIndex(int startIndex, int count, Predicate<T> match)
        {
            if (match == null) throw new ArgumentNullException(nameof(match));
            if (_size == 0)
            {
                if (startIndex != -1) throw new ArgumentOutOfRangeException(nameof(startIndex), "Index was out of range. Must be non-negative and less than the size of the collection.");
            }
            else if ((uint)startIndex >= (uint)_size) throw new ArgumentOutOfRangeException(nameof(startIndex), "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (count < 0 || startIndex - count + 1 < 0) throw new ArgumentOutOfRangeException(nameof(count), "Count must be positive and count must refer to a location within the string/array/collection.");
            int end = startIndex - count;
            for (int i = startIndex; i > end; i--) if (match(_items[i])) return i;
            return -1;
        }

        public int BinarySearch(int index, int count, T item, IComparer<T> comparer)
        {
            if (index < 0) throw new ArgumentOutOfRangeException(nameof(index), "Non-negative number required.");
            if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), "Non-negative number required.");
            if (_size - index < count) throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            return Array.BinarySearch(_items, index, count, item, comparer);
        }

        // ----- IList -----

        bool IList.IsFixedSize => false;
        bool IList.IsReadOnly => false;
        bool ICollection.IsSynchronized => false;
        object ICollection.SyncRoot => this;

        object IList.this[int index]
        {
            get => this[index];
            set => this[index] = (T)value;
        }

        int IList.Add(object item)
        {
            Add((T)item);
            return Count - 1;
        }

        bool IList.Contains(object item) => IsCompatibleObject(item) && Contains((T)item);

        int IList.IndexOf(object item) => IsCompatibleObject(item) ? IndexOf((T)item) : -1;

        void IList.Insert(int index, object item) => Insert(index, (T)item);

        void IList.Remove(object item)
        {
            if (IsCompatibleObject(item)) Remove((T)item);
        }

        void ICollection.CopyTo(Array array, int arrayIndex)
        {
            CollectionErrors.CheckCopyTarget(array, arrayIndex, _size);
            if (array is T[] typed) { CopyTo(typed, arrayIndex); return; }
            if (array is object[] objects)
            {
                for (int i = 0; i < _size; i++) objects[arrayIndex + i] = _items[i];
                return;
            }
            throw new ArgumentException("Target array type is not compatible with the type of items in the collection.", nameof(array));
        }

        private static unsafe bool IsCompatibleObject(object value)
            => value is T || (value == null && (!Internal.Runtime.MethodTable.Of<T>()->IsValueType || Internal.Runtime.MethodTable.Of<T>()->IsNullable));
    }
}
