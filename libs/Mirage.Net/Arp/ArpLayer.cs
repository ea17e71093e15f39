using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Mirage.Devices;
using Mirage.Net.Buffers;
using Mirage.Net.Ip;
using Mirage.Net.Link;
using Mirage.Net.Timers;
using Mirage.Net.Wire;

namespace Mirage.Net.Arp;

/// <summary>
/// ARP for IPv4 over Ethernet (RFC 826) with a bounded cache: entries expire after a minute; an
/// unresolved address is asked three times a second apart, and up to four packets wait for it
/// (older ones are dropped). Address conflict detection (RFC 5227): probes before an address is
/// used, and an announcement (gratuitous ARP) once it is.
/// </summary>
internal sealed class ArpLayer : IArp, ITimerClient
{
    public const int PacketLength = 28;
    public const int CacheLimit = 256;
    public const long EntryLifetimeMs = 60_000;
    public const long RequestIntervalMs = 1_000;
    public const int RequestLimit = 3;
    public const long DefendIntervalMs = 10_000;

    private readonly EthernetLayer _ethernet;
    private readonly InterfaceConfiguration _config;
    private readonly FramePool _pool;
    private readonly TimerScheduler _timers;
    private readonly ArpStatistics _stats;
    private readonly Dictionary<uint, ArpEntry> _cache = new();
    private readonly Stack<ArpEntry> _spareEntries = new();
    private readonly List<uint> _expired = new();

    // Conflict detection: the address being probed, and whether anyone claimed it.
    private Ipv4Address _probing;
    private bool _probeConflict;
    private long _lastDefenseMs = long.MinValue / 2;

    public ArpLayer(EthernetLayer ethernet, InterfaceConfiguration config, FramePool pool, TimerScheduler timers, ArpStatistics stats)
    {
        _ethernet = ethernet;
        _config = config;
        _pool = pool;
        _timers = timers;
        _stats = stats;
    }

    public IReadOnlyList<Ipv4Address> Addresses => _config.ArpAddresses;

    public bool TryResolve(Ipv4Address address, out MacAddress mac)
    {
        if (_cache.TryGetValue(address.Value, out ArpEntry? entry) && entry.Resolved)
        {
            mac = entry.Mac;
            return true;
        }
        mac = default;
        return false;
    }

    /// <summary>
    /// Sends a frame whose Ethernet header still lacks the destination once <paramref name="nextHop"/>
    /// answers; takes the buffer. Asks for the address if nobody has yet.
    /// </summary>
    public void SendWhenResolved(Ipv4Address nextHop, byte[] frame, int length, in TransmitOffload offload = default)
    {
        if (TryResolve(nextHop, out MacAddress mac))
        {
            mac.Write(frame);
            _ethernet.Transmit(frame, length, offload);
            return;
        }
        ArpEntry? entry = Pending(nextHop);
        if (entry is null)
        {
            _pool.Return(frame);
            return;
        }
        if (entry.QueuedCount == ArpEntry.QueueLimit)
        {
            // Keep the newest packets: a retransmission supersedes what it repeats.
            _stats.QueueOverflows++;
            _pool.Return(entry.Queued[0]!);
            for (int i = 1; i < ArpEntry.QueueLimit; i++)
            {
                entry.Queued[i - 1] = entry.Queued[i];
                entry.QueuedLengths[i - 1] = entry.QueuedLengths[i];
                entry.QueuedOffloads[i - 1] = entry.QueuedOffloads[i];
            }
            entry.QueuedCount--;
        }
        entry.Queued[entry.QueuedCount] = frame;
        entry.QueuedLengths[entry.QueuedCount] = length;
        entry.QueuedOffloads[entry.QueuedCount] = offload;
        entry.QueuedCount++;
    }

    public async ValueTask<Result<MacAddress, ArpError>> QueryAsync(Ipv4Address address, CancellationToken cancellationToken = default)
    {
        if (TryResolve(address, out MacAddress known)) return Result<MacAddress, ArpError>.Ok(known);
        ArpEntry? entry = Pending(address);
        if (entry is null) return Result<MacAddress, ArpError>.Fail(ArpError.Timeout);
        entry.Waiters ??= new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool resolved = await entry.Waiters.Task;
        return resolved && TryResolve(address, out MacAddress mac)
            ? Result<MacAddress, ArpError>.Ok(mac)
            : Result<MacAddress, ArpError>.Fail(ArpError.Timeout);
    }

