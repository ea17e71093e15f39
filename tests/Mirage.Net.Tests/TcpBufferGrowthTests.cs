using System;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Devices;
using Mirage.Net.Tcp;
using Mirage.Net.Tests.Infrastructure;

namespace Mirage.Net.Tests;

/// <summary>
/// Connection buffers start small and grow with traffic (TcpSettings.InitialBufferBytes): many
/// idle or request/response connections fit in a small domain, a bulk transfer still gets the
/// full window.
/// </summary>
[TestClass]
public sealed class TcpBufferGrowthTests
{
    [TestMethod]
    public void ARingMovedIntoALargerBufferKeepsInOrderAndOutOfOrderBytesAtTheirOffsets()
    {
        var ring = new ByteRing(new byte[16]);
        ring.Append(new byte[12]);
        ring.Discard(12);                       // the head is now at 12: what follows wraps
        byte[] inOrder = { 1, 2, 3, 4, 5, 6, 7 };
        Assert.AreEqual(7, ring.Append(inOrder));
        ring.WriteAt(3, new byte[] { 90, 91, 92 }); // out of order, 3 bytes past the end

        byte[] old = ring.MoveTo(new byte[32]);

        Assert.AreEqual(16, old.Length, "the old buffer is handed back");
        Assert.AreEqual(32, ring.Capacity);
        Assert.AreEqual(7, ring.Count);
        Assert.AreEqual(25, ring.Free);
        ring.Commit(0);
        var after = new byte[13];
        ring.Peek(0, after);
        CollectionAssert.AreEqual(new byte[] { 1, 2, 3, 4, 5, 6, 7, 0, 0, 0, 90, 91, 92 }, after);
        Assert.ThrowsExactly<ArgumentException>(() => ring.MoveTo(new byte[8]));
    }

    [TestMethod]
    public void RequestResponseConnectionsKeepInitialBuffersAndABulkTransferGrowsThemToTheMaximum()
    {
        var settings = new TcpSettings();
        int initial = settings.InitialBufferBytes;
        VirtualTimeLoop.Run(async loop =>
        {
            var wire = new EthernetWire(loop, 5);
            DirectStackV4 server = await Lab.StackAsync(loop, wire.A, "10.0.0.1/24", 5, settings);
            DirectStackV4 client = await Lab.StackAsync(loop, wire.B, "10.0.0.2/24", 105, new TcpSettings());
            ITcpListener listener = (await server.Tcp.ListenAsync(80)).Value;

            // 20 connections, each one small request and its small reply, all kept open.
            var served = new TcpConnection[20];
            var clients = new ITcpFlow[20];
            for (int i = 0; i < served.Length; i++)
            {
                Task<Result<ITcpFlow, TcpError>> accepted = listener.AcceptAsync().AsTask();
                clients[i] = (await client.Tcp.ConnectAsync(new Ipv4Endpoint(Lab.AddressA, 80))).Value;
                served[i] = (TcpConnection)(await accepted).Value;
                Assert.IsTrue((await clients[i].WriteAsync(Lab.Pattern(300, i))).IsOk);
                var request = new byte[300];
                Assert.AreEqual(300, (await served[i].ReadAsync(request)).Count);
                Assert.IsTrue((await served[i].WriteAsync(Lab.Pattern(4000, i))).IsOk);
                byte[] reply = new byte[4000];
                int got = 0;
                while (got < reply.Length) got += (await clients[i].ReadAsync(reply.AsMemory(got))).Count;
            }
            foreach (TcpConnection connection in served)
            {
                Assert.AreEqual(initial, connection.ReceiveBufferCapacity, "receive buffer of a request/response connection");
                Assert.AreEqual(initial, connection.SendBufferCapacity, "send buffer of a request/response connection");
            }

            // One bulk transfer each way on the first connection.
            TcpConnection bulk = served[0];
            byte[] upload = Lab.Pattern(2 << 20, 77), download = Lab.Pattern(2 << 20, 78);
            Task<byte[]> serverRead = ReadExactlyAsync(bulk, upload.Length);
            Task<byte[]> clientRead = ReadExactlyAsync(clients[0], download.Length);
            Task upWrite = TcpTransferTests.WriteInPiecesAsync(clients[0], upload);
            await TcpTransferTests.WriteInPiecesAsync(bulk, download);
            await upWrite;
            CollectionAssert.AreEqual(upload, await serverRead, "upload");
            CollectionAssert.AreEqual(download, await clientRead, "download");
            Assert.AreEqual(settings.ReceiveBufferBytes, bulk.ReceiveBufferCapacity, "receive buffer after 2 MiB in");
            Assert.AreEqual(settings.SendBufferBytes, bulk.SendBufferCapacity, "send buffer after 2 MiB out");
            Assert.AreEqual(initial, served[1].ReceiveBufferCapacity, "the other connections did not grow");

            foreach (ITcpFlow flow in clients) await flow.CloseAsync();
            foreach (TcpConnection connection in served) await connection.CloseAsync();
        }, TimeSpan.FromMinutes(10));
    }

    private static async Task<byte[]> ReadExactlyAsync(IFlow flow, int length)
    {
        var data = new byte[length];
        int got = 0;
        while (got < length)
        {
            FlowResult read = await flow.ReadAsync(data.AsMemory(got, Math.Min(7000, length - got)));
            Assert.AreEqual(FlowStatus.Ok, read.Status, "read failed after " + got + " bytes");
            got += read.Count;
        }
        return data;
    }
}
