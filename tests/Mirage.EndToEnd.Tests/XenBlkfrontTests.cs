using System;
using System.IO;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Mirage.EndToEnd.Tests;

/// <summary>
/// blkfront on real Xen (x86 and ARM): tests/xen-devices/DiskPattern writes a pattern over a
/// 64 MB disk image served by blkback from a loop device in dom0, in indirect requests of 32
/// pages (blkback offers them), reads it back and compares;
/// after the guest powers off, the image file (copied back by the harness from dom0) must hold the
/// pattern in every sector. A second disk attached read-only must refuse writes with an error
/// value; a read past the end is OutOfRange; after the disconnect I/O is Disconnected.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class XenBlkfrontTests
{
    private const int DiskBytes = 64 << 20;

    [TestMethod]
    public void BlkfrontOnXenWritesAndReadsBackA64MegabyteDisk() => Pattern("xen");

    [TestMethod]
    public void BlkfrontOnXenArmWritesAndReadsBackA64MegabyteDisk() => Pattern("xen-arm");

    private static void Pattern(string target)
    {
        if (target == "xen") XenMachines.RequireXenHarness(); else XenMachines.RequireXenHarnessArm();
        var workspace = UserWorkspace.Create("blkfront-" + target);
        string project = XenDeviceApps.CopyTo(workspace, "DiskPattern");
        string disk = Path.Combine(project, "disk.img");
        using (var file = File.Create(disk)) file.SetLength(DiskBytes);
        var seed = new byte[1 << 20];
        "MIRAGE-SEED"u8.CopyTo(seed);
        File.WriteAllBytes(Path.Combine(project, "seed.img"), seed);
        string image = XenDeviceApps.Build(project, target);

        var run = XenMachines.RunOnXen(image, Path.ChangeExtension(image, ".xl"), timeoutSeconds: 1200, guestTimeoutSeconds: 900);
        Assert.AreEqual(0, run.ExitCode, "poweroff expected:\n" + run.Console + run.Error);
        StringAssert.Contains(run.Console, "disk: 131072 sectors of 512 bytes, read-write");
        StringAssert.Contains(run.Console, "sectors differing: 0");
        StringAssert.Contains(run.Console, "read past the end: OutOfRange");
        StringAssert.Contains(run.Console, "seed: read-only, sector 0 starts \"MIRAGE-SEED\", write: ReadOnly");
        StringAssert.Contains(run.Console, "closed: ok; read after close: Disconnected");
        // Linux's blkback offers indirect requests (feature-max-indirect-segments, 256): the driver
        // must use them, 32 pages (128 KiB) per request, so writing and reading 64 MiB takes at
        // least 2 × 512 of them.
        StringAssert.Contains(run.Console, "disk: flush offered, 16 request slots of 32 pages, indirect requests (the backend allows");
        var batching = Regex.Match(run.Console, @"disk: (\d+) requests \((\d+) indirect\) in (\d+) notifications");
        Assert.IsTrue(batching.Success, run.Console);
        long requests = long.Parse(batching.Groups[1].Value), indirect = long.Parse(batching.Groups[2].Value);
        Assert.IsGreaterThanOrEqualTo(2L * DiskBytes / (32 * 4096), indirect, "indirect requests:\n" + run.Console);
        Assert.IsLessThanOrEqualTo(requests, indirect, run.Console);
        Assert.IsLessThan(requests, long.Parse(batching.Groups[3].Value), "requests are batched: fewer notifications than requests");
        StringAssert.Contains(run.Console, "PASS");

        // What dom0's blkback wrote through the loop device, as the host now has it.
        byte[] written = File.ReadAllBytes(disk);
        Assert.AreEqual(DiskBytes, written.Length);
        var expected = new byte[512];
        for (long sector = 0; sector < DiskBytes / 512; sector++)
        {
            DiskSector(sector, expected);
            if (!written.AsSpan((int)(sector * 512), 512).SequenceEqual(expected))
                Assert.Fail($"sector {sector} of the image does not hold the pattern the guest wrote");
        }
        CollectionAssert.AreEqual(seed, File.ReadAllBytes(Path.Combine(project, "seed.img")), "the read-only disk is unchanged");
    }

    [TestMethod]
    public void BlkfrontOnXenSurvivesTheBackendRefusingWrites() => Refusal("xen");

    [TestMethod]
    public void BlkfrontOnXenArmSurvivesTheBackendRefusingWrites() => Refusal("xen-arm");

    /// <summary>
    /// tests/xen-devices/DiskRefusal on a dom0 loop device over a 64 MiB sparse file on a 4 MiB
    /// tmpfs: once the tmpfs is full, dom0's kernel fails the loop device's writes and blkback
    /// answers BLKIF_RSP_ERROR. The guest must see an IoError value, count the refusal, and keep
    /// working (earlier data intact, rewrites of stored data accepted, clean disconnect).
    /// </summary>
    private static void Refusal(string target)
    {
        if (target == "xen") XenMachines.RequireXenHarness(); else XenMachines.RequireXenHarnessArm();
        var workspace = UserWorkspace.Create("blkfront-refusal-" + target);
        string project = XenDeviceApps.CopyTo(workspace, "DiskRefusal");
        string image = XenDeviceApps.Build(project, target);
        string before = Path.Combine(project, "dom0-before.sh");
        File.WriteAllText(before, """
            set -e
            mkdir -p /run/refusal
            mount -t tmpfs -o size=4m tmpfs /run/refusal
            truncate -s 64M /run/refusal/disk.img
            [ -b /dev/loop7 ] || mknod /dev/loop7 b 7 7
            losetup /dev/loop7 /run/refusal/disk.img
            """);
        string after = Path.Combine(project, "dom0-after.sh");
        File.WriteAllText(after, "losetup -d /dev/loop7; umount /run/refusal; echo cleaned up\n");

        var run = XenMachines.RunOnXen(image, Path.ChangeExtension(image, ".xl"), timeoutSeconds: 600, guestTimeoutSeconds: 300,
            "--dom0-before", before, "--dom0-after", after);
        Assert.AreEqual(0, run.ExitCode, "poweroff expected:\n" + run.Console + run.Error);
        StringAssert.Contains(run.Console, "disk: 64 MiB, read-write");
        var refused = Regex.Match(run.Console, @"write refused at MiB (\d+): IoError; requests refused by the backend: (\d+)");
        Assert.IsTrue(refused.Success, run.Console);
        int refusedAt = int.Parse(refused.Groups[1].Value);
        Assert.IsTrue(refusedAt >= 1 && refusedAt <= 4, $"the 4 MiB tmpfs fills after at most 4 MiB; refused at MiB {refusedAt}:\n{run.Console}");
        Assert.IsGreaterThan(0, int.Parse(refused.Groups[2].Value), run.Console);
        StringAssert.Contains(run.Console, $"read back {refusedAt} MiB written before the refusal: bytes differing: 0");
        StringAssert.Contains(run.Console, "rewrite of MiB 0 after the refusal: ok, read back: bytes differing: 0");
        StringAssert.Contains(run.Console, "closed: ok");
        StringAssert.Contains(run.Console, "PASS");
    }

    /// <summary>The guest's pattern (tests/xen-devices/DiskPattern/Pattern.cs, Sector).</summary>
    private static void DiskSector(long sector, Span<byte> into)
    {
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(into, sector);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(into.Slice(8), ~sector);
        for (int i = 16; i < into.Length; i++) into[i] = (byte)(sector * 13 + i + (sector >> 9));
    }
}
