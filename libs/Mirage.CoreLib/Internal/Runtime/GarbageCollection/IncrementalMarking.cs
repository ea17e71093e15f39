using System.Runtime.CompilerServices;

namespace Internal.Runtime.GarbageCollection
{
    /// <summary>
    /// The old generation's marking, spread over the program's allocations instead of one pause
    /// (mostly-parallel marking, run in slices on the one CPU): a cycle finds which old objects
    /// are still reachable, in a mark bitmap of its own, while minor collections go on using the
    /// sticky mark bits as the generations.
    /// <list type="number">
    /// <item><b>Begin</b>, at the start of a minor collection once a full one is due: the cycle's
    /// bitmap is cleared; that collection's root scan makes the old objects it reaches
    /// <em>grey</em> (marked for the cycle, on the grey stack).</item>
    /// <item><b>Slices</b>, each time the allocator takes a new run or a large object: marking
    /// work in proportion to the bytes allocated since the last slice (<see cref="Step"/>) —
    /// scan grey objects (large arrays a few KiB at a time), grey the old objects they refer to.
    /// Young objects are left alone: a minor collection marks the ones that survive for the
    /// cycle too and sets their cards in the cycle's cards (<see cref="Promoted"/>), where the
    /// cycle scans them; those that die need nothing.</item>
    /// <item><b>Stores during the cycle</b>: the write barriers set a card for every reference
    /// stored into the heap; each collection adds the card table into the cycle's own cards
    /// (<see cref="CycleCards"/>, a mod-union table) before cleaning it. Once no grey object is left,
    /// slices <em>preclean</em>: they clean the cycle's cards and rescan the marked objects in
    /// them, so that the final pause has little left.</item>
    /// <item><b>Finish</b>, in the next collection once marking is done: that minor collection
    /// marks the young survivors and greys the old objects the roots reach; then the marked
    /// objects in every card dirtied since the cycle began (or since precleaning) are rescanned
    /// and the grey stack drained. The cycle's bitmap becomes the mark bitmap and the whole heap
    /// is swept: old objects it did not mark are dead.</item>
    /// </list>
    /// Why nothing reachable is missed: an object the cycle marked was scanned after it was
    /// marked; a reference it holds at the end was either there then (and its target got
    /// marked) or stored since, and then its card is dirty in the card table or the cycle's
    /// cards, whose marked objects the final pause rescans. Roots are rescanned in that pause.
    /// Objects allocated during the cycle are marked by the collection that promotes them.
    /// What died during the cycle after being marked (floating garbage) waits for the next one.
    /// <see cref="GcHeap.Collect()"/> (<c>GC.Collect</c>, or an allocation that still fails)
    /// abandons a cycle under way and marks everything in one pause.
    /// </summary>
    internal static unsafe class IncrementalMarking
    {
        /// <summary>A cycle is under way: collections mark for it too and add their cards to it.</summary>
        internal static bool Active;
        /// <summary>Nothing is left to mark but what the finishing collection rescans.</summary>
        internal static bool ReadyToFinish;
        /// <summary>The cycle's mark bitmap (one bit per granule, as <see cref="GcHeap.MarkBits"/>); the two swap when a cycle finishes.</summary>
        internal static uint* CycleMarkBits;
        /// <summary>Per page: bytes of the objects the cycle marked that start in it (swaps with <see cref="GcHeap.PageLiveBytes"/>).</summary>
        internal static uint* CyclePageLiveBytes;
        /// <summary>A byte per card: set when the card was dirty at a collection during the cycle.</summary>
        internal static byte* CycleCards;
        /// <summary>Bytes in the objects the cycle has marked.</summary>
        internal static nuint MarkedBytes;

        /// <summary>A large object's references are scanned this many bytes per grey-stack entry, so a slice never scans a huge array at once.</summary>
        private const nuint ScanPiece = 4096;
        /// <summary>Allocation between slices: fewer, larger slices cost fewer clock reads.</summary>
        private const ulong SliceAllocation = 32 * 1024;

        /// <summary>
        /// Work is counted in bytes scanned for references, plus this much per object marked
        /// (marking a small object without references costs about as much as scanning 64 bytes)
        /// and per card or bitmap word looked at.
        /// </summary>
        private const long ObjectCost = 64;
        private const long CardCost = 8;
        /// <summary>Dirty cards visited between two looks at the grey stack (precleaning), so that it cannot overflow from one long run of them.</summary>
        private const nuint PrecleanCards = 8;

