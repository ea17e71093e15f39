using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Mirage.EndToEnd.Tests;

/// <summary>One console line and when the host saw it.</summary>
internal readonly record struct TimedLine(string Text, TimeSpan At);

internal sealed record GuestRun(int ExitCode, List<TimedLine> Lines, string Error)
{
    public string Console => string.Join("\n", Lines.ConvertAll(l => l.Text));
}

/// <summary>
/// Boots a xen or xen-arm image two ways: on plain QEMU (the fast path: no Xen; x86 console on
/// COM1 and exit through isa-debug-exit, ARM console on the board's UART and exit through
/// semihosting) and on real Xen 4.17 under QEMU through eng/xen/harness.py (which tells x86 from
/// ARM images). A machine without QEMU or without the harness set-up makes the test inconclusive
/// (skipped), saying why.
/// </summary>
internal static class XenMachines
{
    public static string Harness => Path.Combine(UserWorkspace.RepositoryRoot, "eng", "xen", "harness.py");

    public static void RequireQemu()
    {
        if (!File.Exists("/usr/bin/qemu-system-x86_64"))
            Assert.Inconclusive("qemu-system-x86_64 is not installed (eng/setup.sh installs it): the xen fast-path tests cannot run here.");
    }

    public static void RequireQemuArm()
    {
        if (!File.Exists("/usr/bin/qemu-system-arm"))
            Assert.Inconclusive("qemu-system-arm is not installed (eng/setup.sh installs it): the xen-arm fast-path tests cannot run here.");
    }

    public static void RequireXenHarness()
    {
        RequireQemu();
        string cache = Environment.GetEnvironmentVariable("MIRAGE_CACHE") ?? Path.Combine(Environment.GetEnvironmentVariable("HOME") ?? "/root", ".cache", "mirage");
        if (!Directory.Exists(Path.Combine(cache, "xen")))
            Assert.Inconclusive($"The Xen harness is not set up ({cache}/xen missing; eng/xen/setup.sh prepares it): the real-Xen tests cannot run here.");
    }

    /// <summary>
    /// Plain qemu-system-arm: <paramref name="machine"/> is "virt" (Cortex-A15, device tree, PL011)
    /// or "cubieboard" (Allwinner A10, Cortex-A8, ATAGs, 16550 UART); the exit code comes from
    /// semihosting's SYS_EXIT_EXTENDED.
    /// </summary>
    public static GuestRun RunOnQemuArm(string image, string machine, string arguments = "", int timeoutSeconds = 120, string memory = "128M")
    {
        RequireQemuArm();
        var board = machine == "virt" ? new[] { "-M", "virt", "-cpu", "cortex-a15", "-m", memory } : new[] { "-M", machine, "-m", "512M" };
        var run = Stream("qemu-system-arm", board.Concat(new[]
        {
            "-accel", "tcg", "-no-reboot", "-display", "none", "-monitor", "none", "-serial", "stdio",
            "-semihosting-config", "enable=on,target=native", "-kernel", image, "-append", arguments,
        }), Path.GetDirectoryName(image)!, timeoutSeconds);
        return run;
    }

    /// <summary>Plain QEMU: the image's Multiboot entry, COM1 console; exit code from isa-debug-exit.</summary>
    public static GuestRun RunOnQemu(string image, string arguments = "", int timeoutSeconds = 120, string memory = "128M")
    {
        RequireQemu();
        var run = Stream("qemu-system-x86_64", new[]
        {
            "-M", "q35", "-accel", "tcg", "-cpu", "max", "-m", memory, "-no-reboot", "-display", "none", "-monitor", "none",
            "-serial", "stdio", "-device", "isa-debug-exit,iobase=0x501,iosize=1", "-kernel", image, "-append", arguments,
        }, Path.GetDirectoryName(image)!, timeoutSeconds);
        // isa-debug-exit ends QEMU with (code << 1) | 1; a 0 means QEMU stopped without it.
        int code = run.ExitCode % 2 == 1 ? (run.ExitCode - 1) / 2 : -1000 - run.ExitCode;
        return run with { ExitCode = code };
    }

