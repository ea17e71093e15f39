using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Mirage.Devices;
using Mirage.Xen.Devices.Frontend;
using Mirage.Xen.Devices.Grants;
using Mirage.Xen.Devices.Guest;
using Mirage.Xen.Devices.Netfront;
using Mirage.Xen.Devices.Rings;
using Mirage.Xen.Devices.Xenstore;

namespace Mirage.Xen.Devices;

/// <summary>
/// Device kind <c>network</c> on xen and xen-arm: netfront, the frontend of Linux's netback.
/// One vif (xenstore device/vif/N, the xl config's <c>devid=N</c>), one queue, RX in copy mode,
/// no scatter-gather, offloads or GSO: every frame fits one slot. Everything shared with the
/// backend is allocated and granted once at connect — 256 TX slots in 128 pages, 128 RX pages,
/// the two ring pages — so sending and receiving allocate nothing. Frames the backend refuses
/// (a TX response other than OKAY) or that arrive malformed (error status, chained or extra
/// slots we never asked for, too long) are counted in <see cref="NetworkStatistics.FramesDropped"/>
/// and <see cref="FramesRefusedByBackend"/> / <see cref="MalformedFramesReceived"/>, never delivered.
/// </summary>
public sealed class XenNetwork : INetwork
{
    private const int TxSlotSize = 2048;
    private const int RxBufferCount = 128;

    private readonly FrontendDevice _device;
    private readonly uint _port;
    private readonly FrontRing _tx;
    private readonly FrontRing _rx;
    private readonly PageBlock _ringPages;
    private readonly PageBlock _txPages;
    private readonly PageBlock _rxPages;
    private readonly uint[] _txGrants;
    private readonly uint[] _rxGrants;
    private readonly uint[] _ringGrants;
    private readonly ushort[] _freeTxSlots;
    private int _freeTxCount;
    private readonly ushort[] _rxBufferAtPosition;
    private readonly Signal _txSpace = new();
    private readonly Signal _rxArrived = new();
    private readonly StallKick _txStall = new();
    private CancellationToken _listenToken;
    private bool _listening;
    private bool _connected;

    private XenNetwork(FrontendDevice device, uint port, MacAddress mac, PageBlock ringPages, PageBlock txPages, PageBlock rxPages,
        uint[] ringGrants, uint[] txGrants, uint[] rxGrants)
    {
        _device = device;
        _port = port;
        Mac = mac;
        _ringPages = ringPages;
        _txPages = txPages;
        _rxPages = rxPages;
        _ringGrants = ringGrants;
        _txGrants = txGrants;
        _rxGrants = rxGrants;
        _tx = new FrontRing(ringPages, 0, NetifLayout.TxEntrySize);
        _rx = new FrontRing(ringPages, 1, NetifLayout.RxEntrySize);
        _freeTxSlots = new ushort[_tx.Size];
        for (int i = (int)_tx.Size - 1; i >= 0; i--) _freeTxSlots[_freeTxCount++] = (ushort)i;
        _rxBufferAtPosition = new ushort[_rx.Size];
    }

    public MacAddress Mac { get; }

    public int Mtu => 1500;

    public NetworkStatistics Statistics { get; } = new();

    /// <summary>TX frames netback answered with an error (a runt frame, a bad slot): dropped, the vif stays up.</summary>
    public long FramesRefusedByBackend { get; private set; }

    /// <summary>RX responses with an error status, unexpected chaining, or an impossible length or offset.</summary>
    public long MalformedFramesReceived { get; private set; }

    /// <summary>Times netback was re-notified because TX frames sat unanswered for 100 ms.</summary>
    public long BackendKicks => _txStall.Kicks;

    /// <summary>Times a write found the TX ring full and waited for the backend.</summary>
    public long TxRingFullWaits { get; private set; }

    /// <summary>The xenstore path of this vif (device/vif/N).</summary>
    public string XenstorePath => _device.Path;

    /// <summary>
    /// Connects to vif <paramref name="vif"/>: backend InitWait, rings and buffers granted and
    /// published, our state Connected, backend Connected. <paramref name="bridge"/> and
    /// <paramref name="mac"/> are the xl config's (the MAC is read back from xenstore and must match).
    /// </summary>
    public static async ValueTask<Result<INetwork, DeviceError>> ConnectAsync(int vif, string bridge, MacAddress? mac)
    {
        var connected = await ConnectVifAsync(vif, mac);
        return connected.IsOk ? Result<INetwork, DeviceError>.Ok(connected.Value) : Result<INetwork, DeviceError>.Fail(connected.Error);
    }

