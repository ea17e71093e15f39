using System;
using Mirage.Devices;
using Mirage.Net.Timers;

namespace Mirage.Net.Ip;

/// <summary>
/// Fragment reassembly (RFC 791, RFC 815's hole idea) with fixed limits: at most
/// <see cref="SlotCount"/> datagrams at once, <see cref="PieceLimit"/> fragments each, 30 seconds
/// to complete. A fragment that overlaps another with different bounds condemns the whole datagram
/// (overlap tricks are an attack, not a network accident); exact duplicates are ignored. Memory is
/// bounded: each slot's 64 KiB buffer is allocated once and reused.
/// </summary>
internal sealed class Ipv4Reassembler : ITimerClient
{
    public const int SlotCount = 8;
    public const int PieceLimit = 64;
    public const long TimeoutMs = 30_000;
    public const int MaximumPayload = 65535 - 20;

    internal sealed class Slot
    {
        public bool InUse;
        public Ipv4Address Source;
        public Ipv4Address Destination;
        public ushort Id;
        public byte Protocol;
        public byte[]? Data;
        public readonly int[] Starts = new int[PieceLimit];
        public readonly int[] Ends = new int[PieceLimit];
        public int Pieces;
        public int Received;
        /// <summary>The payload length, known once the last fragment (MF clear) arrives; -1 before.</summary>
        public int TotalLength;
        public readonly byte[] Header = new byte[60];
        public int HeaderLength;
        public long DeadlineMs;
    }

    private readonly Slot[] _slots = new Slot[SlotCount];
    private readonly Ipv4Statistics _stats;
    private readonly TimerScheduler _timers;

    public Ipv4Reassembler(Ipv4Statistics stats, TimerScheduler timers)
    {
        _stats = stats;
        _timers = timers;
        for (int i = 0; i < SlotCount; i++) _slots[i] = new Slot();
    }

    public int SlotsInUse
    {
        get
        {
            int count = 0;
            for (int i = 0; i < SlotCount; i++) if (_slots[i].InUse) count++;
            return count;
        }
    }

    /// <summary>
    /// Adds one fragment (<paramref name="offset"/> in bytes). Returns the slot when the datagram is
    /// complete; the caller delivers <c>Data[0..TotalLength]</c> and then calls <see cref="Release"/>.
    /// </summary>
    public Slot? Add(Ipv4Address source, Ipv4Address destination, ushort id, byte protocol,
                     ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload, int offset, bool moreFragments)
    {
        _stats.FragmentsReceived++;
        int end = offset + payload.Length;
        if (payload.Length == 0 || end > MaximumPayload || (moreFragments && (payload.Length & 7) != 0))
        {
            _stats.BadFragments++;
            return null;
        }
        Slot? slot = Find(source, destination, id, protocol);
        if (slot is null)
        {
            slot = Claim();
            if (slot is null)
            {
                _stats.ReassemblyOverflows++;
                return null;
            }
            slot.InUse = true;
            slot.Source = source;
            slot.Destination = destination;
            slot.Id = id;
            slot.Protocol = protocol;
            slot.Pieces = 0;
            slot.Received = 0;
            slot.TotalLength = -1;
            slot.HeaderLength = 0;
            slot.DeadlineMs = _timers.NowMs + TimeoutMs;
            slot.Data ??= new byte[MaximumPayload];
            _timers.Schedule(slot.DeadlineMs);
        }

        // The end of the datagram, once known, bounds every fragment.
        if (!moreFragments)
        {
            if ((slot.TotalLength >= 0 && slot.TotalLength != end) || LargestEnd(slot) > end)
            {
                Condemn(slot, overlap: false);
                return null;
            }
        }
        else if (slot.TotalLength >= 0 && end > slot.TotalLength)
        {
            Condemn(slot, overlap: false);
            return null;
        }

        for (int i = 0; i < slot.Pieces; i++)
        {
            if (offset < slot.Ends[i] && end > slot.Starts[i])
            {
                if (offset == slot.Starts[i] && end == slot.Ends[i]) return null; // a duplicate: nothing new
                Condemn(slot, overlap: true);
                return null;
            }
        }
        if (slot.Pieces == PieceLimit)
        {
            _stats.ReassemblyOverflows++;
            Release(slot);
            return null;
        }
        slot.Starts[slot.Pieces] = offset;
        slot.Ends[slot.Pieces] = end;
        slot.Pieces++;
        slot.Received += payload.Length;
        payload.CopyTo(slot.Data.AsSpan(offset));
        if (!moreFragments) slot.TotalLength = end;
        if (offset == 0)
        {
            header.CopyTo(slot.Header);
            slot.HeaderLength = header.Length;
        }
        if (slot.TotalLength >= 0 && slot.Received == slot.TotalLength && slot.HeaderLength > 0)
        {
            _stats.Reassembled++;
            return slot;
        }
        return null;
    }

    public void Release(Slot slot) => slot.InUse = false;

    public long OnTimer(long nowMs)
    {
        long next = long.MaxValue;
        for (int i = 0; i < SlotCount; i++)
        {
            Slot slot = _slots[i];
            if (!slot.InUse) continue;
            if (slot.DeadlineMs <= nowMs)
            {
                _stats.ReassemblyTimeouts++;
                slot.InUse = false;
            }
            else if (slot.DeadlineMs < next)
            {
                next = slot.DeadlineMs;
            }
        }
        return next;
    }

    private Slot? Find(Ipv4Address source, Ipv4Address destination, ushort id, byte protocol)
    {
        for (int i = 0; i < SlotCount; i++)
        {
            Slot s = _slots[i];
            if (s.InUse && s.Id == id && s.Protocol == protocol && s.Source == source && s.Destination == destination) return s;
        }
        return null;
    }

    private Slot? Claim()
    {
        for (int i = 0; i < SlotCount; i++) if (!_slots[i].InUse) return _slots[i];
        return null;
    }

    private static int LargestEnd(Slot slot)
    {
        int largest = 0;
        for (int i = 0; i < slot.Pieces; i++) if (slot.Ends[i] > largest) largest = slot.Ends[i];
        return largest;
    }

    private void Condemn(Slot slot, bool overlap)
    {
        if (overlap) _stats.FragmentOverlaps++;
        else _stats.BadFragments++;
        Release(slot);
    }
}
