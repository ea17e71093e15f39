using System.Runtime.CompilerServices;

namespace Internal.Runtime.GarbageCollection
{
    /// <summary>
    /// The garbage-collected heap: the memory the platform gives us (the VM's RAM minus the image,
    /// its stacks and the boot loader's data), cut into 4 KiB pages.
    /// <list type="bullet">
    /// <item>Small objects (up to <see cref="LargeObjectThreshold"/>) live in 32 KiB blocks and are
    /// allocated by bumping a pointer through a free run; after a collection the runs are the gaps
    /// between survivors (<see cref="Sweeper"/>).</item>
    /// <item>Large objects get whole pages of their own, so freeing them gives back contiguous
    /// pages and small-object garbage can never fragment the space they need: a block that has
    /// no survivors returns to the free pages too.</item>
    /// <item>Objects never move, so an address is stable for the object's life (identity hash
    /// codes, pointers taken by platform code).</item>
    /// <item>Generations without moving: an object is old once a collection has marked it (its
    /// mark bit stays set); minor collections mark only young objects, from the roots and the
    /// <see cref="CardTable"/>, and full ones start over.</item>
    /// </list>
    /// Side tables at the start of the heap: a kind per page, young and waiting-to-be-swept flags,
    /// the card table, the first page and the live bytes of each page, and two bitmaps with a bit
    /// per 8-byte granule (object starts, marks). See docs/gc.md.
    /// </summary>
    internal static unsafe class GcHeap
    {
        internal const int PageShift = 12;
        internal const nuint PageSize = 1 << PageShift;
        internal const int GranuleShift = 3;
        internal const int BlockPages = 8;
        internal const nuint BlockSize = BlockPages * PageSize;
        internal const nuint LargeObjectThreshold = 8192;
        /// <summary>Gaps smaller than this are not worth a trip through the free list; they come back at the next collection.</summary>
        internal const nuint MinimumFreeRun = 64;

        // Layout (set once by Initialize).
        internal static byte* Base;
        internal static nuint Size;
        internal static nuint PageCount;
        internal static nuint FirstUsablePage;
        internal static byte* PageKinds;
        internal static uint* ChunkStarts;
        internal static uint* StartBits;
        internal static uint* MarkBits;
        /// <summary>Per page, on the first page of a chunk: non-zero when the chunk was allocated into since the last collection (a minor collection sweeps only those).</summary>
        internal static byte* YoungChunks;
        /// <summary>Per page, on the first page of a small-object block: non-zero while the block waits for the allocator to turn its gaps into free runs (<see cref="Sweeper"/>).</summary>
        internal static byte* WaitingBlocks;
        /// <summary>Per page: bytes of the marked objects that start in it (cleared by a full collection; a minor one adds what it promotes).</summary>
        internal static uint* PageLiveBytes;

        // The allocation context: the free run being bumped through.
        private static byte* s_next;
        private static byte* s_limit;
        internal static FreeRun* FreeRuns;
        private static nuint s_lowestFreePage;
        private static nuint s_freePages;
        private static byte* s_permanentNext;
        private static byte* s_permanentLimit;

        // Accounting.
        private static nuint s_handedOutSinceCollection;
        private static nuint s_budget;
        private static nuint s_liveAfterFullCollection;
        private static bool s_fullCollectionDue;
        /// <summary>The old objects fill half the heap: the next collection is a stop-the-world full one.</summary>
        private static bool s_heapCrowded;
        internal static nuint LiveBytesAfterCollection;
        internal static ulong TotalAllocatedBeforeCollection;
        internal static bool Collecting;

        internal static bool IsInitialized => Base != null;

