using System;
using System.Text;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Devices;
using Mirage.Http.Tests.Infrastructure;

namespace Mirage.Http.Tests;

[TestClass]
public sealed class ResponseTests
{
    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    [TestMethod]
    public void StatusAndHeadersAreWrittenInOrderWithContentLength()
    {
        var handler = new DelegateHandler((request, response) =>
        {
            response.StatusCode = 201;
            response.SetHeader("Location", "/items/7");
            response.AddHeader("Set-Cookie", "a=1");
            response.AddHeader("Set-Cookie", "b=2");
            response.SetHeader("location", "/items/8");
            response.Body = Ascii("created");
        });
        Serve.With(handler, async server =>
        {
            TestResponse response = await server.ExchangeAsync("POST /items HTTP/1.1\r\nHost: a\r\n\r\n");

            Assert.AreEqual(
                "HTTP/1.1 201 Created\r\nServer: Mirage.NET\r\nlocation: /items/8\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\nContent-Length: 7\r\n\r\n",
                response.Head);
            Assert.AreEqual("created", response.BodyText);
        });
    }

    [TestMethod]
    public void EmptyResponseHasContentLengthZero()
    {
        Serve.With(new DelegateHandler((request, response) => { }), async server =>
        {
            TestResponse response = await server.ExchangeAsync("GET / HTTP/1.1\r\nHost: a\r\n\r\n");

            Assert.AreEqual("HTTP/1.1 200 OK\r\nServer: Mirage.NET\r\nContent-Length: 0\r\n\r\n", response.Head);
        });
    }

    [TestMethod]
    public void HandlerMayReplaceTheServerHeader()
    {
        var handler = new DelegateHandler((request, response) => response.SetHeader("Server", "custom"));
        Serve.With(handler, async server =>
        {
            TestResponse response = await server.ExchangeAsync("GET / HTTP/1.1\r\nHost: a\r\n\r\n");

            Assert.AreEqual("HTTP/1.1 200 OK\r\nServer: custom\r\nContent-Length: 0\r\n\r\n", response.Head);
        });
    }

    [TestMethod]
    [DataRow(204, "No Content")]
    [DataRow(304, "Not Modified")]
    public void NoContentAndNotModifiedCarryNoBodyAndNoLength(int status, string reason)
    {
        var handler = new DelegateHandler((request, response) =>
        {
            response.StatusCode = status;
            response.Body = Ascii("ignored");
        });
        Serve.With(handler, async server =>
        {
            await using TestClient client = server.Connect();
            await client.SendAsync("GET / HTTP/1.1\r\nHost: a\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");

            TestResponse first = await client.ReadResponseAsync();
            TestResponse second = await client.ReadResponseAsync();

            Assert.AreEqual("HTTP/1.1 " + status + " " + reason + "\r\nServer: Mirage.NET\r\n\r\n", first.Head);
            Assert.AreEqual(status, second.StatusCode);
        });
    }

    [TestMethod]
    public void HeadWithAnnouncedLengthSendsNoBody()
    {
        var handler = new DelegateHandler((request, response) => response.ContentLength = 12345);
        Serve.With(handler, async server =>
        {
            await using TestClient client = server.Connect();
            await client.SendAsync("HEAD / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");

            Assert.AreEqual(
                "HTTP/1.1 200 OK\r\nServer: Mirage.NET\r\nContent-Length: 12345\r\nConnection: close\r\n\r\n",
                await client.ReadToEndAsync());
        });
    }

    [TestMethod]
    public void ContentLengthContradictingTheBodyIsAHandlerError()
    {
        var handler = new DelegateHandler((request, response) =>
        {
            response.ContentLength = 10;
            response.Body = Ascii("short");
        });
        Serve.With(handler, async server =>
        {
            string received = await server.ExchangeUntilCloseAsync("GET / HTTP/1.1\r\nHost: a\r\n\r\n");

            Assert.AreEqual(Serve.ErrorResponse(500, "Internal Server Error"), received);
        });
    }

