namespace Internal.Runtime.GarbageCollection
{
    /// <summary>
    /// The sweep: dead objects lose their start bit; the gaps between survivors of each
    /// small-object block become the free runs (in address order, so allocation fills the heap
    /// from the bottom); blocks and large objects with no survivors give their pages back. Mark
    /// bits are cleared on the way, ready for the next collection.
    /// </summary>
    internal static unsafe class Sweeper
    {
        private const nuint WordsPerBlock = (GcHeap.BlockSize >> GcHeap.GranuleShift) / 32;

        private static FreeRun** s_tail;

        /// <summary>Returns the bytes the survivors occupy.</summary>
        internal static nuint Sweep()
        {
            FreeRun* head = null;
            s_tail = &head;
            nuint live = 0;
            nuint page = GcHeap.FirstUsablePage;
            while (page < GcHeap.PageCount)
            {
                byte kind = GcHeap.PageKinds[page];
                if (kind == (byte)PageKind.SmallObjects)
                {
                    live += SweepBlock(page);
                    page += GcHeap.BlockPages;
                }
                else if (kind == (byte)PageKind.LargeObject)
                {
                    byte* obj = GcHeap.Base + (page << GcHeap.PageShift);
                    nuint size = GcHeap.ObjectSize(obj);
                    nuint pages = (size + GcHeap.PageSize - 1) >> GcHeap.PageShift;
                    nuint word = page << (GcHeap.PageShift - GcHeap.GranuleShift - 5);
                    if ((GcHeap.MarkBits[word] & 1) != 0)
                    {
                        live += size;
                        GcHeap.MarkBits[word] = 0;
                    }
                    else
                    {
                        GcHeap.StartBits[word] = 0;
                        GcHeap.FreePages(page, pages);
                    }
                    page += pages;
                }
                else
                {
                    page++;
                }
            }
            GcHeap.FreeRuns = head;
            return live;
        }

        private static nuint SweepBlock(nuint page)
        {
            byte* blockStart = GcHeap.Base + (page << GcHeap.PageShift);
            byte* cursor = blockStart;
            nuint live = 0;
            nuint firstWord = page << (GcHeap.PageShift - GcHeap.GranuleShift - 5);
            for (nuint word = firstWord; word < firstWord + WordsPerBlock; word++)
            {
                uint starts = GcHeap.StartBits[word];
                if (starts == 0) continue;
                uint survivors = starts & GcHeap.MarkBits[word];
                GcHeap.StartBits[word] = survivors;
                GcHeap.MarkBits[word] = 0;
                while (survivors != 0)
                {
                    int bit = Marker.LowestBit(survivors);
                    survivors &= survivors - 1;
                    byte* obj = GcHeap.Base + (((word << 5) + (nuint)bit) << GcHeap.GranuleShift);
                    if (obj > cursor) AddRun(cursor, obj);
                    nuint size = GcHeap.ObjectSize(obj);
                    live += size;
                    cursor = obj + size;
                }
            }
            if (cursor == blockStart)
            {
                GcHeap.FreePages(page, GcHeap.BlockPages);
                return 0;
            }
            byte* blockEnd = blockStart + GcHeap.BlockSize;
            if (blockEnd > cursor) AddRun(cursor, blockEnd);
            return live;
        }

        private static void AddRun(byte* start, byte* end)
        {
            nuint length = (nuint)(end - start);
            if (length < GcHeap.MinimumFreeRun) return;
            FreeRun* run = (FreeRun*)start;
            run->Next = null;
            run->Length = length;
            *s_tail = run;
            s_tail = &run->Next;
        }
    }
}
