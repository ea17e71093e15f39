using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Mirage.Devices;
using Mirage.Xen.Devices.Blkfront;
using Mirage.Xen.Devices.Frontend;
using Mirage.Xen.Devices.Grants;
using Mirage.Xen.Devices.Guest;
using Mirage.Xen.Devices.Rings;
using Mirage.Xen.Devices.Xenstore;

namespace Mirage.Xen.Devices;

/// <summary>
/// Device kind <c>block</c> on xen and xen-arm: blkfront, the frontend of Linux's blkback. The
/// disk is found by its name (the xl config's vdev, "xvda") among device/vbd/*. Data moves through
/// pages granted once at connect: <see cref="SlotCount"/> request slots of
/// <see cref="SegmentsPerRequest"/> pages each — 11, the most a direct request carries, or, when
/// the backend advertises indirect requests (<c>feature-max-indirect-segments</c>), as many as it
/// allows up to <see cref="MaxIndirectSegments"/>, each slot then with its own indirect page
/// holding the segment list. A read or write is cut into requests of at most that many pages
/// (indirect only when a request has more than 11), all put in the ring before one notification,
/// and copied through the slots' pages. Flush is BLKIF_OP_FLUSH_DISKCACHE when the backend offers it, else
/// a write barrier, else nothing to do (the backend writes through). A read-only disk (mode "r"
/// or VDISK_READONLY) refuses writes with <see cref="BlockError.ReadOnly"/> before asking the
/// backend; a request the backend refuses is <see cref="BlockError.IoError"/>.
/// </summary>
public sealed class XenBlock : IBlock
{
    public const int SlotCount = 16;

    /// <summary>
    /// The most pages an indirect request of ours carries, whatever more the backend allows
    /// (Linux's blkback: 256). Every slot keeps this many pages granted for the whole connection,
    /// so this bounds the driver's memory per disk: 16 × 32 pages = 2 MiB, in 128 KiB requests.
    /// One indirect page (512 segments) always suffices.
    /// </summary>
    public const int MaxIndirectSegments = 32;

    private readonly int _pagesPerSlot;

    private readonly FrontendDevice _device;
    private readonly uint _port;
    private readonly ushort _handle;
    private readonly FrontRing _ring;
    private readonly uint _ringGrant;
    private readonly PageBlock _dataPages;
    private readonly uint[] _dataGrants;
    private readonly PageBlock? _indirectPages; // one per slot: the segment list of its indirect request
    private readonly uint[] _indirectGrants;
    private readonly Batch?[] _slotOwner = new Batch?[SlotCount];
    private readonly byte[] _slotOperation = new byte[SlotCount];
    private readonly Memory<byte>[] _slotDestination = new Memory<byte>[SlotCount];
    private readonly int[] _freeSlots = new int[SlotCount];
    private int _freeSlotCount;
    private readonly Signal _slotFreed = new();
    private readonly StallKick _stall = new();
    private bool _connected;
    private bool _flushCache;
    private bool _barrier;

    /// <summary>One read, write or flush: the requests it was cut into, and how they ended.</summary>
    private sealed class Batch
    {
        public int Outstanding;
        public bool Failed;
        public readonly TaskCompletionSource<bool> Done = new();
    }

    private XenBlock(FrontendDevice device, uint port, ushort handle, PageBlock ringPage, uint ringGrant, int pagesPerSlot,
        PageBlock dataPages, uint[] dataGrants, PageBlock? indirectPages, uint[] indirectGrants, int backendMaxIndirectSegments)
    {
        _device = device;
        _port = port;
        _handle = handle;
        _ringGrant = ringGrant;
        _pagesPerSlot = pagesPerSlot;
        _dataPages = dataPages;
        _dataGrants = dataGrants;
        _indirectPages = indirectPages;
        _indirectGrants = indirectGrants;
        BackendMaxIndirectSegments = backendMaxIndirectSegments;
        _ring = new FrontRing(ringPage, 0, BlkifLayout.RequestSize);
        for (int i = SlotCount - 1; i >= 0; i--) _freeSlots[_freeSlotCount++] = i;
    }

    public BlockInfo Info { get; private set; }

    /// <summary>Requests the backend answered with an error (or "not supported").</summary>
    public long RequestsRefusedByBackend { get; private set; }

    /// <summary>Ring requests sent, and notifications it took to send them (fewer: batching).</summary>
    public long RequestsSent { get; private set; }

    public long Notifications { get; private set; }

    /// <summary>Times blkback was re-notified because requests sat unanswered for 100 ms.</summary>
    public long BackendKicks => _stall.Kicks;

