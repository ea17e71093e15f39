using System;
using System.Collections.Generic;

// Allocates far more than the heap holds — small nodes, medium buffers, large arrays, arrays of
// structs holding references, temporary strings — while keeping a live set whose contents are
// checked every time an entry is replaced and once more at the end.
//   usage: AllocationChurn <megabytes to allocate> [seed]   |   AllocationChurn exhaust
// Lines starting with "gc:" are runtime statistics (they differ between runtimes).
internal static class Program
{
    private const int Slots = 512;

    private static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "exhaust") return Exhaust();
        long target = (args.Length > 0 ? long.Parse(args[0]) : 256) * 1024 * 1024;
        ulong seed = args.Length > 1 ? ulong.Parse(args[1]) : 42;
        var random = new Xorshift(seed);
        var live = new Entry[Slots];
        long allocated = 0;
        long replaced = 0;
        long checkedEntries = 0;
        long garbageChecksum = 0;
        long startCollections = GC.CollectionCount(0);

        while (allocated < target)
        {
            int slot = random.Next(Slots);
            Entry old = live[slot];
            if (old != null)
            {
                if (!old.Verify()) return Fail("entry " + old.Id + " in slot " + slot + " was corrupted");
                checkedEntries++;
            }
            Entry fresh = Entry.Create(replaced, random, out long bytes);
            live[slot] = fresh;
            allocated += bytes;
            replaced++;

            // Garbage that dies at once: strings built by concatenation and small arrays.
            string text = "step " + replaced.ToString() + "/" + slot.ToString();
            var scratch = new int[random.Next(32) + 1];
            scratch[scratch.Length - 1] = text.Length;
            garbageChecksum += scratch[scratch.Length - 1];
            allocated += text.Length * 2 + scratch.Length * 4 + 48;
        }

        int present = 0;
        long liveChecksum = 0;
        for (int i = 0; i < Slots; i++)
        {
            if (live[i] == null) continue;
            if (!live[i].Verify()) return Fail("entry " + live[i].Id + " in slot " + i + " was corrupted at the end");
            present++;
            liveChecksum += live[i].Checksum;
        }

        Console.WriteLine("allocated at least " + (target / (1024 * 1024)) + " MB in " + replaced + " replacements");
        Console.WriteLine("verified " + checkedEntries + " replaced entries and " + present + " live entries");
        Console.WriteLine("live checksum " + liveChecksum + ", garbage checksum " + garbageChecksum);
        Console.WriteLine("gc: heap capacity " + GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
        Console.WriteLine("gc: collections " + (GC.CollectionCount(0) - startCollections));
        Console.WriteLine("gc: total allocated bytes " + GC.GetTotalAllocatedBytes());
        Console.WriteLine("gc: live bytes after a full collection " + GC.GetTotalMemory(true));
        Console.WriteLine("ok");
        return 0;
    }

    // Keeps everything it allocates: the runtime must stop with its out-of-memory report.
    private static int Exhaust()
    {
        var kept = new List<byte[]>();
        for (int i = 0; ; i++) kept.Add(new byte[i % 3 == 0 ? 100 * 1024 : 1000]);
    }

    private static int Fail(string message)
    {
        Console.WriteLine("FAILED: " + message);
        return 1;
    }
}

internal sealed class Xorshift
{
    private ulong _state;

    public Xorshift(ulong seed) { _state = seed * 2654435761UL + 1; }

    public int Next(int bound)
    {
        _state ^= _state << 13;
        _state ^= _state >> 7;
        _state ^= _state << 17;
        return (int)((_state >> 33) % (ulong)bound);
    }
}

internal struct Pair
{
    public string Name;
    public int Value;
    public Node Tag;
}

internal sealed class Node
{
    public long Id;
    public long Payload;
    public string Label;
    public Node Next;
}

/// <summary>One live-set entry; Checksum is computed when it is created and recomputed by Verify.</summary>
internal abstract class Entry
{
    public long Id;
    public long Checksum;

    public bool Verify() => Compute() == Checksum;

