using Internal.Runtime.GarbageCollection;

namespace System
{
    public enum GCCollectionMode
    {
        Default = 0,
        Forced = 1,
        Optimized = 2,
        Aggressive = 3,
    }

    /// <summary>
    /// The garbage collector's public face. Mirage.NET's collector is a non-moving generational
    /// mark-sweep with sticky mark bits (docs/gc.md): generation 0 is what was allocated since the
    /// last collection, generation 1 what survived one; <c>GC.Collect</c> of any generation is a
    /// full collection, and finalizers never run (dispose what holds resources).
    /// </summary>
    public static partial class GC
    {
        public static int MaxGeneration => 1;

        public static void Collect() => GcHeap.Collect();

        public static void Collect(int generation) => Collect(generation, GCCollectionMode.Default);

        public static void Collect(int generation, GCCollectionMode mode) => Collect(generation, mode, true);

        public static void Collect(int generation, GCCollectionMode mode, bool blocking)
        {
            if (generation < 0) throw new ArgumentOutOfRangeException(nameof(generation), "The generation must be non-negative.");
            GcHeap.Collect();
        }

        public static int CollectionCount(int generation)
        {
            if (generation < 0) throw new ArgumentOutOfRangeException(nameof(generation), "The generation must be non-negative.");
            // As on .NET, collecting a generation collects the younger ones too.
            return generation == 0 ? HeapStatistics.CollectionCount : generation == 1 ? HeapStatistics.FullCollectionCount : 0;
        }

        /// <summary>Bytes in objects: what survived the last collection plus what was allocated since (after a collection when asked).</summary>
        public static long GetTotalMemory(bool forceFullCollection)
        {
            if (forceFullCollection) GcHeap.Collect();
            if (!GcHeap.IsInitialized) return 0;
            return (long)(GcHeap.LiveBytesAfterCollection + GcHeap.AllocatedSinceCollection);
        }

        public static long GetTotalAllocatedBytes(bool precise = false)
            => GcHeap.IsInitialized ? (long)(GcHeap.TotalAllocatedBeforeCollection + GcHeap.AllocatedSinceCollection) : 0;

        /// <summary>Time spent in collections since boot.</summary>
        public static TimeSpan GetTotalPauseDuration() => new TimeSpan(HeapStatistics.TotalPauseNanoseconds / 100);

        public static int GetGeneration(object obj) => GcHeap.IsOld(obj) ? 1 : 0;

        /// <summary>Keeps <paramref name="obj"/> reachable up to this call.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        public static void KeepAlive(object obj) { }

        public static void SuppressFinalize(object obj) { }

        public static void ReRegisterForFinalize(object obj) { }

        public static void AddMemoryPressure(long bytesAllocated) { }

        public static void RemoveMemoryPressure(long bytesAllocated) { }

        public static void WaitForPendingFinalizers() { }
    }
}
