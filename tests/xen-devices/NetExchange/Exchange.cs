using System.Diagnostics;
using Mirage;
using Mirage.Devices;
using Mirage.Xen.Devices;

namespace NetExchange;

/// <summary>
/// Exchanges raw Ethernet frames with dom0's peer programs (eng/xen/peer/frame-peer.c, one on each
/// vif's backend interface, started by the test's dom0 script) on two vifs: on each, 10,000 data
/// frames out and 10,000 of the peer's own frames in, each of its own length (60 to 1,514 bytes)
/// and content, every byte checked on both sides (<see cref="FrameExchange"/>; the stream number
/// in every frame and the addresses tell the vifs' traffic apart). The measured exchange on vif 0
/// must not grow the heap. Then one runt frame (10 bytes) on vif 0 that netback must refuse, 100
/// more frames each way on both vifs to show they survived it, each peer's report of what it
/// received, and the disconnects. Prints what the test checks; exits 0 only if every check passed.
/// </summary>
public sealed class Exchange(IConsole console, ITime time, INetwork network, INetwork lan2)
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
        if (network is not XenNetwork xen || lan2 is not XenNetwork xen2)
        {
            await console.WriteLineAsync("this test runs on xen and xen-arm only");
            return 2;
        }
        await console.WriteLineAsync($"netfront: mac {network.Mac} mtu {network.Mtu} ({xen.XenstorePath})");
        await console.WriteLineAsync($"netfront: mac {lan2.Mac} mtu {lan2.Mtu} ({xen2.XenstorePath})");
        var exchange = new FrameExchange(network, time, stream: 0, WarmUp + Frames + AfterRefusal);
        var exchange2 = new FrameExchange(lan2, time, stream: 1, WarmUp + Frames + AfterRefusal);
        var listening = network.ListenAsync(exchange.OnFrame);
        var listening2 = lan2.ListenAsync(exchange2.OnFrame);

        // The peers start with the domain; the first frames may find no one listening yet (resent after 2 s).
        if (!await BothAsync(exchange, exchange2, WarmUp)) return await FailAsync(exchange, exchange2, "the warm-up got no answers from dom0's peers");
        await console.WriteLineAsync($"dom0's peers answer as {exchange.PeerMac} (vif 0) and {exchange2.PeerMac} (vif 1)");
        long heapBefore = GC.GetTotalAllocatedBytes();
        long ticks = Stopwatch.GetTimestamp();
        if (!await exchange.RunAsync(Frames)) return await FailAsync(exchange, exchange2, "the exchange stalled");
        double seconds = Stopwatch.GetElapsedTime(ticks).TotalSeconds;
        long heapGrowth = GC.GetTotalAllocatedBytes() - heapBefore;
        await console.WriteLineAsync($"exchanged {Frames} frames each way, contents verified, in {seconds:F2} s: {Frames / seconds:F0} frames/s each way");
        await console.WriteLineAsync($"heap growth over the {Frames} exchanges: {heapGrowth} bytes");
        ticks = Stopwatch.GetTimestamp();
        if (!await exchange2.RunAsync(Frames)) return await FailAsync(exchange, exchange2, "the exchange on vif 1 stalled");
        seconds = Stopwatch.GetElapsedTime(ticks).TotalSeconds;
        await console.WriteLineAsync($"vif 1: exchanged {Frames} frames each way, contents verified, in {seconds:F2} s: {Frames / seconds:F0} frames/s each way");

        var runt = await network.WriteAsync(new byte[10]);
        for (int i = 0; i < 100 && xen.FramesRefusedByBackend == 0; i++) await time.SleepAsync(TimeSpan.FromMilliseconds(50.0));
        await console.WriteLineAsync($"runt frame: write {(runt.IsOk ? "queued" : Name(runt.Error))}, refused by the backend: {xen.FramesRefusedByBackend}");
        if (!await BothAsync(exchange, exchange2, AfterRefusal)) return await FailAsync(exchange, exchange2, "no answers after the refusal");
        await console.WriteLineAsync($"after the refusal: {AfterRefusal} more frames each way verified on both vifs");

        bool passed = heapGrowth < 32 * 1024 && xen.FramesRefusedByBackend == 1 && xen2.FramesRefusedByBackend == 0;
        passed &= await FinishAsync(xen, exchange, listening);
        passed &= await FinishAsync(xen2, exchange2, listening2);
        await console.WriteLineAsync(passed ? "PASS" : "FAIL");
        return passed ? 0 : 1;
    }

    private static async Task<bool> BothAsync(FrameExchange first, FrameExchange second, int frames)
    {
        var a = first.RunAsync(frames);
        var b = second.RunAsync(frames);
        return await a & await b;
    }

    /// <summary>The peer's report, the counts, the disconnect: true when both sides saw every frame right.</summary>
    private async Task<bool> FinishAsync(XenNetwork device, FrameExchange exchange, Task<Result<Unit, NetworkError>> listening)
    {
        bool reported = await exchange.EndAsync();
        await PrintCountsAsync(exchange);
        var stats = device.Statistics;
        await console.WriteLineAsync($"vif {exchange.Stream} statistics: sent {stats.FramesSent} frames ({stats.BytesSent} bytes), received {stats.FramesReceived} ({stats.BytesReceived} bytes), dropped {stats.FramesDropped}, malformed {device.MalformedFramesReceived}, ring-full waits {device.TxRingFullWaits}, backend kicks {device.BackendKicks}");
        var closed = await device.CloseAsync();
        var ended = await listening;
        await console.WriteLineAsync($"vif {exchange.Stream} closed: {(closed.IsOk ? "ok" : closed.Error.Message)}; listener ended with {(ended.IsOk ? "ok" : Name(ended.Error))}");
        const int total = WarmUp + Frames + AfterRefusal;
        return closed.IsOk && ended.IsError && exchange.Verified == total && exchange.BadFrames == 0
            && reported && exchange.PeerReceivedOk == total && exchange.PeerBad == 0;
    }

    private async Task PrintCountsAsync(FrameExchange exchange)
    {
        await console.WriteLineAsync($"stream {exchange.Stream}: sent {exchange.Sent} frames, verified {exchange.Verified} from dom0, bad {exchange.BadFrames}, duplicates {exchange.Duplicates}, retransmits {exchange.Retransmits}, other frames {exchange.OtherFrames}");
        await console.WriteLineAsync(exchange.PeerReported
            ? $"stream {exchange.Stream}: dom0's peer reports received ok {exchange.PeerReceivedOk}, bad {exchange.PeerBad}, duplicate {exchange.PeerDuplicates}, sent {exchange.PeerSent}"
            : $"stream {exchange.Stream}: dom0's peer sent no report");
    }

    private async Task<int> FailAsync(FrameExchange exchange, FrameExchange exchange2, string why)
    {
        await console.WriteLineAsync($"FAIL: {why}");
        await PrintCountsAsync(exchange);
        await PrintCountsAsync(exchange2);
        return 1;
    }
}
