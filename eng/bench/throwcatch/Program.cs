using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;

// Throws and catches an exception N frames up, many times; prints nanoseconds per throw+catch.
sealed class BenchException : Exception { public BenchException() : base("bench") { } }

static class Program
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    static int Down(int depth, BenchException e) => depth == 0 ? throw e : Down(depth - 1, e) + 1;

    static int Main()
    {
        var exception = new BenchException();
        foreach (int depth in new[] { 1, 10, 100 })
        {
            int iterations = depth == 100 ? 2000 : 10000;
            int caught = 0;
            for (int i = 0; i < 100; i++) { try { Down(depth, exception); } catch (BenchException) { caught++; } }
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < iterations; i++) { try { Down(depth, exception); } catch (BenchException) { caught++; } }
            long elapsed = Stopwatch.GetTimestamp() - start;
            double ns = elapsed * 1e9 / Stopwatch.Frequency / iterations;
            Console.WriteLine($"depth {depth}: {ns:F0} ns per throw+catch ({caught} caught)");
        }
        return 0;
    }
}