    /// <summary>As <see cref="ConnectAsync"/>, typed: for programs that want the counters and <see cref="CloseAsync"/>.</summary>
    public static async Task<Result<XenNetwork, DeviceError>> ConnectVifAsync(int vif, MacAddress? expectedMac = null)
    {
        var store = XenstoreClient.Connect();
        if (store.IsError) return Fail($"no xenstore ({store.Error}): netfront runs only on Xen");
        string path = "device/vif/" + vif.ToString(CultureInfo.InvariantCulture);
        // Requests that do not depend on each other's answers go out together, here and below:
        // each round trip to xenstored in dom0 is a few milliseconds of the domain's boot.
        var macRead = store.Value.ReadAsync(path + "/mac");
        var opened = await FrontendDevice.OpenAsync(store.Value, path);
        var macText = await macRead;
        if (opened.IsError) return Fail($"vif {vif} is not in xenstore ({opened.Error}): the domain's xl config needs a vif line with devid={vif}");
        var device = opened.Value;

        if (macText.IsError || !MacAddress.TryParse(macText.Value, out MacAddress mac))
            return Fail($"{path}/mac is missing or not a MAC address");
        if (expectedMac is { } expected && expected != mac)
            return Fail($"{path} has MAC {mac}, the project says {expected}");

        var ringPages = new PageBlock(2);
        var txPages = new PageBlock((int)FrontRing.EntriesFor(NetifLayout.TxEntrySize) * TxSlotSize / PageBlock.PageSize);
        var rxPages = new PageBlock(RxBufferCount);
        var ringGrants = new uint[2];
        var txGrants = new uint[txPages.Count];
        var rxGrants = new uint[rxPages.Count];
        // The backend only reads TX buffers; it writes the rings and the RX buffers.
        if (!TryGrant(device.BackendDomain, ringPages, false, ringGrants)) return Fail("no grant references left for the rings");
        if (!TryGrant(device.BackendDomain, txPages, true, txGrants)) return Fail("no grant references left for the TX buffers");
        if (!TryGrant(device.BackendDomain, rxPages, false, rxGrants)) return Fail("no grant references left for the RX buffers");
        long port = EventChannel.AllocateUnbound(device.BackendDomain);
        if (port < 0) return Fail("EVTCHNOP_alloc_unbound failed");

        var network = new XenNetwork(device, (uint)port, mac, ringPages, txPages, rxPages, ringGrants, txGrants, rxGrants);
        for (int i = 0; i < RxBufferCount; i++) network.PostRxBuffer((ushort)i);
        network._rx.PushRequests();

        // One round trip: the backend's state (with a watch), its RX copy feature, and the
        // transaction the rings are published in. Under libxl the backend is in InitWait, its
        // features written, before the domain runs; with a slower toolstack the feature is read again.
        var initWait = device.WaitForBackendAsync(XenbusState.InitWait, XenbusState.Connected);
        var rxCopyRead = device.ReadBackendAsync("feature-rx-copy");
        var transaction = store.Value.StartTransactionAsync();
        var waited = await initWait;
        var rxCopy = await rxCopyRead;
        if (waited.IsError || rxCopy.IsError || rxCopy.Value != "1")
        {
            if (await transaction is { IsOk: true } started) _ = store.Value.EndTransactionAsync(started.Value, commit: false);
            if (waited.IsError) return Fail(waited.Error);
            rxCopy = await device.ReadBackendAsync("feature-rx-copy");
            if (rxCopy.IsError || rxCopy.Value != "1") return Fail($"the backend ({device.BackendPath}) does not offer RX copy mode (feature-rx-copy), the only mode netfront implements");
            transaction = store.Value.StartTransactionAsync();
        }

        var published = await store.Value.PublishAsync(path, new[]
        {
            ("tx-ring-ref", ringGrants[0].ToString(CultureInfo.InvariantCulture)),
            ("rx-ring-ref", ringGrants[1].ToString(CultureInfo.InvariantCulture)),
            ("event-channel", port.ToString(CultureInfo.InvariantCulture)),
            ("request-rx-copy", "1"),
            ("feature-rx-notify", "1"),
            ("feature-sg", "0"),
            ("feature-gso-tcpv4", "0"),
            ("feature-no-csum-offload", "1"),
        }, transaction);
        if (published.IsError) return Fail($"cannot publish the rings in {path}: {published.Error}");
        var stateWrite = device.SetStateAsync(XenbusState.Connected);
        var backendConnected = device.WaitForBackendAsync(XenbusState.Connected);
        var state = await stateWrite;
        if (state.IsError) return Fail($"cannot write {path}/state: {state.Error}");
        waited = await backendConnected;
        if (waited.IsError) return Fail(waited.Error);

        network._connected = true;
        XenGuest.Unmask(network._port);
        XenGuest.AddPoller(network.Poll);
        EventChannel.Notify(network._port);
        return Result<XenNetwork, DeviceError>.Ok(network);
    }

