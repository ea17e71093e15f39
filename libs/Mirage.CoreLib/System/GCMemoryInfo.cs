using Internal.Runtime.GarbageCollection;

namespace System
{
    /// <summary>
    /// A snapshot of the heap, as .NET's GC.GetGCMemoryInfo gives it. In Mirage.NET:
    /// TotalAvailableMemoryBytes is what the heap can hold (the domain's memory minus the image,
    /// stacks and the collector's side tables); HeapSizeBytes the pages currently in use;
    /// PromotedBytes what survived the last collection; Index the number of collections.
    /// </summary>
    public readonly struct GCMemoryInfo
    {
        internal GCMemoryInfo(long available, long heapSize, long promoted, long index, TimeSpan lastPause)
        {
            TotalAvailableMemoryBytes = available;
            HeapSizeBytes = heapSize;
            PromotedBytes = promoted;
            Index = index;
            _lastPause = lastPause;
        }

        private readonly TimeSpan _lastPause;

        public long TotalAvailableMemoryBytes { get; }
        public long HeapSizeBytes { get; }
        public long PromotedBytes { get; }
        public long Index { get; }
        public int Generation => 0;
        public bool Compacted => false;
        public bool Concurrent => false;
        public long TotalCommittedBytes => HeapSizeBytes;
        public long FragmentedBytes => 0;
        public ReadOnlySpan<TimeSpan> PauseDurations => new TimeSpan[] { _lastPause };
    }

    public static partial class GC
    {
        public static GCMemoryInfo GetGCMemoryInfo()
        {
            if (!GcHeap.IsInitialized) return default;
            return new GCMemoryInfo((long)GcHeap.CapacityBytes, (long)HeapStatistics.PagesInUse() * (long)GcHeap.PageSize,
                (long)GcHeap.LiveBytesAfterCollection, HeapStatistics.CollectionCount, new TimeSpan(HeapStatistics.LastPauseNanoseconds / 100));
        }
    }
}
