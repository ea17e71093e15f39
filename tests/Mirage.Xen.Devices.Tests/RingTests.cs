using System;
using System.Buffers.Binary;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Xen.Devices.Guest;
using Mirage.Xen.Devices.Rings;
using Mirage.Xen.Devices.Xenstore;

namespace Mirage.Xen.Devices.Tests;

[TestClass]
public sealed unsafe class RingTests
{
    [TestMethod]
    public void RingSizesMatchXensHeaders()
    {
        Assert.AreEqual(256u, FrontRing.EntriesFor(12), "netif TX");
        Assert.AreEqual(256u, FrontRing.EntriesFor(8), "netif RX");
        Assert.AreEqual(32u, FrontRing.EntriesFor(112), "blkif");
    }

    [TestMethod]
    public void PushNotifiesOnlyWhenTheBackendAskedForIt()
    {
        var page = new PageBlock(1);
        var ring = new FrontRing(page, 0, 12);
        byte* shared = page.First;
        Assert.AreEqual(1u, *(uint*)(shared + 4), "req_event starts at 1");
        ring.RequestProducer = 1;
        Assert.IsTrue(ring.PushRequests(), "the first request crosses req_event 1");
        Assert.AreEqual(1u, *(uint*)shared, "req_prod published");
        ring.RequestProducer = 3;
        Assert.IsFalse(ring.PushRequests(), "the backend has not asked again (req_event still 1)");
        *(uint*)(shared + 4) = 4; // the backend wants to hear about request 4
        ring.RequestProducer = 4;
        Assert.IsTrue(ring.PushRequests());
        Assert.AreEqual(252u, ring.FreeRequests);
    }

    [TestMethod]
    public void ResponsesAreSeenAndTheNextOneRequested()
    {
        var page = new PageBlock(1);
        var ring = new FrontRing(page, 0, 8);
        byte* shared = page.First;
        Assert.IsFalse(ring.HasResponses());
        Assert.AreEqual(1u, *(uint*)(shared + 12), "rsp_event asks for the next response");
        *(uint*)(shared + 8) = 2;
        Assert.IsTrue(ring.HasResponses());
        ring.ResponseConsumer = 2;
        Assert.IsFalse(ring.HasResponses());
        Assert.AreEqual(3u, *(uint*)(shared + 12));
    }

    [TestMethod]
    public void XenstoreRingWrapsAndRefusesCorruptIndexes()
    {
        var page = new PageBlock(1);
        var ring = new XenstoreRing(page.First);
        byte* p = page.First;
        // Start near the wrap of the free-running 32-bit index.
        *(uint*)(p + 2048) = uint.MaxValue - 10;
        *(uint*)(p + 2052) = uint.MaxValue - 10;
        var data = new byte[1100];
        for (int i = 0; i < data.Length; i++) data[i] = (byte)i;
        Assert.AreEqual(1024, ring.WriteRequest(data), "no more than the ring holds");
        Assert.AreEqual(0, ring.WriteRequest(data), "full");
        *(uint*)(p + 2048) += 100; // xenstored consumed 100 bytes
        Assert.AreEqual(76, ring.WriteRequest(data.AsSpan(1024)));
        Assert.AreEqual(data[1023], p[unchecked(uint.MaxValue - 10 + 1023) & 1023]);

        *(uint*)(p + 2060) = *(uint*)(p + 2056) + 5000; // rsp_prod far beyond what the ring holds
        Assert.AreEqual(-1, ring.ReadResponses(new XenstoreMessageReader()));

        *(uint*)(p + 2056) = 0;
        *(uint*)(p + 2060) = 20;
        BinaryPrimitives.WriteUInt32LittleEndian(new Span<byte>(p + 1024, 16), 2);
        BinaryPrimitives.WriteUInt32LittleEndian(new Span<byte>(p + 1024 + 12, 4), 4);
        "abcd"u8.CopyTo(new Span<byte>(p + 1024 + 16, 4));
        var reader = new XenstoreMessageReader();
        Assert.AreEqual(20, ring.ReadResponses(reader));
        Assert.IsTrue(reader.TryTake(out var header, out var payload));
        Assert.AreEqual(XenstoreMessageType.Read, header.Type);
        Assert.AreEqual("abcd", System.Text.Encoding.ASCII.GetString(payload));
        Assert.AreEqual(20u, *(uint*)(p + 2056), "rsp_cons advanced");
    }
}
