namespace Website;

/// <summary>
/// The garbage collector's view of the app, printed on shutdown: a server whose live memory after
/// a full collection does not grow with the requests it has served keeps nothing per request.
/// </summary>
internal static class MemoryReport
{
    public static string Describe()
    {
        long allocated = GC.GetTotalAllocatedBytes();
        long live = GC.GetTotalMemory(forceFullCollection: true);
        var info = GC.GetGCMemoryInfo();
        return $"website: gc: {live} bytes live after a full collection, {allocated} bytes allocated, " +
            $"{GC.CollectionCount(0)} collections ({GC.CollectionCount(1)} of the older generation), " +
            $"heap {info.HeapSizeBytes} of {info.TotalAvailableMemoryBytes} bytes, " +
            $"{(long)GC.GetTotalPauseDuration().TotalMilliseconds} ms paused";
    }
}
