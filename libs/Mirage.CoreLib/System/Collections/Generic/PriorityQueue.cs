using System.Runtime.CompilerServices;

namespace System.Collections.Generic
{
    /// <summary>
    /// A min-heap of (element, priority) with four children per node, sifting exactly as .NET's
    /// does, so elements of equal priority come out in the same order.
    /// </summary>
    public class PriorityQueue<TElement, TPriority>
    {
        private const int Arity = 4;
        private const int Log2Arity = 2;

        private (TElement Element, TPriority Priority)[] _nodes;
        private readonly IComparer<TPriority> _comparer;
        private UnorderedItemsCollection _unorderedItems;
        private int _size;
        private int _version;

        public PriorityQueue()
        {
            _nodes = Array.Empty<(TElement, TPriority)>();
            _comparer = InitializeComparer(null);
        }

        public PriorityQueue(int initialCapacity) : this(initialCapacity, null) { }

        public PriorityQueue(IComparer<TPriority> comparer)
        {
            _nodes = Array.Empty<(TElement, TPriority)>();
            _comparer = InitializeComparer(comparer);
        }

        public PriorityQueue(int initialCapacity, IComparer<TPriority> comparer)
        {
            if (initialCapacity < 0) throw new ArgumentOutOfRangeException(nameof(initialCapacity), initialCapacity, CollectionErrors.NeedNonNegNum);
            _nodes = new (TElement, TPriority)[initialCapacity];
            _comparer = InitializeComparer(comparer);
        }

        public PriorityQueue(IEnumerable<(TElement Element, TPriority Priority)> items) : this(items, null) { }

        public PriorityQueue(IEnumerable<(TElement Element, TPriority Priority)> items, IComparer<TPriority> comparer)
        {
            if (items == null) throw new ArgumentNullException(nameof(items));
            _nodes = EnumerableHelpers.ToArray(items, out _size);
            _comparer = InitializeComparer(comparer);
            if (_size > 1) Heapify();
        }

        private static IComparer<TPriority> InitializeComparer(IComparer<TPriority> comparer) => comparer ?? Comparer<TPriority>.Default;

        public int Count => _size;

        public int Capacity => _nodes.Length;

        public IComparer<TPriority> Comparer => _comparer;

        public UnorderedItemsCollection UnorderedItems => _unorderedItems ??= new UnorderedItemsCollection(this);

        public void Enqueue(TElement element, TPriority priority)
        {
            int currentSize = _size;
            _version++;
            if (_nodes.Length == currentSize) Grow(currentSize + 1);
            _size = currentSize + 1;
            MoveUp((element, priority), currentSize);
        }

        public TElement Peek()
        {
            if (_size == 0) throw new InvalidOperationException("Queue empty.");
            return _nodes[0].Element;
        }

        public TElement Dequeue()
        {
            if (_size == 0) throw new InvalidOperationException("Queue empty.");
            TElement element = _nodes[0].Element;
            RemoveRootNode();
            return element;
        }

        public TElement DequeueEnqueue(TElement element, TPriority priority)
        {
            if (_size == 0) throw new InvalidOperationException("Queue empty.");
            (TElement rootElement, TPriority rootPriority) = _nodes[0];
            if (_comparer.Compare(priority, rootPriority) > 0) MoveDown((element, priority), 0);
            else _nodes[0] = (element, priority);
            _version++;
            return rootElement;
        }

        public bool TryDequeue(out TElement element, out TPriority priority)
        {
            if (_size != 0)
            {
                (element, priority) = _nodes[0];
                RemoveRootNode();
                return true;
            }
            element = default;
            priority = default;
            return false;
        }

        public bool TryPeek(out TElement element, out TPriority priority)
        {
            if (_size != 0)
            {
                (element, priority) = _nodes[0];
                return true;
            }
            element = default;
            priority = default;
            return false;
        }

        public TElement EnqueueDequeue(TElement element, TPriority priority)
        {
            if (_size != 0)
            {
                (TElement Element, TPriority Priority) root = _nodes[0];
                if (_comparer.Compare(priority, root.Priority) > 0)
                {
                    MoveDown((element, priority), 0);
                    _version++;
                    return root.Element;
                }
            }
            return element;
        }

