using System;
using System.Collections.Generic;
using System.Diagnostics;

// Allocation throughput and collection pauses with a 16 MB live set: builds the live set
// (nodes and buffers of mixed sizes), then allocates short-lived objects of 32 B to 1 KiB while
// replacing 1 % of the live set per step. Pauses come from GC.GetTotalPauseDuration, read after
// every 64 KiB allocated: a step in which it grew gives one sample, the time the collector held
// the program in that step (every pause in it: a collection, a slice of incremental marking, or
// more than one of them, summed — never less than the longest single pause).
// A calibration loop (no allocation) measures the CPU speed so that emulated runs can be
// compared with native ones.
//   usage: GcBench [megabytes to allocate, default 512]
internal static class Program
{
    private sealed class Node
    {
        public Node Next;
        public byte[] Data;
        public long Value;
    }

    private static int Main(string[] args)
    {
        long megabytes = args.Length > 0 ? long.Parse(args[0]) : 512;
        var clock = Stopwatch.StartNew();
        long calibration = Calibrate();
        double calibrationMs = clock.Elapsed.TotalMilliseconds;

        const long liveTarget = 16L * 1024 * 1024;
        var live = new List<Node>();
        long liveBytes = 0;
        uint state = 12345;
        double buildMax = 0;
        TimeSpan buildPaused = GC.GetTotalPauseDuration();
        long sinceBuildCheck = 0;
        while (liveBytes < liveTarget)
        {
            state = state * 1664525 + 1013904223;
            int size = 16 + (int)(state >> 22) % 240;
            live.Add(new Node { Data = new byte[size], Value = state });
            liveBytes += size + 64 + 24;
            sinceBuildCheck += size + 64 + 24;
            if (sinceBuildCheck >= 64 * 1024)
            {
                sinceBuildCheck = 0;
                TimeSpan total = GC.GetTotalPauseDuration();
                buildMax = Math.Max(buildMax, (total - buildPaused).TotalMilliseconds);
                buildPaused = total;
            }
        }

        var pauses = new List<double>();
        int collections = GC.CollectionCount(0), fullCollections = GC.CollectionCount(1);
        TimeSpan paused = GC.GetTotalPauseDuration(), start = paused;
        long allocated = 0, sinceCheck = 0, checksum = 0;
        long target = megabytes * 1024 * 1024;
        clock.Restart();
        while (allocated < target)
        {
            state = state * 1664525 + 1013904223;
            int size = 32 + (int)(state >> 22) % 992;
            var temporary = new byte[size];
            temporary[0] = (byte)state;
            checksum += temporary[0];
            allocated += size + 24;
            sinceCheck += size + 24;
            if ((state & 0x7F) == 0)
            {
                int index = (int)((state >> 8) % (uint)live.Count);
                live[index] = new Node { Data = new byte[16 + (int)(state >> 24) % 240], Value = state, Next = live[(index + 1) % live.Count] };
            }
            if (sinceCheck >= 64 * 1024)
            {
                sinceCheck = 0;
                TimeSpan total = GC.GetTotalPauseDuration();
                if (total != paused)
                {
                    pauses.Add((total - paused).TotalMilliseconds);
                    paused = total;
                }
            }
        }
        double seconds = clock.Elapsed.TotalSeconds;
        pauses.Sort();
        double max = pauses.Count > 0 ? pauses[pauses.Count - 1] : 0;
        double p99 = pauses.Count > 0 ? pauses[(int)Math.Min(pauses.Count - 1, Math.Ceiling(pauses.Count * 0.99) - 1)] : 0;
        Console.WriteLine("calibration: " + calibrationMs.ToString("F1") + " ms (" + calibration + ")");
        Console.WriteLine("live set: " + (liveBytes >> 20) + " MB in " + live.Count + " nodes, pause per step while building it max: " + buildMax.ToString("F2") + " ms");
        Console.WriteLine("throughput: " + (allocated / 1048576.0 / seconds).ToString("F1") + " MB/s (" + (allocated >> 20) + " MB in " + seconds.ToString("F2") + " s)");
        Console.WriteLine("collections: " + (GC.CollectionCount(0) - collections) + " (" + (GC.CollectionCount(1) - fullCollections) + " of generation 1 or more), pause time in " + pauses.Count + " steps, " + (GC.GetTotalPauseDuration() - start).TotalMilliseconds.ToString("F1") + " ms in all");
        Console.WriteLine("pause per step max: " + max.ToString("F2") + " ms, p99: " + p99.ToString("F2") + " ms");
        Console.WriteLine("checksum " + checksum);
        return 0;
    }

    private static long Calibrate()
    {
        long x = 1;
        for (int i = 0; i < 50_000_000; i++) x = x * 6364136223846793005L + 1442695040888963407L ^ (x >> 17);
        return x & 0xFFFF;
    }
}