    public bool FlushSupported => _flushCache || _barrier;

    /// <summary>Pages (segments) per request: 11 with direct requests only, more with indirect ones.</summary>
    public int SegmentsPerRequest => _pagesPerSlot;

    /// <summary>Whether requests of more than 11 pages go as BLKIF_OP_INDIRECT (the backend offered it).</summary>
    public bool IndirectRequests => _indirectPages is not null;

    /// <summary>The backend's <c>feature-max-indirect-segments</c>, 0 when it does not offer indirect requests.</summary>
    public int BackendMaxIndirectSegments { get; }

    /// <summary>Of <see cref="RequestsSent"/>, the BLKIF_OP_INDIRECT ones.</summary>
    public long IndirectRequestsSent { get; private set; }

    public static async ValueTask<Result<IBlock, DeviceError>> ConnectAsync(string disk, string image, string access)
    {
        var connected = await ConnectDiskAsync(disk);
        return connected.IsOk ? Result<IBlock, DeviceError>.Ok(connected.Value) : Result<IBlock, DeviceError>.Fail(connected.Error);
    }

    /// <summary>As <see cref="ConnectAsync"/>, typed: for programs that want the counters and <see cref="CloseAsync"/>.</summary>
    public static async Task<Result<XenBlock, DeviceError>> ConnectDiskAsync(string disk)
    {
        var store = XenstoreClient.Connect();
        if (store.IsError) return Fail($"no xenstore ({store.Error}): blkfront runs only on Xen");
        var ids = await store.Value.DirectoryAsync("device/vbd");
        if (ids.IsError) return Fail($"the domain has no disks (device/vbd: {ids.Error}): the xl config needs a disk line with vdev={disk}");
        FrontendDevice? device = null;
        string known = "";
        foreach (string id in ids.Value)
        {
            var opened = await FrontendDevice.OpenAsync(store.Value, "device/vbd/" + id);
            if (opened.IsError) continue;
            var name = await opened.Value.ReadBackendAsync("dev");
            string dev = name.IsOk ? name.Value : "?";
            known += (known.Length > 0 ? ", " : "") + dev;
            if (dev == disk) { device = opened.Value; break; }
        }
        if (device is null) return Fail($"no disk {disk} (the domain has: {(known.Length > 0 ? known : "none")})");
        if (!ushort.TryParse(device.Path.Substring("device/vbd/".Length), NumberStyles.None, CultureInfo.InvariantCulture, out ushort handle))
            handle = 0;

        // The backend publishes its features by InitWait; the slots' size depends on one of them.
        var waited = await device.WaitForBackendAsync(XenbusState.InitWait, XenbusState.Connected);
        if (waited.IsError) return Fail(waited.Error);
        var indirect = await device.ReadBackendAsync("feature-max-indirect-segments");
        int backendMaxIndirect = indirect.IsOk && int.TryParse(indirect.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int advertised) ? advertised : 0;
        // Fewer than a direct request carries would make indirect requests pointless (Linux's blkfront agrees).
        bool useIndirect = backendMaxIndirect > BlkifLayout.MaxSegments;
        int pagesPerSlot = useIndirect ? Math.Min(backendMaxIndirect, MaxIndirectSegments) : BlkifLayout.MaxSegments;

        var ringPage = new PageBlock(1);
        var ringGrant = GrantPage(device.BackendDomain, ringPage, 0, readOnly: false);
        if (ringGrant.IsError) return Fail($"no grant reference for the ring ({ringGrant.Error})");
        var dataPages = new PageBlock(SlotCount * pagesPerSlot);
        var dataGrants = new uint[dataPages.Count];
        if (!TryGrantAll(device.BackendDomain, dataPages, dataGrants, readOnly: false, out var error))
            return Fail($"no grant references left for the data pages ({error})");
        PageBlock? indirectPages = useIndirect ? new PageBlock(SlotCount) : null;
        var indirectGrants = new uint[useIndirect ? SlotCount : 0];
        // The backend only reads segment lists.
        if (indirectPages is not null && !TryGrantAll(device.BackendDomain, indirectPages, indirectGrants, readOnly: true, out error))
            return Fail($"no grant references left for the indirect pages ({error})");
        long port = EventChannel.AllocateUnbound(device.BackendDomain);
        if (port < 0) return Fail("EVTCHNOP_alloc_unbound failed");
        var block = new XenBlock(device, (uint)port, handle, ringPage, ringGrant.Value, pagesPerSlot, dataPages, dataGrants,
            indirectPages, indirectGrants, backendMaxIndirect);

        string path = device.Path;
        var published = await store.Value.PublishAsync(path, new[]
        {
            ("ring-ref", ringGrant.Value.ToString(CultureInfo.InvariantCulture)),
            ("event-channel", port.ToString(CultureInfo.InvariantCulture)),
            ("protocol", XenGuest.BlockProtocol),
        });
        if (published.IsError) return Fail($"cannot publish the ring in {path}: {published.Error}");
        var state = await device.SetStateAsync(XenbusState.Initialised);
        if (state.IsError) return Fail($"cannot write {path}/state: {state.Error}");
        waited = await device.WaitForBackendAsync(XenbusState.Connected);
        if (waited.IsError) return Fail(waited.Error);

        // The backend's description, read in one round trip to xenstored.
        var sectorsRead = device.ReadBackendAsync("sectors");
        var sectorSizeRead = device.ReadBackendAsync("sector-size");
        var infoRead = device.ReadBackendAsync("info");
        var modeRead = device.ReadBackendAsync("mode");
        var flushRead = device.ReadBackendAsync("feature-flush-cache");
        var barrierRead = device.ReadBackendAsync("feature-barrier");
        var sectors = await sectorsRead;
        var sectorSize = await sectorSizeRead;
        var info = await infoRead;
        var mode = await modeRead;
        var flush = await flushRead;
        var barrier = await barrierRead;
        if (sectors.IsError || !long.TryParse(sectors.Value, NumberStyles.None, CultureInfo.InvariantCulture, out long count)
            || sectorSize.IsError || !int.TryParse(sectorSize.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int size)
            || size < BlkifLayout.RequestSectorSize || size > PageBlock.PageSize || (size & (size - 1)) != 0)
            return Fail($"the backend ({device.BackendPath}) gives no usable sectors/sector-size");
        bool readOnly = (mode.IsOk && mode.Value == "r")
            || (info.IsOk && int.TryParse(info.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int bits) && (bits & BlkifLayout.VdiskReadOnly) != 0);
        block._flushCache = flush.IsOk && flush.Value == "1";
        block._barrier = barrier.IsOk && barrier.Value == "1";
        // "sectors" counts 512-byte units whatever the logical sector size (blkif.h).
        block.Info = new BlockInfo(size, count * BlkifLayout.RequestSectorSize / size, !readOnly);

        state = await device.SetStateAsync(XenbusState.Connected);
        if (state.IsError) return Fail($"cannot write {path}/state: {state.Error}");
        block._connected = true;
        XenGuest.Unmask(block._port);
        XenGuest.AddPoller(block.Poll);
        return Result<XenBlock, DeviceError>.Ok(block);
    }

