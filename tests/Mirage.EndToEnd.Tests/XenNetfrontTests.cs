using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Mirage.EndToEnd.Tests;

/// <summary>
/// netfront on real Xen (x86 and ARM): tests/xen-devices/NetExchange exchanges ICMP echo frames
/// with dom0's own Linux stack through netback and the harness bridge (dom0 192.168.77.1). The
/// guest checks every reply's payload; dom0's ICMP counters, read after the guest is gone, must
/// show the requests arrived and were answered. Also: steady-state exchange does not grow the
/// heap, a runt frame refused by netback is counted and the vif keeps working, and the device
/// goes through Closing/Closed.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class XenNetfrontTests
{
    private const int Frames = 10_000;

    [TestMethod]
    public void NetfrontOnXenExchangesTenThousandFramesEachWayWithDom0() => Exchange("xen");

    [TestMethod]
    public void NetfrontOnXenArmExchangesTenThousandFramesEachWayWithDom0() => Exchange("xen-arm");

    private static void Exchange(string target)
    {
        if (target == "xen") XenMachines.RequireXenHarness(); else XenMachines.RequireXenHarnessArm();
        var workspace = UserWorkspace.Create("netfront-" + target);
        string image = XenDeviceApps.Build(XenDeviceApps.CopyTo(workspace, "NetExchange"), target);
        string dom0Script = Path.Combine(workspace.Directory, "dom0-after.sh");
        File.WriteAllText(dom0Script, "grep Icmp: /proc/net/snmp\n");

        var run = XenMachines.RunOnXen(image, Path.ChangeExtension(image, ".xl"), timeoutSeconds: 900, guestTimeoutSeconds: 600,
            "--bridge-address", "192.168.77.1/24", "--dom0-after", dom0Script);
        string all = run.Console + "\n" + run.Error;
        Assert.AreEqual(0, run.ExitCode, "poweroff expected:\n" + all);

        StringAssert.Contains(run.Console, "netfront: mac 00:16:3e:4d:00:02 mtu 1500 (device/vif/0)");
        StringAssert.Contains(run.Console, $"exchanged {Frames} frames each way, contents verified");
        StringAssert.Contains(run.Console, "runt frame: write queued, refused by the backend: 1");
        StringAssert.Contains(run.Console, "after the refusal: 100 more frames each way verified");
        StringAssert.Contains(run.Console, "malformed 0, bad replies 0");
        StringAssert.Contains(run.Console, "closed: ok; listener ended with Disconnected");
        long heapGrowth = long.Parse(Regex.Match(run.Console, @"heap growth over the \d+ exchanges: (-?\d+) bytes").Groups[1].Value);
        // No garbage collector yet: any per-frame allocation (24 bytes at least) would add 240 KB here.
        Assert.IsLessThan(32 * 1024L, heapGrowth, "the exchange allocated per frame:\n" + run.Console);
        StringAssert.Contains(run.Console, "PASS");

        // dom0's view: /proc/net/snmp's Icmp header line, then its values.
        var icmp = run.Error.Split('\n').Where(l => l.StartsWith("Icmp:", StringComparison.Ordinal)).ToList();
        Assert.HasCount(2, icmp, "dom0's ICMP counters:\n" + run.Error);
        var names = icmp[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var values = icmp[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long Counter(string name) => long.Parse(values[Array.IndexOf(names, name)]);
        int expected = Frames + 200; // warm-up and after-refusal exchanges
        Assert.IsGreaterThanOrEqualTo(expected, Counter("InEchos"), "echo requests dom0 received:\n" + run.Error);
        Assert.IsGreaterThanOrEqualTo(expected, Counter("OutEchoReps"), "echo replies dom0 sent:\n" + run.Error);
        Assert.AreEqual(0L, Counter("InCsumErrors"), "frames from the guest with bad checksums");
    }
}
