using System.Runtime.CompilerServices;

namespace System.Collections.Generic
{
    /// <summary>Last-in first-out over an array (grown x2 from 4); enumerates from the top.</summary>
    public class Stack<T> : IEnumerable<T>, ICollection, IReadOnlyCollection<T>
    {
        private T[] _array;
        private int _size;
        private int _version;

        public Stack() { _array = Array.Empty<T>(); }

        public Stack(int capacity)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, CollectionErrors.NeedNonNegNum);
            _array = new T[capacity];
        }

        public Stack(IEnumerable<T> collection)
        {
            if (collection == null) throw new ArgumentNullException(nameof(collection));
            _array = EnumerableHelpers.ToArray(collection, out _size);
        }

        public int Count => _size;

        public int Capacity => _array.Length;

        bool ICollection.IsSynchronized => false;
        object ICollection.SyncRoot => this;

        public void Clear()
        {
            if (RuntimeHelpers.IsReferenceOrContainsReferences<T>()) Array.Clear(_array, 0, _size);
            _size = 0;
            _version++;
        }

        public bool Contains(T item)
        {
            EqualityComparer<T> comparer = EqualityComparer<T>.Default;
            for (int i = _size - 1; i >= 0; i--) if (comparer.Equals(_array[i], item)) return true;
            return false;
        }

        /// <summary>Copies in pop order (the top first).</summary>
        public void CopyTo(T[] array, int arrayIndex)
        {
            if (array == null) throw new ArgumentNullException(nameof(array));
            if (arrayIndex < 0 || arrayIndex > array.Length) throw new ArgumentOutOfRangeException(nameof(arrayIndex), arrayIndex, "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            if (array.Length - arrayIndex < _size) throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            for (int i = 0; i < _size; i++) array[arrayIndex + i] = _array[_size - 1 - i];
        }

        void ICollection.CopyTo(Array array, int index)
        {
            CollectionErrors.CheckCopyTarget(array, index, _size);
            if (array is T[] typed) { CopyTo(typed, index); return; }
            if (array is object[] objects)
            {
                for (int i = 0; i < _size; i++) objects[index + i] = _array[_size - 1 - i];
                return;
            }
            throw new ArgumentException("Target array type is not compatible with the type of items in the collection.", nameof(array));
        }

        public void TrimExcess()
        {
            int threshold = (int)(_array.Length * 0.9);
            if (_size < threshold)
            {
                Array.Resize(ref _array, _size);
                _version++;
            }
        }

        public void TrimExcess(int capacity)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, CollectionErrors.NeedNonNegNum);
            if (capacity < _size) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The specified capacity is smaller than the current number of items.");
            if (capacity == _array.Length) return;
            Array.Resize(ref _array, capacity);
            _version++;
        }

        public T Peek()
        {
            if (_size == 0) throw new InvalidOperationException("Stack empty.");
            return _array[_size - 1];
        }

        public bool TryPeek(out T result)
        {
            if (_size == 0) { result = default; return false; }
            result = _array[_size - 1];
            return true;
        }

        public T Pop()
        {
            if (_size == 0) throw new InvalidOperationException("Stack empty.");
            _version++;
            T item = _array[--_size];
            if (RuntimeHelpers.IsReferenceOrContainsReferences<T>()) _array[_size] = default;
            return item;
        }

        public bool TryPop(out T result)
        {
            if (_size == 0) { result = default; return false; }
            _version++;
            result = _array[--_size];
            if (RuntimeHelpers.IsReferenceOrContainsReferences<T>()) _array[_size] = default;
            return true;
        }

        public void Push(T item)
        {
            if (_size == _array.Length) Grow(_size + 1);
            _array[_size] = item;
            _version++;
            _size++;
        }

        public int EnsureCapacity(int capacity)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, CollectionErrors.NeedNonNegNum);
            if (_array.Length < capacity) Grow(capacity);
            return _array.Length;
        }

        private void Grow(int capacity)
        {
            int newCapacity = _array.Length == 0 ? 4 : 2 * _array.Length;
            if ((uint)newCapacity > 0x7FFFFFC7) newCapacity = 0x7FFFFFC7;
            if (newCapacity < capacity) newCapacity = capacity;
            Array.Resize(ref _array, newCapacity);
        }

        /// <summary>The elements in pop order.</summary>
        public T[] ToArray()
        {
            if (_size == 0) return Array.Empty<T>();
            T[] result = new T[_size];
            for (int i = 0; i < _size; i++) result[i] = _array[_size - 1 - i];
            return result;
        }

        public Enumerator GetEnumerator() => new Enumerator(this);
        IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this);
        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        public struct Enumerator : IEnumerator<T>
        {
            private readonly Stack<T> _stack;
            private readonly int _version;
            private int _index;   // -2: not started, -1: ended
            private T _current;

            internal Enumerator(Stack<T> stack)
            {
                _stack = stack;
                _version = stack._version;
                _index = -2;
                _current = default;
            }

            public void Dispose() { _index = -1; }

            public bool MoveNext()
            {
                if (_version != _stack._version) throw CollectionErrors.VersionChanged();
                bool found;
                if (_index == -2)
                {
                    _index = _stack._size - 1;
                    found = _index >= 0;
                    if (found) _current = _stack._array[_index];
                    return found;
                }
                if (_index == -1) return false;
                found = --_index >= 0;
                _current = found ? _stack._array[_index] : default;
                return found;
            }

            public T Current
            {
                get
                {
                    if (_index < 0) throw new InvalidOperationException(_index == -2 ? "Enumeration has not started. Call MoveNext." : "Enumeration already finished.");
                    return _current;
                }
            }

            object IEnumerator.Current => Current;

            void IEnumerator.Reset()
            {
                if (_version != _stack._version) throw CollectionErrors.VersionChanged();
                _index = -2;
                _current = default;
            }
        }
    }
}