    [TestMethod]
    public void StreamingOnHttp11IsChunked()
    {
        var handler = new DelegateHandler(async (request, response) =>
        {
            response.SetHeader("Content-Type", "text/plain");
            Assert.IsTrue(await response.WriteAsync(Ascii("hello ")));
            Assert.IsTrue(response.HasStarted);
            Assert.IsTrue(await response.WriteAsync(ReadOnlyMemory<byte>.Empty));
            Assert.IsTrue(await response.WriteAsync(Ascii("streamed world")));
        });
        Serve.With(handler, async server =>
        {
            await using TestClient client = server.Connect();
            await client.SendAsync("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");

            Assert.AreEqual(
                "HTTP/1.1 200 OK\r\nServer: Mirage.NET\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" +
                "6\r\nhello \r\ne\r\nstreamed world\r\n0\r\n\r\n",
                await client.ReadToEndAsync());
        });
    }

    [TestMethod]
    public void LargeStreamedChunkArrivesIntact()
    {
        byte[] big = new byte[50_000];
        new Random(7).NextBytes(big);
        var handler = new DelegateHandler(async (request, response) => await response.WriteAsync(big));
        Serve.With(handler, async server =>
        {
            TestResponse response = await server.ExchangeAsync("GET / HTTP/1.1\r\nHost: a\r\n\r\n");

            Assert.AreEqual("chunked", response.Header("Transfer-Encoding"));
            CollectionAssert.AreEqual(big, response.Body);
        });
    }

