using System.Runtime.CompilerServices;

namespace System
{
    public static unsafe class Buffer
    {
        // ilc's helper for struct copies that contain references: the copy, then the cards the
        // minor collections need to find old objects that now refer to young ones.
        internal static void BulkMoveWithWriteBarrier(ref byte destination, ref byte source, nuint byteCount)
        {
            SpanHelpers.Memmove(ref destination, ref source, byteCount);
            Internal.Runtime.GarbageCollection.CardTable.RecordStores(Unsafe.AsPointer(ref destination), byteCount);
        }

        internal static void Memmove(ref byte destination, ref byte source, nuint byteCount)
            => SpanHelpers.Memmove(ref destination, ref source, byteCount);

        internal static void CopyBytes(byte* source, byte* destination, uint byteCount)
            => SpanHelpers.Memmove(ref *destination, ref *source, byteCount);

        public static void MemoryCopy(void* source, void* destination, long destinationSizeInBytes, long sourceBytesToCopy)
        {
            if (sourceBytesToCopy > destinationSizeInBytes) throw new ArgumentOutOfRangeException(nameof(sourceBytesToCopy));
            SpanHelpers.Memmove(ref *(byte*)destination, ref *(byte*)source, (nuint)sourceBytesToCopy);
        }

        public static void BlockCopy(Array src, int srcOffset, Array dst, int dstOffset, int count)
        {
            if (src == null) throw new ArgumentNullException(nameof(src));
            if (dst == null) throw new ArgumentNullException(nameof(dst));
            nuint srcLength = (nuint)src.Length * (nuint)src.ElementSize;
            nuint dstLength = (nuint)dst.Length * (nuint)dst.ElementSize;
            if (srcOffset < 0 || dstOffset < 0 || count < 0 || (nuint)srcOffset + (nuint)count > srcLength || (nuint)dstOffset + (nuint)count > dstLength)
                throw new ArgumentException("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            SpanHelpers.Memmove(ref Unsafe.Add(ref dst.GetRawArrayData(), dstOffset), ref Unsafe.Add(ref src.GetRawArrayData(), srcOffset), (nuint)count);
        }
    }

    public readonly struct Index : IEquatable<Index>
    {
        private readonly int _value;
        public Index(int value, bool fromEnd = false)
        {
            if (value < 0) throw new ArgumentOutOfRangeException(nameof(value), "Non-negative number required.");
            _value = fromEnd ? ~value : value;
        }
        private Index(int value) { _value = value; }
        public static Index Start => new Index(0);
        public static Index End => new Index(~0);
        public static Index FromStart(int value) => new Index(value, false);
        public static Index FromEnd(int value) => new Index(value, true);
        public int Value => _value < 0 ? ~_value : _value;
        public bool IsFromEnd => _value < 0;
        public int GetOffset(int length) => _value < 0 ? length + _value + 1 : _value;
        public override bool Equals(object value) => value is Index other && _value == other._value;
        public bool Equals(Index other) => _value == other._value;
        public override int GetHashCode() => _value;
        public static implicit operator Index(int value) => FromStart(value);
        public override string ToString() => IsFromEnd ? "^" + Value.ToString() : Value.ToString();
    }

    public readonly struct Range : IEquatable<Range>
    {
        public Index Start { get; }
        public Index End { get; }
        public Range(Index start, Index end) { Start = start; End = end; }
        public static Range StartAt(Index start) => new Range(start, Index.End);
        public static Range EndAt(Index end) => new Range(Index.Start, end);
        public static Range All => new Range(Index.Start, Index.End);
        public (int Offset, int Length) GetOffsetAndLength(int length)
        {
            int start = Start.GetOffset(length);
            int end = End.GetOffset(length);
            if ((uint)end > (uint)length || (uint)start > (uint)end) throw new ArgumentOutOfRangeException(nameof(length));
            return (start, end - start);
        }
        public override bool Equals(object value) => value is Range other && Equals(other);
        public bool Equals(Range other) => other.Start.Equals(Start) && other.End.Equals(End);
        public override int GetHashCode() => Start.GetHashCode() * 31 + End.GetHashCode();
        public override string ToString() => Start.ToString() + ".." + End.ToString();
    }
}
