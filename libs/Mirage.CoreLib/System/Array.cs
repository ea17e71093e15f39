using System.Collections;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System
{
    /// <summary>Single-dimension, zero-based arrays (the only kind the unikernel runtime supports).</summary>
    public abstract partial class Array : ICloneable, IEnumerable
    {
        // Layout (a contract with ilc): length, padding to pointer size on 64-bit, elements.
        private readonly int _numComponents;

        public int Length => _numComponents;
        public long LongLength => _numComponents;
        public int Rank => 1;

        internal unsafe ref byte GetRawArrayData() => ref Unsafe.As<RawArrayData>(this).Data;

        internal unsafe int ElementSize => this.GetMethodTable()->ComponentSize;

        public object Clone() => MemberwiseClone();

        public static T[] Empty<T>() => EmptyArray<T>.Value;

        public static unsafe void Copy(Array sourceArray, Array destinationArray, int length)
        {
            if (sourceArray == null) throw new ArgumentNullException(nameof(sourceArray));
            if (destinationArray == null) throw new ArgumentNullException(nameof(destinationArray));
            Copy(sourceArray, 0, destinationArray, 0, length);
        }

        public static unsafe void Copy(Array sourceArray, int sourceIndex, Array destinationArray, int destinationIndex, int length)
        {
            if (sourceArray == null) throw new ArgumentNullException(nameof(sourceArray));
            if (destinationArray == null) throw new ArgumentNullException(nameof(destinationArray));
            if (length < 0) throw new ArgumentOutOfRangeException(nameof(length), "Non-negative number required.");
            if (sourceIndex < 0) throw new ArgumentOutOfRangeException(nameof(sourceIndex), "Non-negative number required.");
            if (destinationIndex < 0) throw new ArgumentOutOfRangeException(nameof(destinationIndex), "Non-negative number required.");
            if (sourceArray.Length - sourceIndex < length || destinationArray.Length - destinationIndex < length)
                throw new ArgumentException("Source array was not long enough. Check the source index, length, and the array's lower bounds.");
            MethodTable* sourceType = sourceArray.GetMethodTable();
            MethodTable* destinationType = destinationArray.GetMethodTable();
            if (sourceType != destinationType)
            {
                // Reference arrays of compatible element types copy element by element with store checks.
                if (sourceType->ElementTypeHandle->IsValueType || destinationType->ElementTypeHandle->IsValueType)
                    throw new ArrayTypeMismatchException("Source array type cannot be assigned to destination array type.");
                object[] source = Unsafe.As<object[]>(sourceArray);
                object[] destination = Unsafe.As<object[]>(destinationArray);
                if (source == destination && sourceIndex < destinationIndex)
                    for (int i = length - 1; i >= 0; i--) destination[destinationIndex + i] = source[sourceIndex + i];
                else
                    for (int i = 0; i < length; i++) destination[destinationIndex + i] = source[sourceIndex + i];
                return;
            }
            nuint elementSize = sourceType->ComponentSize;
            Buffer.Memmove(
                ref Unsafe.AddByteOffset(ref destinationArray.GetRawArrayData(), (nuint)destinationIndex * elementSize),
                ref Unsafe.AddByteOffset(ref sourceArray.GetRawArrayData(), (nuint)sourceIndex * elementSize),
                (nuint)length * elementSize);
            if (sourceType->HasPointers)
                Internal.Runtime.GarbageCollection.CardTable.RecordStores(
                    Unsafe.AsPointer(ref Unsafe.AddByteOffset(ref destinationArray.GetRawArrayData(), (nuint)destinationIndex * elementSize)),
                    (nuint)length * elementSize);
        }

        public static unsafe void Clear(Array array)
        {
            if (array == null) throw new ArgumentNullException(nameof(array));
            Clear(array, 0, array.Length);
        }

        public static unsafe void Clear(Array array, int index, int length)
        {
            if (array == null) throw new ArgumentNullException(nameof(array));
            if (index < 0 || length < 0 || index > array.Length - length) throw new IndexOutOfRangeException();
            nuint elementSize = array.GetMethodTable()->ComponentSize;
            SpanHelpers.ClearWithoutReferences(ref Unsafe.AddByteOffset(ref array.GetRawArrayData(), (nuint)index * elementSize), (nuint)length * elementSize);
        }

        public static void Resize<T>(ref T[] array, int newSize)
        {
            if (newSize < 0) throw new ArgumentOutOfRangeException(nameof(newSize), "Non-negative number required.");
            T[] larger = array;
            if (larger == null) { array = new T[newSize]; return; }
            if (larger.Length == newSize) return;
            T[] resized = new T[newSize];
            Copy(larger, resized, larger.Length < newSize ? larger.Length : newSize);
            array = resized;
        }

        public IEnumerator GetEnumerator() => new ArrayEnumerator(this);

        internal virtual object GetBoxedValue(int index) => throw new NotSupportedException();

        private sealed class ArrayEnumerator : IEnumerator
        {
            private readonly Array _array;
            private int _index = -1;
            public ArrayEnumerator(Array array) { _array = array; }
            public object Current => _array.GetBoxedValue(_index);
            public bool MoveNext() => ++_index < _array.Length;
            public void Reset() => _index = -1;
        }
    }

    // ilc uses Array<T> as the shape of every T[]: generic interfaces implemented here are the
    // interfaces of T[] (so an int[] is an IList<int> and IEnumerable<int>).
    internal class Array<T> : Array, IList<T>, IReadOnlyList<T>
    {
        public new IEnumerator<T> GetEnumerator() => new SZGenericArrayEnumerator<T>(Unsafe.As<T[]>(this));
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        internal override object GetBoxedValue(int index) => Unsafe.As<T[]>(this)[index];

        public int Count => Length;
        public bool IsReadOnly => true;

        public T this[int index]
        {
            get => Unsafe.As<T[]>(this)[index];
            set => Unsafe.As<T[]>(this)[index] = value;
        }

        public int IndexOf(T item) => Array.IndexOf(Unsafe.As<T[]>(this), item);
        public bool Contains(T item) => IndexOf(item) >= 0;
        public void CopyTo(T[] array, int arrayIndex) => Copy(this, 0, array, arrayIndex, Length);
        public void Add(T item) => throw new NotSupportedException("Collection was of a fixed size.");
        public void Clear() => throw new NotSupportedException("Collection is read-only.");
        public void Insert(int index, T item) => throw new NotSupportedException("Collection was of a fixed size.");
        public bool Remove(T item) => throw new NotSupportedException("Collection was of a fixed size.");
        public void RemoveAt(int index) => throw new NotSupportedException("Collection was of a fixed size.");
    }

    internal sealed class SZGenericArrayEnumerator<T> : IEnumerator<T>
    {
        private readonly T[] _array;
        private int _index = -1;
        public SZGenericArrayEnumerator(T[] array) { _array = array; }
        public T Current => _array[_index];
        object IEnumerator.Current => Current;
        public bool MoveNext() => ++_index < _array.Length;
        public void Reset() => _index = -1;
        public void Dispose() { }
    }

    internal static class EmptyArray<T>
    {
        internal static readonly T[] Value = new T[0];
    }
}
