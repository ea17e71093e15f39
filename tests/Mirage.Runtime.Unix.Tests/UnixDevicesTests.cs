using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Devices;

namespace Mirage.Runtime.Unix.Tests;

[TestClass]
public sealed class UnixDevicesTests
{
    [TestMethod]
    public async Task ConsoleWritesLinesAsUtf8WithNewlines()
    {
        var output = new MemoryStream();
        IConsole console = new UnixConsole(output);
        Assert.IsTrue((await console.WriteLineAsync("héllo")).IsOk);
        Assert.IsTrue((await console.WriteAsync(Encoding.UTF8.GetBytes("raw "))).IsOk);
        Assert.IsTrue((await console.WriteLineAsync("")).IsOk);
        Assert.AreEqual("héllo\nraw \n", Encoding.UTF8.GetString(output.ToArray()));
    }

    [TestMethod]
    public async Task ConsoleReportsAClosedOutput()
    {
        var output = new MemoryStream();
        IConsole console = new UnixConsole(output);
        output.Dispose();
        var result = await console.WriteLineAsync("lost");
        Assert.IsTrue(result.IsError);
        Assert.AreEqual(ConsoleError.Closed, result.Error);
    }

    [TestMethod]
    public async Task ConsoleConnectsToStdout()
    {
        var console = await UnixConsole.ConnectAsync();
        Assert.IsTrue(console.IsOk);
        Assert.IsTrue((await console.Value.WriteAsync(ReadOnlyMemory<byte>.Empty)).IsOk);
    }

    [TestMethod]
    public async Task MonotonicClockStartsNearZeroAndAdvances()
    {
        var clock = (await UnixMonotonicClock.ConnectAsync()).Value;
        // The reference stopwatch brackets both readings (started before the first, read after
        // the second), so the clock's interval can never exceed it, however loaded the machine.
        var wall = Stopwatch.StartNew();
        long first = clock.ElapsedNanoseconds;
        Assert.IsGreaterThanOrEqualTo(0L, first);
        Assert.IsLessThan(1_000_000_000L, first);
        await Task.Delay(50);
        long elapsed = clock.ElapsedNanoseconds - first;
        long bracket = wall.Elapsed.Ticks * 100;
        Assert.IsGreaterThanOrEqualTo(45_000_000L, elapsed);
        Assert.IsLessThanOrEqualTo(bracket + 100_000, elapsed, "the clock ran faster than the stopwatch around it");
    }

    [TestMethod]
    public async Task WallClockIsTheHostsUtcTime()
    {
        var clock = (await UnixWallClock.ConnectAsync()).Value;
        DateTime now = clock.UtcNow;
        Assert.AreEqual(DateTimeKind.Utc, now.Kind);
        Assert.IsLessThan(TimeSpan.FromSeconds(5), (DateTime.UtcNow - now).Duration());
    }

    [TestMethod]
    public async Task SleepWaitsAtLeastTheDuration()
    {
        var time = (await UnixTime.ConnectAsync()).Value;
        var wall = Stopwatch.StartNew();
        await time.SleepAsync(TimeSpan.FromMilliseconds(60));
        Assert.IsGreaterThanOrEqualTo(55L, wall.ElapsedMilliseconds);
    }

    [TestMethod]
    public async Task ANegativeSleepReturnsAtOnce()
    {
        var time = (await UnixTime.ConnectAsync()).Value;
        await time.SleepAsync(TimeSpan.FromMilliseconds(-1)).WaitAsync(TimeSpan.FromSeconds(5));
        await time.SleepAsync(TimeSpan.FromHours(-1)).WaitAsync(TimeSpan.FromSeconds(5));
    }

    [TestMethod]
    public async Task ACancelledSleepCompletesAsCancelled()
    {
        var time = (await UnixTime.ConnectAsync()).Value;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));
        var sleep = time.SleepAsync(TimeSpan.FromMinutes(5), cancel.Token);
        await Assert.ThrowsAsync<OperationCanceledException>(() => sleep.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.IsTrue(sleep.IsCanceled);
    }

    [TestMethod]
    public async Task RandomFillsTheWholeBufferDifferentlyEachTime()
    {
        var random = (await UnixRandom.ConnectAsync()).Value;
        var first = new byte[64];
        var second = new byte[64];
        random.Fill(first);
        random.Fill(second);
        CollectionAssert.AreNotEqual(first, second);
        // 64 random bytes are never all zero in practice, so the whole buffer was written.
        CollectionAssert.AreNotEqual(new byte[32], first[32..]);
    }
}