    private static unsafe Result<uint, GrantError> GrantPage(ushort domain, PageBlock pages, int index, bool readOnly)
        => GrantTable.Grant(domain, PageBlock.FrameOf(pages.Page(index)), readOnly);

    private static bool TryGrantAll(ushort domain, PageBlock pages, uint[] references, bool readOnly, out GrantError error)
    {
        for (int i = 0; i < pages.Count; i++)
        {
            var grant = GrantPage(domain, pages, i, readOnly);
            if (grant.IsError)
            {
                error = grant.Error;
                return false;
            }
            references[i] = grant.Value;
        }
        error = default;
        return true;
    }

    private static Result<XenBlock, DeviceError> Fail(string message) => Result<XenBlock, DeviceError>.Fail(new DeviceError("blkfront: " + message));

    public ValueTask<Result<Unit, BlockError>> ReadAsync(long sector, Memory<byte> buffer)
    {
        var check = Check(sector, buffer.Length, write: false);
        return check.IsError ? new(check) : TransferAsync(BlkifLayout.OpRead, sector, buffer, default);
    }

    public ValueTask<Result<Unit, BlockError>> WriteAsync(long sector, ReadOnlyMemory<byte> data)
    {
        var check = Check(sector, data.Length, write: true);
        return check.IsError ? new(check) : TransferAsync(BlkifLayout.OpWrite, sector, default, data);
    }

    public async ValueTask<Result<Unit, BlockError>> FlushAsync()
    {
        if (!_connected) return Result<Unit, BlockError>.Fail(BlockError.Disconnected);
        if (!Info.ReadWrite || !FlushSupported) return Result.Ok<BlockError>();
        var batch = new Batch { Outstanding = 1 };
        int slot = await TakeSlotAsync();
        if (slot < 0) return Result<Unit, BlockError>.Fail(BlockError.Disconnected);
        Submit(slot, batch, _flushCache ? BlkifLayout.OpFlushDiskCache : BlkifLayout.OpWriteBarrier, 0, 0);
        Notify();
        return await batch.Done.Task ? Result<Unit, BlockError>.Fail(BlockError.IoError) : Result.Ok<BlockError>();
    }

