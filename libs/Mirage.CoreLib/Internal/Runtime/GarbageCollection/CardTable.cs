namespace Internal.Runtime.GarbageCollection
{
    /// <summary>
    /// The remembered set of the minor collections: one byte per 512-byte card of the heap, set
    /// by the write barriers (<c>RhpAssignRef</c>, <c>RhpCheckedAssignRef</c>,
    /// <c>RhpByRefAssignRef</c> in each platform's boot.S) when a reference is stored into the
    /// heap, and by <see cref="RecordStores"/> after bulk copies that may carry references.
    /// A minor collection visits the reference slots in dirty cards of old (marked) objects:
    /// those are the only places an old object can have picked up a reference to a young one
    /// since the last collection. Every collection ends with every survivor old and the table
    /// clean.
    /// </summary>
    internal static unsafe class CardTable
    {
        internal const int CardShift = 9;
        internal const nuint CardsPerPage = GcHeap.PageSize >> CardShift;

        internal static byte* Cards;
        internal static nuint CardCount;

        internal static void Initialize(byte* cards, nuint count)
        {
            Cards = cards;
            CardCount = count;
            Platform.Platform.SetWriteBarrierTable(GcHeap.Base, GcHeap.Size, cards);
        }

        /// <summary>Marks the cards of [<paramref name="start"/>, +<paramref name="length"/>) when that lies in the heap (memmove-style copies of references).</summary>
        internal static void RecordStores(void* start, nuint length)
        {
            nuint offset = (nuint)((byte*)start - GcHeap.Base);
            if (length == 0 || offset >= GcHeap.Size) return;
            nuint first = offset >> CardShift;
            nuint last = (offset + length - 1) >> CardShift;
            if (last >= CardCount) last = CardCount - 1;
            for (nuint card = first; card <= last; card++) Cards[card] = 1;
        }

        internal static void Clear() => Platform.Platform.FillMemory(Cards, 0, CardCount);

        /// <summary>Marks what old objects' slots in dirty cards refer to (before the roots: at this point only old objects are marked).</summary>
        internal static void MarkReferencesFromOldObjects()
        {
            byte* cards = Cards;
            nuint count = CardCount;
            nuint card = GcHeap.FirstUsablePage * CardsPerPage;
            while (card < count)
            {
                if ((card & (nuint)(sizeof(nuint) - 1)) == 0 && card + (nuint)sizeof(nuint) <= count && *(nuint*)(cards + card) == 0)
                {
                    card += (nuint)sizeof(nuint);
                    continue;
                }
                if (cards[card] == 0)
                {
                    card++;
                    continue;
                }
                nuint first = card;
                while (card < count && cards[card] != 0) card++;
                VisitRange(GcHeap.Base + (first << CardShift), GcHeap.Base + (card << CardShift));
            }
        }

        private static void VisitRange(byte* low, byte* high)
        {
            byte* address = low;
            while (address < high)
            {
                nuint page = (nuint)(address - GcHeap.Base) >> GcHeap.PageShift;
                byte kind = GcHeap.PageKinds[page];
                byte* chunk = GcHeap.Base + ((nuint)GcHeap.ChunkStarts[page] << GcHeap.PageShift);
                if (kind == (byte)PageKind.LargeObject)
                {
                    nuint size = GcHeap.ObjectSize(chunk);
                    byte* chunkEnd = chunk + ((size + GcHeap.PageSize - 1) & ~(GcHeap.PageSize - 1));
                    VisitIfOld(chunk, address, chunkEnd < high ? chunkEnd : high);
                    address = chunkEnd;
                }
                else if (kind == (byte)PageKind.SmallObjects)
                {
                    byte* blockEnd = chunk + GcHeap.BlockSize;
                    byte* segmentEnd = blockEnd < high ? blockEnd : high;
                    byte* straddling = Marker.FindObjectContaining(address);
                    if (straddling != null && straddling < address) VisitIfOld(straddling, address, segmentEnd);
                    VisitOldObjectsStartingIn(address, segmentEnd);
                    address = segmentEnd;
                }
                else
                {
                    address = GcHeap.Base + ((page + 1) << GcHeap.PageShift);
                }
            }
        }

        /// <summary>Old objects starting in [<paramref name="low"/>, <paramref name="high"/>) (granule-aligned, one block): start and mark bits both set.</summary>
        private static void VisitOldObjectsStartingIn(byte* low, byte* high)
        {
            nuint firstGranule = (nuint)(low - GcHeap.Base) >> GcHeap.GranuleShift;
            nuint endGranule = (nuint)(high - GcHeap.Base) >> GcHeap.GranuleShift;
            nuint word = firstGranule >> 5;
            nuint endWord = (endGranule + 31) >> 5;
            for (; word < endWord; word++)
            {
                uint old = GcHeap.StartBits[word] & GcHeap.MarkBits[word];
                if (word == firstGranule >> 5) old &= 0xFFFFFFFFu << (int)(firstGranule & 31);
                if (word == endGranule >> 5) old &= (1u << (int)(endGranule & 31)) - 1;
                while (old != 0)
                {
                    int bit = Marker.LowestBit(old);
                    old &= old - 1;
                    byte* obj = GcHeap.Base + (((word << 5) + (nuint)bit) << GcHeap.GranuleShift);
                    if ((*(MethodTable**)obj)->HasPointers) ReferenceMap.VisitReferences(obj, obj, high);
                }
            }
        }

        private static void VisitIfOld(byte* obj, byte* low, byte* high)
        {
            if (!Marker.IsMarked(obj) || !(*(MethodTable**)obj)->HasPointers) return;
            ReferenceMap.VisitReferences(obj, low, high);
        }
    }
}