        /// <summary>Work left in the slice under way.</summary>
        private static long s_budget;
        private static bool s_overflowed;
        /// <summary>Next page of a pass rescanning every marked object after the grey stack overflowed; <see cref="GcHeap.PageCount"/> when none is under way.</summary>
        private static nuint s_rescanPage;
        private static nuint s_precleanCard;
        private static ulong s_allocatedAtLastStep;
        private static ulong s_allocatedAtBegin;
        /// <summary>Marking work (bytes scanned or marked) per 256 bytes allocated.</summary>
        private static ulong s_workPer256Allocated;
        /// <summary>Bytes allocated after which a cycle not yet done is finished by the next collection anyway, its remaining work in that pause.</summary>
        private static ulong s_horizon;

        internal static void Initialize(uint* markBits, uint* pageLiveBytes, byte* cards)
        {
            CycleMarkBits = markBits;
            CyclePageLiveBytes = pageLiveBytes;
            CycleCards = cards;
        }

        /// <summary>Starts a cycle; called by a minor collection before it marks.</summary>
        internal static void Begin(ulong allocatedTotal)
        {
            nuint wordsPerPage = (GcHeap.PageSize >> GcHeap.GranuleShift) / 32;
            Platform.Platform.FillMemory(CycleMarkBits + GcHeap.FirstUsablePage * wordsPerPage, 0, (GcHeap.PageCount - GcHeap.FirstUsablePage) * wordsPerPage * sizeof(uint));
            Platform.Platform.FillMemory(CyclePageLiveBytes, 0, GcHeap.PageCount * sizeof(uint));
            Platform.Platform.FillMemory(CycleCards, 0, CardTable.CardCount);
            Marker.ClearGrey();
            MarkedBytes = 0;
            s_overflowed = false;
            s_rescanPage = GcHeap.PageCount;
            s_precleanCard = GcHeap.FirstUsablePage * CardTable.CardsPerPage;
            s_allocatedAtLastStep = s_allocatedAtBegin = allocatedTotal;
            // Pace: as much work as the old objects' bytes (see ObjectCost) done within half the
            // horizon, which is a quarter of the heap or half its free space, whichever is smaller.
            ulong capacity = GcHeap.CapacityBytes;
            ulong old = GcHeap.LiveBytesAfterCollection;
            ulong free = capacity > old ? capacity - old : 0;
            ulong horizon = capacity / 4 < free / 2 ? capacity / 4 : free / 2;
            if (horizon < capacity / 32) horizon = capacity / 32;
            s_horizon = horizon;
            s_workPer256Allocated = 2 * old * 256 / horizon + 256;
            Active = true;
            ReadyToFinish = false;
        }

        /// <summary>Abandons the cycle under way (a stop-the-world full collection replaces it).</summary>
        internal static void Abort()
        {
            Active = false;
            ReadyToFinish = false;
            Marker.ClearGrey();
        }

        /// <summary>Whether the collection about to run should finish the cycle: marking is done, or the cycle has run past its horizon.</summary>
        internal static bool ShouldFinish(ulong allocatedTotal) => Active && (ReadyToFinish || allocatedTotal - s_allocatedAtBegin >= s_horizon);

        /// <summary>A slice of marking, from the allocator's slow path, sized by what was allocated since the last one.</summary>
        internal static void Step(ulong allocatedTotal)
        {
            ulong allocated = allocatedTotal - s_allocatedAtLastStep;
            if (allocated < SliceAllocation || ReadyToFinish) return;
            // A large allocation must not buy one long slice: the rest is owed to the next
            // slices (then one per new run until paid).
            if (allocated > 2 * SliceAllocation) allocated = 2 * SliceAllocation;
            s_allocatedAtLastStep += allocated;
            long started = Platform.Platform.MonotonicNanoseconds();
            GcHeap.Collecting = true;
            s_budget = (long)(allocated * s_workPer256Allocated / 256);
            if (!Work(preclean: true)) ReadyToFinish = true;
            GcHeap.Collecting = false;
            HeapStatistics.RecordSlice(Platform.Platform.MonotonicNanoseconds() - started);
        }

