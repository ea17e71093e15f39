using System.Threading;

namespace Mirage.Xen.Devices.Rings;

/// <summary>
/// The frontend's side of a Xen shared ring (xen/include/public/io/ring.h): one page holding a
/// 64-byte header { req_prod, req_event, rsp_prod, rsp_event, padding } and a power-of-two array
/// of entries, each a request or, once the backend has answered, its response. We produce
/// requests and consume responses; the event indexes say when the other side wants a notification.
/// </summary>
internal sealed unsafe class FrontRing
{
    private const int HeaderSize = 64;

    private readonly Guest.PageBlock _memory; // keeps the shared page alive as long as the ring
    private readonly byte* _shared;
    private readonly int _entrySize;

    public FrontRing(Guest.PageBlock memory, int page, int entrySize)
    {
        _memory = memory;
        byte* page0 = memory.Page(page);
        _shared = page0;
        _entrySize = entrySize;
        Size = EntriesFor(entrySize);
        for (int i = 0; i < HeaderSize; i++) page0[i] = 0;
        RequestEvent = 1;
        ResponseEvent = 1;
    }

    /// <summary>The number of entries of a one-page ring of <paramref name="entrySize"/>-byte entries (rounded down to a power of two).</summary>
    public static uint EntriesFor(int entrySize)
    {
        uint fit = (uint)((Guest.PageBlock.PageSize - HeaderSize) / entrySize);
        uint size = 1;
        while (size * 2 <= fit) size *= 2;
        return size;
    }

    public uint Size { get; }

    /// <summary>Requests written but not yet published (req_prod_pvt).</summary>
    public uint RequestProducer { get; set; }

    /// <summary>The next response to read (rsp_cons).</summary>
    public uint ResponseConsumer { get; set; }

    public uint FreeRequests => Size - (RequestProducer - ResponseConsumer);

    public uint InFlight => RequestProducer - ResponseConsumer;

    public byte* Slot(uint index) => _shared + HeaderSize + (index & (Size - 1)) * (uint)_entrySize;

    private uint SharedRequestProducer { get => (uint)Volatile.Read(ref *(int*)_shared); set => Volatile.Write(ref *(int*)_shared, (int)value); }
    private uint RequestEvent { get => (uint)Volatile.Read(ref *(int*)(_shared + 4)); set => Volatile.Write(ref *(int*)(_shared + 4), (int)value); }
    public uint ResponseProducer => (uint)Volatile.Read(ref *(int*)(_shared + 8));
    private uint ResponseEvent { set => Volatile.Write(ref *(int*)(_shared + 12), (int)value); }

    /// <summary>Publishes the written requests; true when the backend asked to be notified of them (RING_PUSH_REQUESTS_AND_CHECK_NOTIFY).</summary>
    public bool PushRequests()
    {
        uint old = SharedRequestProducer;
        uint produced = RequestProducer;
        Interlocked.MemoryBarrier(); // the backend sees the requests before the index
        SharedRequestProducer = produced;
        Interlocked.MemoryBarrier(); // the index is out before we read the backend's event index
        return produced - RequestEvent < produced - old;
    }

    /// <summary>Whether responses are waiting; when none, asks for a notification at the next one and checks again (RING_FINAL_CHECK_FOR_RESPONSES).</summary>
    public bool HasResponses()
    {
        if (ResponseProducer != ResponseConsumer) return true;
        ResponseEvent = ResponseConsumer + 1;
        Interlocked.MemoryBarrier();
        return ResponseProducer != ResponseConsumer;
    }
}
