namespace Internal.Runtime.GarbageCollection
{
    /// <summary>
    /// The sweep, in two halves. At the end of a collection (in the pause) every swept chunk loses
    /// its dead objects: a large object without a mark gives its pages back, and in a small-object
    /// block the start bits of unmarked objects are cleared a 32-bit word at a time — a block
    /// with no survivor left gives its pages back, the others wait for the allocator. A full
    /// collection sweeps every chunk; a minor one only the chunks allocated into since the last
    /// collection (anywhere else every object is old, that is marked).
    /// <para>Lazily, when the allocator runs out of free runs, <see cref="SweepNextBlock"/> turns
    /// the next waiting block's gaps between survivors into free runs (in address order, so the
    /// heap fills from the bottom). That walk reads every survivor's size, which is what made the
    /// sweep the costly half; it now runs outside the pause and only for blocks the allocator
    /// actually needs.</para>
    /// Mark bits stay: survivors are old from now on (sticky mark bits); a full collection clears
    /// them before it marks.
    /// </summary>
    internal static unsafe class Sweeper
    {
        private const nuint WordsPerBlock = (GcHeap.BlockSize >> GcHeap.GranuleShift) / 32;

        /// <summary>A block at least this full is <em>dense</em>: its gaps are taken only once no free page is left (allocating into them costs a walk over every survivor for little room).</summary>
        private const nuint DenseLiveBytes = GcHeap.BlockSize * 3 / 4;
        private const byte Waiting = 1;
        private const byte WaitingDense = 2;

        /// <summary>The lowest pages that may be the first of a block waiting for <see cref="SweepNextBlock"/>.</summary>
        private static nuint s_nextWaiting, s_nextWaitingDense;

        /// <summary>In the pause: frees the dead in every chunk (<paramref name="full"/>) or in the young ones.</summary>
        internal static void SweepDead(bool full)
        {
            if (full) Platform.Platform.FillMemory(GcHeap.WaitingBlocks, 0, GcHeap.PageCount);
            nuint page = GcHeap.FirstUsablePage;
            while (page < GcHeap.PageCount)
            {
                byte kind = GcHeap.PageKinds[page];
                if (kind == (byte)PageKind.SmallObjects)
                {
                    if (full || GcHeap.YoungChunks[page] != 0) ClearDeadStarts(page);
                    page += GcHeap.BlockPages;
                }
                else if (kind == (byte)PageKind.LargeObject)
                {
                    byte* obj = GcHeap.Base + (page << GcHeap.PageShift);
                    nuint pages = (GcHeap.ObjectSize(obj) + GcHeap.PageSize - 1) >> GcHeap.PageShift;
                    if ((full || GcHeap.YoungChunks[page] != 0) && !Marker.IsMarked(obj))
                    {
                        GcHeap.StartBits[page << (GcHeap.PageShift - GcHeap.GranuleShift - 5)] = 0;
                        GcHeap.FreePages(page, pages);
                    }
                    page += pages;
                }
                else
                {
                    page++;
                }
            }
            s_nextWaiting = GcHeap.FirstUsablePage;
            s_nextWaitingDense = GcHeap.FirstUsablePage;
        }

        private static void ClearDeadStarts(nuint page)
        {
            nuint firstWord = page << (GcHeap.PageShift - GcHeap.GranuleShift - 5);
            uint any = 0;
            for (nuint word = firstWord; word < firstWord + WordsPerBlock; word++)
            {
                uint survivors = GcHeap.StartBits[word] & GcHeap.MarkBits[word];
                GcHeap.StartBits[word] = survivors;
                any |= survivors;
            }
            if (any == 0)
            {
                GcHeap.WaitingBlocks[page] = 0;
                GcHeap.FreePages(page, GcHeap.BlockPages);
            }
            else
            {
                uint* live = GcHeap.PageLiveBytes + page;
                nuint liveBytes = 0;
                for (int i = 0; i < GcHeap.BlockPages; i++) liveBytes += live[i];
                GcHeap.WaitingBlocks[page] = liveBytes >= DenseLiveBytes ? WaitingDense : Waiting;
            }
        }

        /// <summary>Turns the gaps of the lowest waiting block (of the dense ones or the others) into <see cref="GcHeap.FreeRuns"/> (which must be empty); false when no such block waits.</summary>
        internal static bool SweepNextBlock(bool dense)
        {
            byte* waiting = GcHeap.WaitingBlocks;
            byte wanted = dense ? WaitingDense : Waiting;
            nuint page = dense ? s_nextWaitingDense : s_nextWaiting;
            while (page < GcHeap.PageCount && waiting[page] != wanted) page++;
            if (dense) s_nextWaitingDense = page;
            else s_nextWaiting = page;
            if (page >= GcHeap.PageCount) return false;
            waiting[page] = 0;
            FreeRun* head = null;
            FreeRun** tail = &head;
            byte* blockStart = GcHeap.Base + (page << GcHeap.PageShift);
            byte* cursor = blockStart;
            nuint firstWord = page << (GcHeap.PageShift - GcHeap.GranuleShift - 5);
            for (nuint word = firstWord; word < firstWord + WordsPerBlock; word++)
            {
                uint survivors = GcHeap.StartBits[word];
                while (survivors != 0)
                {
                    int bit = Marker.LowestBit(survivors);
                    survivors &= survivors - 1;
                    byte* obj = GcHeap.Base + (((word << 5) + (nuint)bit) << GcHeap.GranuleShift);
                    if (obj > cursor) tail = AddRun(tail, cursor, obj);
                    cursor = obj + GcHeap.ObjectSize(obj);
                }
            }
            byte* blockEnd = blockStart + GcHeap.BlockSize;
            if (blockEnd > cursor) tail = AddRun(tail, cursor, blockEnd);
            *tail = null;
            GcHeap.FreeRuns = head;
            return true;
        }

        private static FreeRun** AddRun(FreeRun** tail, byte* start, byte* end)
        {
            nuint length = (nuint)(end - start);
            if (length < GcHeap.MinimumFreeRun) return tail;
            FreeRun* run = (FreeRun*)start;
            run->Length = length;
            *tail = run;
            return &run->Next;
        }
    }
}
