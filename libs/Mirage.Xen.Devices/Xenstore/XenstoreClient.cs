using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Mirage.Xen.Devices.Guest;

namespace Mirage.Xen.Devices.Xenstore;

/// <summary>
/// The domain's xenstore connection: the ring page and event channel the toolstack names in
/// HVM_PARAM_STORE_PFN/EVTCHN. Requests are queued and pushed into the 1 KiB ring as it drains;
/// replies are matched to requests by id; watch events go to their <see cref="XenstoreWatch"/>.
/// All of it happens in the event loop's poll function, so any number of requests can be in
/// flight. A malformed reply breaks the connection: every waiting request gets
/// <see cref="XenstoreError.Malformed"/>, later ones <see cref="XenstoreError.Disconnected"/>.
/// Used while devices connect and disconnect; the I/O paths of the drivers never touch it.
/// </summary>
public sealed class XenstoreClient
{
    private static XenstoreClient? s_instance;

    private readonly XenstoreRing _ring;
    private readonly uint _port;
    private readonly XenstoreMessageReader _reader = new();
    private readonly Queue<byte[]> _outgoing = new();
    private int _outgoingSent;
    private readonly List<PendingRequest> _pending = new();
    private readonly List<XenstoreWatch> _watches = new();
    private uint _nextRequestId = 1;
    private int _nextWatchToken = 1;
    private bool _broken;
    private readonly Guest.StallKick _stall = new();

    private sealed class PendingRequest
    {
        public uint Id;
        public XenstoreMessageType Type;
        public readonly TaskCompletionSource<Result<byte[], XenstoreError>> Reply = new();
    }

    private unsafe XenstoreClient(byte* page, uint port)
    {
        _ring = new XenstoreRing(page);
        _port = port;
    }

    /// <summary>The connection, made on first use; <see cref="XenstoreError.Disconnected"/> when the domain has no xenstore.</summary>
    public static unsafe Result<XenstoreClient, XenstoreError> Connect()
    {
        if (s_instance is not null) return Result<XenstoreClient, XenstoreError>.Ok(s_instance);
        if (!HvmParameter.TryGet(HvmParameter.StorePfn, out ulong frame) || frame == 0
            || !HvmParameter.TryGet(HvmParameter.StoreEventChannel, out ulong port))
            return Result<XenstoreClient, XenstoreError>.Fail(XenstoreError.Disconnected);
        var client = new XenstoreClient((byte*)(nuint)(frame << 12), (uint)port);
        XenGuest.Unmask((uint)port);
        XenGuest.AddPoller(client.Poll);
        s_instance = client;
        return Result<XenstoreClient, XenstoreError>.Ok(client);
    }

    public async Task<Result<string, XenstoreError>> ReadAsync(string path, uint transaction = 0)
    {
        var reply = await SendAsync(XenstoreMessageType.Read, transaction, new[] { path });
        return reply.IsOk ? XenstoreWire.ParseValue(reply.Value) : Result<string, XenstoreError>.Fail(reply.Error);
    }

    public async Task<Result<Unit, XenstoreError>> WriteAsync(string path, string value, uint transaction = 0)
    {
        var reply = await SendAsync(XenstoreMessageType.Write, transaction, new[] { path, value }, terminateLast: false);
        return Acknowledged(reply);
    }

    public async Task<Result<Unit, XenstoreError>> RemoveAsync(string path, uint transaction = 0)
        => Acknowledged(await SendAsync(XenstoreMessageType.Remove, transaction, new[] { path }));

    public async Task<Result<string[], XenstoreError>> DirectoryAsync(string path, uint transaction = 0)
    {
        var reply = await SendAsync(XenstoreMessageType.Directory, transaction, new[] { path });
        return reply.IsOk ? XenstoreWire.ParseNames(reply.Value) : Result<string[], XenstoreError>.Fail(reply.Error);
    }

    public async Task<Result<uint, XenstoreError>> StartTransactionAsync()
    {
        var reply = await SendAsync(XenstoreMessageType.TransactionStart, 0, new[] { "" });
        return reply.IsOk ? XenstoreWire.ParseTransactionId(reply.Value) : Result<uint, XenstoreError>.Fail(reply.Error);
    }

    /// <summary>Commits (or abandons) a transaction; <see cref="XenstoreError.TryAgain"/> when another writer got in first.</summary>
    public async Task<Result<Unit, XenstoreError>> EndTransactionAsync(uint transaction, bool commit)
        => Acknowledged(await SendAsync(XenstoreMessageType.TransactionEnd, transaction, new[] { commit ? "T" : "F" }));

    /// <summary>
    /// Writes <paramref name="entries"/> under <paramref name="directory"/> in one transaction,
    /// starting over (up to <paramref name="attempts"/> times) when xenstored answers EAGAIN, as
    /// every xenstore client must. The writes and the commit are sent together, without waiting
    /// for each answer: a driver's handshake is a few of these round trips to dom0, and each one
    /// is boot time. A write refused (it should not be: the nodes are the domain's own) still
    /// fails the call, after the commit has stored the others.
    /// <paramref name="started"/> is a transaction the caller began earlier, so that its start
    /// could travel with other requests.
    /// </summary>
    public async Task<Result<Unit, XenstoreError>> PublishAsync(string directory, IReadOnlyList<(string Key, string Value)> entries,
        Task<Result<uint, XenstoreError>>? started = null, int attempts = 16)
    {
        for (int attempt = 1; ; attempt++)
        {
            var transaction = await (started ?? StartTransactionAsync());
            started = null;
            if (transaction.IsError) return Result<Unit, XenstoreError>.Fail(transaction.Error);
            var writes = new Task<Result<Unit, XenstoreError>>[entries.Count];
            for (int i = 0; i < entries.Count; i++)
                writes[i] = WriteAsync(directory + "/" + entries[i].Key, entries[i].Value, transaction.Value);
            var end = EndTransactionAsync(transaction.Value, commit: true);
            XenstoreError? refused = null;
            foreach (var write in writes)
            {
                var written = await write;
                if (written.IsError && refused is null) refused = written.Error;
            }
            var ended = await end;
            if (refused is { } error) return Result<Unit, XenstoreError>.Fail(error);
            if (ended.IsOk) return ended;
            if (ended.Error != XenstoreError.TryAgain || attempt >= attempts) return ended;
        }
    }

