using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Devices;

namespace Mirage.Runtime.Unix.Tests;

[TestClass]
public sealed class SocketStackV4Tests
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(10);

    private static async Task<IStackV4> ConnectLoopback()
    {
        var stack = await SocketStackV4.ConnectAsync(Ipv4Address.Loopback);
        Assert.IsTrue(stack.IsOk, stack.ToString());
        return stack.Value;
    }

    private static async Task<(ITcpListener Listener, ITcpFlow Client, ITcpFlow Server)> ConnectPair(IStackV4 stack)
    {
        var listener = (await stack.Tcp.ListenAsync(0)).Value;
        var accepting = listener.AcceptAsync();
        var client = await stack.Tcp.ConnectAsync(listener.LocalEndpoint);
        Assert.IsTrue(client.IsOk, client.ToString());
        var server = await accepting.AsTask().WaitAsync(s_patience);
        Assert.IsTrue(server.IsOk, server.ToString());
        return (listener, client.Value, server.Value);
    }

    private static async Task<string> ReadToEnd(IFlow flow)
    {
        var text = new StringBuilder();
        var buffer = new byte[7];
        while (true)
        {
            var read = await flow.ReadAsync(buffer).AsTask().WaitAsync(s_patience);
            if (read.Status == FlowStatus.Eof) return text.ToString();
            Assert.AreEqual(FlowStatus.Ok, read.Status);
            text.Append(Encoding.UTF8.GetString(buffer, 0, read.Count));
        }
    }

    [TestMethod]
    public async Task AddressesAreTheListenAddressAsSlash32()
    {
        var stack = await ConnectLoopback();
        Assert.HasCount(1, stack.Addresses);
        Assert.AreEqual(Ipv4Cidr.Parse("127.0.0.1/32"), stack.Addresses[0]);
        var any = (await SocketStackV4.ConnectAsync(Ipv4Address.Any)).Value;
        Assert.AreEqual(Ipv4Cidr.Parse("0.0.0.0/32"), any.Addresses[0]);
    }

    [TestMethod]
    public async Task AnAddressOfAnotherHostIsRefusedAtConnect()
    {
        // TEST-NET-1 (RFC 5737) is never assigned to a real interface.
        var stack = await SocketStackV4.ConnectAsync(Ipv4Address.Parse("192.0.2.1"));
        Assert.IsTrue(stack.IsError);
        Assert.Contains("192.0.2.1", stack.Error.Message);
    }

    [TestMethod]
    public async Task EchoServerAndClientThroughTheInterface()
    {
        var stack = await ConnectLoopback();
        await using var listener = (await stack.Tcp.ListenAsync(0)).Value;
        Assert.AreEqual(Ipv4Address.Loopback, listener.LocalEndpoint.Address);
        Assert.AreNotEqual(0, listener.LocalEndpoint.Port);

        async Task Echo()
        {
            await using var flow = (await listener.AcceptAsync()).Value;
            var buffer = new byte[1024];
            while (true)
            {
                var read = await flow.ReadAsync(buffer);
                if (read.Status != FlowStatus.Ok) break;
                var written = await flow.WriteAsync(buffer.AsMemory(0, read.Count));
                Assert.AreEqual(FlowResult.Ok(read.Count), written);
            }
            await flow.ShutdownWriteAsync();
        }
        var server = Echo();

        await using var client = (await stack.Tcp.ConnectAsync(new Ipv4Endpoint(Ipv4Address.Loopback, listener.LocalEndpoint.Port))).Value;
        Assert.AreEqual(listener.LocalEndpoint, client.RemoteEndpoint);
        Assert.AreEqual(Ipv4Address.Loopback, client.LocalEndpoint.Address);
        string message = "hello, unikernel " + new string('x', 100_000);
        Assert.AreEqual(FlowResult.Ok(Encoding.UTF8.GetByteCount(message)), await client.WriteAsync(Encoding.UTF8.GetBytes(message)));
        Assert.AreEqual(FlowResult.Ok(0), await client.ShutdownWriteAsync());
        Assert.AreEqual(message, await ReadToEnd(client));
        await server.WaitAsync(s_patience);
    }

    [TestMethod]
    public async Task EndOfStreamIsAValueAndWritingAfterShutdownIsEof()
    {
        var stack = await ConnectLoopback();
        var (listener, client, server) = await ConnectPair(stack);
        await using (listener)
        await using (client)
        await using (server)
        {
            await client.ShutdownWriteAsync();
            var read = await server.ReadAsync(new byte[8]).AsTask().WaitAsync(s_patience);
            Assert.AreEqual(FlowResult.Eof, read);
            Assert.AreEqual(FlowResult.Eof, await client.WriteAsync(new byte[] { 1 }));
            // The other direction still works after a half close.
            Assert.AreEqual(FlowResult.Ok(2), await server.WriteAsync(new byte[] { 4, 2 }));
            var back = new byte[8];
            Assert.AreEqual(FlowResult.Ok(2), await client.ReadAsync(back).AsTask().WaitAsync(s_patience));
        }
    }

    [TestMethod]
    public async Task AResetPeerIsReportedAsReset()
    {
        var stack = await ConnectLoopback();
        await using var listener = (await stack.Tcp.ListenAsync(0)).Value;
        var accepting = listener.AcceptAsync();
        using (var rude = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            await rude.ConnectAsync(new IPEndPoint(IPAddress.Loopback, listener.LocalEndpoint.Port));
            await using var server = (await accepting.AsTask().WaitAsync(s_patience)).Value;
            // Linger 0: close sends RST instead of FIN.
            rude.LingerState = new LingerOption(true, 0);
            rude.Close();
            var read = await server.ReadAsync(new byte[8]).AsTask().WaitAsync(s_patience);
            Assert.AreEqual(FlowStatus.Reset, read.Status);

            // Writing into a reset connection is a value too, never an exception.
            var write = await server.WriteAsync(new byte[] { 1, 2, 3 });
            Assert.AreEqual(FlowStatus.Reset, write.Status);
        }
    }

    [TestMethod]
    public async Task ACancelledReadReportsCancelledAndTheFlowStaysUsable()
    {
        var stack = await ConnectLoopback();
        var (listener, client, server) = await ConnectPair(stack);
        await using (listener)
        await using (client)
        await using (server)
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
            var read = await server.ReadAsync(new byte[8], cancel.Token).AsTask().WaitAsync(s_patience);
            Assert.AreEqual(FlowStatus.Cancelled, read.Status);

            await client.WriteAsync(new byte[] { 7 });
            var buffer = new byte[8];
            var next = await server.ReadAsync(buffer).AsTask().WaitAsync(s_patience);
            Assert.AreEqual(FlowResult.Ok(1), next);
            Assert.AreEqual(7, buffer[0]);
        }
    }

    [TestMethod]
    public async Task ClosingAFlowEndsAPendingReadAndLaterCallsReportClosed()
    {
        var stack = await ConnectLoopback();
        var (listener, client, server) = await ConnectPair(stack);
        await using (listener)
        await using (client)
        {
            var pending = server.ReadAsync(new byte[8]);
            await server.CloseAsync();
            Assert.AreEqual(FlowStatus.Closed, (await pending.AsTask().WaitAsync(s_patience)).Status);
            Assert.AreEqual(FlowStatus.Closed, (await server.ReadAsync(new byte[8])).Status);
            Assert.AreEqual(FlowStatus.Closed, (await server.WriteAsync(new byte[] { 1 })).Status);
            Assert.AreEqual(FlowStatus.Closed, (await server.ShutdownWriteAsync()).Status);
            await server.CloseAsync();

            // The peer sees the close as end of stream.
            Assert.AreEqual(FlowResult.Eof, await client.ReadAsync(new byte[8]).AsTask().WaitAsync(s_patience));
        }
    }

    [TestMethod]
    public async Task ConnectingToAClosedPortIsRefused()
    {
        var stack = await ConnectLoopback();
        ushort port;
        await using (var listener = (await stack.Tcp.ListenAsync(0)).Value) port = listener.LocalEndpoint.Port;
        var result = await stack.Tcp.ConnectAsync(new Ipv4Endpoint(Ipv4Address.Loopback, port));
        Assert.IsTrue(result.IsError);
        Assert.AreEqual(TcpError.Refused, result.Error);
    }

    [TestMethod]
    public async Task ListeningTwiceOnAPortIsAddressInUse()
    {
        var stack = await ConnectLoopback();
        await using var first = (await stack.Tcp.ListenAsync(0)).Value;
        var second = await stack.Tcp.ListenAsync(first.LocalEndpoint.Port);
        Assert.IsTrue(second.IsError);
        Assert.AreEqual(TcpError.AddressInUse, second.Error);
    }

    [TestMethod]
    public async Task AcceptOnADisposedListenerIsClosed()
    {
        var stack = await ConnectLoopback();
        var listener = (await stack.Tcp.ListenAsync(0)).Value;
        var pending = listener.AcceptAsync();
        await listener.DisposeAsync();
        Assert.AreEqual(TcpError.Closed, (await pending.AsTask().WaitAsync(s_patience)).Error);
        Assert.AreEqual(TcpError.Closed, (await listener.AcceptAsync()).Error);
    }

    [TestMethod]
    public async Task UdpRoundTrip()
    {
        var stack = await ConnectLoopback();
        await using var server = (await stack.Udp.BindAsync(0)).Value;
        await using var client = (await stack.Udp.BindAsync(0)).Value;
        Assert.AreEqual(Ipv4Address.Loopback, server.LocalEndpoint.Address);

        var sent = await client.SendAsync(server.LocalEndpoint, Encoding.ASCII.GetBytes("ping"));
        Assert.IsTrue(sent.IsOk, sent.ToString());
        var buffer = new byte[64];
        var received = await server.ReceiveAsync(buffer).AsTask().WaitAsync(s_patience);
        Assert.IsTrue(received.IsOk, received.ToString());
        Assert.AreEqual("ping", Encoding.ASCII.GetString(buffer, 0, received.Value.Count));
        Assert.AreEqual(client.LocalEndpoint, received.Value.Remote);
        Assert.IsFalse(received.Value.Truncated);

        await server.SendAsync(received.Value.Remote, Encoding.ASCII.GetBytes("pong"));
        var reply = await client.ReceiveAsync(buffer).AsTask().WaitAsync(s_patience);
        Assert.AreEqual("pong", Encoding.ASCII.GetString(buffer, 0, reply.Value.Count));
    }

    [TestMethod]
    public async Task ALongDatagramIsTruncatedAndSaysSo()
    {
        var stack = await ConnectLoopback();
        await using var server = (await stack.Udp.BindAsync(0)).Value;
        await using var client = (await stack.Udp.BindAsync(0)).Value;
        await client.SendAsync(server.LocalEndpoint, new byte[100]);
        var received = await server.ReceiveAsync(new byte[10]).AsTask().WaitAsync(s_patience);
        Assert.IsTrue(received.IsOk, received.ToString());
        Assert.AreEqual(10, received.Value.Count);
        Assert.IsTrue(received.Value.Truncated);
    }

    [TestMethod]
    public async Task BindingATakenUdpPortIsAddressInUse()
    {
        var stack = await ConnectLoopback();
        await using var first = (await stack.Udp.BindAsync(0)).Value;
        var second = await stack.Udp.BindAsync(first.LocalEndpoint.Port);
        Assert.AreEqual(UdpError.AddressInUse, second.Error);
    }

    [TestMethod]
    public async Task ADatagramTooLargeForUdpIsMessageTooLarge()
    {
        var stack = await ConnectLoopback();
        await using var socket = (await stack.Udp.BindAsync(0)).Value;
        var sent = await socket.SendAsync(socket.LocalEndpoint, new byte[70_000]);
        Assert.AreEqual(UdpError.MessageTooLarge, sent.Error);
    }

    [TestMethod]
    public async Task ReceivingOnAClosedUdpSocketIsClosed()
    {
        var stack = await ConnectLoopback();
        var socket = (await stack.Udp.BindAsync(0)).Value;
        var pending = socket.ReceiveAsync(new byte[8]);
        await socket.DisposeAsync();
        Assert.AreEqual(UdpError.Closed, (await pending.AsTask().WaitAsync(s_patience)).Error);
        Assert.AreEqual(UdpError.Closed, (await socket.SendAsync(socket.LocalEndpoint, new byte[1])).Error);
    }
}