        /// <summary>Adds the card table into the cycle's cards; every collection during the cycle does it before the table is cleaned.</summary>
        internal static void KeepCards()
        {
            nuint* from = (nuint*)CardTable.Cards;
            nuint* into = (nuint*)CycleCards;
            nuint words = CardTable.CardCount / (nuint)sizeof(nuint);
            for (nuint i = (GcHeap.FirstUsablePage * CardTable.CardsPerPage) / (nuint)sizeof(nuint); i < words; i++)
            {
                nuint dirty = from[i];
                if (dirty != 0) into[i] |= dirty;
            }
        }

        /// <summary>
        /// Ends the cycle in the finishing collection, after that (minor) collection's marking:
        /// rescans the marked objects in every card dirtied during the cycle, marks what is left,
        /// and makes the cycle's bitmap the mark bitmap. The caller then sweeps the whole heap.
        /// </summary>
        internal static void Finish()
        {
            KeepCards();
            s_precleanCard = GcHeap.FirstUsablePage * CardTable.CardsPerPage;
            s_budget = long.MaxValue;
            Work(preclean: true);

            uint* bits = GcHeap.MarkBits;
            GcHeap.MarkBits = CycleMarkBits;
            CycleMarkBits = bits;
            uint* live = GcHeap.PageLiveBytes;
            GcHeap.PageLiveBytes = CyclePageLiveBytes;
            CyclePageLiveBytes = live;
            Active = false;
            ReadyToFinish = false;
        }

        /// <summary>Marking work up to the budget; false once nothing is left (grey objects, overflow rescans, precleaning).</summary>
        private static bool Work(bool preclean)
        {
            while (s_budget > 0)
            {
                if (Marker.HasGrey)
                {
                    ScanGrey();
                }
                else if (s_rescanPage < GcHeap.PageCount)
                {
                    RescanPage();
                }
                else if (s_overflowed)
                {
                    // Some marked objects were not pushed: a pass over every marked object
                    // scans them (and, harmlessly, the others again).
                    s_overflowed = false;
                    s_rescanPage = GcHeap.FirstUsablePage;
                }
                else if (preclean && s_precleanCard < CardTable.CardCount)
                {
                    nuint from = s_precleanCard;
                    CardTable.LastRunCards = 0;
                    s_precleanCard = CardTable.VisitNextDirtyRun<CycleVisitor>(CycleCards, from, CardTable.CardCount, CycleMarkBits, clear: true, PrecleanCards);
                    // A clean card costs a byte compare (eight at a time), a dirty one a look at 512 bytes.
                    s_budget -= (long)((s_precleanCard - from) / 8 + CardTable.LastRunCards * (1 << CardTable.CardShift));
                }
                else
                {
                    return false;
                }
            }
            return true;
        }

        private static void ScanGrey()
        {
            while (s_budget > 0 && Marker.HasGrey)
            {
                nuint entry = Marker.PopGrey();
                byte* obj;
                nuint from = 0;
                if ((entry & 1) != 0)
                {
                    // The rest of a large object: {object + 1, offset} (offset below).
                    obj = (byte*)(entry - 1);
                    from = Marker.PopGrey();
                }
                else
                {
                    obj = (byte*)entry;
                }
                nuint size = GcHeap.ObjectSize(obj);
                nuint to = size;
                if (size - from > ScanPiece)
                {
                    to = from + ScanPiece;
                    if (Marker.GreyRoom >= 2)
                    {
                        Marker.PushGrey(to);
                        Marker.PushGrey((nuint)obj + 1);
                    }
                    else
                    {
                        // The overflow rescan visits the whole object.
                        s_overflowed = true;
                    }
                }
                ReferenceMap.VisitReferences<CycleVisitor>(obj, obj + from, obj + to);
                s_budget -= (long)(to - from);
            }
        }

