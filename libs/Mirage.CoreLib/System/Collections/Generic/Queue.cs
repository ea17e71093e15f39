using System.Runtime.CompilerServices;

namespace System.Collections.Generic
{
    /// <summary>First-in first-out, in a circular array that grows as .NET's does (x2, at least +4).</summary>
    public class Queue<T> : IEnumerable<T>, ICollection, IReadOnlyCollection<T>
    {
        private T[] _array;
        private int _head;
        private int _tail;
        private int _size;
        private int _version;

        public Queue() { _array = Array.Empty<T>(); }

        public Queue(int capacity)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, CollectionErrors.NeedNonNegNum);
            _array = new T[capacity];
        }

        public Queue(IEnumerable<T> collection)
        {
            if (collection == null) throw new ArgumentNullException(nameof(collection));
            _array = EnumerableHelpers.ToArray(collection, out _size);
            if (_size != _array.Length) _tail = _size;
        }

        public int Count => _size;

        public int Capacity => _array.Length;

        bool ICollection.IsSynchronized => false;
        object ICollection.SyncRoot => this;

        public void Clear()
        {
            if (_size != 0)
            {
                if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
                {
                    if (_head < _tail) Array.Clear(_array, _head, _size);
                    else
                    {
                        Array.Clear(_array, _head, _array.Length - _head);
                        Array.Clear(_array, 0, _tail);
                    }
                }
                _size = 0;
            }
            _head = 0;
            _tail = 0;
            _version++;
        }

        public void CopyTo(T[] array, int arrayIndex)
        {
            if (array == null) throw new ArgumentNullException(nameof(array));
            if (arrayIndex < 0 || arrayIndex > array.Length) throw new ArgumentOutOfRangeException(nameof(arrayIndex), arrayIndex, "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            if (array.Length - arrayIndex < _size) throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            CopyOut(array, arrayIndex, _size);
        }

        void ICollection.CopyTo(Array array, int index)
        {
            CollectionErrors.CheckCopyTarget(array, index, _size);
            if (array is T[] typed) { CopyOut(typed, index, _size); return; }
            if (array is object[] objects)
            {
                for (int i = 0; i < _size; i++) objects[index + i] = _array[(_head + i) % _array.Length];
                return;
            }
            throw new ArgumentException("Target array type is not compatible with the type of items in the collection.", nameof(array));
        }

        private void CopyOut(T[] array, int arrayIndex, int count)
        {
            if (count == 0) return;
            int firstPart = Math.Min(_array.Length - _head, count);
            Array.Copy(_array, _head, array, arrayIndex, firstPart);
            count -= firstPart;
            if (count > 0) Array.Copy(_array, 0, array, arrayIndex + _array.Length - _head, count);
        }

        public void Enqueue(T item)
        {
            if (_size == _array.Length) Grow(_size + 1);
            _array[_tail] = item;
            MoveNext(ref _tail);
            _size++;
            _version++;
        }

        public T Dequeue()
        {
            if (_size == 0) throw new InvalidOperationException("Queue empty.");
            T removed = _array[_head];
            if (RuntimeHelpers.IsReferenceOrContainsReferences<T>()) _array[_head] = default;
            MoveNext(ref _head);
            _size--;
            _version++;
            return removed;
        }

        public bool TryDequeue(out T result)
        {
            if (_size == 0) { result = default; return false; }
            result = _array[_head];
            if (RuntimeHelpers.IsReferenceOrContainsReferences<T>()) _array[_head] = default;
            MoveNext(ref _head);
            _size--;
            _version++;
            return true;
        }

        public T Peek()
        {
            if (_size == 0) throw new InvalidOperationException("Queue empty.");
            return _array[_head];
        }

        public bool TryPeek(out T result)
        {
            if (_size == 0) { result = default; return false; }
            result = _array[_head];
            return true;
        }

        public bool Contains(T item)
        {
            if (_size == 0) return false;
            EqualityComparer<T> comparer = EqualityComparer<T>.Default;
            for (int i = 0, index = _head; i < _size; i++)
            {
                if (comparer.Equals(_array[index], item)) return true;
                if (++index == _array.Length) index = 0;
            }
            return false;
        }

        public T[] ToArray()
        {
            if (_size == 0) return Array.Empty<T>();
            T[] result = new T[_size];
            CopyOut(result, 0, _size);
            return result;
        }

        public void TrimExcess()
        {
            int threshold = (int)(_array.Length * 0.9);
            if (_size < threshold) SetCapacity(_size);
        }

        public void TrimExcess(int capacity)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, CollectionErrors.NeedNonNegNum);
            if (capacity < _size) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The specified capacity is smaller than the current number of items.");
            if (capacity == _array.Length) return;
            SetCapacity(capacity);
        }

        public int EnsureCapacity(int capacity)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, CollectionErrors.NeedNonNegNum);
            if (_array.Length < capacity) Grow(capacity);
            return _array.Length;
        }

        private void Grow(int capacity)
        {
            int newCapacity = 2 * _array.Length;
            if ((uint)newCapacity > 0x7FFFFFC7) newCapacity = 0x7FFFFFC7;
            newCapacity = Math.Max(newCapacity, _array.Length + 4);
            if (newCapacity < capacity) newCapacity = capacity;
            SetCapacity(newCapacity);
        }

        private void SetCapacity(int capacity)
        {
            T[] array = new T[capacity];
            if (_size > 0) CopyOut(array, 0, _size);
            _array = array;
            _head = 0;
            _tail = _size == capacity ? 0 : _size;
            _version++;
        }

        private void MoveNext(ref int index)
        {
            int next = index + 1;
            if (next == _array.Length) next = 0;
            index = next;
        }

        public Enumerator GetEnumerator() => new Enumerator(this);
        IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this);
        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        public struct Enumerator : IEnumerator<T>
        {
            private readonly Queue<T> _queue;
            private readonly int _version;
            private int _index;   // -1: not started, -2: ended
            private T _current;

            internal Enumerator(Queue<T> queue)
            {
                _queue = queue;
                _version = queue._version;
                _index = -1;
                _current = default;
            }

            public void Dispose()
            {
                _index = -2;
                _current = default;
            }

            public bool MoveNext()
            {
                if (_version != _queue._version) throw CollectionErrors.VersionChanged();
                if (_index == -2) return false;
                _index++;
                if (_index == _queue._size)
                {
                    _index = -2;
                    _current = default;
                    return false;
                }
                T[] array = _queue._array;
                int position = _queue._head + _index;
                if (position >= array.Length) position -= array.Length;
                _current = array[position];
                return true;
            }

            public T Current
            {
                get
                {
                    if (_index < 0) throw new InvalidOperationException(_index == -1 ? "Enumeration has not started. Call MoveNext." : "Enumeration already finished.");
                    return _current;
                }
            }

            object IEnumerator.Current => Current;

            void IEnumerator.Reset()
            {
                if (_version != _queue._version) throw CollectionErrors.VersionChanged();
                _index = -1;
                _current = default;
            }
        }
    }
}