    /// <summary>Watches <paramref name="path"/> and everything below it. xenstored reports the path once at once, then at every change.</summary>
    public async Task<Result<XenstoreWatch, XenstoreError>> WatchAsync(string path)
    {
        var watch = new XenstoreWatch(this, path, "mirage-" + (_nextWatchToken++).ToString(System.Globalization.CultureInfo.InvariantCulture));
        _watches.Add(watch);
        var reply = Acknowledged(await SendAsync(XenstoreMessageType.Watch, 0, new[] { path, watch.Token }));
        if (reply.IsOk) return Result<XenstoreWatch, XenstoreError>.Ok(watch);
        _watches.Remove(watch);
        return Result<XenstoreWatch, XenstoreError>.Fail(reply.Error);
    }

    internal async Task<Result<Unit, XenstoreError>> UnwatchAsync(XenstoreWatch watch)
    {
        _watches.Remove(watch);
        return Acknowledged(await SendAsync(XenstoreMessageType.Unwatch, 0, new[] { watch.Path, watch.Token }));
    }

    private static Result<Unit, XenstoreError> Acknowledged(Result<byte[], XenstoreError> reply)
    {
        if (reply.IsError) return Result<Unit, XenstoreError>.Fail(reply.Error);
        return XenstoreWire.IsOk(reply.Value) ? Result.Ok<XenstoreError>() : Result<Unit, XenstoreError>.Fail(XenstoreError.Malformed);
    }

    private Task<Result<byte[], XenstoreError>> SendAsync(XenstoreMessageType type, uint transaction, string[] parts, bool terminateLast = true)
    {
        if (_broken) return Task.FromResult(Result<byte[], XenstoreError>.Fail(XenstoreError.Disconnected));
        uint id = _nextRequestId++;
        var message = XenstoreWire.Request(type, id, transaction, parts, terminateLast);
        if (message.IsError) return Task.FromResult(Result<byte[], XenstoreError>.Fail(message.Error));
        var pending = new PendingRequest { Id = id, Type = type };
        _pending.Add(pending);
        _outgoing.Enqueue(message.Value);
        Push();
        return pending.Reply.Task;
    }

    /// <summary>The event loop's poll function: push queued requests, take replies and watch events.</summary>
    private void Poll()
    {
        XenGuest.TakePending(_port);
        if (_broken) return;
        Push();
        Receive();
        if (_pending.Count == 0) _stall.Progress();
        else _stall.Check(_port);
    }

    private void Push()
    {
        bool wrote = false;
        while (_outgoing.Count > 0)
        {
            byte[] message = _outgoing.Peek();
            int written = _ring.WriteRequest(message.AsSpan(_outgoingSent));
            if (written < 0) { Break(); return; }
            if (written == 0) break;
            wrote = true;
            _outgoingSent += written;
            if (_outgoingSent < message.Length) break;
            _outgoing.Dequeue();
            _outgoingSent = 0;
        }
        if (wrote) EventChannel.Notify(_port);
    }

    private void Receive()
    {
        while (true)
        {
            int read = _ring.ReadResponses(_reader);
            if (read < 0 || _reader.IsBroken) { Break(); return; }
            if (read > 0) { EventChannel.Notify(_port); _stall.Progress(); }
            if (!_reader.TryTake(out var header, out var payload)) return;
            Dispatch(header, payload);
            if (read == 0) continue; // a message completed by an earlier read: look for more
        }
    }

    private void Dispatch(XenstoreWire.Header header, ReadOnlySpan<byte> payload)
    {
        if (header.Type == XenstoreMessageType.WatchEvent)
        {
            var watchEvent = XenstoreWire.ParseWatchEvent(payload);
            if (watchEvent.IsError) { Break(); return; }
            foreach (var watch in _watches)
                if (watch.Token == watchEvent.Value.Token) watch.Deliver(watchEvent.Value.Path);
            return;
        }
        for (int i = 0; i < _pending.Count; i++)
        {
            var pending = _pending[i];
            if (pending.Id != header.RequestId) continue;
            _pending.RemoveAt(i);
            if (header.Type == XenstoreMessageType.Error)
                pending.Reply.TrySetResult(Result<byte[], XenstoreError>.Fail(XenstoreWire.ParseError(payload)));
            else if (header.Type != pending.Type)
                pending.Reply.TrySetResult(Result<byte[], XenstoreError>.Fail(XenstoreError.Malformed));
            else
                pending.Reply.TrySetResult(Result<byte[], XenstoreError>.Ok(payload.ToArray()));
            return;
        }
        // A reply to no request of ours: xenstored is confused, or this is garbage.
        Break();
    }

    private void Break()
    {
        _broken = true;
        foreach (var pending in _pending) pending.Reply.TrySetResult(Result<byte[], XenstoreError>.Fail(XenstoreError.Malformed));
        _pending.Clear();
        foreach (var watch in _watches) watch.Deliver(null);
    }
}