        /// <summary>Scans the objects the cycle marked in one chunk (a small-object block or a large object) of an overflow rescan pass.</summary>
        private static void RescanPage()
        {
            nuint page = s_rescanPage;
            byte kind = GcHeap.PageKinds[page];
            if ((kind != (byte)PageKind.SmallObjects && kind != (byte)PageKind.LargeObject) || GcHeap.ChunkStarts[page] != page)
            {
                s_rescanPage = page + 1;
                s_budget -= CardCost;
                return;
            }
            nuint wordCount = kind == (byte)PageKind.SmallObjects ? (GcHeap.BlockSize >> GcHeap.GranuleShift) / 32 : 1;
            nuint firstWord = page << (GcHeap.PageShift - GcHeap.GranuleShift - 5);
            s_budget -= (long)wordCount * CardCost;
            for (nuint word = firstWord; word < firstWord + wordCount; word++)
            {
                uint marked = GcHeap.StartBits[word] & CycleMarkBits[word];
                while (marked != 0)
                {
                    int bit = Marker.LowestBit(marked);
                    marked &= marked - 1;
                    byte* obj = GcHeap.Base + (((word << 5) + (nuint)bit) << GcHeap.GranuleShift);
                    s_budget -= ObjectCost;
                    if (!(*(MethodTable**)obj)->HasPointers) continue;
                    ReferenceMap.VisitReferences<CycleVisitor>(obj);
                    s_budget -= (long)GcHeap.ObjectSize(obj);
                }
            }
            s_rescanPage = kind == (byte)PageKind.SmallObjects
                ? page + GcHeap.BlockPages
                : page + ((GcHeap.ObjectSize(GcHeap.Base + (page << GcHeap.PageShift)) + GcHeap.PageSize - 1) >> GcHeap.PageShift);
        }

        /// <summary>
        /// Marks an old object for the cycle and queues it for scanning (a collection found it
        /// from a root or a young object, or the cycle from a marked object).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static void Grey(byte* obj, nuint word, uint bit)
        {
            uint* markWord = CycleMarkBits + word;
            if ((*markWord & bit) != 0) return;
            *markWord |= bit;
            s_budget -= ObjectCost;
            nuint size = GcHeap.ObjectSize(obj);
            MarkedBytes += size;
            CyclePageLiveBytes[(nuint)(obj - GcHeap.Base) >> GcHeap.PageShift] += (uint)size;
            if (!(*(MethodTable**)obj)->HasPointers) return;
            if (!Marker.PushGrey((nuint)obj)) s_overflowed = true;
        }

        /// <summary>An old object a root reaches (a collection's root scan during the cycle).</summary>
        internal static void GreyRoot(byte* obj)
        {
            nuint granule = (nuint)(obj - GcHeap.Base) >> GcHeap.GranuleShift;
            Grey(obj, granule >> 5, 1u << (int)(granule & 31));
        }

        /// <summary>
        /// A young object a collection promotes during the cycle: marked for the cycle, and its
        /// cards set in the cycle's cards, so that precleaning or the finishing pause scans it
        /// for old objects it refers to (no grey-stack entry per promoted object).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static void Promoted(byte* obj, nuint word, uint bit, nuint size)
        {
            uint* markWord = CycleMarkBits + word;
            if ((*markWord & bit) != 0) return;
            *markWord |= bit;
            MarkedBytes += size;
            CyclePageLiveBytes[(nuint)(obj - GcHeap.Base) >> GcHeap.PageShift] += (uint)size;
            if (!(*(MethodTable**)obj)->HasPointers) return;
            nuint offset = (nuint)(obj - GcHeap.Base);
            nuint last = (offset + size - 1) >> CardTable.CardShift;
            for (nuint card = offset >> CardTable.CardShift; card <= last; card++) CycleCards[card] = 1;
        }

        /// <summary>The cycle's marking of what a marked object refers to: old objects turn grey, young ones are the collections' business.</summary>
        internal struct CycleVisitor : IReferenceVisitor
        {
            public void Visit(byte* holder, nuint* slot)
            {
                byte* target = (byte*)*slot;
                nuint offset = (nuint)(target - GcHeap.Base);
                if (offset >= GcHeap.Size) return;
                nuint granule = offset >> GcHeap.GranuleShift;
                nuint word = granule >> 5;
                uint bit = 1u << (int)(granule & 31);
                if ((offset & 7) != 0 || (GcHeap.StartBits[word] & bit) == 0) HeapStatistics.Corruption(holder, slot, target);
                if ((GcHeap.MarkBits[word] & bit) == 0) return;
                Grey(target, word, bit);
            }
        }
    }
}
