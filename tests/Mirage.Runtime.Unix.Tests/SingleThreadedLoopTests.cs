using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Boot;
using Mirage.Devices;

namespace Mirage.Runtime.Unix.Tests;

[TestClass]
public sealed class SingleThreadedLoopTests
{
    private static int RunApp(Func<Task<int>> app) =>
        UnixPlatform.Run("loop-test", Array.Empty<string>(), Array.Empty<BootParameter>(), _ => app());

    [TestMethod]
    public void ContinuationsAfterTimersRunOnTheCallingThread()
    {
        int loopThread = Environment.CurrentManagedThreadId;
        var seen = new List<int>();
        int exit = RunApp(async () =>
        {
            seen.Add(Environment.CurrentManagedThreadId);
            await Task.Delay(20);
            seen.Add(Environment.CurrentManagedThreadId);
            var time = (await UnixTime.ConnectAsync()).Value;
            await time.SleepAsync(TimeSpan.FromMilliseconds(5));
            seen.Add(Environment.CurrentManagedThreadId);
            await Task.Run(() => Thread.Sleep(5));
            seen.Add(Environment.CurrentManagedThreadId);
            await Task.Yield();
            seen.Add(Environment.CurrentManagedThreadId);
            return 0;
        });
        Assert.AreEqual(0, exit);
        Assert.HasCount(5, seen);
        foreach (int thread in seen) Assert.AreEqual(loopThread, thread);
    }

    [TestMethod]
    public void ContinuationsAfterSocketReadsRunOnTheLoopThread()
    {
        int loopThread = Environment.CurrentManagedThreadId;
        var seen = new List<int>();
        int exit = RunApp(async () =>
        {
            var stack = (await SocketStackV4.ConnectAsync(Ipv4Address.Loopback)).Value;
            await using var listener = (await stack.Tcp.ListenAsync(0)).Value;
            var accepting = listener.AcceptAsync();
            await using var client = (await stack.Tcp.ConnectAsync(listener.LocalEndpoint)).Value;
            seen.Add(Environment.CurrentManagedThreadId);
            await using var server = (await accepting).Value;
            seen.Add(Environment.CurrentManagedThreadId);

            var buffer = new byte[16];
            var reading = server.ReadAsync(buffer);
            // The data arrives only after the read is pending, so its completion comes from the socket engine's thread.
            await Task.Delay(20);
            await client.WriteAsync(new byte[] { 1, 2, 3 });
            var read = await reading;
            seen.Add(Environment.CurrentManagedThreadId);
            return read.Count;
        });
        Assert.AreEqual(3, exit);
        foreach (int thread in seen) Assert.AreEqual(loopThread, thread);
    }

    [TestMethod]
    public void ManyTasksNeverRunInParallel()
    {
        int running = 0, overlaps = 0, steps = 0;
        async Task Job()
        {
            for (int i = 0; i < 3; i++)
            {
                // Timers fire together on pool threads; without the loop the steps below would overlap.
                await Task.Delay(1);
                if (Interlocked.Increment(ref running) > 1) Interlocked.Increment(ref overlaps);
                Thread.SpinWait(10000);
                steps++;
                Interlocked.Decrement(ref running);
            }
        }

        int exit = RunApp(async () =>
        {
            var jobs = new List<Task>();
            for (int i = 0; i < 50; i++) jobs.Add(Job());
            await Task.WhenAll(jobs);
            return 0;
        });
        Assert.AreEqual(0, exit);
        Assert.AreEqual(0, overlaps);
        Assert.AreEqual(150, steps);
    }

    [TestMethod]
    public void TheLoopSleepsWhileWaiting()
    {
        var process = Process.GetCurrentProcess();
        TimeSpan cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        RunApp(async () =>
        {
            await Task.Delay(400);
            return 0;
        });
        wall.Stop();
        process.Refresh();
        TimeSpan cpu = process.TotalProcessorTime - cpuBefore;
        Assert.IsGreaterThanOrEqualTo(390, wall.ElapsedMilliseconds);
        // A spinning loop would burn a whole core for the 400 ms.
        Assert.IsLessThan(200, cpu.TotalMilliseconds, $"used {cpu.TotalMilliseconds} ms of CPU in {wall.ElapsedMilliseconds} ms");
    }

    [TestMethod]
    public void ATaskCompletedOffTheLoopStillEndsIt()
    {
        int exit = RunApp(() => Task.Run(async () =>
        {
            await Task.Delay(10).ConfigureAwait(false);
            return 9;
        }));
        Assert.AreEqual(9, exit);
    }

    [TestMethod]
    public void SendFromAnotherThreadRunsOnTheLoop()
    {
        int loopThread = Environment.CurrentManagedThreadId;
        int ranOn = -1;
        int exit = SingleThreadedLoop.Run(async () =>
        {
            var loop = SynchronizationContext.Current!;
            Assert.IsInstanceOfType<SingleThreadedLoop>(loop);
            await Task.Run(() => loop.Send(_ => ranOn = Environment.CurrentManagedThreadId, null));
            return 0;
        });
        Assert.AreEqual(0, exit);
        Assert.AreEqual(loopThread, ranOn);
    }

    [TestMethod]
    public void TheCallersContextIsRestored()
    {
        var before = SynchronizationContext.Current;
        SingleThreadedLoop.Run(() => Task.FromResult(0));
        Assert.AreSame(before, SynchronizationContext.Current);
    }
}
