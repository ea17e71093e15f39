using System.Collections.Generic;

namespace System.Collections.ObjectModel
{
    public class ReadOnlyCollection<T> : IList<T>, IReadOnlyList<T>
    {
        private readonly IList<T> _list;
        public ReadOnlyCollection(IList<T> list) { _list = list ?? throw new ArgumentNullException(nameof(list)); }
        public static ReadOnlyCollection<T> Empty { get; } = new ReadOnlyCollection<T>(Array.Empty<T>());
        public int Count => _list.Count;
        public T this[int index] => _list[index];
        T IList<T>.this[int index] { get => _list[index]; set => throw new NotSupportedException("Collection is read-only."); }
        bool ICollection<T>.IsReadOnly => true;
        public bool Contains(T value) => _list.Contains(value);
        public void CopyTo(T[] array, int index) => _list.CopyTo(array, index);
        public int IndexOf(T value) => _list.IndexOf(value);
        public IEnumerator<T> GetEnumerator() => _list.GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => _list.GetEnumerator();
        protected IList<T> Items => _list;
        void ICollection<T>.Add(T value) => throw new NotSupportedException("Collection is read-only.");
        void ICollection<T>.Clear() => throw new NotSupportedException("Collection is read-only.");
        void IList<T>.Insert(int index, T value) => throw new NotSupportedException("Collection is read-only.");
        bool ICollection<T>.Remove(T value) => throw new NotSupportedException("Collection is read-only.");
        void IList<T>.RemoveAt(int index) => throw new NotSupportedException("Collection is read-only.");
    }
}
