using System.Threading;
using Mirage.Xen.Devices.Guest;

namespace Mirage.Xen.Devices.Grants;

/// <summary>Why a grant could not be made.</summary>
public enum GrantError
{
    /// <summary>Every entry of every frame Xen allows this domain is in use.</summary>
    Exhausted,

    /// <summary>Xen refused to map the grant table (GNTTABOP_query_size or XENMEM_add_to_physmap failed).</summary>
    Unavailable,
}

/// <summary>
/// The domain's grant table, version 1 (xen/include/public/grant_table.h): 8-byte entries
/// { flags, domid, frame } that let one other domain map or copy one of our pages. Frames are
/// placed with XENMEM_add_to_physmap(XENMAPSPACE_grant_table) onto pages of our own, as the
/// shared-info page is (grant frames need no special region on x86 PVH; on ARM any guest frame
/// works too). More frames are mapped on demand up to Xen's limit for the domain; running out is
/// <see cref="GrantError.Exhausted"/>, not a crash. Entries below 8 are the toolstack's (xenstore,
/// console).
/// </summary>
public static unsafe class GrantTable
{
    private const int EntriesPerFrame = PageBlock.PageSize / 8;
    private const int ReservedEntries = 8;
    private const int QuerySize = 6;
    private const int AddToPhysmap = 7;
    private const int MapSpaceGrantTable = 1;

    private const ushort PermitAccess = 1;
    private const ushort ReadOnly = 4;
    private const ushort Reading = 8;
    private const ushort Writing = 16;

    private static byte*[] s_frames = new byte*[0];
    private static PageBlock?[] s_frameMemory = new PageBlock?[0];
    private static int s_mappedFrames;
    private static int s_maxFrames = -1;
    private static uint[] s_freeList = new uint[0]; // a stack of free references
    private static int s_freeCount;

    /// <summary>References in use (granted and not ended): for diagnostics and tests.</summary>
    public static int InUse => s_mappedFrames * EntriesPerFrame - ReservedEntries - s_freeCount;

    /// <summary>Lets <paramref name="domain"/> access the page with frame number <paramref name="frame"/>; the reference goes into rings and xenstore.</summary>
    public static Result<uint, GrantError> Grant(ushort domain, ulong frame, bool readOnly)
    {
        if (s_freeCount == 0)
        {
            var grown = Grow();
            if (grown.IsError) return Result<uint, GrantError>.Fail(grown.Error);
        }
        uint reference = s_freeList[--s_freeCount];
        byte* entry = Entry(reference);
        *(uint*)(entry + 4) = (uint)frame;
        // Xen must see the frame before the permission: flags and domid (one 32-bit word) go last.
        Interlocked.MemoryBarrier();
        Volatile.Write(ref *(int*)entry, (int)((uint)domain << 16 | (uint)(PermitAccess | (readOnly ? ReadOnly : 0))));
        return Result<uint, GrantError>.Ok(reference);
    }

    /// <summary>
    /// Revokes a grant; false (and the grant stays) while the other domain is still reading or
    /// writing the page through it. Drivers end grants only after their backend has disconnected.
    /// </summary>
    public static bool End(uint reference)
    {
        byte* entry = Entry(reference);
        uint flags = (uint)Volatile.Read(ref *(int*)entry) & 0xFFFF;
        if ((flags & (Reading | Writing)) != 0) return false;
        Volatile.Write(ref *(int*)entry, 0);
        Interlocked.MemoryBarrier();
        s_freeList[s_freeCount++] = reference;
        return true;
    }

    private static byte* Entry(uint reference) => s_frames[reference / EntriesPerFrame] + (reference % EntriesPerFrame) * 8;

    private struct QuerySizeRequest
    {
        public ushort Domain;
        public uint Frames;
        public uint MaxFrames;
        public short Status;
    }

    private struct AddToPhysmapRequest
    {
        public ushort Domain;
        public ushort Size;
        public uint Space;
        public ulong Index;
        public ulong Frame;
    }

    /// <summary>Maps the next grant frame and adds its entries to the free list.</summary>
    private static Result<Unit, GrantError> Grow()
    {
        if (s_maxFrames < 0)
        {
            QuerySizeRequest query = default;
            query.Domain = XenGuest.DomidSelf;
            if (XenGuest.Hypercall(XenGuest.GrantTableOp, QuerySize, (nint)(&query), 1) != 0 || query.Status != 0 || query.MaxFrames == 0)
                return Result<Unit, GrantError>.Fail(GrantError.Unavailable);
            s_maxFrames = (int)query.MaxFrames;
            s_frames = new byte*[s_maxFrames];
            s_frameMemory = new PageBlock?[s_maxFrames];
            s_freeList = new uint[s_maxFrames * EntriesPerFrame];
        }
        if (s_mappedFrames == s_maxFrames) return Result<Unit, GrantError>.Fail(GrantError.Exhausted);

        var memory = new PageBlock(1);
        AddToPhysmapRequest request = default;
        request.Domain = XenGuest.DomidSelf;
        request.Space = MapSpaceGrantTable;
        request.Index = (ulong)s_mappedFrames;
        request.Frame = PageBlock.FrameOf(memory.First);
        if (XenGuest.Hypercall(XenGuest.MemoryOp, AddToPhysmap, (nint)(&request)) != 0)
            return Result<Unit, GrantError>.Fail(GrantError.Unavailable);
        int index = s_mappedFrames++;
        s_frameMemory[index] = memory;
        s_frames[index] = memory.First;
        // Lowest references on top of the stack: the first grants are small numbers, as in Linux.
        int first = index == 0 ? ReservedEntries : 0;
        for (int i = EntriesPerFrame - 1; i >= first; i--) s_freeList[s_freeCount++] = (uint)(index * EntriesPerFrame + i);
        return Result.Ok<GrantError>();
    }
}
