using System;

// Old objects rewired while the collector marks them: the stores an incremental marker misses
// unless the write barrier records them. An old graph is built and promoted — cells holding two
// leaves, a struct with a leaf and a private chain of nodes with leaves, plus a large array of
// leaves — and every round then moves references around inside it: leaves swapped between
// cells, between cells and the large array, struct copies between cells, whole chains moved from
// one cell to another, Array.Copy shifting the old large array. Most moved references are the
// only path to what they point at, so a marker that scanned the new holder before the store and
// the old holder after it would free a live object. Some leaves are replaced by fresh ones
// every round (old garbage piles up, so full collections — incremental marking cycles on the
// unikernel — keep coming), and garbage makes minor collections and marking slices run between
// the moves. Every leaf is checked against the value recorded for its place whenever it moves
// and once more at the end.
//   usage: MutationDuringMarking <rounds>
// Lines starting with "gc:" are runtime statistics (they differ between runtimes).
internal static class Program
{
    private const int Cells = 1024;
    private const int ChainLength = 4;
    private const int LargeSlots = 8192;    // a large object (more than 8 KiB of references)
    private const int RecentSlots = 2048;   // garbage that lives a few rounds: it gets promoted, then dies old

    private sealed class Leaf
    {
        public readonly long Value;
        public readonly long Check;
        public readonly byte[] Bytes;

        public Leaf(long value)
        {
            Value = value;
            Check = ~value;
            Bytes = new byte[16 + (int)(value % 13) * 8];
            for (int i = 0; i < Bytes.Length; i += 8) Bytes[i] = (byte)(value + i);
        }

        public bool Verify(long expected)
        {
            if (Value != expected || Check != ~expected || Bytes == null || Bytes.Length != 16 + (int)(expected % 13) * 8) return false;
            for (int i = 0; i < Bytes.Length; i += 8) if (Bytes[i] != (byte)(expected + i)) return false;
            return true;
        }
    }

    private struct Tagged
    {
        public long Tag;
        public Leaf Leaf;
    }

    private sealed class Link
    {
        public Link Next;
        public Leaf Leaf;
    }

    private sealed class Cell
    {
        public Leaf A;
        public Leaf B;
        public Tagged Pair;
        public Link Chain;
    }

    private static Cell[] s_cells;
    private static long[] s_a, s_b, s_pair, s_chain;
    private static Leaf[] s_large;
    private static long[] s_largeValues;
    private static long s_next = 1;
    private static int s_round;
    private static string s_failure;

    private static int Main(string[] args)
    {
        int rounds = args.Length > 0 ? int.Parse(args[0]) : 2000;
        var random = new Xorshift(11);

        s_cells = new Cell[Cells];
        s_a = new long[Cells];
        s_b = new long[Cells];
        s_pair = new long[Cells];
        s_chain = new long[Cells * ChainLength];
        for (int c = 0; c < Cells; c++)
        {
            var cell = new Cell { A = new Leaf(s_a[c] = s_next++), B = new Leaf(s_b[c] = s_next++) };
            cell.Pair = new Tagged { Tag = c, Leaf = new Leaf(s_pair[c] = s_next++) };
            for (int k = ChainLength - 1; k >= 0; k--) cell.Chain = new Link { Next = cell.Chain, Leaf = new Leaf(s_chain[c * ChainLength + k] = s_next++) };
            s_cells[c] = cell;
        }
        s_large = new Leaf[LargeSlots];
        s_largeValues = new long[LargeSlots];
        for (int l = 0; l < LargeSlots; l++) s_large[l] = new Leaf(s_largeValues[l] = s_next++);
        GC.Collect();
        GC.Collect();

        var recent = new byte[RecentSlots][];
        int startCollections = GC.CollectionCount(0);
        int startFull = GC.CollectionCount(GC.MaxGeneration);
        long moves = 0, garbage = 0;
        for (s_round = 0; s_round < rounds; s_round++)
        {
            for (int m = 0; m < 48; m++)
            {
                int x = random.Next(Cells), y = random.Next(Cells), l = random.Next(LargeSlots);
                switch (m & 7)
                {
                    case 0: SwapLeaves(x, y); break;
                    case 1: SwapWithLarge(x, l); break;
                    case 2: SwapPairs(x, y); break;
                    case 3: SwapChains(x, y); break;
                    case 4: RotateChain(x); break;
                    case 5: SwapWithLarge(y, l); break;
                    case 6: SwapLeaves(y, x); break;
                    case 7: ShiftLarge(l, random.Next(8) + 1); break;
                }
                if (s_failure != null) return Fail();
                moves++;
            }

            // Replacements: old leaves become garbage, fresh ones get promoted.
            for (int r = 0; r < 12; r++)
            {
                int c = random.Next(Cells);
                if (!Check(s_cells[c].B, s_b[c], "leaf B of cell", c)) return Fail();
                s_cells[c].B = new Leaf(s_b[c] = s_next++);
                int l = random.Next(LargeSlots);
                if (!Check(s_large[l], s_largeValues[l], "large slot", l)) return Fail();
                s_large[l] = new Leaf(s_largeValues[l] = s_next++);
            }

            // Garbage between the moves, kept a few dozen rounds: collections and marking slices
            // run every few rounds, and what a minor collection promotes dies old.
            for (int g = 0; g < 24; g++)
            {
                var scratch = new byte[64 + random.Next(768)];
                scratch[g] = (byte)g;
                recent[random.Next(RecentSlots)] = scratch;
                garbage += scratch.Length;
            }
        }
        int fullDuringMutation = GC.CollectionCount(GC.MaxGeneration) - startFull;
        int collections = GC.CollectionCount(0) - startCollections;

        long checksum = 0;
        for (int c = 0; c < Cells; c++)
        {
            Cell cell = s_cells[c];
            if (!Check(cell.A, s_a[c], "leaf A of cell", c) || !Check(cell.B, s_b[c], "leaf B of cell", c) || !Check(cell.Pair.Leaf, s_pair[c], "pair of cell", c)) return Fail();
            checksum += s_a[c] + 3 * s_b[c] + 5 * s_pair[c];
            Link link = cell.Chain;
            for (int k = 0; k < ChainLength; k++, link = link.Next)
            {
                if (link == null || !Check(link.Leaf, s_chain[c * ChainLength + k], "chain link of cell", c)) return Fail();
                checksum += (k + 7) * s_chain[c * ChainLength + k];
            }
            if (link != null)
            {
                s_failure = "chain of cell " + c + " too long";
                return Fail();
            }
        }
        for (int l = 0; l < LargeSlots; l++)
        {
            if (!Check(s_large[l], s_largeValues[l], "large slot", l)) return Fail();
            checksum += s_largeValues[l] * (l % 13 + 1);
        }

        Console.WriteLine("rounds " + rounds + ", moves " + moves + ", leaves created " + (s_next - 1));
        Console.WriteLine("checksum " + checksum + ", garbage " + garbage);
        Console.WriteLine("gc: collections " + collections);
        Console.WriteLine("gc: full collections " + fullDuringMutation);
        Console.WriteLine("ok");
        return 0;
    }