    /// <summary>Real Xen: boots Xen + dom0 under QEMU, `xl create`s the image, streams its console.</summary>
    /// <remarks>
    /// Harness options (eng/xen/README.md): <c>--bridge-address CIDR</c> gives dom0's xenbr0 an
    /// address, <c>--dom0-after SCRIPT</c> runs a dom0 script once the guest is gone (its output
    /// ends up in <see cref="GuestRun.Error"/>).
    /// </remarks>
    public static GuestRun RunOnXen(string image, string xlConfig, int timeoutSeconds = 300, int guestTimeoutSeconds = 120, params string[] harnessOptions)
    {
        if (ImageIsArm(image)) RequireXenHarnessArm(); else RequireXenHarness();
        var arguments = new List<string> { Harness, "run", image, xlConfig, "--timeout", guestTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        arguments.AddRange(harnessOptions);
        return Stream("python3", arguments, Path.GetDirectoryName(image)!, timeoutSeconds);
    }

    private static bool ImageIsArm(string image) => !File.ReadAllBytes(image).AsSpan(0, 4).SequenceEqual("\u007FELF"u8);

    public static void RequireXenHarnessArm()
    {
        RequireQemuArm();
        string cache = Environment.GetEnvironmentVariable("MIRAGE_CACHE") ?? Path.Combine(Environment.GetEnvironmentVariable("HOME") ?? "/root", ".cache", "mirage");
        if (!Directory.Exists(Path.Combine(cache, "xen", "arm")))
            Assert.Inconclusive($"The ARM Xen harness is not set up ({cache}/xen/arm missing; eng/xen/setup.sh prepares it): the real-Xen-on-ARM tests cannot run here.");
    }

    public static GuestRun Stream(string file, IEnumerable<string> arguments, string workingDirectory, int timeoutSeconds)
    {
        var start = ProcessRunner.Prepare(file, arguments, workingDirectory);
        using var process = Process.Start(start)!;
        var lines = new List<TimedLine>();
        var error = new System.Text.StringBuilder();
        var clock = Stopwatch.StartNew();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (error) error.Append(e.Data).Append('\n'); };
        process.BeginErrorReadLine();
        var reader = new System.Threading.Thread(() =>
        {
            while (process.StandardOutput.ReadLine() is { } line) lock (lines) lines.Add(new TimedLine(line.TrimEnd('\r'), clock.Elapsed));
        });
        reader.Start();
        if (!process.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds)))
        {
            process.Kill(entireProcessTree: true);
            reader.Join();
            Assert.Fail($"{file} {string.Join(' ', arguments)} did not finish within {timeoutSeconds} s:\n{string.Join("\n", lines)}\n{error}");
        }
        process.WaitForExit();
        reader.Join();
        return new GuestRun(process.ExitCode, lines, error.ToString());
    }

    /// <summary>
    /// samples/hello on real Xen: its four lines, and three one-second sleeps between them. Host
    /// arrival times pass through xenconsoled, dom0's serial console and QEMU, which batch output
    /// by a few hundred milliseconds per line: the sleeps are judged by their sum, and no line may
    /// follow the previous one without a pause.
    /// </summary>
    public static void AssertHelloSleptOneSecondPerLine(GuestRun run)
    {
        var expected = Enumerable.Range(1, 4).Select(i => $"hello from Mirage.NET ({i}/4)").ToList();
        var hello = run.Lines.Where(l => l.Text.StartsWith("hello from Mirage.NET", StringComparison.Ordinal)).ToList();
        CollectionAssert.AreEqual(expected, hello.Select(l => l.Text).ToList(), run.Console);
        var span = hello[3].At - hello[0].At;
        Assert.IsTrue(span >= TimeSpan.FromMilliseconds(2700) && span <= TimeSpan.FromMilliseconds(4500),
            $"lines 1 to 4 reached the host {span.TotalMilliseconds:F0} ms apart (three one-second sleeps expected)");
        for (int i = 1; i < 4; i++)
        {
            var gap = hello[i].At - hello[i - 1].At;
            Assert.IsTrue(gap >= TimeSpan.FromMilliseconds(400), $"line {i + 1} reached the host only {gap.TotalMilliseconds:F0} ms after line {i}");
        }
    }
}