    public void Receive(ReadOnlySpan<byte> packet)
    {
        if (packet.Length < PacketLength)
        {
            _stats.Truncated++;
            return;
        }
        ushort operation = NetworkOrder.ReadUInt16(packet, 6);
        if (NetworkOrder.ReadUInt16(packet, 0) != 1 || NetworkOrder.ReadUInt16(packet, 2) != (ushort)EtherType.Ipv4 ||
            packet[4] != 6 || packet[5] != 4 || operation is not (1 or 2))
        {
            _stats.Malformed++;
            return;
        }
        MacAddress senderMac = MacAddress.Read(packet.Slice(8));
        var senderIp = Ipv4Address.Read(packet.Slice(14));
        var targetIp = Ipv4Address.Read(packet.Slice(24));
        if (operation == 1) _stats.RequestsReceived++;
        else _stats.RepliesReceived++;
        if (senderMac == _ethernet.Mac) return; // our own frame looped back

        // RFC 5227: someone else uses (or probes for) the address we are probing or own.
        if (_probing != Ipv4Address.Any && (senderIp == _probing || (operation == 1 && senderIp == Ipv4Address.Any && targetIp == _probing)))
        {
            _probeConflict = true;
            _stats.Conflicts++;
            return;
        }
        if (_config.IsOwnAddress(senderIp))
        {
            _stats.Conflicts++;
            // Defend the address (RFC 5227 §2.4): announce it again, at most once per defend interval.
            long now = _timers.NowMs;
            if (now - _lastDefenseMs >= DefendIntervalMs)
            {
                _lastDefenseMs = now;
                Announce();
            }
            return;
        }
        if (senderIp == Ipv4Address.Any || senderIp == Ipv4Address.Broadcast || senderMac == MacAddress.Broadcast || (senderMac.Bits & 0x0100_0000_0000UL) != 0)
            return;

        // RFC 826 merge: update a known sender; add it only when the packet is for us.
        bool forUs = _config.IsOwnAddress(targetIp);
        if (_cache.TryGetValue(senderIp.Value, out ArpEntry? entry)) Learn(entry, senderMac);
        else if (forUs) Learn(NewEntry(senderIp), senderMac);

        if (operation == 1 && forUs)
        {
            Send(2, senderMac, senderIp, targetIp, senderMac);
            _stats.RepliesSent++;
        }
    }

    /// <summary>RFC 5227 probes for <paramref name="address"/>; true when another host answers for it.</summary>
    public async Task<bool> ProbeAsync(Ipv4Address address, ITime time, int probes, TimeSpan interval)
    {
        _probing = address;
        _probeConflict = false;
        for (int i = 0; i < probes && !_probeConflict; i++)
        {
            Send(1, MacAddress.Broadcast, address, Ipv4Address.Any);
            _stats.RequestsSent++;
            await time.SleepAsync(interval);
        }
        bool conflict = _probeConflict;
        _probing = Ipv4Address.Any;
        return conflict;
    }

    /// <summary>Gratuitous ARP: a request for our own address, so neighbours update their caches.</summary>
    public void Announce()
    {
        if (!_config.IsConfigured) return;
        Send(1, MacAddress.Broadcast, _config.Source, _config.Source);
        _stats.RequestsSent++;
    }

    public long OnTimer(long nowMs)
    {
        long next = long.MaxValue;
        _expired.Clear();
        foreach (KeyValuePair<uint, ArpEntry> pair in _cache)
        {
            ArpEntry entry = pair.Value;
            if (entry.DeadlineMs > nowMs)
            {
                if (entry.DeadlineMs < next) next = entry.DeadlineMs;
                continue;
            }
            if (entry.Resolved || entry.RequestsSent >= RequestLimit)
            {
                if (!entry.Resolved) _stats.ResolutionTimeouts++;
                _expired.Add(pair.Key);
                continue;
            }
            SendRequest(entry.Address);
            entry.RequestsSent++;
            entry.DeadlineMs = nowMs + RequestIntervalMs;
            if (entry.DeadlineMs < next) next = entry.DeadlineMs;
        }
        for (int i = 0; i < _expired.Count; i++) Remove(_expired[i]);
        return next;
    }