    [TestMethod]
    public void StreamingWithAnnouncedLengthIsNotChunkedAndKeepsTheConnection()
    {
        var handler = new DelegateHandler(async (request, response) =>
        {
            response.ContentLength = 10;
            await response.WriteAsync(Ascii("01234"));
            await response.WriteAsync(Ascii("56789"));
        });
        Serve.With(handler, async server =>
        {
            await using TestClient client = server.Connect();
            await client.SendAsync("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
            TestResponse first = await client.ReadResponseAsync();
            await client.SendAsync("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
            TestResponse second = await client.ReadResponseAsync();

            Assert.AreEqual("HTTP/1.1 200 OK\r\nServer: Mirage.NET\r\nContent-Length: 10\r\n\r\n", first.Head);
            Assert.AreEqual("0123456789", first.BodyText);
            Assert.AreEqual("0123456789", second.BodyText);
        });
    }

    [TestMethod]
    public void StreamingShorterThanAnnouncedClosesTheConnection()
    {
        var handler = new DelegateHandler(async (request, response) =>
        {
            response.ContentLength = 10;
            await response.WriteAsync(Ascii("0123"));
        });
        Serve.With(handler, async server =>
        {
            string received = await server.ExchangeUntilCloseAsync("GET / HTTP/1.1\r\nHost: a\r\n\r\n");

            Assert.AreEqual("HTTP/1.1 200 OK\r\nServer: Mirage.NET\r\nContent-Length: 10\r\n\r\n0123", received);
        });
    }

    [TestMethod]
    public void StreamingMoreThanAnnouncedThrowsAndClosesTheConnection()
    {
        Exception? thrown = null;
        var handler = new DelegateHandler(async (request, response) =>
        {
            response.ContentLength = 3;
            try
            {
                await response.WriteAsync(Ascii("toolong"));
            }
            catch (InvalidOperationException exception)
            {
                thrown = exception;
                throw;
            }
        });
        Serve.With(handler, async server =>
        {
            string received = await server.ExchangeUntilCloseAsync("GET / HTTP/1.1\r\nHost: a\r\n\r\n");

            Assert.IsNotNull(thrown);
            Assert.AreEqual("HTTP/1.1 200 OK\r\nServer: Mirage.NET\r\nContent-Length: 3\r\n\r\n", received);
            Assert.AreEqual(1, server.Statistics.HandlerFailures);
        });
    }

    [TestMethod]
    public void StreamingOnHttp10EndsWithTheConnection()
    {
        var handler = new DelegateHandler(async (request, response) =>
        {
            await response.WriteAsync(Ascii("abc"));
            await response.WriteAsync(Ascii("def"));
        });
        Serve.With(handler, async server =>
        {
            string received = await server.ExchangeUntilCloseAsync("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");

            Assert.AreEqual("HTTP/1.1 200 OK\r\nServer: Mirage.NET\r\nConnection: close\r\n\r\nabcdef", received);
        });
    }

    [TestMethod]
    public void StreamingAnswerToHeadSendsOnlyTheHead()
    {
        var handler = new DelegateHandler(async (request, response) => Assert.IsTrue(await response.WriteAsync(Ascii("body"))));
        Serve.With(handler, async server =>
        {
            string received = await server.ExchangeUntilCloseAsync("HEAD / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");

            Assert.AreEqual("HTTP/1.1 200 OK\r\nServer: Mirage.NET\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n", received);
        });
    }

    [TestMethod]
    public void HandlerAskingToCloseClosesAfterTheResponse()
    {
        var handler = new DelegateHandler((request, response) =>
        {
            response.SetHeader("Connection", "close");
            response.Body = Ascii("last");
        });
        Serve.With(handler, async server =>
        {
            string received = await server.ExchangeUntilCloseAsync("GET / HTTP/1.1\r\nHost: a\r\n\r\n");

            Assert.AreEqual("HTTP/1.1 200 OK\r\nServer: Mirage.NET\r\nContent-Length: 4\r\nConnection: close\r\n\r\nlast", received);
        });
    }

    [TestMethod]
    [DataRow("Content-Length", "5")]
    [DataRow("Transfer-Encoding", "chunked")]
    [DataRow("X-Injected", "a\r\nSet-Cookie: evil=1")]
    [DataRow("Bad Name", "x")]
    [DataRow("X-Unicode", "caf\u00E9")]
    public void HeadersTheServerOwnsOrThatAreInvalidAreRefused(string name, string value)
    {
        Exception? thrown = null;
        var handler = new DelegateHandler((request, response) =>
        {
            try
            {
                response.SetHeader(name, value);
            }
            catch (ArgumentException exception)
            {
                thrown = exception;
            }
        });
        Serve.With(handler, async server =>
        {
            TestResponse response = await server.ExchangeAsync("GET / HTTP/1.1\r\nHost: a\r\n\r\n");

            Assert.IsInstanceOfType<ArgumentException>(thrown);
            Assert.AreEqual("HTTP/1.1 200 OK\r\nServer: Mirage.NET\r\nContent-Length: 0\r\n\r\n", response.Head);
        });
    }

    [TestMethod]
    [DataRow(199)]
    [DataRow(600)]
    [DataRow(101)]
    public void StatusCodesOutsideTheFinalRangeAreRefused(int status)
    {
        Exception? thrown = null;
        var handler = new DelegateHandler((request, response) =>
        {
            try
            {
                response.StatusCode = status;
            }
            catch (ArgumentOutOfRangeException exception)
            {
                thrown = exception;
            }
        });
        Serve.With(handler, async server =>
        {
            TestResponse response = await server.ExchangeAsync("GET / HTTP/1.1\r\nHost: a\r\n\r\n");

            Assert.IsNotNull(thrown);
            Assert.AreEqual(200, response.StatusCode);
        });
    }

    [TestMethod]
    public void UnnamedStatusCodeHasAnEmptyReasonPhrase()
    {
        var handler = new DelegateHandler((request, response) => response.StatusCode = 299);
        Serve.With(handler, async server =>
        {
            TestResponse response = await server.ExchangeAsync("GET / HTTP/1.1\r\nHost: a\r\n\r\n");

            Assert.AreEqual("HTTP/1.1 299 ", response.StatusLine);
        });
    }

    [TestMethod]
    public void ChangingTheResponseAfterStreamingBeganThrows()
    {
        Exception? thrown = null;
        var handler = new DelegateHandler(async (request, response) =>
        {
            await response.WriteAsync(Ascii("x"));
            try
            {
                response.StatusCode = 500;
            }
            catch (InvalidOperationException exception)
            {
                thrown = exception;
            }
        });
        Serve.With(handler, async server =>
        {
            TestResponse response = await server.ExchangeAsync("GET / HTTP/1.1\r\nHost: a\r\n\r\n");

            Assert.IsNotNull(thrown);
            Assert.AreEqual(200, response.StatusCode);
            Assert.AreEqual("x", response.BodyText);
        });
    }
}
