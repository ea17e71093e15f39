using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Http.Tests.Infrastructure;

namespace Mirage.Http.Tests;

[TestClass]
public sealed class RequestBodyTests
{
    private static readonly string BadRequest = Serve.ErrorResponse(400, "Bad Request");

    /// <summary>Answers with the body's length and SHA-256, so large bodies can be compared.</summary>
    private static readonly DelegateHandler DigestHandler = new((request, response) =>
        response.Body = Encoding.ASCII.GetBytes(request.Body.Length + " " + Digest(request.Body.ToArray())));

    private static string Digest(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));

    private static byte[] Pattern(int length)
    {
        var bytes = new byte[length];
        for (int i = 0; i < length; i++) bytes[i] = (byte)(i * 7 + i / 251);
        return bytes;
    }

    [TestMethod]
    public void ContentLengthBodyReachesTheHandler()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            TestResponse response = await server.ExchangeAsync("POST /form HTTP/1.1\r\nHost: a\r\nContent-Length: 7\r\n\r\na=1&b=2");

            Assert.AreEqual("POST /form a=1&b=2", response.BodyText);
        });
    }

    [TestMethod]
    public void BodyArrivingInPiecesAfterTheHeadIsAssembled()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            await using TestClient client = server.Connect();
            await client.SendAsync("PUT /x HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\nhel");
            await Task.Delay(20);
            await client.SendAsync("lo ");
            await Task.Delay(20);
            await client.SendAsync("world");

            Assert.AreEqual("PUT /x hello world", (await client.ReadResponseAsync()).BodyText);
        });
    }

    [TestMethod]
    public void BodyLargerThanTheInputBufferArrivesIntact()
    {
        Serve.With(DigestHandler, async server =>
        {
            byte[] body = Pattern(300_000);
            await using TestClient client = server.Connect();
            await client.SendAsync("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 300000\r\n\r\n");
            for (int offset = 0; offset < body.Length; offset += 70_000)
            {
                await client.SendAsync(body.AsSpanSafe(offset, 70_000));
                await Task.Yield();
            }

            Assert.AreEqual("300000 " + Digest(body), (await client.ReadResponseAsync()).BodyText);
        });
    }

    [TestMethod]
    public void ChunkedBodyIsDechunkedWithExtensionsAndTrailersIgnored()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            TestResponse response = await server.ExchangeAsync(
                "POST /c HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n" +
                "5\r\nhello\r\n" +
                "6;name=value;flag\r\n world\r\n" +
                "A \r\n0123456789\r\n" +
                "0\r\nX-Checksum: abc\r\nX-Other: d\r\n\r\n");

            Assert.AreEqual("POST /c hello world0123456789", response.BodyText);
        });
    }

    [TestMethod]
    public void ChunkedEncodingIsRecognisedInAnyCase()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            TestResponse response = await server.ExchangeAsync(
                "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n");

            Assert.AreEqual("POST / ok", response.BodyText);
        });
    }

    [TestMethod]
    public void ChunkedBodySplitAcrossManyReadsArrivesIntact()
    {
        Serve.With(DigestHandler, async server =>
        {
            byte[] body = Pattern(60_000);
            var wire = new List<byte>(Encoding.ASCII.GetBytes("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"));
            for (int offset = 0; offset < body.Length; offset += 1500)
            {
                wire.AddRange(Encoding.ASCII.GetBytes((1500).ToString("x") + "\r\n"));
                wire.AddRange(body.AsSpanSafe(offset, 1500));
                wire.AddRange(Encoding.ASCII.GetBytes("\r\n"));
            }
            wire.AddRange(Encoding.ASCII.GetBytes("0\r\n\r\n"));
            byte[] bytes = wire.ToArray();

            await using TestClient client = server.Connect();
            // Odd-sized pieces cut chunk-size lines and CRLFs in the middle.
            for (int offset = 0; offset < bytes.Length; offset += 997)
            {
                await client.SendAsync(bytes.AsSpanSafe(offset, 997));
                await Task.Yield();
            }

            Assert.AreEqual("60000 " + Digest(body), (await client.ReadResponseAsync()).BodyText);
        });
    }

    [TestMethod]
    public void EmptyChunkedBodyIsAnEmptyBody()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            TestResponse response = await server.ExchangeAsync("POST /e HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");

            Assert.AreEqual("POST /e ", response.BodyText);
        });
    }

    [TestMethod]
    [DataRow("zz\r\nhello\r\n0\r\n\r\n", DisplayName = "size not hexadecimal")]
    [DataRow("\r\nhello\r\n0\r\n\r\n", DisplayName = "empty size")]
    [DataRow("-5\r\nhello\r\n0\r\n\r\n", DisplayName = "negative size")]
    [DataRow("0x5\r\nhello\r\n0\r\n\r\n", DisplayName = "0x prefix")]
    [DataRow("5 x\r\nhello\r\n0\r\n\r\n", DisplayName = "text after the size that is not an extension")]
    [DataRow("5\nhello\r\n0\r\n\r\n", DisplayName = "bare LF after the size")]
    [DataRow("5\r\nhelloXX\r\n0\r\n\r\n", DisplayName = "data longer than its size")]
    [DataRow("5\r\nhell\r\n0\r\n\r\n", DisplayName = "data shorter than its size")]
    [DataRow("5\r\nhello\r\n0\r\n folded: trailer\r\n\r\n", DisplayName = "trailer starting with whitespace")]
    [DataRow("5\r\nhello\r\n0\r\nNoColon\r\n\r\n", DisplayName = "trailer without colon")]
    [DataRow("5;ext=\u0001\r\nhello\r\n0\r\n\r\n", DisplayName = "control character in an extension")]
    public void MalformedChunkedBodyIsAnswered400(string chunkedBody)
    {
        Serve.With(new EchoHandler(), async server =>
        {
            string received = await server.ExchangeUntilCloseAsync(
                "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n" + chunkedBody);

            Assert.AreEqual(BadRequest, received);
        });
    }

    [TestMethod]
    public void OverlongChunkSizeLineIsAnswered400()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            string received = await server.ExchangeUntilCloseAsync(
                "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5;" + new string('e', 5000) + "\r\nhello\r\n0\r\n\r\n");

            Assert.AreEqual(BadRequest, received);
        });
    }

    [TestMethod]
    public void ChunkSizeTooLargeForAnyNumberIsAnswered413()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            string received = await server.ExchangeUntilCloseAsync(
                "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffffffffff\r\n");

            Assert.AreEqual(Serve.ErrorResponse(413, "Content Too Large"), received);
        });
    }

    [TestMethod]
    public void ExpectContinueGets100BeforeTheBodyIsSent()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            await using TestClient client = server.Connect();
            await client.SendAsync("POST /up HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");

            Assert.AreEqual("HTTP/1.1 100 Continue\r\n\r\n", Encoding.ASCII.GetString(await client.ReadExactlyAsync(25)));

            await client.SendAsync("data");
            TestResponse response = await client.ReadResponseAsync();

            Assert.AreEqual("HTTP/1.1 200 OK", response.StatusLine);
            Assert.AreEqual("POST /up data", response.BodyText);
        });
    }

    [TestMethod]
    public void ExpectContinueWithTooLargeBodyGets413Without100()
    {
        Serve.With(new EchoHandler(), async server =>
        {
            string received = await server.ExchangeUntilCloseAsync(
                "POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2000000\r\n\r\n");

            Assert.AreEqual(Serve.ErrorResponse(413, "Content Too Large"), received);
        });
    }
}

internal static class ByteArrayExtensions
{
    /// <summary>Up to <paramref name="count"/> bytes from <paramref name="offset"/>, fewer at the end of the array.</summary>
    public static byte[] AsSpanSafe(this byte[] bytes, int offset, int count) =>
        bytes.AsSpan(offset, Math.Min(count, bytes.Length - offset)).ToArray();
}
