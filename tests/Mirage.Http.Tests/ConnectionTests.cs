using System;
using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Devices;
using Mirage.Http.Tests.Infrastructure;

namespace Mirage.Http.Tests;

[TestClass]
public sealed class ConnectionTests
{
    [TestMethod]
    public void Http11ConnectionStaysOpenForTheNextRequest()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            await using TestClient client = server.Connect();
            await client.SendAsync("GET /first HTTP/1.1\r\nHost: a\r\n\r\n");
            TestResponse first = await client.ReadResponseAsync();
            await client.SendAsync("GET /second HTTP/1.1\r\nHost: a\r\n\r\n");
            TestResponse second = await client.ReadResponseAsync();

            Assert.IsNull(first.Header("Connection"));
            Assert.AreEqual("GET /first ", first.BodyText);
            Assert.AreEqual("GET /second ", second.BodyText);
            Assert.AreEqual(1, server.Statistics.Connections);
            Assert.AreEqual(2, server.Statistics.Requests);
            Assert.IsFalse(server.Listener.Accepted[0].IsClosed);
        });
    }

    [TestMethod]
    public void ConnectionCloseIsHonoured()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            await using TestClient client = server.Connect();
            await client.SendAsync("GET /bye HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");

            TestResponse response = await client.ReadResponseAsync();
            await client.AssertEndedAsync();

            Assert.AreEqual("close", response.Header("Connection"));
            Assert.IsTrue(server.Listener.Accepted[0].IsClosed);
        });
    }

    [TestMethod]
    public void ConnectionCloseAmongOtherOptionsIsHonoured()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            await using TestClient client = server.Connect();
            await client.SendAsync("GET / HTTP/1.1\r\nHost: a\r\nConnection: TE, Close\r\n\r\n");

            Assert.AreEqual("close", (await client.ReadResponseAsync()).Header("Connection"));
            await client.AssertEndedAsync();
        });
    }

    [TestMethod]
    public void Http10KeepAliveIsHonouredAndAnnounced()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            await using TestClient client = server.Connect();
            await client.SendAsync("GET /one HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            TestResponse first = await client.ReadResponseAsync();
            await client.SendAsync("GET /two HTTP/1.0\r\n\r\n");
            TestResponse second = await client.ReadResponseAsync();
            await client.AssertEndedAsync();

            Assert.AreEqual("keep-alive", first.Header("Connection"));
            Assert.AreEqual("GET /one ", first.BodyText);
            Assert.AreEqual("close", second.Header("Connection"));
            Assert.AreEqual("GET /two ", second.BodyText);
        });
    }

    [TestMethod]
    public void PipelinedRequestsAreAnsweredInOrder()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            await using TestClient client = server.Connect();
            await client.SendAsync(
                "GET /1 HTTP/1.1\r\nHost: a\r\n\r\n" +
                "POST /2 HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\r\nbody" +
                "POST /3 HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n" +
                "GET /4 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");

            Assert.AreEqual("GET /1 ", (await client.ReadResponseAsync()).BodyText);
            Assert.AreEqual("POST /2 body", (await client.ReadResponseAsync()).BodyText);
            Assert.AreEqual("POST /3 abc", (await client.ReadResponseAsync()).BodyText);
            Assert.AreEqual("GET /4 ", (await client.ReadResponseAsync()).BodyText);
            await client.AssertEndedAsync();
            Assert.AreEqual(4, server.Statistics.Requests);
        });
    }

    [TestMethod]
    public void PipelinedRequestAfterABadOneIsNotServed()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            await using TestClient client = server.Connect();
            await client.SendAsync("GET /ok HTTP/1.1\r\nHost: a\r\n\r\nBROKEN\r\n\r\nGET /never HTTP/1.1\r\nHost: a\r\n\r\n");

            Assert.AreEqual("GET /ok ", (await client.ReadResponseAsync()).BodyText);
            Assert.AreEqual(Serve.ErrorResponse(400, "Bad Request"), await client.ReadToEndAsync());
        });
    }

    [TestMethod]
    public void HeadGetsTheHeadersOfGetWithoutTheBody()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            await using TestClient client = server.Connect();
            // The GET right behind shows that no body bytes follow the HEAD response's head.
            await client.SendAsync("HEAD /page HTTP/1.1\r\nHost: a\r\n\r\nGET /page HTTP/1.1\r\nHost: a\r\n\r\n");

            TestResponse head = await client.ReadResponseAsync(toHead: true);
            TestResponse get = await client.ReadResponseAsync();

            Assert.AreEqual("HTTP/1.1 200 OK\r\nServer: Mirage.NET\r\nContent-Type: text/plain\r\nContent-Length: 11\r\n\r\n", head.Head);
            Assert.AreEqual("GET /page ", get.BodyText);
        });
    }

    [TestMethod]
    public void PartialRequestThatStallsGets408AndIsClosed()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            await using TestClient client = server.Connect();
            await client.SendAsync("GET /slow HTTP/1.1\r\nHost: a\r\n");

            Assert.AreEqual(Serve.ErrorResponse(408, "Request Timeout"), await client.ReadToEndAsync());
            Assert.AreEqual(1, server.Statistics.Timeouts);
            Assert.IsTrue(server.Listener.Accepted[0].IsClosed);
        }, ServerHarness.Settings(requestTimeoutMilliseconds: 150));
    }

    [TestMethod]
    public void BodyThatStallsGets408()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            await using TestClient client = server.Connect();
            await client.SendAsync("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\n12345");

            Assert.AreEqual(Serve.ErrorResponse(408, "Request Timeout"), await client.ReadToEndAsync());
        }, ServerHarness.Settings(requestTimeoutMilliseconds: 150));
    }

    [TestMethod]
    public void TricklingClientCannotExtendTheRequestTimeout()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            await using TestClient client = server.Connect();
            await client.SendAsync("GET / HTTP/1.1\r\n");
            Task<string> received = client.ReadToEndAsync();
            // A byte every 50 ms would never let a per-read timeout of 200 ms fire; the request deadline does.
            for (int i = 0; i < 10 && !received.IsCompleted; i++)
            {
                await Task.Delay(50);
                if (!received.IsCompleted) await client.Flow.WriteAsync(Encoding.ASCII.GetBytes("X"));
            }

            Assert.AreEqual(Serve.ErrorResponse(408, "Request Timeout"), await received);
        }, ServerHarness.Settings(requestTimeoutMilliseconds: 200));
    }

    [TestMethod]
    public void IdleKeptAliveConnectionIsClosedSilently()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            await using TestClient client = server.Connect();
            await client.SendAsync("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
            await client.ReadResponseAsync();
            DateTime before = DateTime.UtcNow;

            await client.AssertEndedAsync();

            Assert.IsTrue(DateTime.UtcNow - before >= TimeSpan.FromMilliseconds(150), "closed before the keep-alive timeout");
            Assert.AreEqual(1, server.Statistics.Timeouts);
        }, ServerHarness.Settings(requestTimeoutMilliseconds: 5000, keepAliveTimeoutMilliseconds: 200));
    }

    [TestMethod]
    public void ConnectionThatNeverSendsIsClosedAfterTheRequestTimeout()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            await using TestClient client = server.Connect();

            await client.AssertEndedAsync();

            Assert.AreEqual(1, server.Statistics.Timeouts);
            Assert.AreEqual(0, server.Statistics.Requests);
        }, ServerHarness.Settings(requestTimeoutMilliseconds: 150, keepAliveTimeoutMilliseconds: 60000));
    }

    [TestMethod]
    public void SlowHandlerDoesNotCountAgainstTheRequestTimeout()
    {
        var handler = new DelegateHandler(async (request, response) =>
        {
            await Task.Delay(300);
            response.Body = Encoding.ASCII.GetBytes("late");
        });
        Serve.With(handler, async server =>
        {
            await using TestClient client = server.Connect();
            await client.SendAsync("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
            TestResponse first = await client.ReadResponseAsync();
            await client.SendAsync("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
            TestResponse second = await client.ReadResponseAsync();

            Assert.AreEqual("late", first.BodyText);
            Assert.AreEqual("late", second.BodyText);
        }, ServerHarness.Settings(requestTimeoutMilliseconds: 100, keepAliveTimeoutMilliseconds: 100));
    }

    [TestMethod]
    public void ClientGoneMidResponseDoesNotStopTheServer()
    {
        var writeResults = new List<bool>();
        InMemoryFlow? clientFlow = null;
        var handler = new DelegateHandler(async (request, response) =>
        {
            if (request.Path == "/stream")
            {
                writeResults.Add(await response.WriteAsync(Encoding.ASCII.GetBytes("part one")));
                await clientFlow!.CloseAsync();
                writeResults.Add(await response.WriteAsync(Encoding.ASCII.GetBytes("part two")));
                writeResults.Add(await response.WriteAsync(Encoding.ASCII.GetBytes("part three")));
            }
            else
            {
                response.Body = Encoding.ASCII.GetBytes("still here");
            }
        });
        Serve.With(handler, async server =>
        {
            TestClient leaving = server.Connect();
            clientFlow = leaving.Flow;
            await leaving.SendAsync("GET /stream HTTP/1.1\r\nHost: a\r\n\r\n");
            while (!server.Listener.Accepted[0].IsClosed) await Task.Delay(10);

            TestResponse next = await server.ExchangeAsync("GET /other HTTP/1.1\r\nHost: a\r\n\r\n");

            CollectionAssert.AreEqual(new[] { true, false, false }, writeResults);
            Assert.AreEqual("still here", next.BodyText);
            Assert.AreEqual(0, server.Statistics.HandlerFailures);
        });
    }

    [TestMethod]
    public void ClientGoneBeforeALargeBodyIsWrittenDoesNotStopTheServer()
    {
        InMemoryFlow? clientFlow = null;
        var handler = new DelegateHandler((request, response) =>
        {
            clientFlow?.CloseAsync();
            response.Body = new byte[100_000];
        });
        Serve.With(handler, async server =>
        {
            TestClient leaving = server.Connect();
            clientFlow = leaving.Flow;
            await leaving.SendAsync("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
            while (!server.Listener.Accepted[0].IsClosed) await Task.Delay(10);
            clientFlow = null;

            TestResponse next = await server.ExchangeAsync("GET / HTTP/1.1\r\nHost: a\r\n\r\n");

            Assert.AreEqual(100_000, next.Body.Length);
        });
    }

    [TestMethod]
    public void HandlerThatThrowsGets500AndTheServerGoesOn()
    {
        var handler = new DelegateHandler((request, response) =>
        {
            if (request.Path == "/boom") throw new InvalidOperationException("handler bug");
            response.Body = Encoding.ASCII.GetBytes("fine");
        });
        Serve.With(handler, async server =>
        {
            string failed = await server.ExchangeUntilCloseAsync("GET /boom HTTP/1.1\r\nHost: a\r\n\r\n");
            TestResponse next = await server.ExchangeAsync("GET /ok HTTP/1.1\r\nHost: a\r\n\r\n");

            Assert.AreEqual(Serve.ErrorResponse(500, "Internal Server Error"), failed);
            Assert.AreEqual("fine", next.BodyText);
            Assert.AreEqual(1, server.Statistics.HandlerFailures);
        });
    }

    [TestMethod]
    public void StoppingTheServerClosesOpenConnectionsAndReturns()
    {
        EventLoop.Run(async () =>
        {
            ServerHarness server = await ServerHarness.StartAsync(new EchoHandler());
            TestClient client = server.Connect();
            await client.SendAsync("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
            await client.ReadResponseAsync();
            Assert.AreEqual(1, server.Statistics.ActiveConnections);

            await server.DisposeAsync();

            await client.AssertEndedAsync();
            Assert.AreEqual(0, server.Statistics.ActiveConnections);
            Assert.IsTrue(server.Listener.Accepted[0].IsClosed);
        });
    }

    [TestMethod]
    public void ServingCanResumeAfterAStop()
    {
        EventLoop.Run(async () =>
        {
            var network = new InMemoryNetwork();
            Result<IHttpServer, DeviceError> connected = await HttpServer.ConnectAsync(network, 80, 8192, 100, 1024, 10, 30);
            IHttpServer server = connected.Value;

            for (int round = 1; round <= 2; round++)
            {
                using var stop = new System.Threading.CancellationTokenSource();
                Task serving = server.ServeAsync(new EchoHandler(), stop.Token);
                await using var client = new TestClient(network.ConnectFlow(80)!);
                await client.SendAsync("GET /round" + round + " HTTP/1.1\r\nHost: a\r\n\r\n");
                Assert.AreEqual("GET /round" + round + " ", (await client.ReadResponseAsync()).BodyText);
                stop.Cancel();
                await serving;
            }
            Assert.AreEqual(2, server.Statistics.Connections);
            await server.DisposeAsync();
        });
    }

    [TestMethod]
    public void ServingTwiceAtOnceIsRefused()
    {
        EventLoop.Run(async () =>
        {
            await using ServerHarness server = await ServerHarness.StartAsync(new EchoHandler());

            await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => server.Server.ServeAsync(new EchoHandler()));
        });
    }
}