        public void EnqueueRange(IEnumerable<(TElement Element, TPriority Priority)> items)
        {
            if (items == null) throw new ArgumentNullException(nameof(items));
            int count = 0;
            var collection = items as ICollection<(TElement Element, TPriority Priority)>;
            if (collection != null && (count = collection.Count) > _nodes.Length - _size) Grow(checked(_size + count));
            if (_size == 0)
            {
                // Into an empty queue: copy, then build the heap in one go.
                if (collection != null)
                {
                    collection.CopyTo(_nodes, 0);
                    _size = count;
                }
                else
                {
                    int i = 0;
                    (TElement, TPriority)[] nodes = _nodes;
                    foreach ((TElement element, TPriority priority) in items)
                    {
                        if (nodes.Length == i)
                        {
                            Grow(i + 1);
                            nodes = _nodes;
                        }
                        nodes[i++] = (element, priority);
                    }
                    _size = i;
                }
                _version++;
                if (_size > 1) Heapify();
            }
            else
            {
                foreach ((TElement element, TPriority priority) in items) Enqueue(element, priority);
            }
        }

        public void EnqueueRange(IEnumerable<TElement> elements, TPriority priority)
        {
            if (elements == null) throw new ArgumentNullException(nameof(elements));
            int count;
            if (elements is ICollection<TElement> collection && (count = collection.Count) > _nodes.Length - _size) Grow(checked(_size + count));
            if (_size == 0)
            {
                int i = 0;
                (TElement, TPriority)[] nodes = _nodes;
                foreach (TElement element in elements)
                {
                    if (nodes.Length == i)
                    {
                        Grow(i + 1);
                        nodes = _nodes;
                    }
                    nodes[i++] = (element, priority);
                }
                _size = i;
                _version++;
                if (i > 1) Heapify();
            }
            else
            {
                foreach (TElement element in elements) Enqueue(element, priority);
            }
        }

        /// <summary>Removes the first element (in heap array order) equal to <paramref name="element"/>.</summary>
        public bool Remove(TElement element, out TElement removedElement, out TPriority priority, IEqualityComparer<TElement> equalityComparer = null)
        {
            int index = FindIndex(element, equalityComparer);
            if (index < 0)
            {
                removedElement = default;
                priority = default;
                return false;
            }
            (TElement, TPriority)[] nodes = _nodes;
            (removedElement, priority) = nodes[index];
            int newSize = --_size;
            if (index < newSize) MoveDown(nodes[newSize], index);
            if (RuntimeHelpers.IsReferenceOrContainsReferences<(TElement, TPriority)>()) nodes[newSize] = default;
            _version++;
            return true;
        }

        public void Clear()
        {
            if (RuntimeHelpers.IsReferenceOrContainsReferences<(TElement, TPriority)>()) Array.Clear(_nodes, 0, _size);
            _size = 0;
            _version++;
        }