    protected abstract long Compute();

    public static Entry Create(long id, Xorshift random, out long bytes)
    {
        int kind = random.Next(100);
        Entry entry;
        if (kind < 45) entry = NodeChain.Make(id, random, out bytes);
        else if (kind < 75) entry = Buffer.Make(id, random, 16 + random.Next(512), out bytes);
        else if (kind < 88) entry = Buffer.Make(id, random, 512 + random.Next(8 * 1024), out bytes);
        else if (kind < 93) entry = Buffer.Make(id, random, 8 * 1024 + random.Next(120 * 1024), out bytes);
        else if (kind < 97) entry = PairArray.Make(id, random, out bytes);
        else entry = LargeIntArray.Make(id, random, out bytes);
        entry.Id = id;
        entry.Checksum = entry.Compute();
        return entry;
    }
}

internal sealed class NodeChain : Entry
{
    private Node _head;

    public static NodeChain Make(long id, Xorshift random, out long bytes)
    {
        var chain = new NodeChain();
        int length = 1 + random.Next(8);
        bytes = 32;
        for (int i = 0; i < length; i++)
        {
            chain._head = new Node { Id = id * 16 + i, Payload = random.Next(1 << 30), Label = "n" + i.ToString(), Next = chain._head };
            bytes += 48 + 32;
        }
        return chain;
    }

    protected override long Compute()
    {
        long sum = 0;
        for (Node node = _head; node != null; node = node.Next) sum = sum * 31 + node.Id + node.Payload + node.Label.Length;
        return sum;
    }
}

internal sealed class Buffer : Entry
{
    private byte[] _data;

    public static Buffer Make(long id, Xorshift random, int length, out long bytes)
    {
        var buffer = new Buffer { _data = new byte[length] };
        byte start = (byte)random.Next(256);
        for (int i = 0; i < length; i++) buffer._data[i] = (byte)(start + i * 7);
        bytes = 32 + 24 + length;
        return buffer;
    }

    protected override long Compute()
    {
        long sum = _data.Length;
        for (int i = 0; i < _data.Length; i += 61) sum = sum * 17 + _data[i];
        return sum + _data[_data.Length - 1];
    }
}

internal sealed class PairArray : Entry
{
    private Pair[] _pairs;

    public static PairArray Make(long id, Xorshift random, out long bytes)
    {
        int length = 1 + random.Next(2000);
        var array = new PairArray { _pairs = new Pair[length] };
        for (int i = 0; i < length; i += 3)
            array._pairs[i] = new Pair { Name = "p" + (i % 100).ToString(), Value = i, Tag = new Node { Id = i, Label = "t" } };
        bytes = 32 + 24 + length * 24L + (length / 3 + 1) * 96L;
        return array;
    }

    protected override long Compute()
    {
        long sum = _pairs.Length;
        for (int i = 0; i < _pairs.Length; i++)
        {
            Pair pair = _pairs[i];
            if (pair.Name != null) sum = sum * 7 + pair.Name.Length + pair.Value + pair.Tag.Id + pair.Tag.Label.Length;
        }
        return sum;
    }
}

internal sealed class LargeIntArray : Entry
{
    private int[] _values;
    private object[] _boxes;

    public static LargeIntArray Make(long id, Xorshift random, out long bytes)
    {
        int length = 4096 + random.Next(60000);
        var array = new LargeIntArray { _values = new int[length], _boxes = new object[length / 64] };
        for (int i = 0; i < length; i++) array._values[i] = i ^ (int)id;
        for (int i = 0; i < array._boxes.Length; i++) array._boxes[i] = "b" + i.ToString();
        bytes = 64 + length * 4L + array._boxes.Length * (8L + 32);
        return array;
    }

    protected override long Compute()
    {
        long sum = 0;
        for (int i = 0; i < _values.Length; i += 13) sum += _values[i];
        for (int i = 0; i < _boxes.Length; i++) sum += ((string)_boxes[i]).Length;
        return sum + _values[_values.Length - 1];
    }
}
