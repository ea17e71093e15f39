using System;
using System.Threading;

namespace Mirage.Xen.Devices.Xenstore;

/// <summary>
/// The xenstore interface page (xen/include/public/io/xs_wire.h): a 1 KiB request ring and a
/// 1 KiB response ring with free-running 32-bit indexes after them (req_cons, req_prod, rsp_cons,
/// rsp_prod at 2048..2060). We produce requests and consume responses. An index pair that claims
/// more than the ring holds is a broken peer: reported, never followed out of the page.
/// </summary>
public sealed unsafe class XenstoreRing
{
    public const int RingSize = 1024;
    private const int ResponseOffset = 1024;
    private const int RequestConsumerOffset = 2048;
    private const int RequestProducerOffset = 2052;
    private const int ResponseConsumerOffset = 2056;
    private const int ResponseProducerOffset = 2060;

    private readonly byte* _page;

    public XenstoreRing(byte* page) => _page = page;

    private uint Read(int offset) => (uint)Volatile.Read(ref *(int*)(_page + offset));
    private void Write(int offset, uint value) => Volatile.Write(ref *(int*)(_page + offset), (int)value);

    /// <summary>Copies as much of <paramref name="data"/> as fits into the request ring; returns the count, or -1 if the indexes are corrupt.</summary>
    public int WriteRequest(ReadOnlySpan<byte> data)
    {
        uint consumer = Read(RequestConsumerOffset);
        uint producer = Read(RequestProducerOffset);
        Interlocked.MemoryBarrier();
        if (producer - consumer > RingSize) return -1;
        int count = Math.Min(data.Length, (int)(RingSize - (producer - consumer)));
        for (int i = 0; i < count; i++) _page[(producer + (uint)i) & (RingSize - 1)] = data[i];
        Interlocked.MemoryBarrier(); // the bytes before the index
        Write(RequestProducerOffset, producer + (uint)count);
        return count;
    }

    /// <summary>Gives response bytes to <paramref name="reader"/> until it wants no more or the ring is empty; returns the count, or -1 if the indexes are corrupt.</summary>
    public int ReadResponses(XenstoreMessageReader reader)
    {
        uint consumer = Read(ResponseConsumerOffset);
        uint producer = Read(ResponseProducerOffset);
        Interlocked.MemoryBarrier(); // the index before the bytes
        if (producer - consumer > RingSize) return -1;
        int count = 0;
        Span<byte> chunk = stackalloc byte[64];
        while (consumer != producer && reader.Wanted > 0)
        {
            int n = (int)Math.Min(Math.Min((uint)chunk.Length, producer - consumer), (uint)reader.Wanted);
            for (int i = 0; i < n; i++) chunk[i] = _page[ResponseOffset + ((consumer + (uint)i) & (RingSize - 1))];
            reader.Feed(chunk.Slice(0, n));
            consumer += (uint)n;
            count += n;
        }
        Interlocked.MemoryBarrier(); // done reading before xenstored may overwrite
        Write(ResponseConsumerOffset, consumer);
        return count;
    }
}
