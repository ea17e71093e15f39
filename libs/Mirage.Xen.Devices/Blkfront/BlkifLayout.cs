namespace Mirage.Xen.Devices.Blkfront;

/// <summary>
/// The blkif ring entries (xen/include/public/io/blkif.h) in the native layout of x86_64 and
/// 32-bit ARM ("x86_64-abi" / "arm-abi": 64-bit fields 8-byte aligned, so the same offsets).
/// </summary>
internal static class BlkifLayout
{
    // blkif_request { uint8 operation; uint8 nr_segments; uint16 handle; (pad 4) uint64 id; uint64 sector_number; segment seg[11]; }
    public const int RequestSize = 112;
    public const int Operation = 0, SegmentCount = 1, Handle = 2, Id = 8, Sector = 16, Segments = 24;
    // blkif_request_segment { grant_ref_t gref; uint8 first_sect; uint8 last_sect; uint16 pad; }
    public const int SegmentSize = 8, SegmentGref = 0, SegmentFirst = 4, SegmentLast = 5;
    // blkif_response { uint64 id; uint8 operation; (pad) int16 status; }
    public const int ResponseId = 0, ResponseOperation = 8, ResponseStatus = 10;

    public const int MaxSegments = 11; // BLKIF_MAX_SEGMENTS_PER_REQUEST (direct requests)

    // blkif_request_indirect { uint8 operation; uint8 indirect_op; uint16 nr_segments; (pad 4) uint64 id;
    //   uint64 sector_number; uint16 handle; (pad 2) grant_ref_t indirect_grefs[8]; }: the segments are
    // not in the ring entry but in pages it names, each an array of blkif_request_segment.
    public const int IndirectOperation = 1, IndirectSegmentCount = 2, IndirectId = 8, IndirectSector = 16, IndirectHandle = 24, IndirectGrefs = 28;
    public const int MaxIndirectPages = 8; // BLKIF_MAX_INDIRECT_PAGES_PER_REQUEST
    public const int SegmentsPerIndirectPage = Guest.PageBlock.PageSize / SegmentSize; // 512

    public const byte OpRead = 0;
    public const byte OpWrite = 1;
    public const byte OpWriteBarrier = 2;
    public const byte OpFlushDiskCache = 3;
    public const byte OpIndirect = 6; // only when the backend writes feature-max-indirect-segments

    public const short StatusOkay = 0;
    public const short StatusNotSupported = -2;

    /// <summary>Request sectors are always 512 bytes, whatever the disk's logical sector size.</summary>
    public const int RequestSectorSize = 512;

    public const int VdiskReadOnly = 4; // "info" bit
}
