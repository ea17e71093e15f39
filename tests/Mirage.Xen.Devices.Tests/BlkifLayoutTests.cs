using System.Runtime.InteropServices;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Xen.Devices.Blkfront;

namespace Mirage.Xen.Devices.Tests;

/// <summary>
/// The blkif offsets blkfront writes by hand, against C# renditions of xen/include/public/io/blkif.h's
/// structs with C's natural alignment (the x86_64-abi / arm-abi layout: 64-bit fields 8-byte aligned).
/// </summary>
[TestClass]
public sealed class BlkifLayoutTests
{
    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct BlkifRequest
    {
        public byte Operation;
        public byte NrSegments;
        public ushort Handle;
        public ulong Id;
        public ulong SectorNumber;
        public fixed ulong Segments[11]; // blkif_request_segment { u32 gref; u8 first_sect, last_sect; } padded to 8
    }

    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct BlkifRequestIndirect
    {
        public byte Operation;
        public byte IndirectOp;
        public ushort NrSegments;
        public ulong Id;
        public ulong SectorNumber;
        public ushort Handle;
        public fixed uint IndirectGrefs[8];
    }

    private static int Offset<T>(string field) => (int)Marshal.OffsetOf<T>(field);

    [TestMethod]
    public void DirectRequestOffsetsMatchBlkifRequest()
    {
        Assert.AreEqual(BlkifLayout.SegmentCount, Offset<BlkifRequest>(nameof(BlkifRequest.NrSegments)));
        Assert.AreEqual(BlkifLayout.Handle, Offset<BlkifRequest>(nameof(BlkifRequest.Handle)));
        Assert.AreEqual(BlkifLayout.Id, Offset<BlkifRequest>(nameof(BlkifRequest.Id)));
        Assert.AreEqual(BlkifLayout.Sector, Offset<BlkifRequest>(nameof(BlkifRequest.SectorNumber)));
        Assert.AreEqual(BlkifLayout.Segments, Offset<BlkifRequest>(nameof(BlkifRequest.Segments)));
        Assert.AreEqual(BlkifLayout.RequestSize, Marshal.SizeOf<BlkifRequest>());
    }

    [TestMethod]
    public void IndirectRequestOffsetsMatchBlkifRequestIndirect()
    {
        Assert.AreEqual(BlkifLayout.IndirectOperation, Offset<BlkifRequestIndirect>(nameof(BlkifRequestIndirect.IndirectOp)));
        Assert.AreEqual(BlkifLayout.IndirectSegmentCount, Offset<BlkifRequestIndirect>(nameof(BlkifRequestIndirect.NrSegments)));
        Assert.AreEqual(BlkifLayout.IndirectId, Offset<BlkifRequestIndirect>(nameof(BlkifRequestIndirect.Id)));
        Assert.AreEqual(BlkifLayout.IndirectSector, Offset<BlkifRequestIndirect>(nameof(BlkifRequestIndirect.SectorNumber)));
        Assert.AreEqual(BlkifLayout.IndirectHandle, Offset<BlkifRequestIndirect>(nameof(BlkifRequestIndirect.Handle)));
        Assert.AreEqual(BlkifLayout.IndirectGrefs, Offset<BlkifRequestIndirect>(nameof(BlkifRequestIndirect.IndirectGrefs)));
        Assert.IsLessThanOrEqualTo(BlkifLayout.RequestSize, Marshal.SizeOf<BlkifRequestIndirect>(), "an indirect request fits a ring entry");
    }

    [TestMethod]
    public void OneIndirectPageHoldsEverySegmentOfOurLargestRequest()
    {
        Assert.AreEqual(512, BlkifLayout.SegmentsPerIndirectPage);
        Assert.IsLessThanOrEqualTo(BlkifLayout.SegmentsPerIndirectPage, XenBlock.MaxIndirectSegments);
        Assert.IsGreaterThan(BlkifLayout.MaxSegments, XenBlock.MaxIndirectSegments, "indirect requests carry more than direct ones");
    }
}
