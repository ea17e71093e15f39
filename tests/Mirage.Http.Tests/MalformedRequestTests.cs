using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Http.Tests.Infrastructure;

namespace Mirage.Http.Tests;

[TestClass]
public sealed class MalformedRequestTests
{
    private static readonly string BadRequest = Serve.ErrorResponse(400, "Bad Request");

    [TestMethod]
    [DataRow("GET / HTTP/1.1\nHost: a\n\n", DisplayName = "bare LF line ends")]
    [DataRow("GET / HTTP/1.1\r\nHost: a\rX: y\r\n\r\n", DisplayName = "bare CR inside the head")]
    [DataRow("GET  / HTTP/1.1\r\nHost: a\r\n\r\n", DisplayName = "two spaces after the method")]
    [DataRow(" GET / HTTP/1.1\r\nHost: a\r\n\r\n", DisplayName = "leading space")]
    [DataRow("GET /\r\nHost: a\r\n\r\n", DisplayName = "no version (HTTP/0.9 style)")]
    [DataRow("GET / HTTP/1.1 extra\r\nHost: a\r\n\r\n", DisplayName = "text after the version")]
    [DataRow("GET / http/1.1\r\nHost: a\r\n\r\n", DisplayName = "lower-case protocol name")]
    [DataRow("GET / HTTP/1\r\nHost: a\r\n\r\n", DisplayName = "version without minor")]
    [DataRow("GET / HTTP/1.x\r\nHost: a\r\n\r\n", DisplayName = "non-digit minor version")]
    [DataRow("G(T / HTTP/1.1\r\nHost: a\r\n\r\n", DisplayName = "method with a separator")]
    [DataRow("GET /a\u0001b HTTP/1.1\r\nHost: a\r\n\r\n", DisplayName = "control character in the target")]
    [DataRow("GET /caf\u00E9 HTTP/1.1\r\nHost: a\r\n\r\n", DisplayName = "non-ASCII byte in the target")]
    [DataRow("GET foo HTTP/1.1\r\nHost: a\r\n\r\n", DisplayName = "relative target")]
    [DataRow("GET * HTTP/1.1\r\nHost: a\r\n\r\n", DisplayName = "asterisk target on GET")]
    [DataRow("GET http:///x HTTP/1.1\r\nHost: a\r\n\r\n", DisplayName = "absolute target without authority")]
    [DataRow("GET / HTTP/1.1\r\nHost: a\r\nX-Long: one\r\n two\r\n\r\n", DisplayName = "obs-fold continuation line")]
    [DataRow("GET / HTTP/1.1\r\n\tHost: a\r\n\r\n", DisplayName = "field line starting with a tab")]
    [DataRow("GET / HTTP/1.1\r\nHost : a\r\n\r\n", DisplayName = "space before the colon")]
    [DataRow("GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n", DisplayName = "field without colon")]
    [DataRow("GET / HTTP/1.1\r\nHost: a\r\n: value\r\n\r\n", DisplayName = "empty field name")]
    [DataRow("GET / HTTP/1.1\r\nHost: a\r\nX(y): z\r\n\r\n", DisplayName = "separator in field name")]
    [DataRow("GET / HTTP/1.1\r\nHost: a\r\nX: a\u0000b\r\n\r\n", DisplayName = "NUL in a field value")]
    [DataRow("GET / HTTP/1.1\r\nHost: a\r\nX: a\u007Fb\r\n\r\n", DisplayName = "DEL in a field value")]
    [DataRow("GET / HTTP/1.1\r\n\r\n", DisplayName = "HTTP/1.1 without Host")]
    [DataRow("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", DisplayName = "two Host fields")]
    [DataRow("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: abc\r\n\r\n", DisplayName = "Content-Length not a number")]
    [DataRow("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", DisplayName = "negative Content-Length")]
    [DataRow("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1, 2\r\n\r\nab", DisplayName = "Content-Length list")]
    [DataRow("POST / HTTP/1.1\r\nHost: a\r\nContent-Length:\r\n\r\n", DisplayName = "empty Content-Length")]
    [DataRow("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", DisplayName = "conflicting Content-Length fields")]
    [DataRow("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", DisplayName = "Content-Length and Transfer-Encoding")]
    [DataRow("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", DisplayName = "chunked not the last coding")]
    [DataRow("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n", DisplayName = "chunked twice")]
    [DataRow("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding:\r\n\r\n", DisplayName = "empty Transfer-Encoding")]
    [DataRow("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", DisplayName = "chunked in HTTP/1.0")]
    public void MalformedRequestIsAnswered400AndClosed(string request)
    {
        Serve.With(new EchoHandler(), async server =>
        {
            string received = await server.ExchangeUntilCloseAsync(request);

            Assert.AreEqual(BadRequest, received);
            Assert.AreEqual(1, server.Statistics.BadRequests);
            Assert.AreEqual(1, server.Statistics.Requests);
        });
    }

    [TestMethod]
    public void MalformedLineIsRefusedBeforeTheHeadIsComplete()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            await using TestClient client = server.Connect();
            await client.SendAsync("GET / HTTP/1.1\r\nBad Header\r\n");

            Assert.AreEqual(BadRequest, await client.ReadToEndAsync());
        });
    }

    [TestMethod]
    public void ConnectionAfterABadRequestIsServedNormally()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            Assert.AreEqual(BadRequest, await server.ExchangeUntilCloseAsync("NOT HTTP\r\n\r\n"));

            TestResponse response = await server.ExchangeAsync("GET /ok HTTP/1.1\r\nHost: a\r\n\r\n");

            Assert.AreEqual("HTTP/1.1 200 OK", response.StatusLine);
            Assert.AreEqual("GET /ok ", response.BodyText);
        });
    }

    [TestMethod]
    [DataRow("HTTP/2.0")]
    [DataRow("HTTP/0.9")]
    [DataRow("HTTP/3.0")]
    public void OtherMajorVersionsAreAnswered505(string version)
    {
        Serve.With(new EchoHandler(), async server =>
        {
            string received = await server.ExchangeUntilCloseAsync("GET / " + version + "\r\nHost: a\r\n\r\n");

            Assert.AreEqual(Serve.ErrorResponse(505, "HTTP Version Not Supported"), received);
            Assert.AreEqual(1, server.Statistics.RejectedRequests);
            Assert.AreEqual(0, server.Statistics.BadRequests);
        });
    }

    [TestMethod]
    public void UnknownTransferCodingIsAnswered501()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            string received = await server.ExchangeUntilCloseAsync(
                "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n");

            Assert.AreEqual(Serve.ErrorResponse(501, "Not Implemented"), received);
        });
    }
}