        public int EnsureCapacity(int capacity)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, CollectionErrors.NeedNonNegNum);
            if (_nodes.Length < capacity)
            {
                Grow(capacity);
                _version++;
            }
            return _nodes.Length;
        }

        public void TrimExcess()
        {
            int threshold = (int)(_nodes.Length * 0.9);
            if (_size < threshold)
            {
                Array.Resize(ref _nodes, _size);
                _version++;
            }
        }

        private void Grow(int minCapacity)
        {
            int newCapacity = 2 * _nodes.Length;
            if ((uint)newCapacity > 0x7FFFFFC7) newCapacity = 0x7FFFFFC7;
            newCapacity = Math.Max(newCapacity, _nodes.Length + 4);
            if (newCapacity < minCapacity) newCapacity = minCapacity;
            Array.Resize(ref _nodes, newCapacity);
        }

        private void RemoveRootNode()
        {
            int lastNodeIndex = --_size;
            _version++;
            if (lastNodeIndex > 0) MoveDown(_nodes[lastNodeIndex], 0);
            if (RuntimeHelpers.IsReferenceOrContainsReferences<(TElement, TPriority)>()) _nodes[lastNodeIndex] = default;
        }

        private static int GetParentIndex(int index) => (index - 1) >> Log2Arity;

        private static int GetFirstChildIndex(int index) => (index << Log2Arity) + 1;

        private void Heapify()
        {
            (TElement, TPriority)[] nodes = _nodes;
            int lastParentWithChildren = GetParentIndex(_size - 1);
            for (int index = lastParentWithChildren; index >= 0; --index) MoveDown(nodes[index], index);
        }

        private void MoveUp((TElement Element, TPriority Priority) node, int nodeIndex)
        {
            (TElement Element, TPriority Priority)[] nodes = _nodes;
            IComparer<TPriority> comparer = _comparer;
            while (nodeIndex > 0)
            {
                int parentIndex = GetParentIndex(nodeIndex);
                (TElement Element, TPriority Priority) parent = nodes[parentIndex];
                if (comparer.Compare(node.Priority, parent.Priority) < 0)
                {
                    nodes[nodeIndex] = parent;
                    nodeIndex = parentIndex;
                }
                else break;
            }
            nodes[nodeIndex] = node;
        }

        private void MoveDown((TElement Element, TPriority Priority) node, int nodeIndex)
        {
            (TElement Element, TPriority Priority)[] nodes = _nodes;
            IComparer<TPriority> comparer = _comparer;
            int size = _size;
            int i;
            while ((i = GetFirstChildIndex(nodeIndex)) < size)
            {
                // The child with the smallest priority (the first of equals).
                (TElement Element, TPriority Priority) minChild = nodes[i];
                int minChildIndex = i;
                int childIndexUpperBound = Math.Min(i + Arity, size);
                while (++i < childIndexUpperBound)
                {
                    (TElement Element, TPriority Priority) nextChild = nodes[i];
                    if (comparer.Compare(nextChild.Priority, minChild.Priority) < 0)
                    {
                        minChild = nextChild;
                        minChildIndex = i;
                    }
                }
                if (comparer.Compare(node.Priority, minChild.Priority) <= 0) break;
                nodes[nodeIndex] = minChild;
                nodeIndex = minChildIndex;
            }
            nodes[nodeIndex] = node;
        }

        private int FindIndex(TElement element, IEqualityComparer<TElement> equalityComparer)
        {
            equalityComparer ??= EqualityComparer<TElement>.Default;
            ReadOnlySpan<(TElement Element, TPriority Priority)> nodes = new ReadOnlySpan<(TElement, TPriority)>(_nodes, 0, _size);
            for (int i = 0; i < nodes.Length; i++)
                if (equalityComparer.Equals(element, nodes[i].Element)) return i;
            return -1;
        }

        /// <summary>The queue's (element, priority) pairs in heap order.</summary>
        public sealed class UnorderedItemsCollection : IReadOnlyCollection<(TElement Element, TPriority Priority)>, ICollection
        {
            internal readonly PriorityQueue<TElement, TPriority> _queue;

            internal UnorderedItemsCollection(PriorityQueue<TElement, TPriority> queue) { _queue = queue; }

            public int Count => _queue._size;
            object ICollection.SyncRoot => this;
            bool ICollection.IsSynchronized => false;

            void ICollection.CopyTo(Array array, int index)
            {
                CollectionErrors.CheckCopyTarget(array, index, _queue._size);
                if (array is (TElement, TPriority)[] typed) { Array.Copy(_queue._nodes, 0, typed, index, _queue._size); return; }
                if (array is object[] objects)
                {
                    for (int i = 0; i < _queue._size; i++) objects[index + i] = _queue._nodes[i];
                    return;
                }
                throw new ArgumentException("Target array type is not compatible with the type of items in the collection.", nameof(array));
            }

            public Enumerator GetEnumerator() => new Enumerator(_queue);
            IEnumerator<(TElement Element, TPriority Priority)> IEnumerable<(TElement Element, TPriority Priority)>.GetEnumerator() => new Enumerator(_queue);
            IEnumerator IEnumerable.GetEnumerator() => new Enumerator(_queue);

            public struct Enumerator : IEnumerator<(TElement Element, TPriority Priority)>
            {
                private readonly PriorityQueue<TElement, TPriority> _queue;
                private readonly int _version;
                private int _index;
                private (TElement, TPriority) _current;

                internal Enumerator(PriorityQueue<TElement, TPriority> queue)
                {
                    _queue = queue;
                    _index = 0;
                    _version = queue._version;
                    _current = default;
                }

                public void Dispose() { }

                public bool MoveNext()
                {
                    PriorityQueue<TElement, TPriority> localQueue = _queue;
                    if (_version == localQueue._version && (uint)_index < (uint)localQueue._size)
                    {
                        _current = localQueue._nodes[_index];
                        _index++;
                        return true;
                    }
                    if (_version != _queue._version) throw CollectionErrors.VersionChanged();
                    _index = _queue._size + 1;
                    _current = default;
                    return false;
                }

                public (TElement Element, TPriority Priority) Current => _current;

                object IEnumerator.Current => _current;

                void IEnumerator.Reset()
                {
                    if (_version != _queue._version) throw CollectionErrors.VersionChanged();
                    _index = 0;
                    _current = default;
                }
            }
        }
    }
}
