using System;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Devices;
using Mirage.Net.Tests.Infrastructure;

namespace Mirage.Net.Tests;

/// <summary>Two managed stacks on an in-memory wire, in virtual time: whole transfers, clean and impaired.</summary>
[TestClass]
public sealed class TcpTransferTests
{
    [TestMethod]
    public void TransfersOneMegabyteEachWayOnACleanWire() =>
        RunTransfer(new Impairment(), 1 << 20, seed: 1, out _);

    /// <summary>
    /// The server's device offers segmentation offload (cut in software here, as Linux cuts what a TAP
    /// is given): the server sends 64 KiB segments, yet only frames of at most 1514 bytes with correct
    /// checksums cross the wire, and the data arrives byte for byte; with loss too.
    /// </summary>
    [TestMethod]
    public void TransfersWithSegmentationOffloadPutOnlyMtuSizedFramesWithGoodChecksumsOnTheWire()
    {
        foreach (Impairment impairment in new[] { new Impairment(), new Impairment(Loss: 0.05, Delay: TimeSpan.FromMilliseconds(5)) })
        {
            long largest = 0;
            RunTransfer(impairment, 1 << 20, seed: 11, out var server, out var client, offloadServer: true,
                observe: frame => largest = Math.Max(largest, frame.Length));
            Assert.IsTrue(server.Statistics.Tcp.LargeSegmentsSent > 0, "the server handed the device segments larger than a frame");
            Assert.IsTrue(largest <= 1514, $"a {largest}-byte frame crossed the wire");
            Assert.AreEqual(0, client.Statistics.Tcp.BadChecksum + client.Statistics.Ipv4.BadChecksum, "frames cut by the device failed their checksums");
            Assert.AreEqual(0, client.Statistics.Ethernet.Oversized);
        }
    }

    [TestMethod]
    public void TransfersCompleteWithLossReorderingDuplicationAndDelay()
    {
        // netem's "loss 5% duplicate 1% delay 50ms reorder 25%" in both directions.
        RunTransfer(new Impairment(Loss: 0.05, Duplicate: 0.01, Delay: TimeSpan.FromMilliseconds(50), Reorder: 0.25), 512 * 1024, seed: 7, out var server);
        Assert.IsTrue(server.Statistics.Tcp.Retransmissions > 0, "5% loss must have caused retransmissions");
        Assert.IsTrue(server.Statistics.Tcp.OutOfOrderSegments > 0, "reordering must have produced out-of-order segments");
    }

    [TestMethod]
    public void HeavyLossStillCompletesThroughTimeoutsAndFastRetransmit()
    {
        RunTransfer(new Impairment(Loss: 0.15, Delay: TimeSpan.FromMilliseconds(5)), 256 * 1024, seed: 3, out var server);
        Assert.IsTrue(server.Statistics.Tcp.FastRetransmits > 0, "duplicate ACKs should have triggered fast retransmit");
        Assert.IsTrue(server.Statistics.Tcp.RetransmissionTimeouts > 0, "15% loss should have needed a timeout somewhere");
    }

    /// <summary>The server echoes what it reads with a SHA-256 of everything; the client sends <paramref name="size"/> bytes then checks both directions.</summary>
    private static void RunTransfer(Impairment impairment, int size, int seed, out DirectStackV4 serverStack) =>
        RunTransfer(impairment, size, seed, out serverStack, out _);

    private static void RunTransfer(Impairment impairment, int size, int seed, out DirectStackV4 serverStack, out DirectStackV4 clientStack,
                                    bool offloadServer = false, Action<byte[]>? observe = null)
    {
        DirectStackV4? captured = null, capturedClient = null;
        VirtualTimeLoop.Run(async loop =>
        {
            var wire = new EthernetWire(loop, seed);
            if (observe is not null) wire.Filter = (_, frame) => { observe(frame); return true; };
            DirectStackV4 server = await Lab.StackAsync(loop, offloadServer ? new SegmentingNetwork(wire.A) : wire.A, "10.0.0.1/24", seed);
            DirectStackV4 client = await Lab.StackAsync(loop, wire.B, "10.0.0.2/24", seed + 100);
            captured = server;
            capturedClient = client;
            wire.Impairment = impairment;
            ITcpListener listener = (await server.Tcp.ListenAsync(7)).Value;
            byte[] upload = Lab.Pattern(size, seed);
            byte[] download = Lab.Pattern(size, seed + 1);

            Task<byte[]> serverSide = ServeAsync(listener, download);
            ITcpFlow flow = (await client.Tcp.ConnectAsync(new Ipv4Endpoint(Lab.AddressA, 7))).Value;
            Task<byte[]> received = ReadAllAsync(flow);
            await WriteInPiecesAsync(flow, upload);
            Assert.IsTrue((await flow.ShutdownWriteAsync()).IsOk);
            byte[] got = await received;
            byte[] serverGot = await serverSide;
            await flow.CloseAsync();
            Assert.AreEqual(upload.Length, serverGot.Length, "upload length");
            Assert.AreEqual(download.Length, got.Length, "download length");
            Assert.AreEqual(-1, FirstDifference(upload, serverGot), "first corrupted upload byte");
            Assert.AreEqual(-1, FirstDifference(download, got), "first corrupted download byte");
            CollectionAssert.AreEqual(SHA256.HashData(upload), SHA256.HashData(serverGot), "upload corrupted");
            CollectionAssert.AreEqual(SHA256.HashData(download), SHA256.HashData(got), "download corrupted");
            Assert.AreEqual(0, server.Statistics.InternalErrors + client.Statistics.InternalErrors);
        }, TimeSpan.FromMinutes(30));
        serverStack = captured!;
        clientStack = capturedClient!;
    }

    private static int FirstDifference(byte[] expected, byte[] actual)
    {
        for (int i = 0; i < expected.Length; i++) if (expected[i] != actual[i]) return i;
        return -1;
    }

    private static async Task<byte[]> ServeAsync(ITcpListener listener, byte[] reply)
    {
        ITcpFlow flow = (await listener.AcceptAsync()).Value;
        Task<byte[]> upload = ReadAllAsync(flow);
        await WriteInPiecesAsync(flow, reply);
        await flow.ShutdownWriteAsync();
        byte[] data = await upload;
        await flow.CloseAsync();
        return data;
    }

    internal static async Task WriteInPiecesAsync(IFlow flow, byte[] data)
    {
        int offset = 0;
        var random = new Random(data.Length);
        while (offset < data.Length)
        {
            int n = Math.Min(random.Next(1, 40_000), data.Length - offset);
            FlowResult written = await flow.WriteAsync(data.AsMemory(offset, n));
            Assert.AreEqual(FlowStatus.Ok, written.Status, "write failed at " + offset);
            offset += n;
        }
    }

    internal static async Task<byte[]> ReadAllAsync(IFlow flow)
    {
        var all = new System.IO.MemoryStream();
        var buffer = new byte[7000];
        while (true)
        {
            FlowResult read = await flow.ReadAsync(buffer);
            if (read.Status == FlowStatus.Eof) return all.ToArray();
            Assert.AreEqual(FlowStatus.Ok, read.Status, "read failed after " + all.Length + " bytes");
            all.Write(buffer, 0, read.Count);
        }
    }
}