    /// <summary>Whether <paramref name="leaf"/> holds <paramref name="expected"/>; the failure names the place (built only then: checks must not allocate).</summary>
    private static bool Check(Leaf leaf, long expected, string place, int index)
    {
        if (leaf != null && leaf.Verify(expected)) return true;
        s_failure = place + " " + index;
        return false;
    }

    private static void SwapLeaves(int x, int y)
    {
        Cell from = s_cells[x], to = s_cells[y];
        if (!Check(from.A, s_a[x], "leaf A of cell", x) || !Check(to.B, s_b[y], "leaf B of cell", y)) return;
        Leaf moving = from.A;
        from.A = to.B;
        to.B = moving;
        (s_a[x], s_b[y]) = (s_b[y], s_a[x]);
    }

    private static void SwapWithLarge(int x, int l)
    {
        Cell cell = s_cells[x];
        if (!Check(cell.A, s_a[x], "leaf A of cell", x) || !Check(s_large[l], s_largeValues[l], "large slot", l)) return;
        Leaf moving = s_large[l];
        s_large[l] = cell.A;
        cell.A = moving;
        (s_a[x], s_largeValues[l]) = (s_largeValues[l], s_a[x]);
    }

    /// <summary>Struct copies between old objects (the by-reference write barrier).</summary>
    private static void SwapPairs(int x, int y)
    {
        Cell first = s_cells[x], second = s_cells[y];
        if (!Check(first.Pair.Leaf, s_pair[x], "pair of cell", x) || !Check(second.Pair.Leaf, s_pair[y], "pair of cell", y)) return;
        Tagged saved = first.Pair;
        first.Pair = second.Pair;
        second.Pair = saved;
        (s_pair[x], s_pair[y]) = (s_pair[y], s_pair[x]);
    }

    /// <summary>A whole chain changes cells: its nodes are then reachable only through the new one.</summary>
    private static void SwapChains(int x, int y)
    {
        if (x == y) return;
        Cell first = s_cells[x], second = s_cells[y];
        Link moving = first.Chain;
        first.Chain = second.Chain;
        second.Chain = moving;
        for (int k = 0; k < ChainLength; k++)
            (s_chain[x * ChainLength + k], s_chain[y * ChainLength + k]) = (s_chain[y * ChainLength + k], s_chain[x * ChainLength + k]);
    }

    /// <summary>The chain's head moves to its end: stores into old links that a marker may have scanned already.</summary>
    private static void RotateChain(int x)
    {
        Cell cell = s_cells[x];
        Link head = cell.Chain;
        Link last = head;
        while (last.Next != null) last = last.Next;
        cell.Chain = head.Next;
        head.Next = null;
        last.Next = head;
        long first = s_chain[x * ChainLength];
        for (int k = 0; k < ChainLength - 1; k++) s_chain[x * ChainLength + k] = s_chain[x * ChainLength + k + 1];
        s_chain[x * ChainLength + ChainLength - 1] = first;
    }

    /// <summary>Array.Copy inside the old large array (a block move, overlapping): the slot at the end gets the first leaf back.</summary>
    private static void ShiftLarge(int at, int count)
    {
        if (at + count >= LargeSlots) at = LargeSlots - count - 1;
        if (!Check(s_large[at], s_largeValues[at], "large slot", at)) return;
        Leaf first = s_large[at];
        long firstValue = s_largeValues[at];
        Array.Copy(s_large, at + 1, s_large, at, count);
        Array.Copy(s_largeValues, at + 1, s_largeValues, at, count);
        s_large[at + count] = first;
        s_largeValues[at + count] = firstValue;
    }

    private static int Fail()
    {
        Console.WriteLine("corrupted: " + s_failure + " in round " + s_round);
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
