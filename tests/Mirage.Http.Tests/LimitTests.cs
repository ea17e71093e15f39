using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Http.Tests.Infrastructure;

namespace Mirage.Http.Tests;

[TestClass]
public sealed class LimitTests
{
    private const int HeaderLimit = 256;

    private static HttpServerSettings Limits(int maxHeaderCount = 100, int maxBodyBytes = 100) =>
        ServerHarness.Settings(maxHeaderBytes: HeaderLimit, maxHeaderCount: maxHeaderCount, maxBodyBytes: maxBodyBytes);

    /// <summary>A request whose head (request line to empty line) is exactly <paramref name="headLength"/> bytes.</summary>
    private static string RequestWithHeadLength(int headLength)
    {
        const string start = "GET / HTTP/1.1\r\nHost: a\r\nX-Pad: ";
        return start + new string('p', headLength - start.Length - 4) + "\r\n\r\n";
    }

    [TestMethod]
    public void HeadOfExactlyTheLimitIsAccepted()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            string request = RequestWithHeadLength(HeaderLimit);
            Assert.AreEqual(HeaderLimit, request.Length);

            TestResponse response = await server.ExchangeAsync(request);

            Assert.AreEqual(200, response.StatusCode);
        }, Limits());
    }

    [TestMethod]
    public void HeadOneByteOverTheLimitIsAnswered431()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            string received = await server.ExchangeUntilCloseAsync(RequestWithHeadLength(HeaderLimit + 1));

            Assert.AreEqual(Serve.ErrorResponse(431, "Request Header Fields Too Large"), received);
            Assert.AreEqual(1, server.Statistics.RejectedRequests);
        }, Limits());
    }

    [TestMethod]
    public void EndlessHeadIsRefusedOnceItReachesTheLimit()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            await using TestClient client = server.Connect();
            // No empty line ever comes: the server must not wait for one.
            await client.SendAsync("GET / HTTP/1.1\r\nHost: a\r\nX-Pad: " + new string('p', 2 * HeaderLimit));

            Assert.AreEqual(Serve.ErrorResponse(431, "Request Header Fields Too Large"), await client.ReadToEndAsync());
        }, Limits());
    }

    [TestMethod]
    public void RequestLineLongerThanTheLimitIsAnswered414()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            string received = await server.ExchangeUntilCloseAsync("GET /" + new string('a', HeaderLimit) + " HTTP/1.1\r\nHost: a\r\n\r\n");

            Assert.AreEqual(Serve.ErrorResponse(414, "URI Too Long"), received);
        }, Limits());
    }

    [TestMethod]
    public void MoreFieldsThanTheCountLimitAreAnswered431()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            string received = await server.ExchangeUntilCloseAsync("GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n");

            Assert.AreEqual(Serve.ErrorResponse(431, "Request Header Fields Too Large"), received);
        }, Limits(maxHeaderCount: 3));
    }

    [TestMethod]
    public void FieldsUpToTheCountLimitAreAccepted()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            TestResponse response = await server.ExchangeAsync("GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\n\r\n");

            Assert.AreEqual(200, response.StatusCode);
        }, Limits(maxHeaderCount: 3));
    }

    [TestMethod]
    public void ContentLengthOverTheBodyLimitIsAnswered413WithoutReadingTheBody()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            string received = await server.ExchangeUntilCloseAsync("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 101\r\n\r\n");

            Assert.AreEqual(Serve.ErrorResponse(413, "Content Too Large"), received);
            Assert.AreEqual(1, server.Statistics.RejectedRequests);
        }, Limits());
    }

    [TestMethod]
    public void HugeContentLengthIsAnswered413()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            string received = await server.ExchangeUntilCloseAsync(
                "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999999\r\n\r\n");

            Assert.AreEqual(Serve.ErrorResponse(413, "Content Too Large"), received);
        }, Limits());
    }

    [TestMethod]
    public void BodyOfExactlyTheLimitIsAccepted()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            string body = new string('b', 100);
            TestResponse response = await server.ExchangeAsync("POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\n" + body);

            Assert.AreEqual("POST /p " + body, response.BodyText);
        }, Limits());
    }

    [TestMethod]
    public void ChunkedBodyGrowingOverTheLimitIsAnswered413()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            string received = await server.ExchangeUntilCloseAsync(
                "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n32\r\n" + new string('x', 50) + "\r\n33\r\n");

            Assert.AreEqual(Serve.ErrorResponse(413, "Content Too Large"), received);
        }, Limits());
    }

    [TestMethod]
    public void TrailersOverTheHeaderLimitAreAnswered431()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            string trailers = "";
            for (int i = 0; i < 10; i++) trailers += "X-Trailer-" + i + ": " + new string('t', 30) + "\r\n";

            string received = await server.ExchangeUntilCloseAsync(
                "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\n" + trailers + "\r\n");

            Assert.AreEqual(Serve.ErrorResponse(431, "Request Header Fields Too Large"), received);
        }, Limits());
    }
}