    private static Result<XenNetwork, DeviceError> Fail(string message) => Result<XenNetwork, DeviceError>.Fail(new DeviceError("netfront: " + message));

    private static unsafe bool TryGrant(ushort domain, PageBlock pages, bool readOnly, uint[] references)
    {
        for (int i = 0; i < pages.Count; i++)
        {
            var grant = GrantTable.Grant(domain, PageBlock.FrameOf(pages.Page(i)), readOnly);
            if (grant.IsError) return false;
            references[i] = grant.Value;
        }
        return true;
    }

    public ValueTask<Result<Unit, NetworkError>> WriteAsync(ReadOnlyMemory<byte> frame)
    {
        if (!_connected) return new(Result<Unit, NetworkError>.Fail(NetworkError.Disconnected));
        if (frame.Length > NetifLayout.MaxFrame) return new(Result<Unit, NetworkError>.Fail(NetworkError.FrameTooLarge));
        if (_freeTxCount == 0) ReclaimTxSlots();
        if (_freeTxCount == 0) return WriteWhenSpaceAsync(frame);
        Send(frame.Span);
        return new(Result.Ok<NetworkError>());
    }

    /// <summary>Backpressure: the ring is full, so the writer waits for netback to finish some frames.</summary>
    private async ValueTask<Result<Unit, NetworkError>> WriteWhenSpaceAsync(ReadOnlyMemory<byte> frame)
    {
        TxRingFullWaits++;
        while (_freeTxCount == 0)
        {
            if (!_connected) return Result<Unit, NetworkError>.Fail(NetworkError.Disconnected);
            await _txSpace;
        }
        Send(frame.Span);
        return Result.Ok<NetworkError>();
    }

    private unsafe void Send(ReadOnlySpan<byte> frame)
    {
        ushort slot = _freeTxSlots[--_freeTxCount];
        int page = slot * TxSlotSize / PageBlock.PageSize;
        int offset = slot * TxSlotSize % PageBlock.PageSize;
        frame.CopyTo(new Span<byte>(_txPages.Page(page) + offset, frame.Length));
        byte* request = _tx.Slot(_tx.RequestProducer++);
        *(uint*)(request + NetifLayout.TxGref) = _txGrants[page];
        *(ushort*)(request + NetifLayout.TxOffset) = (ushort)offset;
        *(ushort*)(request + NetifLayout.TxFlags) = 0;
        *(ushort*)(request + NetifLayout.TxId) = slot;
        *(ushort*)(request + NetifLayout.TxSize) = (ushort)frame.Length;
        if (_tx.InFlight == 0) _txStall.Progress(); // the wait for an answer starts now
        Statistics.FramesSent++;
        Statistics.BytesSent += frame.Length;
        if (_tx.PushRequests()) EventChannel.Notify(_port);
    }

    private unsafe void ReclaimTxSlots()
    {
        do
        {
            uint produced = _tx.ResponseProducer;
            Interlocked.MemoryBarrier();
            for (uint at = _tx.ResponseConsumer; at != produced; at++)
            {
                byte* response = _tx.Slot(at);
                ushort id = *(ushort*)(response + NetifLayout.TxResponseId);
                short status = *(short*)(response + NetifLayout.TxResponseStatus);
                if (status != NetifLayout.StatusOkay)
                {
                    FramesRefusedByBackend++;
                    Statistics.FramesDropped++;
                }
                if (id < _tx.Size) _freeTxSlots[_freeTxCount++] = id;
            }
            if (_tx.ResponseConsumer != produced) _txStall.Progress();
            _tx.ResponseConsumer = produced;
        }
        while (_tx.HasResponses());
    }

