namespace Internal.Runtime.GarbageCollection
{
    /// <summary>
    /// What the collector has done (for System.GC and benchmarks), and the two ways it stops the
    /// unikernel: out of memory, with the numbers a user needs to size the domain, and a
    /// reference that does not point at an object (never carry on with a corrupt heap).
    /// </summary>
    internal static unsafe class HeapStatistics
    {
        internal static int CollectionCount;
        internal static int FullCollectionCount;
        internal static long TotalPauseNanoseconds;
        internal static long LongestPauseNanoseconds;
        internal static long LastPauseNanoseconds;

        internal static void RecordCollection(long pauseNanoseconds, bool full)
        {
            CollectionCount++;
            if (full) FullCollectionCount++;
            LastPauseNanoseconds = pauseNanoseconds;
            TotalPauseNanoseconds += pauseNanoseconds;
            if (pauseNanoseconds > LongestPauseNanoseconds) LongestPauseNanoseconds = pauseNanoseconds;
        }

        /// <summary>A slice of incremental marking: a pause too (GC.GetTotalPauseDuration counts it), but not a collection.</summary>
        internal static void RecordSlice(long pauseNanoseconds)
        {
            TotalPauseNanoseconds += pauseNanoseconds;
            if (pauseNanoseconds > LongestPauseNanoseconds) LongestPauseNanoseconds = pauseNanoseconds;
        }

        internal static nuint PagesInUse()
        {
            nuint used = 0;
            for (nuint page = GcHeap.FirstUsablePage; page < GcHeap.PageCount; page++)
                if (GcHeap.PageKinds[page] != (byte)PageKind.Free) used++;
            return used;
        }

        /// <summary>The largest number of bytes one allocation could get right now.</summary>
        internal static nuint LargestFreeBlock()
        {
            nuint largest = 0, run = 0;
            for (nuint page = GcHeap.FirstUsablePage; page < GcHeap.PageCount; page++)
            {
                run = GcHeap.PageKinds[page] == (byte)PageKind.Free ? run + 1 : 0;
                if (run > largest) largest = run;
            }
            largest <<= GcHeap.PageShift;
            for (FreeRun* free = GcHeap.FreeRuns; free != null; free = free->Next)
                if (free->Length > largest) largest = free->Length;
            return largest;
        }

        internal static void OutOfMemory(nuint requested)
        {
            RuntimeDiagnostics.Write("\nfatal: out of memory: an allocation of ");
            RuntimeDiagnostics.WriteDecimal(requested);
            RuntimeDiagnostics.Write(" bytes failed after a full collection\n  heap size:          ");
            RuntimeDiagnostics.WriteDecimal(GcHeap.CapacityBytes);
            RuntimeDiagnostics.Write(" bytes\n  live bytes:         ");
            RuntimeDiagnostics.WriteDecimal(GcHeap.LiveBytesAfterCollection);
            RuntimeDiagnostics.Write("\n  largest free block: ");
            RuntimeDiagnostics.WriteDecimal(LargestFreeBlock());
            RuntimeDiagnostics.Write(" bytes\n  collections:        ");
            RuntimeDiagnostics.WriteDecimal((ulong)CollectionCount);
            RuntimeDiagnostics.Write("\n");
            Platform.Platform.Exit(RuntimeDiagnostics.CrashExitCode);
        }

        internal static void Corruption(byte* holder, nuint* slot, byte* target)
        {
            RuntimeDiagnostics.Write("\nfatal: heap corruption: the object at 0x");
            RuntimeDiagnostics.WriteHex((nuint)holder);
            RuntimeDiagnostics.Write(" holds 0x");
            RuntimeDiagnostics.WriteHex((nuint)target);
            RuntimeDiagnostics.Write(" at offset ");
            RuntimeDiagnostics.WriteDecimal((ulong)((byte*)slot - holder));
            RuntimeDiagnostics.Write(", which is not the start of an object\n");
            Platform.Platform.Exit(RuntimeDiagnostics.CrashExitCode);
        }
    }
}
