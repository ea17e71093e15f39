using System;
using System.IO;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Mirage.EndToEnd.Tests;

/// <summary>
/// netfront on real Xen (x86 and ARM): tests/xen-devices/NetExchange has two network devices (two
/// vif lines: vif 0 on xenbr0, vif 1 on xenbr1) and exchanges raw Ethernet frames through netback
/// on each with dom0's peer program (eng/xen/peer/frame-peer.c, one per vif, run on the vif's
/// backend interface by a dom0 script beside the guest). Each side checks every byte of every
/// frame it receives against the other side's pattern (which includes the vif's stream number)
/// and counts; both sides' counts are asserted for both vifs. Also: steady-state exchange does not
/// grow the heap, a runt frame refused by netback is counted and the vif keeps working, and the
/// devices go through Closing/Closed. Beside the exchange dom0 runs mirage-vector-check: its own
/// vector registers must never change while the guest runs (the harness's eager FPU switching).
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class XenNetfrontTests
{
    // Warm-up, the measured 10,000, and 100 after the refused runt frame: distinct data frames each way.
    private const int FramesEachWay = 100 + 10_000 + 100;

    [TestMethod]
    public void NetfrontOnXenExchangesTenThousandFramesEachWayWithDom0() => Exchange("xen");

    [TestMethod]
    public void NetfrontOnXenArmExchangesTenThousandFramesEachWayWithDom0() => Exchange("xen-arm");

    /// <summary>
    /// dom0's vif hotplug program (eng/xen/peer/vif-hotplug.c) refuses a vif whose bridge does not
    /// exist, and libxl stops `xl create` with the program's message naming the vif and the bridge.
    /// </summary>
    [TestMethod]
    public void VifOnAMissingBridgeStopsXlCreateNamingTheBridge()
    {
        XenMachines.RequireXenHarness();
        var workspace = UserWorkspace.Create("netfront-no-bridge");
        string image = XenDeviceApps.Build(XenDeviceApps.CopyTo(workspace, "NetExchange"), "xen");
        // Its second vif is on xenbr1, which only the exchange test creates.
        var run = XenMachines.RunOnXen(image, Path.ChangeExtension(image, ".xl"), timeoutSeconds: 600, guestTimeoutSeconds: 120);
        string all = run.Console + "\n" + run.Error;
        Assert.AreEqual(126, run.ExitCode, "xl create should fail:\n" + all);
        StringAssert.Contains(run.Error, "vif-bridge: cannot add vif", all);
        StringAssert.Contains(run.Error, ".1 (bridge xenbr1): No such device", all);
    }

    /// <summary>The dom0 script that runs one frame peer per (vif, guest MAC), once libxl has made the domain.</summary>
    internal static string PeerScript(params (int Vif, string Mac)[] vifs)
    {
        var script = new System.Text.StringBuilder();
        script.Append("for i in $(seq 600); do domid=$(xl domid \"$MIRAGE_GUEST\" 2>/dev/null) && break; sleep 0.1; done\n");
        script.Append("[ -n \"$domid\" ] || { echo \"no domain $MIRAGE_GUEST\"; exit 3; }\n");
        foreach (var (vif, mac) in vifs)
            script.Append($"mirage-frame-peer vif$domid.{vif} {vif} {mac} 600 & pids=\"$pids $!\"\n");
        // Beside the exchange, dom0's own vector registers must stay dom0's (eng/xen/peer/vector-check.c:
        // without the harness's eager FPU switching, a guest's SSE code ran on them under TCG).
        script.Append($"mirage-vector-check {VectorCheckSeconds} & pids=\"$pids $!\"\n");
        script.Append("rc=0; for p in $pids; do wait $p || rc=$?; done; exit $rc\n");
        return script.ToString();
    }

    private const int VectorCheckSeconds = 15;

    /// <summary>dom0's vector registers were never changed while the guest ran (mirage-vector-check's report).</summary>
    internal static void AssertDom0VectorRegistersIntact(string harnessError)
    {
        var report = Regex.Match(harnessError, @"vector-check: rounds (\d+) bad (\d+) registers");
        Assert.IsTrue(report.Success, "dom0's vector-check printed no report:\n" + harnessError);
        Assert.IsGreaterThan(0, int.Parse(report.Groups[1].Value), "vector-check ran no round:\n" + report.Value);
        Assert.AreEqual(0, int.Parse(report.Groups[2].Value), "dom0's vector registers changed while the guest ran:\n" + harnessError);
    }

    /// <summary>The peer's own count line for one stream (in the harness's stderr).</summary>
    internal static Match PeerReport(string harnessError, int stream)
    {
        var report = Regex.Match(harnessError, $@"frame-peer vif\d+\.{stream} stream {stream}: received ok (\d+), bad (\d+), duplicate (\d+), sent (\d+) \(distinct (\d+)\)");
        Assert.IsTrue(report.Success, $"dom0's peer for stream {stream} printed no report:\n" + harnessError);
        return report;
    }

    private static void Exchange(string target)
    {
        if (target == "xen") XenMachines.RequireXenHarness(); else XenMachines.RequireXenHarnessArm();
        var workspace = UserWorkspace.Create("netfront-" + target);
        string image = XenDeviceApps.Build(XenDeviceApps.CopyTo(workspace, "NetExchange"), target);
        string xl = File.ReadAllText(Path.ChangeExtension(image, ".xl"));
        StringAssert.Contains(xl, "vif = [ 'bridge=xenbr0,devid=0,mac=00:16:3e:4d:00:02', 'bridge=xenbr1,devid=1,mac=00:16:3e:4d:00:03' ]", xl);
        string bridge = Path.Combine(workspace.Directory, "dom0-bridge.sh");
        File.WriteAllText(bridge, "brctl addbr xenbr1 && ip link set xenbr1 up\n");
        string peer = Path.Combine(workspace.Directory, "dom0-peer.sh");
        File.WriteAllText(peer, PeerScript((0, "00:16:3e:4d:00:02"), (1, "00:16:3e:4d:00:03")));

        var run = XenMachines.RunOnXen(image, Path.ChangeExtension(image, ".xl"), timeoutSeconds: 900, guestTimeoutSeconds: 600,
            "--dom0-before", bridge, "--dom0-during", peer);
        string all = run.Console + "\n" + run.Error;
        Assert.AreEqual(0, run.ExitCode, "poweroff expected:\n" + all);

        StringAssert.Contains(run.Console, "netfront: mac 00:16:3e:4d:00:02 mtu 1500 (device/vif/0)");
        StringAssert.Contains(run.Console, "netfront: mac 00:16:3e:4d:00:03 mtu 1500 (device/vif/1)");
        StringAssert.Contains(run.Console, "exchanged 10000 frames each way, contents verified");
        StringAssert.Contains(run.Console, "vif 1: exchanged 10000 frames each way, contents verified");
        StringAssert.Contains(run.Console, "runt frame: write queued, refused by the backend: 1");
        StringAssert.Contains(run.Console, "after the refusal: 100 more frames each way verified on both vifs");
        foreach (int vif in new[] { 0, 1 })
        {
            StringAssert.Contains(run.Console, $"vif {vif} closed: ok; listener ended with Disconnected");
            Assert.IsTrue(Regex.IsMatch(run.Console, $@"vif {vif} statistics: .* malformed 0,"), run.Console);
        }
        long heapGrowth = long.Parse(Regex.Match(run.Console, @"heap growth over the \d+ exchanges: (-?\d+) bytes").Groups[1].Value);
        // No garbage collector yet: any per-frame allocation (24 bytes at least) would add 240 KB here.
        Assert.IsLessThan(32 * 1024L, heapGrowth, "the exchange allocated per frame:\n" + run.Console);

        // The guest's view, per vif: every frame of that vif's peer checked, none wrong (a frame of
        // the other vif's stream or addresses would count as bad).
        foreach (int stream in new[] { 0, 1 })
        {
            StringAssert.Contains(run.Console, $"stream {stream}: sent {FramesEachWay} frames, verified {FramesEachWay} from dom0, bad 0,");
            StringAssert.Contains(run.Console, $"stream {stream}: dom0's peer reports received ok {FramesEachWay}, bad 0,");
        }
        StringAssert.Contains(run.Console, "PASS");

        // dom0's view, from each peer program itself: every guest frame checked, none wrong, as many sent.
        StringAssert.Contains(run.Error, "dom0 script during the guest exited 0", all);
        AssertPeerCounts(run.Error, stream: 0, FramesEachWay);
        AssertPeerCounts(run.Error, stream: 1, FramesEachWay);
        AssertDom0VectorRegistersIntact(run.Error);
    }

    internal static void AssertPeerCounts(string harnessError, int stream, int frames)
    {
        var report = PeerReport(harnessError, stream);
        Assert.AreEqual(frames, int.Parse(report.Groups[1].Value), "guest frames dom0's peer verified:\n" + report.Value);
        Assert.AreEqual(0, int.Parse(report.Groups[2].Value), "guest frames dom0's peer found wrong:\n" + harnessError);
        Assert.IsGreaterThanOrEqualTo(frames, int.Parse(report.Groups[4].Value), "frames dom0's peer sent:\n" + report.Value);
        Assert.AreEqual(frames, int.Parse(report.Groups[5].Value), "distinct frames dom0's peer sent:\n" + report.Value);
    }
}
