using System;
using System.Collections.Generic;
using System.Threading.Tasks;

// A long-running asynchronous service in miniature: rounds of concurrent workers that await
// (Task.Yield, Task.Delay), allocate as they go and feed a bounded cache. Its live set is the
// same from round to round, so the memory left after a full collection must stay flat.
//   usage: AsyncSteadyState <rounds>
// Lines starting with "gc:" are runtime statistics (they differ between runtimes).
internal static class Program
{
    private const int Workers = 32;
    private const int CacheEntries = 64;

    private static async Task<int> Main(string[] args)
    {
        int rounds = args.Length > 0 ? int.Parse(args[0]) : 300;
        var cache = new Dictionary<int, byte[]>();
        var order = new Queue<int>();
        long checksum = 0;
        for (int round = 1; round <= rounds; round++)
        {
            var tasks = new Task<int>[Workers];
            for (int i = 0; i < Workers; i++) tasks[i] = Worker(round, i);
            int[] results = await Task.WhenAll(tasks);
            for (int i = 0; i < results.Length; i++) checksum = checksum * 31 + results[i];

            int key = round % 1000;
            if (!cache.ContainsKey(key))
            {
                cache[key] = new byte[512];
                order.Enqueue(key);
            }
            while (order.Count > CacheEntries) cache.Remove(order.Dequeue());

            if (round % 25 == 0)
                Console.WriteLine("gc: memory after round " + round + ": " + GC.GetTotalMemory(true));
        }
        Console.WriteLine("rounds " + rounds + ", workers " + Workers + ", cache " + cache.Count + " entries");
        Console.WriteLine("checksum " + checksum);
        Console.WriteLine("ok");
        return 0;
    }

    private static async Task<int> Worker(int round, int index)
    {
        var words = new List<string>();
        for (int i = 0; i < 8; i++) words.Add("w" + (round * 8 + i + index).ToString());
        await Task.Yield();
        string joined = string.Join(",", words);
        var buffer = new byte[64 + index * 16];
        for (int i = 0; i < buffer.Length; i++) buffer[i] = (byte)(i + round);
        if (index % 4 == 0) await Task.Delay(1);
        int sum = joined.Length;
        for (int i = 0; i < buffer.Length; i += 7) sum += buffer[i];
        return sum;
    }
}