    public async Task<Result<Unit, NetworkError>> ListenAsync(Func<ReadOnlyMemory<byte>, ValueTask> onFrame, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onFrame);
        if (_listening) return Result<Unit, NetworkError>.Fail(NetworkError.IoError);
        _listening = true;
        _listenToken = cancellationToken;
        while (_connected && !cancellationToken.IsCancellationRequested)
        {
            while (_connected && TakeRxResponse(out ushort buffer, out int offset, out int length))
            {
                if (length > 0)
                {
                    Statistics.FramesReceived++;
                    Statistics.BytesReceived += length;
                    await onFrame(new ReadOnlyMemory<byte>(_rxPages.Array, _rxPages.ArrayOffset(buffer) + offset, length));
                }
                PostRxBuffer(buffer);
                if (_rx.PushRequests()) EventChannel.Notify(_port);
            }
            if (!_rx.HasResponses()) await _rxArrived;
        }
        _listening = false;
        return _connected ? Result.Ok<NetworkError>() : Result<Unit, NetworkError>.Fail(NetworkError.Disconnected);
    }

    /// <summary>
    /// The next RX response: its buffer, and where the frame is in it; a length of 0 for a response
    /// that carries no deliverable frame (counted as malformed and dropped).
    /// </summary>
    private unsafe bool TakeRxResponse(out ushort buffer, out int offset, out int length)
    {
        buffer = 0;
        offset = 0;
        length = 0;
        if (_rx.ResponseProducer == _rx.ResponseConsumer) return false;
        Interlocked.MemoryBarrier();
        uint at = _rx.ResponseConsumer;
        byte* response = _rx.Slot(at);
        buffer = _rxBufferAtPosition[at & (_rx.Size - 1)];
        short status = *(short*)(response + NetifLayout.RxResponseStatus);
        offset = *(ushort*)(response + NetifLayout.RxResponseOffset);
        int flags = *(ushort*)(response + NetifLayout.RxResponseFlags);
        _rx.ResponseConsumer = at + 1;
        if (status <= 0 || status > NetifLayout.MaxFrame || offset + status > PageBlock.PageSize
            || (flags & (NetifLayout.RxFlagMoreData | NetifLayout.RxFlagExtraInfo)) != 0)
        {
            // Netback sends chained or extra slots only for features we did not request; an
            // error status is a frame it could not deliver. Either way nothing to hand up.
            MalformedFramesReceived++;
            Statistics.FramesDropped++;
            offset = 0;
            return true;
        }
        length = status;
        return true;
    }

    private unsafe void PostRxBuffer(ushort buffer)
    {
        uint at = _rx.RequestProducer++;
        _rxBufferAtPosition[at & (_rx.Size - 1)] = buffer;
        byte* request = _rx.Slot(at);
        *(ushort*)(request + NetifLayout.RxId) = buffer;
        *(ushort*)(request + 2) = 0;
        *(uint*)(request + NetifLayout.RxGref) = _rxGrants[buffer];
    }

    /// <summary>The event loop's poll function: TX completions free slots (waking a waiting writer), RX responses wake the listener.</summary>
    private void Poll()
    {
        XenGuest.TakePending(_port);
        if (_tx.ResponseProducer != _tx.ResponseConsumer) ReclaimTxSlots();
        if (_connected && _tx.InFlight > 0) _txStall.Check(_port);
        if (_freeTxCount > 0 && _txSpace.HasWaiter) _txSpace.Set();
        if (_rxArrived.HasWaiter && (_rx.ResponseProducer != _rx.ResponseConsumer || _listenToken.IsCancellationRequested || !_connected)) _rxArrived.Set();
    }

    /// <summary>
    /// Disconnects: our state Closing, the backend's Closing or Closed, our state Closed. A
    /// listener returns <see cref="NetworkError.Disconnected"/>; later writes fail the same way.
    /// </summary>
    public async Task<Result<Unit, DeviceError>> CloseAsync()
    {
        if (!_connected) return Result<Unit, DeviceError>.Ok(Unit.Value);
        _connected = false;
        if (_rxArrived.HasWaiter) _rxArrived.Set();
        if (_txSpace.HasWaiter) _txSpace.Set();
        await _device.SetStateAsync(XenbusState.Closing);
        var closing = await _device.WaitForBackendAsync(XenbusState.Closing, XenbusState.Closed);
        await _device.SetStateAsync(XenbusState.Closed);
        if (closing.IsError) return Result<Unit, DeviceError>.Fail(new DeviceError("netfront: " + closing.Error));
        var closed = await _device.WaitForBackendAsync(XenbusState.Closed, XenbusState.InitWait);
        if (closed.IsError) return Result<Unit, DeviceError>.Fail(new DeviceError("netfront: " + closed.Error));
        XenGuest.Mask(_port);
        EventChannel.Release(_port);
        // The backend has unmapped everything: the pages are ours again.
        EndGrants(_ringGrants, _ringPages.Count);
        EndGrants(_txGrants, _txPages.Count);
        EndGrants(_rxGrants, _rxPages.Count);
        return Result<Unit, DeviceError>.Ok(Unit.Value);
    }

    private static void EndGrants(uint[] references, int count)
    {
        for (int i = 0; i < count; i++) GrantTable.End(references[i]);
    }
}
