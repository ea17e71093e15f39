namespace Internal.Runtime.GarbageCollection
{
    /// <summary>
    /// Where an object's references are, read from the GCDesc ilc writes just before each
    /// MethodTable that has pointers (the layout of dotnet/runtime's gcdesc.h, written by ilc's
    /// GCDescEncoder). Counting pointer-sized words back from the MethodTable:
    /// <list type="bullet">
    /// <item>word -1: the series count N.</item>
    /// <item>N &gt; 0 (ordinary objects, arrays of references): N pairs (size, offset) below it;
    /// a series covers <c>size + objectSize</c> bytes from <c>offset</c> (the size is stored
    /// relative to the object's size, so one series covers an array of any length).</item>
    /// <item>N &lt; 0 (arrays of structs holding references): word -2 is the offset of the first
    /// reference; below it -N words, each two half-words (references in a row, bytes to skip),
    /// repeated element after element up to the end of the array.</item>
    /// </list>
    /// </summary>
    internal static unsafe class ReferenceMap
    {
        internal static void VisitReferences<TVisitor>(byte* obj) where TVisitor : struct, IReferenceVisitor
            => VisitReferences<TVisitor>(obj, obj, (byte*)nuint.MaxValue);

        /// <summary>
        /// Visits the reference slots of <paramref name="obj"/> that lie in [<paramref name="low"/>,
        /// <paramref name="high"/>) (dirty cards, or a slice of a large array). The visitor is a
        /// struct type argument so that each kind of marking gets its own compiled loop.
        /// </summary>
        internal static void VisitReferences<TVisitor>(byte* obj, byte* low, byte* high) where TVisitor : struct, IReferenceVisitor
        {
            MethodTable* type = *(MethodTable**)obj;
            nint* descriptor = (nint*)type;
            nint series = descriptor[-1];
            nuint objectSize = type->BaseSize;
            if (type->HasComponentSize) objectSize += (nuint)(*(uint*)(obj + sizeof(nint))) * type->ComponentSize;
            if (series > 0)
            {
                for (nint i = 0; i < series; i++)
                {
                    nint length = descriptor[-3 - 2 * i] + (nint)objectSize;
                    nuint* slot = (nuint*)(obj + descriptor[-2 - 2 * i]);
                    nuint* end = (nuint*)((byte*)slot + length);
                    if (slot < (nuint*)low) slot = (nuint*)low;
                    if (end > (nuint*)high) end = (nuint*)high;
                    for (; slot < end; slot++) default(TVisitor).Visit(obj, slot);
                }
                return;
            }
            nint runs = -series;
            byte* cursor = obj + descriptor[-2];
            byte* dataEnd = obj + objectSize - sizeof(nint);
            if (dataEnd > high) dataEnd = high;
            if (cursor < low)
            {
                // The runs describe one element and repeat every element: skip whole elements.
                nuint elementSize = type->ComponentSize;
                cursor += (nuint)(low - cursor) / elementSize * elementSize;
            }
            while (cursor < dataEnd)
            {
                for (nint i = 0; i < runs; i++)
                {
                    nuint entry = (nuint)descriptor[-3 - i];
                    nuint count, skip;
                    if (sizeof(nint) == 8)
                    {
                        count = entry & 0xFFFFFFFF;
                        skip = entry >> 32;
                    }
                    else
                    {
                        count = entry & 0xFFFF;
                        skip = entry >> 16;
                    }
                    nuint* slot = (nuint*)cursor;
                    for (nuint k = 0; k < count; k++, slot++)
                        if (slot >= (nuint*)low && slot < (nuint*)high) default(TVisitor).Visit(obj, slot);
                    cursor = (byte*)slot + skip;
                }
            }
        }
    }
}
