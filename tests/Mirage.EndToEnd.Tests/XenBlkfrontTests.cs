using System;
using System.IO;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Mirage.EndToEnd.Tests;

/// <summary>
/// blkfront on real Xen (x86 and ARM): tests/xen-devices/DiskPattern writes a pattern over a
/// 64 MB disk image served by blkback from a loop device in dom0, reads it back and compares;
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
        var batching = Regex.Match(run.Console, @"disk: (\d+) requests in (\d+) notifications");
        Assert.IsTrue(batching.Success, run.Console);
        Assert.IsLessThan(long.Parse(batching.Groups[1].Value), long.Parse(batching.Groups[2].Value), "requests are batched: fewer notifications than requests");
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

    /// <summary>The guest's pattern (tests/xen-devices/DiskPattern/Pattern.cs, Sector).</summary>
    private static void DiskSector(long sector, Span<byte> into)
    {
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(into, sector);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(into.Slice(8), ~sector);
        for (int i = 16; i < into.Length; i++) into[i] = (byte)(sector * 13 + i + (sector >> 9));
    }
}