        /// <summary>Lays the heap out; the first allocation or the runtime's start does it, whichever comes first.</summary>
        internal static void Initialize()
        {
            if (IsInitialized) return;
            byte* start = (byte*)(((nuint)Platform.Platform.HeapStart() + PageSize - 1) & ~(PageSize - 1));
            byte* end = (byte*)((nuint)Platform.Platform.HeapEnd() & ~(PageSize - 1));
            // Asking the platform may run its static constructor, which may allocate: the heap
            // can have been laid out in the meantime.
            if (IsInitialized) return;
            if (end <= start + 64 * PageSize) RuntimeDiagnostics.FailFast("heap too small: the domain needs more memory");
            nuint pages = (nuint)(end - start) >> PageShift;
            nuint bitmapWords = pages * (PageSize >> GranuleShift) / 32;
            nuint markStackEntries = pages * 2 < 2048 ? 2048 : pages * 2;
            nuint cardCount = pages * CardTable.CardsPerPage;
            // Per page: kind, young, waiting, first page, live bytes (and the incremental
            // cycle's); cards (and the cycle's); start, mark and the cycle's mark bitmaps.
            nuint metadata = 3 * pages + 2 * cardCount + 3 * pages * sizeof(uint) + 3 * bitmapWords * sizeof(uint) + markStackEntries * (nuint)sizeof(nint) + 64;
            nuint metadataPages = (metadata + PageSize - 1) >> PageShift;

            Base = start;
            Size = pages << PageShift;
            PageCount = pages;
            FirstUsablePage = metadataPages;
            Platform.Platform.FillMemory(start, 0, metadataPages << PageShift);
            byte* cursor = start;
            PageKinds = cursor; cursor += pages;
            YoungChunks = cursor; cursor += pages;
            WaitingBlocks = cursor; cursor += pages;
            cursor = (byte*)(((nuint)cursor + 7) & ~(nuint)7);
            byte* cards = cursor; cursor += cardCount;
            cursor = (byte*)(((nuint)cursor + 7) & ~(nuint)7);
            byte* cycleCards = cursor; cursor += cardCount;
            cursor = (byte*)(((nuint)cursor + 7) & ~(nuint)7);
            ChunkStarts = (uint*)cursor; cursor += pages * sizeof(uint);
            PageLiveBytes = (uint*)cursor; cursor += pages * sizeof(uint);
            uint* cyclePageLiveBytes = (uint*)cursor; cursor += pages * sizeof(uint);
            StartBits = (uint*)cursor; cursor += bitmapWords * sizeof(uint);
            MarkBits = (uint*)cursor; cursor += bitmapWords * sizeof(uint);
            uint* cycleMarkBits = (uint*)cursor; cursor += bitmapWords * sizeof(uint);
            IncrementalMarking.Initialize(cycleMarkBits, cyclePageLiveBytes, cycleCards);
            Marker.Initialize((nuint*)(((nuint)cursor + 7) & ~(nuint)7), markStackEntries);
            for (nuint page = 0; page < metadataPages; page++) PageKinds[page] = (byte)PageKind.Metadata;
            CardTable.Initialize(cards, cardCount);
            s_lowestFreePage = FirstUsablePage;
            s_freePages = PageCount - FirstUsablePage;
            s_budget = CapacityBytes / 16;
        }

        /// <summary>Bytes the heap can hand out (its pages minus its side tables).</summary>
        internal static nuint CapacityBytes => (PageCount - FirstUsablePage) << PageShift;

        /// <summary>Bytes in objects allocated since the last collection (the rest of the current run excluded).</summary>
        internal static nuint AllocatedSinceCollection => s_handedOutSinceCollection - (nuint)(s_limit - s_next);

        /// <summary>Bytes in objects allocated since boot.</summary>
        internal static ulong TotalAllocated => TotalAllocatedBeforeCollection + AllocatedSinceCollection;