    private Result<Unit, BlockError> Check(long sector, int length, bool write)
    {
        if (!_connected) return Result<Unit, BlockError>.Fail(BlockError.Disconnected);
        if (write && !Info.ReadWrite) return Result<Unit, BlockError>.Fail(BlockError.ReadOnly);
        if (length % Info.SectorSize != 0) return Result<Unit, BlockError>.Fail(BlockError.Misaligned);
        if (sector < 0 || sector > Info.SectorCount || length / Info.SectorSize > Info.SectorCount - sector)
            return Result<Unit, BlockError>.Fail(BlockError.OutOfRange);
        return Result.Ok<BlockError>();
    }

    /// <summary>
    /// Cuts the transfer into requests of up to <see cref="SegmentsPerRequest"/> pages, puts as many in the ring as there are
    /// free slots before notifying the backend once, and waits for all of them. A read's data is
    /// copied out of each slot as its response arrives, so the slot serves the next request.
    /// </summary>
    private async ValueTask<Result<Unit, BlockError>> TransferAsync(byte operation, long sector, Memory<byte> into, ReadOnlyMemory<byte> from)
    {
        int length = operation == BlkifLayout.OpRead ? into.Length : from.Length;
        if (length == 0) return Result.Ok<BlockError>();
        int chunkBytes = _pagesPerSlot * PageBlock.PageSize;
        int chunks = (length + chunkBytes - 1) / chunkBytes;
        var batch = new Batch { Outstanding = chunks };
        long firstRequestSector = sector * (Info.SectorSize / BlkifLayout.RequestSectorSize);
        for (int chunk = 0; chunk < chunks; chunk++)
        {
            int slot = _freeSlotCount > 0 ? _freeSlots[--_freeSlotCount] : -1;
            if (slot < 0)
            {
                Notify(); // let the backend work on what is queued while we wait for a slot
                slot = await TakeSlotAsync();
                if (slot < 0) return Result<Unit, BlockError>.Fail(BlockError.Disconnected);
            }
            int offset = chunk * chunkBytes;
            int bytes = Math.Min(chunkBytes, length - offset);
            if (operation == BlkifLayout.OpWrite) from.Span.Slice(offset, bytes).CopyTo(SlotBytes(slot, bytes));
            else _slotDestination[slot] = into.Slice(offset, bytes);
            Submit(slot, batch, operation, firstRequestSector + offset / BlkifLayout.RequestSectorSize, bytes);
        }
        Notify();
        bool failed = await batch.Done.Task;
        return failed ? Result<Unit, BlockError>.Fail(BlockError.IoError) : Result.Ok<BlockError>();
    }

    private Span<byte> SlotBytes(int slot, int bytes)
        => new(_dataPages.Array, _dataPages.ArrayOffset(slot * _pagesPerSlot), bytes);

    private async ValueTask<int> TakeSlotAsync()
    {
        while (_freeSlotCount == 0)
        {
            if (!_connected) return -1;
            await _slotFreed;
        }
        return _freeSlots[--_freeSlotCount];
    }

    private void ReleaseSlot(int slot)
    {
        _freeSlots[_freeSlotCount++] = slot;
        if (_slotFreed.HasWaiter) _slotFreed.Set();
    }

    private unsafe void Submit(int slot, Batch batch, byte operation, long requestSector, int bytes)
    {
        if (_ring.InFlight == 0) _stall.Progress(); // the wait for an answer starts now
        _slotOwner[slot] = batch;
        _slotOperation[slot] = operation;
        byte* request = _ring.Slot(_ring.RequestProducer++);
        int segments = (bytes + PageBlock.PageSize - 1) / PageBlock.PageSize;
        byte* segmentList;
        if (segments > BlkifLayout.MaxSegments)
        {
            // Too many for the ring entry: the segment list goes in the slot's indirect page (the
            // ring push's barrier publishes it before the request).
            request[BlkifLayout.Operation] = BlkifLayout.OpIndirect;
            request[BlkifLayout.IndirectOperation] = operation;
            *(ushort*)(request + BlkifLayout.IndirectSegmentCount) = (ushort)segments;
            *(ulong*)(request + BlkifLayout.IndirectId) = (ulong)slot;
            *(ulong*)(request + BlkifLayout.IndirectSector) = (ulong)requestSector;
            *(ushort*)(request + BlkifLayout.IndirectHandle) = _handle;
            *(uint*)(request + BlkifLayout.IndirectGrefs) = _indirectGrants[slot];
            segmentList = _indirectPages!.Page(slot);
            IndirectRequestsSent++;
        }
        else
        {
            request[BlkifLayout.Operation] = operation;
            request[BlkifLayout.SegmentCount] = (byte)segments;
            *(ushort*)(request + BlkifLayout.Handle) = _handle;
            *(ulong*)(request + BlkifLayout.Id) = (ulong)slot;
            *(ulong*)(request + BlkifLayout.Sector) = (ulong)requestSector;
            segmentList = request + BlkifLayout.Segments;
        }
        for (int i = 0; i < segments; i++)
        {
            int pageBytes = Math.Min(PageBlock.PageSize, bytes - i * PageBlock.PageSize);
            byte* segment = segmentList + i * BlkifLayout.SegmentSize;
            *(uint*)(segment + BlkifLayout.SegmentGref) = _dataGrants[slot * _pagesPerSlot + i];
            segment[BlkifLayout.SegmentFirst] = 0;
            segment[BlkifLayout.SegmentLast] = (byte)(pageBytes / BlkifLayout.RequestSectorSize - 1);
        }
        RequestsSent++;
    }

