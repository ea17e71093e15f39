using Mirage.Devices;
using Mirage.Xen.Devices;

namespace DiskRefusal;

/// <summary>
/// Writes 1 MiB chunks from the start of a disk whose backend runs out of space after a few MiB,
/// until a write fails. The failure must be an IoError value (the backend's BLKIF_RSP_ERROR,
/// counted by the driver), and the device must go on working: what was written before reads
/// back intact, and a rewrite of already-stored data succeeds. Prints what the test checks;
/// exits 0 if all passed.
/// </summary>
public sealed class Refusal(IConsole console, IBlock disk)
{
    private const int ChunkBytes = 1 << 20;

    private static byte Pattern(long offset, int round) => (byte)(offset * 7 + (offset >> 9) + round * 101);

    private static void Fill(Span<byte> chunk, long start, int round)
    {
        for (int i = 0; i < chunk.Length; i++) chunk[i] = Pattern(start + i, round);
    }

    private static long Differing(ReadOnlySpan<byte> chunk, long start, int round)
    {
        long bad = 0;
        for (int i = 0; i < chunk.Length; i++) if (chunk[i] != Pattern(start + i, round)) bad++;
        return bad;
    }

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
        await console.WriteLineAsync($"disk: {info.SectorCount * info.SectorSize >> 20} MiB, {(info.ReadWrite ? "read-write" : "read-only")}");
        var xen = disk as XenBlock;
        if (xen is null) { await console.WriteLineAsync("FAIL: not a Xen blkfront disk"); return 1; }
        var buffer = new byte[ChunkBytes];
        int sectorsPerChunk = ChunkBytes / info.SectorSize;
        long chunks = info.SectorCount / sectorsPerChunk;

        long refusedAt = -1;
        BlockError refusal = default;
        for (long chunk = 0; chunk < chunks; chunk++)
        {
            Fill(buffer, chunk * ChunkBytes, round: 0);
            var written = await disk.WriteAsync(chunk * sectorsPerChunk, buffer);
            if (written.IsError) { refusedAt = chunk; refusal = written.Error; break; }
        }
        await console.WriteLineAsync(refusedAt < 0
            ? "FAIL: every write succeeded (the backend never refused)"
            : $"write refused at MiB {refusedAt}: {Name(refusal)}; requests refused by the backend: {xen.RequestsRefusedByBackend}");
        bool passed = refusedAt > 0 && refusal == BlockError.IoError && xen.RequestsRefusedByBackend > 0;
        if (refusedAt <= 0) { await console.WriteLineAsync("FAIL"); return 1; }

        // The refusal must not have damaged the device: the data stored before it reads back.
        long differing = 0;
        for (long chunk = 0; chunk < refusedAt; chunk++)
        {
            var read = await disk.ReadAsync(chunk * sectorsPerChunk, buffer);
            if (read.IsError) { await console.WriteLineAsync($"FAIL: read of MiB {chunk} after the refusal: {Name(read.Error)}"); return 1; }
            differing += Differing(buffer, chunk * ChunkBytes, round: 0);
        }
        await console.WriteLineAsync($"read back {refusedAt} MiB written before the refusal: bytes differing: {differing}");
        passed &= differing == 0;

        // Space already held by the backend can be rewritten.
        Fill(buffer, 0, round: 1);
        var rewritten = await disk.WriteAsync(0, buffer);
        var reread = rewritten.IsOk ? await disk.ReadAsync(0, buffer) : rewritten;
        long rereadDiffering = reread.IsOk ? Differing(buffer, 0, round: 1) : -1;
        await console.WriteLineAsync($"rewrite of MiB 0 after the refusal: {(rewritten.IsOk ? "ok" : Name(rewritten.Error))}, read back: {(reread.IsOk ? $"bytes differing: {rereadDiffering}" : Name(reread.Error))}");
        passed &= rewritten.IsOk && rereadDiffering == 0;

        var closed = await xen.CloseAsync();
        await console.WriteLineAsync($"closed: {(closed.IsOk ? "ok" : closed.Error.Message)}");
        passed &= closed.IsOk;
        await console.WriteLineAsync(passed ? "PASS" : "FAIL");
        return passed ? 0 : 1;
    }
}
