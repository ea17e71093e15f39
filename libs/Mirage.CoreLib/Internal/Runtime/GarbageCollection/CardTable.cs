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
            nuint card = GcHeap.FirstUsablePage * CardsPerPage;
            while (card < CardCount) card = VisitNextDirtyRun<Marker.CollectionVisitor>(Cards, card, CardCount, GcHeap.MarkBits, clear: false, nuint.MaxValue);
        }

        /// <summary>
        /// Finds the first run of dirty cards of <paramref name="cards"/> (this table or the
        /// incremental cycle's) in [<paramref name="card"/>, <paramref name="end"/>), cleans it
        /// when asked (before visiting: a store made later dirties it again), and visits the
        /// reference slots inside it of the objects marked in <paramref name="liveBits"/>; at
        /// most <paramref name="maximumCards"/> of the run (the rest waits for the next call).
        /// Returns the card after those visited, or <paramref name="end"/> when none is dirty.
        /// </summary>
        /// <summary>How many dirty cards the last <see cref="VisitNextDirtyRun"/> visited.</summary>
        internal static nuint LastRunCards;

        internal static nuint VisitNextDirtyRun<TVisitor>(byte* cards, nuint card, nuint end, uint* liveBits, bool clear, nuint maximumCards) where TVisitor : struct, IReferenceVisitor
        {
            while (card < end)
            {
                // Clean cards sixteen at a time (the tables are 8-byte aligned).
                if ((card & 15) == 0 && card + 16 <= end && (((ulong*)(cards + card))[0] | ((ulong*)(cards + card))[1]) == 0)
                {
                    card += 16;
                    continue;
                }
                if (cards[card] == 0)
                {
                    card++;
                    continue;
                }
                nuint first = card;
                while (card < end && cards[card] != 0 && card - first < maximumCards)
                {
                    if (clear) cards[card] = 0;
                    card++;
                }
                VisitRange<TVisitor>(GcHeap.Base + (first << CardShift), GcHeap.Base + (card << CardShift), liveBits);
                LastRunCards = card - first;
                return card;
            }
            return end;
        }

        private static void VisitRange<TVisitor>(byte* low, byte* high, uint* liveBits) where TVisitor : struct, IReferenceVisitor
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
                    VisitIfLive<TVisitor>(chunk, address, chunkEnd < high ? chunkEnd : high, liveBits);
                    address = chunkEnd;
                }
                else if (kind == (byte)PageKind.SmallObjects)
                {
                    byte* blockEnd = chunk + GcHeap.BlockSize;
                    byte* segmentEnd = blockEnd < high ? blockEnd : high;
                    byte* straddling = Marker.FindObjectContaining(address);
                    if (straddling != null && straddling < address) VisitIfLive<TVisitor>(straddling, address, segmentEnd, liveBits);
                    VisitLiveObjectsStartingIn<TVisitor>(address, segmentEnd, liveBits);
                    address = segmentEnd;
                }
                else
                {
                    address = GcHeap.Base + ((page + 1) << GcHeap.PageShift);
                }
            }
        }

        /// <summary>Objects starting in [<paramref name="low"/>, <paramref name="high"/>) (granule-aligned, one block) with their start and live bits both set.</summary>
        private static void VisitLiveObjectsStartingIn<TVisitor>(byte* low, byte* high, uint* liveBits) where TVisitor : struct, IReferenceVisitor
        {
            nuint firstGranule = (nuint)(low - GcHeap.Base) >> GcHeap.GranuleShift;
            nuint endGranule = (nuint)(high - GcHeap.Base) >> GcHeap.GranuleShift;
            nuint word = firstGranule >> 5;
            nuint endWord = (endGranule + 31) >> 5;
            for (; word < endWord; word++)
            {
                uint live = GcHeap.StartBits[word] & liveBits[word];
                if (word == firstGranule >> 5) live &= 0xFFFFFFFFu << (int)(firstGranule & 31);
                if (word == endGranule >> 5) live &= (1u << (int)(endGranule & 31)) - 1;
                while (live != 0)
                {
                    int bit = Marker.LowestBit(live);
                    live &= live - 1;
                    byte* obj = GcHeap.Base + (((word << 5) + (nuint)bit) << GcHeap.GranuleShift);
                    if ((*(MethodTable**)obj)->HasPointers) ReferenceMap.VisitReferences<TVisitor>(obj, obj, high);
                }
            }
        }

        private static void VisitIfLive<TVisitor>(byte* obj, byte* low, byte* high, uint* liveBits) where TVisitor : struct, IReferenceVisitor
        {
            nuint granule = (nuint)(obj - GcHeap.Base) >> GcHeap.GranuleShift;
            if ((liveBits[granule >> 5] & (1u << (int)(granule & 31))) == 0 || !(*(MethodTable**)obj)->HasPointers) return;
            ReferenceMap.VisitReferences<TVisitor>(obj, low, high);
        }
    }
}
