using System.Diagnostics;
using Mirage.Devices;
using Mirage.Xen.Devices;

namespace NetExchange;

/// <summary>
/// Exchanges raw Ethernet frames with dom0's peer program (eng/xen/peer/frame-peer.c, started on
/// the vif's backend interface by the test's dom0 script): 10,000 data frames out and 10,000 of
/// the peer's own frames in, each of its own length (60 to 1,514 bytes) and content, every byte
/// checked on both sides (<see cref="FrameExchange"/>). The exchange must not grow the heap. Then
/// one runt frame (10 bytes) that netback must refuse, 100 more frames each way to show the vif
/// survived it, the peer's report of what it received, and the disconnect. Prints what the test
/// checks; exits 0 only if every check passed.
/// </summary>
public sealed class Exchange(IConsole console, ITime time, INetwork network)
{
    private const int Frames = 10_000;
    private const int WarmUp = 100;
    private const int AfterRefusal = 100;

    // Spelled out: enum names are not in the unikernel's metadata (Mirage.CoreLib prints the number).
    private static string Name(NetworkError error) => error switch
    {
        NetworkError.Disconnected => "Disconnected",
        NetworkError.FrameTooLarge => "FrameTooLarge",
        NetworkError.IoError => "IoError",
        _ => "?",
    };

    public async Task<int> StartAsync()
    {
        if (network is not XenNetwork xen)
        {
            await console.WriteLineAsync("this test runs on xen and xen-arm only");
            return 2;
        }
        await console.WriteLineAsync($"netfront: mac {network.Mac} mtu {network.Mtu} ({xen.XenstorePath})");
        var exchange = new FrameExchange(network, time, stream: 0, WarmUp + Frames + AfterRefusal);
        var listening = network.ListenAsync(exchange.OnFrame);

        // The peer starts with the domain; the first frames may find no one listening yet (resent after 2 s).
        if (!await exchange.RunAsync(WarmUp)) return await FailAsync(exchange, "the warm-up got no answers from dom0's peer");
        await console.WriteLineAsync($"dom0's peer answers as {exchange.PeerMac}");
        long heapBefore = GC.GetTotalAllocatedBytes();
        long ticks = Stopwatch.GetTimestamp();
        if (!await exchange.RunAsync(Frames)) return await FailAsync(exchange, "the exchange stalled");
        double seconds = Stopwatch.GetElapsedTime(ticks).TotalSeconds;
        long heapGrowth = GC.GetTotalAllocatedBytes() - heapBefore;
        await console.WriteLineAsync($"exchanged {Frames} frames each way, contents verified, in {seconds:F2} s: {Frames / seconds:F0} frames/s each way");
        await console.WriteLineAsync($"heap growth over the {Frames} exchanges: {heapGrowth} bytes");

        var runt = await network.WriteAsync(new byte[10]);
        for (int i = 0; i < 100 && xen.FramesRefusedByBackend == 0; i++) await time.SleepAsync(TimeSpan.FromMilliseconds(50.0));
        await console.WriteLineAsync($"runt frame: write {(runt.IsOk ? "queued" : Name(runt.Error))}, refused by the backend: {xen.FramesRefusedByBackend}");
        if (!await exchange.RunAsync(AfterRefusal)) return await FailAsync(exchange, "no answers after the refusal");
        await console.WriteLineAsync($"after the refusal: {AfterRefusal} more frames each way verified");

        bool reported = await exchange.EndAsync();
        await PrintCountsAsync(exchange);
        var stats = network.Statistics;
        await console.WriteLineAsync($"statistics: sent {stats.FramesSent} frames ({stats.BytesSent} bytes), received {stats.FramesReceived} ({stats.BytesReceived} bytes), dropped {stats.FramesDropped}, malformed {xen.MalformedFramesReceived}, ring-full waits {xen.TxRingFullWaits}, backend kicks {xen.BackendKicks}");
        var closed = await xen.CloseAsync();
        var ended = await listening;
        await console.WriteLineAsync($"closed: {(closed.IsOk ? "ok" : closed.Error.Message)}; listener ended with {(ended.IsOk ? "ok" : Name(ended.Error))}");

        int total = WarmUp + Frames + AfterRefusal;
        bool passed = heapGrowth < 32 * 1024 && xen.FramesRefusedByBackend == 1 && closed.IsOk
            && exchange.Verified == total && exchange.BadFrames == 0
            && reported && exchange.PeerReceivedOk == total && exchange.PeerBad == 0;
        await console.WriteLineAsync(passed ? "PASS" : "FAIL");
        return passed ? 0 : 1;
    }

    private async Task PrintCountsAsync(FrameExchange exchange)
    {
        await console.WriteLineAsync($"stream {exchange.Stream}: sent {exchange.Sent} frames, verified {exchange.Verified} from dom0, bad {exchange.BadFrames}, duplicates {exchange.Duplicates}, retransmits {exchange.Retransmits}, other frames {exchange.OtherFrames}");
        await console.WriteLineAsync(exchange.PeerReported
            ? $"stream {exchange.Stream}: dom0's peer reports received ok {exchange.PeerReceivedOk}, bad {exchange.PeerBad}, duplicate {exchange.PeerDuplicates}, sent {exchange.PeerSent}"
            : $"stream {exchange.Stream}: dom0's peer sent no report");
    }

    private async Task<int> FailAsync(FrameExchange exchange, string why)
    {
        await console.WriteLineAsync($"FAIL: {why}");
        await PrintCountsAsync(exchange);
        return 1;
    }
}
