using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

// Old objects that keep being given young ones, across many minor collections: the references
// a generational collector can only find through its write barriers and card table. An old
// structure is built and promoted (full collections), then every round stores freshly
// allocated payloads into it through every kind of store the compiler and the core library
// emit — a field, an element of a reference array (small and large), a struct element holding
// a reference (small and large arrays), Array.Copy into an old array, List<T>.Insert shifting
// an old array, Dictionary updates, a struct copied into an old object's field — while garbage
// forces minor collections. Every payload is checked against the value recorded for its slot
// each round it is replaced and once more at the end; a weak handle whose target an old object
// keeps alive must still see it.
//   usage: OldToYoung <rounds>
// Lines starting with "gc:" are runtime statistics (they differ between runtimes).
internal static class Program
{
    private const int Holders = 512;
    private const int SlotsPerHolder = 8;
    private const int LargeSlots = 20000;   // a large object (more than 8 KiB of references)

    private sealed class Payload
    {
        public long Value;
        public long Check;
        public byte[] Bytes;

        public Payload(long value)
        {
            Value = value;
            Check = ~value;
            Bytes = new byte[16 + (int)(value & 63)];
            for (int i = 0; i < Bytes.Length; i++) Bytes[i] = (byte)(value + i);
        }

        public bool Verify(long expected)
        {
            if (Value != expected || Check != ~expected || Bytes == null || Bytes.Length != 16 + (int)(expected & 63)) return false;
            for (int i = 0; i < Bytes.Length; i++) if (Bytes[i] != (byte)(expected + i)) return false;
            return true;
        }
    }

    private struct Pair
    {
        public long Key;
        public Payload Payload;
    }

    private sealed class Holder
    {
        public Payload Field;
        public Payload[] Slots = new Payload[SlotsPerHolder];
        public Pair[] Pairs = new Pair[SlotsPerHolder];
        public Pair Inline;
    }

