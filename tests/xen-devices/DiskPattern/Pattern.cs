using System.Buffers.Binary;
using System.Diagnostics;
using Mirage.Devices;
using Mirage.Xen.Devices;

namespace DiskPattern;

/// <summary>
/// Writes a pattern over every sector of the disk (sector number, its complement, then bytes
/// derived from both), flushes, reads it all back and compares, 1 MiB per call. On the read-only
/// disk: its marker is read, and a write must come back ReadOnly without reaching the backend.
/// A read past the end must be OutOfRange. Prints what the test checks; exits 0 if all passed.
/// The host then checks the image file itself (the pattern is Sector below).
/// </summary>
public sealed class Pattern(IConsole console, IBlock disk, IBlock seed)
{
    private const int ChunkBytes = 1 << 20;

    public static void Sector(long sector, Span<byte> into)
    {
        BinaryPrimitives.WriteInt64LittleEndian(into, sector);
        BinaryPrimitives.WriteInt64LittleEndian(into.Slice(8), ~sector);
        for (int i = 16; i < into.Length; i++) into[i] = (byte)(sector * 13 + i + (sector >> 9));
    }

    // Spelled out: enum names are not in the unikernel's metadata (Mirage.CoreLib prints the number).
    private static string Name(BlockError error) => error switch
    {
        BlockError.IoError => "IoError",
        BlockError.ReadOnly => "ReadOnly",
        BlockError.OutOfRange => "OutOfRange",
        BlockError.Misaligned => "Misaligned",
        BlockError.Disconnected => "Disconnected",
        _ => "?",
    };

    public async Task<int> StartAsync()
    {
        var info = disk.Info;
        await console.WriteLineAsync($"disk: {info.SectorCount} sectors of {info.SectorSize} bytes, {(info.ReadWrite ? "read-write" : "read-only")}");
        var xen = disk as XenBlock;
        if (xen is not null)
        {
            string mode = xen.IndirectRequests
                ? $"indirect requests (the backend allows {xen.BackendMaxIndirectSegments} segments)"
                : "direct requests only (the backend offers no indirect requests)";
            await console.WriteLineAsync($"disk: flush {(xen.FlushSupported ? "offered" : "not offered")}, {XenBlock.SlotCount} request slots of {xen.SegmentsPerRequest} pages, {mode}");
        }
        bool passed = true;
        var buffer = new byte[ChunkBytes];
        int sectorsPerChunk = ChunkBytes / info.SectorSize;

        long ticks = Stopwatch.GetTimestamp();
        for (long sector = 0; sector < info.SectorCount; sector += sectorsPerChunk)
        {
            int count = (int)Math.Min(sectorsPerChunk, info.SectorCount - sector);
            for (int i = 0; i < count; i++) Sector(sector + i, buffer.AsSpan(i * info.SectorSize, info.SectorSize));
            var written = await disk.WriteAsync(sector, buffer.AsMemory(0, count * info.SectorSize));
            if (written.IsError) { await console.WriteLineAsync($"FAIL: write at sector {sector}: {Name(written.Error)}"); return 1; }
        }
        var flushed = await disk.FlushAsync();
        double writeSeconds = Stopwatch.GetElapsedTime(ticks).TotalSeconds;
        long bytes = info.SectorCount * info.SectorSize;
        await console.WriteLineAsync($"wrote {bytes >> 20} MiB in {writeSeconds:F2} s: {bytes / writeSeconds / (1 << 20):F1} MiB/s; flush: {(flushed.IsOk ? "ok" : Name(flushed.Error))}");
        passed &= flushed.IsOk;

        ticks = Stopwatch.GetTimestamp();
        long mismatches = 0;
        var expected = new byte[info.SectorSize];
        for (long sector = 0; sector < info.SectorCount; sector += sectorsPerChunk)
        {
            int count = (int)Math.Min(sectorsPerChunk, info.SectorCount - sector);
            var read = await disk.ReadAsync(sector, buffer.AsMemory(0, count * info.SectorSize));
            if (read.IsError) { await console.WriteLineAsync($"FAIL: read at sector {sector}: {Name(read.Error)}"); return 1; }
            for (int i = 0; i < count; i++)
            {
                Sector(sector + i, expected);
                if (!buffer.AsSpan(i * info.SectorSize, info.SectorSize).SequenceEqual(expected)) mismatches++;
            }
        }
        double readSeconds = Stopwatch.GetElapsedTime(ticks).TotalSeconds;
        await console.WriteLineAsync($"read back {bytes >> 20} MiB in {readSeconds:F2} s: {bytes / readSeconds / (1 << 20):F1} MiB/s; sectors differing: {mismatches}");
        passed &= mismatches == 0;
        if (xen is not null) await console.WriteLineAsync($"disk: {xen.RequestsSent} requests ({xen.IndirectRequestsSent} indirect) in {xen.Notifications} notifications, refused by the backend: {xen.RequestsRefusedByBackend}, backend kicks {xen.BackendKicks}");

        var beyond = await disk.ReadAsync(info.SectorCount, new byte[info.SectorSize]);
        await console.WriteLineAsync($"read past the end: {(beyond.IsOk ? "ok" : Name(beyond.Error))}");
        passed &= beyond.IsError && beyond.Error == BlockError.OutOfRange;

        var seedInfo = seed.Info;
        var marker = new byte[seedInfo.SectorSize];
        var seedRead = await seed.ReadAsync(0, marker);
        string text = seedRead.IsOk ? System.Text.Encoding.ASCII.GetString(marker, 0, 11) : Name(seedRead.Error);
        var seedWrite = await seed.WriteAsync(0, marker);
        await console.WriteLineAsync($"seed: {(seedInfo.ReadWrite ? "read-write" : "read-only")}, sector 0 starts \"{text}\", write: {(seedWrite.IsOk ? "ok" : Name(seedWrite.Error))}");
        passed &= !seedInfo.ReadWrite && text == "MIRAGE-SEED" && seedWrite.IsError && seedWrite.Error == BlockError.ReadOnly;

        if (xen is not null)
        {
            var closed = await xen.CloseAsync();
            var after = await disk.ReadAsync(0, buffer.AsMemory(0, info.SectorSize));
            await console.WriteLineAsync($"closed: {(closed.IsOk ? "ok" : closed.Error.Message)}; read after close: {(after.IsOk ? "ok" : Name(after.Error))}");
            passed &= closed.IsOk && after.IsError && after.Error == BlockError.Disconnected;
        }
        await console.WriteLineAsync(passed ? "PASS" : "FAIL");
        return passed ? 0 : 1;
    }
}