        /// <summary>
        /// <paramref name="size"/> zeroed bytes (a multiple of 8) for an object whose MethodTable
        /// the caller stores; collects or fails with heap statistics when memory runs out.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static byte* AllocateObject(nuint size)
        {
            byte* result = s_next;
            if (size <= (nuint)(s_limit - result))
            {
                s_next = result + size;
                MarkObjectStart(result);
                return result;
            }
            return AllocateSlow(size);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static void MarkObjectStart(byte* obj)
        {
            nuint granule = (nuint)(obj - Base) >> GranuleShift;
            StartBits[granule >> 5] |= 1u << (int)(granule & 31);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static byte* AllocateSlow(nuint size)
        {
            if (!IsInitialized) Initialize();
            if (Collecting)
            {
                // Let the exit path allocate (it flushes the console): the heap is abandoned anyway.
                Collecting = false;
                RuntimeDiagnostics.FailFast("allocation during garbage collection");
            }
            if (IncrementalMarking.Active) IncrementalMarking.Step(TotalAllocated);
            bool collected = false, collectedFully = false;
            while (true)
            {
                if (!collected && s_handedOutSinceCollection >= s_budget)
                {
                    Collect(full: false);
                    collected = true;
                }
                byte* result = size > LargeObjectThreshold ? AllocateLarge(size) : AllocateFromNewRun(size);
                if (result != null) return result;
                if (collectedFully) HeapStatistics.OutOfMemory(size);
                Collect(full: true);
                collected = collectedFully = true;
            }
        }

        private static byte* AllocateFromNewRun(nuint size)
        {
            // A medium object that does not fit what is left of a still-roomy run takes the first
            // gap that fits, so the run keeps serving the small objects that follow.
            if (size > 1024 && (nuint)(s_limit - s_next) >= 256)
            {
                byte* fitted = TakeFirstFit(size);
                if (fitted != null)
                {
                    MarkYoung(fitted);
                    MarkObjectStart(fitted);
                    return fitted;
                }
            }
            do
            {
                while (FreeRuns != null)
                {
                    FreeRun* run = FreeRuns;
                    FreeRuns = run->Next;
                    nuint length = run->Length;
                    if (length < size)
                    {
                        // Too small for this one: the next collection sweeps its block again.
                        MarkYoung((byte*)run);
                        continue;
                    }
                    StartRun((byte*)run, length);
                    return AllocateObject(size);
                }
            }
            while (Sweeper.SweepNextBlock(dense: false));
            // With half the heap's pages or more in use, fill the gaps of dense blocks before
            // taking free pages: those pages are what large objects need.
            if (s_freePages * 2 < PageCount - FirstUsablePage && FitInDenseBlock(size)) return AllocateFromNewRun(size);
            byte* block = AllocatePages(BlockPages, PageKind.SmallObjects);
            if (block == null) return FitInDenseBlock(size) ? AllocateFromNewRun(size) : null;
            StartRun(block, BlockSize);
            return AllocateObject(size);
        }

        /// <summary>Sweeps dense blocks until the free runs hold one of <paramref name="size"/> bytes.</summary>
        private static bool FitInDenseBlock(nuint size)
        {
            while (Sweeper.SweepNextBlock(dense: true))
            {
                for (FreeRun* run = FreeRuns; run != null; run = run->Next)
                    if (run->Length >= size) return true;
                // None fits: the next collection sweeps the block again rather than lose its gaps.
                if (FreeRuns != null) MarkYoung((byte*)FreeRuns);
            }
            return false;
        }

        private static void StartRun(byte* start, nuint length)
        {
            MarkYoung(start);
            Platform.Platform.FillMemory(start, 0, length);
            s_next = start;
            s_limit = start + length;
            s_handedOutSinceCollection += length;
        }

        private static byte* TakeFirstFit(nuint size)
        {
            FreeRun* previous = null;
            for (FreeRun* run = FreeRuns; run != null; previous = run, run = run->Next)
            {
                nuint length = run->Length;
                if (length < size) continue;
                FreeRun* next = run->Next;
                if (length - size >= MinimumFreeRun)
                {
                    FreeRun* remainder = (FreeRun*)((byte*)run + size);
                    remainder->Next = next;
                    remainder->Length = length - size;
                    next = remainder;
                }
                else
                {
                    size = length;
                }
                if (previous == null) FreeRuns = next;
                else previous->Next = next;
                Platform.Platform.FillMemory(run, 0, size);
                s_handedOutSinceCollection += size;
                return (byte*)run;
            }
            return null;
        }

        private static byte* AllocateLarge(nuint size)
        {
            nuint pages = (size + PageSize - 1) >> PageShift;
            byte* result = AllocatePages(pages, PageKind.LargeObject);
            if (result == null) return null;
            Platform.Platform.FillMemory(result, 0, pages << PageShift);
            MarkYoung(result);
            s_handedOutSinceCollection += size;
            MarkObjectStart(result);
            return result;
        }

        private static void MarkYoung(byte* address)
        {
            YoungChunks[ChunkStarts[(nuint)(address - Base) >> PageShift]] = 1;
        }

        /// <summary>Memory the runtime keeps for the life of the unikernel and that holds no references (interface-dispatch caches).</summary>
        internal static void* AllocatePermanent(nuint size)
        {
            if (!IsInitialized) Initialize();
            size = (size + 7) & ~(nuint)7;
            if (size > (nuint)(s_permanentLimit - s_permanentNext))
            {
                nuint pages = (size + PageSize - 1) >> PageShift;
                byte* chunk = AllocatePages(pages, PageKind.Permanent);
                if (chunk == null) HeapStatistics.OutOfMemory(size);
                Platform.Platform.FillMemory(chunk, 0, pages << PageShift);
                s_permanentNext = chunk;
                s_permanentLimit = chunk + (pages << PageShift);
            }
            byte* result = s_permanentNext;
            s_permanentNext += size;
            return result;
        }

        /// <summary>
        /// Claims <paramref name="count"/> contiguous free pages, or returns null. Small-object
        /// blocks and permanent memory take the lowest free pages, large objects the best-fitting
        /// free range (highest first on ties): long-lived small blocks then gather at the bottom
        /// and the large free ranges at the top stay whole.
        /// </summary>
        private static byte* AllocatePages(nuint count, PageKind kind)
        {
            nuint found = kind == PageKind.LargeObject ? FindBestFit(count) : FindLowest(count);
            if (found == 0) return null;
            s_freePages -= count;
            for (nuint page = found; page < found + count; page++)
            {
                PageKinds[page] = (byte)kind;
                ChunkStarts[page] = (uint)found;
            }
            return Base + (found << PageShift);
        }

        private static nuint FindLowest(nuint count)
        {
            nuint run = 0, firstFree = 0;
            for (nuint page = s_lowestFreePage; page < PageCount; page++)
            {
                if (PageKinds[page] != (byte)PageKind.Free) { run = 0; continue; }
                if (firstFree == 0) firstFree = page;
                if (++run < count) continue;
                nuint found = page + 1 - count;
                // Remember the lowest page that may still be free for the next search.
                s_lowestFreePage = firstFree == found ? found + count : firstFree;
                return found;
            }
            return 0;
        }

        private static nuint FindBestFit(nuint count)
        {
            nuint best = 0, bestLength = nuint.MaxValue;
            nuint page = PageCount;
            while (page > FirstUsablePage)
            {
                if (PageKinds[page - 1] != (byte)PageKind.Free) { page--; continue; }
                nuint end = page;
                while (page > FirstUsablePage && PageKinds[page - 1] == (byte)PageKind.Free) page--;
                nuint length = end - page;
                if (length >= count && length < bestLength)
                {
                    // The top of the range: what is left stays next to the free pages below.
                    best = end - count;
                    bestLength = length;
                    if (length == count) break;
                }
            }
            return best;
        }

        internal static void FreePages(nuint first, nuint count)
        {
            for (nuint page = first; page < first + count; page++) PageKinds[page] = (byte)PageKind.Free;
            s_freePages += count;
            if (first < s_lowestFreePage) s_lowestFreePage = first;
        }

        /// <summary>Survived a collection (marked), or lives outside the heap (frozen in the image).</summary>
        internal static bool IsOld(object obj)
        {
            if (obj == null) throw new System.ArgumentNullException(nameof(obj));
            byte* address = *(byte**)Unsafe.AsPointer(ref obj);
            if ((nuint)(address - Base) >= Size) return true;
            return Marker.IsMarked(address);
        }

        /// <summary>Size in bytes an object occupies in the heap (8-byte multiple), from its MethodTable.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static nuint ObjectSize(byte* obj)
        {
            MethodTable* type = *(MethodTable**)obj;
            nuint size = type->BaseSize;
            if (type->HasComponentSize) size += (nuint)(*(uint*)(obj + sizeof(nint))) * type->ComponentSize;
            return (size + 7) & ~(nuint)7;
        }

        /// <summary>A full collection (<c>GC.Collect</c>, and before giving up on an allocation).</summary>
        internal static void Collect() => Collect(full: true);

        /// <summary>
        /// A collection. A <paramref name="full"/> one stops the world: it abandons an incremental
        /// cycle under way, clears the mark bits, marks from the roots and sweeps the whole heap.
        /// Otherwise it is a minor one: it keeps the marks of the objects that survived earlier
        /// collections (old objects) and marks only what is young, from the roots and from old
        /// objects' dirty cards, and sweeps only the chunks allocated into since. A minor one also
        /// starts an incremental marking of the old objects once a full collection is due, and
        /// finishes it (then sweeps the whole heap) once its slices are done
        /// (<see cref="IncrementalMarking"/>). All leave every survivor marked, that is old (sticky
        /// mark bits, nothing moves).
        /// </summary>
        internal static void Collect(bool full)
        {
            if (!IsInitialized) Initialize();
            if (Collecting)
            {
                Collecting = false;
                RuntimeDiagnostics.FailFast("garbage collection re-entered");
            }
            Collecting = true;
            long started = Platform.Platform.MonotonicNanoseconds();
            TotalAllocatedBeforeCollection += AllocatedSinceCollection;
            s_next = null;
            s_limit = null;
            // Old objects filling half the heap: what is wanted is everything dead freed at once
            // (fragmentation, not the pause), so that full collection stops the world.
            if (s_heapCrowded) full = true;
            if (full && IncrementalMarking.Active) IncrementalMarking.Abort();
            bool finishCycle = !full && IncrementalMarking.ShouldFinish(TotalAllocatedBeforeCollection);
            if (!full && !IncrementalMarking.Active && s_fullCollectionDue) IncrementalMarking.Begin(TotalAllocatedBeforeCollection);
            bool sweepAll = full || finishCycle;
            // Free runs in chunks nobody allocated from are still free and a minor collection
            // does not sweep those chunks again: keep them. Runs in young chunks go: those blocks
            // are swept again.
            FreeRun* kept = sweepAll ? null : RunsOutsideYoungChunks();
            FreeRuns = null;
            if (full)
            {
                ClearMarks();
                FillMemory(PageLiveBytes, PageCount * sizeof(uint));
            }
            Marker.MarkFromRoots(full);
            if (finishCycle) IncrementalMarking.Finish();
            GCHandleTable.ClearUnreachableWeakTargets();
            Sweeper.SweepDead(sweepAll);
            FreeRuns = kept;
            if (finishCycle) LiveBytesAfterCollection = IncrementalMarking.MarkedBytes;
            else LiveBytesAfterCollection = (full ? 0 : LiveBytesAfterCollection) + Marker.MarkedBytes;
            if (sweepAll) s_liveAfterFullCollection = LiveBytesAfterCollection;
            Platform.Platform.FillMemory(YoungChunks, 0, PageCount);
            if (IncrementalMarking.Active) IncrementalMarking.KeepCards();
            CardTable.Clear();
            s_budget = NextNurseryBudget(sweepAll ? 0 : Marker.MarkedBytes, s_handedOutSinceCollection);
            s_handedOutSinceCollection = 0;
            // Old objects that died are only found by a full collection: an incremental cycle is
            // due once the old objects have doubled since the last (and grown by an eighth of the
            // heap at least); a stop-the-world one once they fill half the heap: large objects
            // need whole free pages, old small objects scattered over them (nothing moves) are
            // what fragments the heap, and a cycle lets garbage pile up while it runs (the
            // allocation churn test ran out of memory that way).
            nuint grown = LiveBytesAfterCollection - s_liveAfterFullCollection;
            nuint growthAllowed = s_liveAfterFullCollection > CapacityBytes / 8 ? s_liveAfterFullCollection : CapacityBytes / 8;
            s_heapCrowded = LiveBytesAfterCollection > CapacityBytes / 2;
            s_fullCollectionDue = grown >= growthAllowed || s_heapCrowded;
            HeapStatistics.RecordCollection(Platform.Platform.MonotonicNanoseconds() - started, sweepAll);
            Collecting = false;
        }

        /// <summary>
        /// Bytes to allocate before the next collection: a sixteenth of the heap, unless what the
        /// last minor collection promoted says that much would leave more than
        /// <see cref="PromotionPerMinorCollection"/> to mark (a program building a large live
        /// set): a minor pause marks what survives of the nursery, so the nursery shrinks to
        /// bound it (down to 1/128 of the heap).
        /// </summary>
        private static nuint NextNurseryBudget(nuint promoted, nuint handedOut)
        {
            nuint budget = CapacityBytes / 16;
            if (promoted == 0) return budget;
            ulong bounded = (ulong)handedOut * PromotionPerMinorCollection / promoted;
            if (bounded >= budget) return budget;
            return bounded > CapacityBytes / 128 ? (nuint)bounded : CapacityBytes / 128;
        }

        /// <summary>What a minor collection should have to mark at most: about 4 ms of marking on ARM under QEMU TCG (docs/benchmarks.md).</summary>
        private const ulong PromotionPerMinorCollection = 1024 * 1024;

        private static void ClearMarks()
        {
            nuint wordsPerPage = (PageSize >> GranuleShift) / 32;
            FillMemory(MarkBits + FirstUsablePage * wordsPerPage, (PageCount - FirstUsablePage) * wordsPerPage * sizeof(uint));
        }

        private static void FillMemory(void* start, nuint length) => Platform.Platform.FillMemory(start, 0, length);

        private static FreeRun* RunsOutsideYoungChunks()
        {
            FreeRun* head = null;
            FreeRun** tail = &head;
            for (FreeRun* run = FreeRuns; run != null; run = run->Next)
            {
                if (YoungChunks[ChunkStarts[(nuint)((byte*)run - Base) >> PageShift]] != 0) continue;
                *tail = run;
                tail = &run->Next;
            }
            *tail = null;
            return head;
        }
    }

    internal enum PageKind : byte
    {
        Free = 0,
        SmallObjects = 1,
        LargeObject = 2,
        Permanent = 3,
        Metadata = 4,
    }

    /// <summary>A gap between survivors in a small-object block, threaded through the gaps themselves.</summary>
    internal unsafe struct FreeRun
    {
        internal FreeRun* Next;
        internal nuint Length;
    }
}