    private ArpEntry? Pending(Ipv4Address address)
    {
        if (_cache.TryGetValue(address.Value, out ArpEntry? entry)) return entry;
        entry = NewEntry(address);
        if (entry is null) return null;
        SendRequest(address);
        entry.RequestsSent = 1;
        entry.DeadlineMs = _timers.NowMs + RequestIntervalMs;
        _timers.Schedule(entry.DeadlineMs);
        return entry;
    }

    private ArpEntry? NewEntry(Ipv4Address address)
    {
        if (_cache.Count >= CacheLimit && !EvictOne()) return null;
        ArpEntry entry = _spareEntries.Count > 0 ? _spareEntries.Pop() : new ArpEntry();
        entry.Address = address;
        entry.Resolved = false;
        entry.RequestsSent = 0;
        entry.QueuedCount = 0;
        entry.Waiters = null;
        entry.DeadlineMs = long.MaxValue;
        _cache[address.Value] = entry;
        _stats.CacheEntries = _cache.Count;
        return entry;
    }

    /// <summary>Makes room by dropping the resolved entry closest to expiry; pending ones are kept (their packets wait).</summary>
    private bool EvictOne()
    {
        uint victim = 0;
        long soonest = long.MaxValue;
        bool found = false;
        foreach (KeyValuePair<uint, ArpEntry> pair in _cache)
        {
            if (pair.Value.Resolved && pair.Value.DeadlineMs < soonest)
            {
                soonest = pair.Value.DeadlineMs;
                victim = pair.Key;
                found = true;
            }
        }
        if (found) Remove(victim);
        return found;
    }

    private void Learn(ArpEntry? entry, MacAddress mac)
    {
        if (entry is null) return;
        entry.Mac = mac;
        entry.Resolved = true;
        entry.DeadlineMs = _timers.NowMs + EntryLifetimeMs;
        _timers.Schedule(entry.DeadlineMs);
        for (int i = 0; i < entry.QueuedCount; i++)
        {
            byte[] frame = entry.Queued[i]!;
            entry.Queued[i] = null;
            mac.Write(frame);
            _ethernet.Transmit(frame, entry.QueuedLengths[i], entry.QueuedOffloads[i]);
        }
        entry.QueuedCount = 0;
        entry.Waiters?.TrySetResult(true);
        entry.Waiters = null;
    }

    private void Remove(uint key)
    {
        if (!_cache.Remove(key, out ArpEntry? entry)) return;
        for (int i = 0; i < entry.QueuedCount; i++)
        {
            _pool.Return(entry.Queued[i]!);
            entry.Queued[i] = null;
        }
        entry.QueuedCount = 0;
        entry.Waiters?.TrySetResult(false);
        entry.Waiters = null;
        _spareEntries.Push(entry);
        _stats.CacheEntries = _cache.Count;
    }

    private void SendRequest(Ipv4Address target)
    {
        Send(1, MacAddress.Broadcast, target, _config.Source);
        _stats.RequestsSent++;
    }

    private void Send(ushort operation, MacAddress destination, Ipv4Address targetIp, Ipv4Address senderIp, MacAddress targetMac = default)
    {
        byte[] frame = _pool.Rent();
        _ethernet.WriteHeader(frame, destination, EtherType.Arp);
        Span<byte> arp = frame.AsSpan(EthernetLayer.HeaderLength, PacketLength);
        NetworkOrder.WriteUInt16(arp, 0, 1);
        NetworkOrder.WriteUInt16(arp, 2, (ushort)EtherType.Ipv4);
        arp[4] = 6;
        arp[5] = 4;
        NetworkOrder.WriteUInt16(arp, 6, operation);
        _ethernet.Mac.Write(arp.Slice(8));
        senderIp.Write(arp.Slice(14));
        targetMac.Write(arp.Slice(18));
        targetIp.Write(arp.Slice(24));
        // Pad to the 60-byte Ethernet minimum; some peers drop runts.
        int length = EthernetLayer.HeaderLength + PacketLength;
        frame.AsSpan(length, 60 - length).Clear();
        _ethernet.Transmit(frame, 60);
    }
}
