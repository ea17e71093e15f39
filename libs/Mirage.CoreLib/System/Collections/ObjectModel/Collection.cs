using System.Collections.Generic;

namespace System.Collections.ObjectModel
{
    /// <summary>A list wrapper whose changes go through overridable InsertItem/SetItem/RemoveItem/ClearItems.</summary>
    public class Collection<T> : IList<T>, IReadOnlyList<T>
    {
        private readonly IList<T> items;

        public Collection() { items = new List<T>(); }

        public Collection(IList<T> list) { items = list ?? throw new ArgumentNullException(nameof(list)); }

        public int Count => items.Count;

        protected IList<T> Items => items;

        public T this[int index]
        {
            get => items[index];
            set
            {
                if (items.IsReadOnly) throw new NotSupportedException(CollectionErrors.ReadOnly);
                if ((uint)index >= (uint)items.Count) throw new ArgumentOutOfRangeException(nameof(index), "Index was out of range. Must be non-negative and less than the size of the collection.");
                SetItem(index, value);
            }
        }

        public void Add(T item)
        {
            if (items.IsReadOnly) throw new NotSupportedException(CollectionErrors.ReadOnly);
            InsertItem(items.Count, item);
        }

        public void Clear()
        {
            if (items.IsReadOnly) throw new NotSupportedException(CollectionErrors.ReadOnly);
            ClearItems();
        }

        public void CopyTo(T[] array, int index) => items.CopyTo(array, index);

        public bool Contains(T item) => items.Contains(item);

        public IEnumerator<T> GetEnumerator() => items.GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => items.GetEnumerator();

        public int IndexOf(T item) => items.IndexOf(item);

        public void Insert(int index, T item)
        {
            if (items.IsReadOnly) throw new NotSupportedException(CollectionErrors.ReadOnly);
            if ((uint)index > (uint)items.Count) throw new ArgumentOutOfRangeException(nameof(index), "Index must be within the bounds of the List.");
            InsertItem(index, item);
        }

        public bool Remove(T item)
        {
            if (items.IsReadOnly) throw new NotSupportedException(CollectionErrors.ReadOnly);
            int index = items.IndexOf(item);
            if (index < 0) return false;
            RemoveItem(index);
            return true;
        }

        public void RemoveAt(int index)
        {
            if (items.IsReadOnly) throw new NotSupportedException(CollectionErrors.ReadOnly);
            if ((uint)index >= (uint)items.Count) throw new ArgumentOutOfRangeException(nameof(index), "Index was out of range. Must be non-negative and less than the size of the collection.");
            RemoveItem(index);
        }

        protected virtual void ClearItems() => items.Clear();
        protected virtual void InsertItem(int index, T item) => items.Insert(index, item);
        protected virtual void RemoveItem(int index) => items.RemoveAt(index);
        protected virtual void SetItem(int index, T item) => items[index] = item;

        bool ICollection<T>.IsReadOnly => items.IsReadOnly;
    }
}