    private void Notify()
    {
        if (_ring.PushRequests())
        {
            Notifications++;
            EventChannel.Notify(_port);
        }
    }

    /// <summary>The event loop's poll function: completes the requests the backend answered.</summary>
    private unsafe void Poll()
    {
        XenGuest.TakePending(_port);
        if (_connected && _ring.InFlight > 0 && _ring.ResponseProducer == _ring.ResponseConsumer) _stall.Check(_port);
        while (_ring.ResponseProducer != _ring.ResponseConsumer)
        {
            uint produced = _ring.ResponseProducer;
            Interlocked.MemoryBarrier();
            for (uint at = _ring.ResponseConsumer; at != produced; at++)
            {
                byte* response = _ring.Slot(at);
                ulong id = *(ulong*)(response + BlkifLayout.ResponseId);
                short status = *(short*)(response + BlkifLayout.ResponseStatus);
                // Consumed before the slot is released: a waiting writer resumed by the release may
                // fill the ring at once, and the ring must not count this entry as still in flight.
                _ring.ResponseConsumer = at + 1;
                _stall.Progress();
                if (id >= SlotCount || _slotOwner[id] is not { } batch) continue; // not ours: ignore rather than corrupt
                _slotOwner[id] = null;
                if (status != BlkifLayout.StatusOkay)
                {
                    RequestsRefusedByBackend++;
                    batch.Failed = true;
                }
                // A read's data leaves the slot's pages before the slot can take another request.
                if (_slotOperation[id] == BlkifLayout.OpRead)
                {
                    Memory<byte> destination = _slotDestination[id];
                    _slotDestination[id] = default;
                    if (status == BlkifLayout.StatusOkay) SlotBytes((int)id, destination.Length).CopyTo(destination.Span);
                }
                ReleaseSlot((int)id);
                if (--batch.Outstanding == 0) batch.Done.TrySetResult(batch.Failed);
            }
            _ring.ResponseConsumer = produced;
            if (!_ring.HasResponses()) break;
        }
    }

    /// <summary>Disconnects (Closing, then Closed, as the backend follows); later I/O is <see cref="BlockError.Disconnected"/>.</summary>
    public async Task<Result<Unit, DeviceError>> CloseAsync()
    {
        if (!_connected) return Result<Unit, DeviceError>.Ok(Unit.Value);
        _connected = false;
        if (_slotFreed.HasWaiter) _slotFreed.Set();
        await _device.SetStateAsync(XenbusState.Closing);
        var closing = await _device.WaitForBackendAsync(XenbusState.Closing, XenbusState.Closed);
        await _device.SetStateAsync(XenbusState.Closed);
        if (closing.IsError) return Result<Unit, DeviceError>.Fail(new DeviceError("blkfront: " + closing.Error));
        var closed = await _device.WaitForBackendAsync(XenbusState.Closed, XenbusState.InitWait);
        if (closed.IsError) return Result<Unit, DeviceError>.Fail(new DeviceError("blkfront: " + closed.Error));
        XenGuest.Mask(_port);
        EventChannel.Release(_port);
        GrantTable.End(_ringGrant);
        for (int i = 0; i < _dataPages.Count; i++) GrantTable.End(_dataGrants[i]);
        for (int i = 0; i < _indirectGrants.Length; i++) GrantTable.End(_indirectGrants[i]);
        return Result<Unit, DeviceError>.Ok(Unit.Value);
    }
}