    private static int Main(string[] args)
    {
        int rounds = args.Length > 0 ? int.Parse(args[0]) : 200;
        var random = new Xorshift(7);
        long next = 1;

        // The old structure, with the value each place must hold (plain longs, no references).
        var holders = new Holder[Holders];
        var fieldValues = new long[Holders];
        var slotValues = new long[Holders * SlotsPerHolder];
        var pairValues = new long[Holders * SlotsPerHolder];
        var inlineValues = new long[Holders];
        for (int h = 0; h < Holders; h++)
        {
            var holder = new Holder();
            holders[h] = holder;
            holder.Field = new Payload(fieldValues[h] = next++);
            holder.Inline = new Pair { Key = h, Payload = new Payload(inlineValues[h] = next++) };
            for (int s = 0; s < SlotsPerHolder; s++)
            {
                holder.Slots[s] = new Payload(slotValues[h * SlotsPerHolder + s] = next++);
                holder.Pairs[s] = new Pair { Key = s, Payload = new Payload(pairValues[h * SlotsPerHolder + s] = next++) };
            }
        }
        var large = new Payload[LargeSlots];
        var largeValues = new long[LargeSlots];
        var largePairs = new Pair[LargeSlots];
        var largePairValues = new long[LargeSlots];
        var list = new List<Payload>();
        var listValues = new List<long>();
        var dictionary = new Dictionary<int, Payload>();
        var dictionaryValues = new Dictionary<int, long>();
        var keptAlive = new Payload[1];
        GCHandle weak = GCHandle.Alloc(null, GCHandleType.Weak);
        long weakValue = 0;
        GC.Collect();
        GC.Collect();

        int startCollections = GC.CollectionCount(0);
        long verified = 0, garbage = 0;
        for (int round = 0; round < rounds; round++)
        {
            // Young objects into old ones, each kind of store a few times per round.
            for (int k = 0; k < 8; k++)
            {
                int h = random.Next(Holders);
                int s = random.Next(SlotsPerHolder);
                int i = h * SlotsPerHolder + s;
                if (!holders[h].Field.Verify(fieldValues[h])) return Fail("field of holder " + h, round);
                holders[h].Field = new Payload(fieldValues[h] = next++);
                if (!holders[h].Slots[s].Verify(slotValues[i])) return Fail("slot " + i, round);
                holders[h].Slots[s] = new Payload(slotValues[i] = next++);
                if (!holders[h].Pairs[s].Payload.Verify(pairValues[i])) return Fail("pair " + i, round);
                holders[h].Pairs[s] = new Pair { Key = next, Payload = new Payload(pairValues[i] = next++) };
                if (!holders[h].Inline.Payload.Verify(inlineValues[h])) return Fail("inline pair of holder " + h, round);
                holders[h].Inline = new Pair { Key = h, Payload = new Payload(inlineValues[h] = next++) };

                int l = random.Next(LargeSlots);
                if (large[l] != null && !large[l].Verify(largeValues[l])) return Fail("large slot " + l, round);
                large[l] = new Payload(largeValues[l] = next++);
                int p = random.Next(LargeSlots);
                if (largePairs[p].Payload != null && !largePairs[p].Payload.Verify(largePairValues[p])) return Fail("large pair " + p, round);
                largePairs[p] = new Pair { Key = p, Payload = new Payload(largePairValues[p] = next++) };
                verified += 6;
            }

            // Array.Copy of young payloads into the old large array (a block copy, no per-element store).
            var batch = new Payload[64];
            for (int b = 0; b < batch.Length; b++) batch[b] = new Payload(next + b);
            int at = random.Next(LargeSlots - batch.Length);
            for (int b = 0; b < batch.Length; b++)
            {
                if (large[at + b] != null && !large[at + b].Verify(largeValues[at + b])) return Fail("large slot " + (at + b), round);
                largeValues[at + b] = next + b;
            }
            Array.Copy(batch, 0, large, at, batch.Length);
            next += batch.Length;

            // List.Insert moves the old backing array's elements; Dictionary updates old entries.
            if (list.Count < 2000)
            {
                int position = list.Count == 0 ? 0 : random.Next(list.Count);
                list.Insert(position, new Payload(next));
                listValues.Insert(position, next++);
            }
            int key = random.Next(300);
            if (dictionary.TryGetValue(key, out Payload existing) && !existing.Verify(dictionaryValues[key])) return Fail("dictionary key " + key, round);
            dictionary[key] = new Payload(next);
            dictionaryValues[key] = next++;

            // A young target of a weak handle, kept alive only by an old array.
            if (round % 10 == 0)
            {
                if (weakValue != 0 && (!(weak.Target is Payload target) || !target.Verify(weakValue))) return Fail("weak handle target", round);
                keptAlive[0] = new Payload(weakValue = next++);
                weak.Target = keptAlive[0];
            }

            // Garbage: enough for minor collections to happen every few rounds.
            for (int g = 0; g < 400; g++)
            {
                var scratch = new byte[64 + random.Next(1024)];
                scratch[0] = (byte)g;
                garbage += scratch.Length;
            }
        }

        long checksum = 0;
        for (int h = 0; h < Holders; h++)
        {
            if (!holders[h].Field.Verify(fieldValues[h]) || !holders[h].Inline.Payload.Verify(inlineValues[h])) return Fail("holder " + h, rounds);
            checksum += fieldValues[h] + inlineValues[h];
            for (int s = 0; s < SlotsPerHolder; s++)
            {
                int i = h * SlotsPerHolder + s;
                if (!holders[h].Slots[s].Verify(slotValues[i]) || !holders[h].Pairs[s].Payload.Verify(pairValues[i])) return Fail("holder " + h + " slot " + s, rounds);
                checksum += slotValues[i] + pairValues[i];
            }
        }
        int largePresent = 0;
        for (int l = 0; l < LargeSlots; l++)
        {
            if (large[l] != null)
            {
                if (!large[l].Verify(largeValues[l])) return Fail("large slot " + l, rounds);
                checksum += largeValues[l];
                largePresent++;
            }
            if (largePairs[l].Payload != null)
            {
                if (!largePairs[l].Payload.Verify(largePairValues[l])) return Fail("large pair " + l, rounds);
                checksum += largePairValues[l];
            }
        }
        for (int i = 0; i < list.Count; i++)
        {
            if (!list[i].Verify(listValues[i])) return Fail("list element " + i, rounds);
            checksum += listValues[i] * (i + 1);
        }
        foreach (var entry in dictionary)
        {
            if (!entry.Value.Verify(dictionaryValues[entry.Key])) return Fail("dictionary key " + entry.Key, rounds);
            checksum += dictionaryValues[entry.Key];
        }
        if (!(weak.Target is Payload last) || !last.Verify(weakValue)) return Fail("weak handle target", rounds);
        weak.Free();

        Console.WriteLine("rounds " + rounds + ", verified " + verified + " replaced payloads, " + largePresent + " large slots, " + list.Count + " list elements");
        Console.WriteLine("checksum " + checksum + ", garbage " + garbage);
        Console.WriteLine("gc: collections " + (GC.CollectionCount(0) - startCollections));
        Console.WriteLine("gc: full collections " + (GC.CollectionCount(GC.MaxGeneration)));
        Console.WriteLine("ok");
        return 0;
    }

    private static int Fail(string what, int round)
    {
        Console.WriteLine("corrupted: " + what + " in round " + round);
        return 1;
    }

    private struct Xorshift
    {
        private ulong _state;
        public Xorshift(ulong seed) { _state = seed * 0x9E3779B97F4A7C15UL + 1; }
        public int Next(int bound)
        {
            _state ^= _state << 13;
            _state ^= _state >> 7;
            _state ^= _state << 17;
            return (int)(_state % (ulong)bound);
        }
    }
}
