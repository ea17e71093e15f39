using System.Collections.Generic;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Devices;
using Mirage.Http.Tests.Infrastructure;

namespace Mirage.Http.Tests;

[TestClass]
public sealed class RequestParsingTests
{
    [TestMethod]
    public void SimpleGetIsAnsweredWithTheHandlersResponse()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            TestResponse response = await server.ExchangeAsync("GET /hello HTTP/1.1\r\nHost: example\r\n\r\n");

            Assert.AreEqual(
                "HTTP/1.1 200 OK\r\nServer: Mirage.NET\r\nContent-Type: text/plain\r\nContent-Length: 11\r\n\r\n",
                response.Head);
            Assert.AreEqual("GET /hello ", response.BodyText);
        });
    }

    [TestMethod]
    public void HandlerSeesMethodTargetPathQueryVersionAndHeaders()
    {
        var seen = new List<RecordedRequest>();
        Serve.With(RecordedRequest.Recorder(seen), async server =>
        {
            await server.ExchangeAsync(
                "GET /a%20b/c.html?x=1&y=%2F HTTP/1.1\r\nHost: example\r\nX-Custom:   spaced  value \t\r\nAccept: */*\r\n\r\n");

            RecordedRequest request = seen[0];
            Assert.AreEqual(HttpMethod.Get, request.Method);
            Assert.AreEqual("GET", request.MethodName);
            Assert.AreEqual(HttpVersion.Http11, request.Version);
            Assert.AreEqual("/a%20b/c.html?x=1&y=%2F", request.Target);
            Assert.AreEqual("/a%20b/c.html", request.Path);
            Assert.AreEqual("x=1&y=%2F", request.Query);
            CollectionAssert.AreEqual(new[] { "Host=example", "X-Custom=spaced  value", "Accept=*/*" }, request.Headers);
            Assert.AreEqual("", request.Body);
        });
    }

    [TestMethod]
    public void HeaderLookupIgnoresCaseAndReturnsTheFirstField()
    {
        string? custom = null, missing = "unset", host = null;
        bool found = false;
        var handler = new DelegateHandler((request, response) =>
        {
            custom = request.GetHeaderValue("x-CUSTOM");
            missing = request.GetHeaderValue("X-Missing");
            host = request.GetHeaderValue("HOST");
            found = request.TryGetHeader("x-custom", out System.ReadOnlyMemory<byte> raw) && Encoding.ASCII.GetString(raw.Span) == "first";
        });
        Serve.With(handler, async server =>
        {
            await server.ExchangeAsync("GET / HTTP/1.1\r\nhost: h\r\nX-Custom: first\r\nx-custom: second\r\n\r\n");

            Assert.AreEqual("first", custom);
            Assert.IsNull(missing);
            Assert.AreEqual("h", host);
            Assert.IsTrue(found);
        });
    }

    [TestMethod]
    [DataRow("GET", HttpMethod.Get)]
    [DataRow("HEAD", HttpMethod.Head)]
    [DataRow("POST", HttpMethod.Post)]
    [DataRow("PUT", HttpMethod.Put)]
    [DataRow("DELETE", HttpMethod.Delete)]
    [DataRow("OPTIONS", HttpMethod.Options)]
    [DataRow("TRACE", HttpMethod.Trace)]
    [DataRow("PATCH", HttpMethod.Patch)]
    [DataRow("PROPFIND", HttpMethod.Other)]
    [DataRow("get", HttpMethod.Other)]
    public void MethodIsRecognisedCaseSensitively(string method, HttpMethod expected)
    {
        var seen = new List<RecordedRequest>();
        Serve.With(RecordedRequest.Recorder(seen), async server =>
        {
            await server.ExchangeAsync(method + " /x HTTP/1.1\r\nHost: a\r\n\r\n", toHead: method == "HEAD");

            Assert.AreEqual(expected, seen[0].Method);
            Assert.AreEqual(method, seen[0].MethodName);
        });
    }

    [TestMethod]
    [DataRow("http://example.com/x/y?q=1", "/x/y", "q=1")]
    [DataRow("HTTP://example.com:8080/x", "/x", "")]
    [DataRow("http://example.com", "/", "")]
    [DataRow("http://example.com?q", "/", "q")]
    [DataRow("/only/path?", "/only/path", "")]
    public void PathAndQueryComeFromOriginAndAbsoluteForms(string target, string path, string query)
    {
        var seen = new List<RecordedRequest>();
        Serve.With(RecordedRequest.Recorder(seen), async server =>
        {
            await server.ExchangeAsync("GET " + target + " HTTP/1.1\r\nHost: example.com\r\n\r\n");

            Assert.AreEqual(target, seen[0].Target);
            Assert.AreEqual(path, seen[0].Path);
            Assert.AreEqual(query, seen[0].Query);
        });
    }

    [TestMethod]
    public void OptionsAsteriskReachesTheHandler()
    {
        var seen = new List<RecordedRequest>();
        Serve.With(RecordedRequest.Recorder(seen), async server =>
        {
            TestResponse response = await server.ExchangeAsync("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n");

            Assert.AreEqual(200, response.StatusCode);
            Assert.AreEqual("*", seen[0].Path);
        });
    }

    [TestMethod]
    public void Http10RequestWithoutHostIsAccepted()
    {
        var seen = new List<RecordedRequest>();
        Serve.With(RecordedRequest.Recorder(seen), async server =>
        {
            string received = await server.ExchangeUntilCloseAsync("GET /old HTTP/1.0\r\n\r\n");

            Assert.AreEqual("HTTP/1.1 200 OK\r\nServer: Mirage.NET\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok", received);
            Assert.AreEqual(HttpVersion.Http10, seen[0].Version);
        });
    }

    [TestMethod]
    public void LaterMinorVersionIsServedAsHttp11()
    {
        var seen = new List<RecordedRequest>();
        Serve.With(RecordedRequest.Recorder(seen), async server =>
        {
            TestResponse response = await server.ExchangeAsync("GET / HTTP/1.7\r\nHost: a\r\n\r\n");

            Assert.AreEqual("HTTP/1.1 200 OK", response.StatusLine);
            Assert.AreEqual(HttpVersion.Http11, seen[0].Version);
        });
    }

    [TestMethod]
    public void EmptyLinesBeforeTheRequestLineAreIgnored()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            TestResponse response = await server.ExchangeAsync("\r\n\r\nGET /after-blank HTTP/1.1\r\nHost: a\r\n\r\n");

            Assert.AreEqual("GET /after-blank ", response.BodyText);
        });
    }

    [TestMethod]
    public void HeadArrivingOneByteAtATimeIsParsed()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            await using TestClient client = server.Connect();
            foreach (char c in "GET /slow HTTP/1.1\r\nHost: a\r\nX-A: b\r\n\r\n")
            {
                await client.SendAsync(c.ToString());
                await System.Threading.Tasks.Task.Yield();
            }

            TestResponse response = await client.ReadResponseAsync();

            Assert.AreEqual("GET /slow ", response.BodyText);
        });
    }

    [TestMethod]
    public void ObsoleteTextInFieldValuesIsAccepted()
    {
        string? value = null;
        var handler = new DelegateHandler((request, response) => value = request.GetHeaderValue("X-Name"));
        Serve.With(handler, async server =>
        {
            TestResponse response = await server.ExchangeAsync("GET / HTTP/1.1\r\nHost: a\r\nX-Name: caf\u00E9\r\n\r\n");

            Assert.AreEqual(200, response.StatusCode);
            Assert.AreEqual("caf\u00E9", value);
        });
    }
}
