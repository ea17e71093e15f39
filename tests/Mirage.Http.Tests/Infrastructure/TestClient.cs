using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Devices;

namespace Mirage.Http.Tests.Infrastructure;

/// <summary>A raw HTTP client over an in-memory connection: sends bytes as given, parses what comes back.</summary>
internal sealed class TestClient : IAsyncDisposable
{
    private static readonly TimeSpan ReadTimeLimit = TimeSpan.FromSeconds(10);

    private readonly List<byte> _received = new();
    private bool _ended;

    public TestClient(InMemoryFlow flow)
    {
        Flow = flow;
    }

    public InMemoryFlow Flow { get; }

    /// <summary>Sends <paramref name="text"/> as Latin-1, so that tests can write any byte with \xNN escapes.</summary>
    public async Task SendAsync(string text)
    {
        FlowResult result = await Flow.WriteAsync(Encoding.Latin1.GetBytes(text));
        Assert.IsTrue(result.IsOk, "client write failed: " + result);
    }

    public async Task SendAsync(byte[] bytes)
    {
        FlowResult result = await Flow.WriteAsync(bytes);
        Assert.IsTrue(result.IsOk, "client write failed: " + result);
    }

    /// <summary>Reads one response; a response to HEAD (<paramref name="toHead"/>), 204 and 304 have no body.</summary>
    public async Task<TestResponse> ReadResponseAsync(bool toHead = false)
    {
        int headEnd;
        while ((headEnd = IndexOf("\r\n\r\n"u8.ToArray())) < 0)
            if (!await ReceiveMoreAsync()) Assert.Fail("connection ended before a response head: " + Latin1(_received.ToArray()));
        string head = Latin1(Take(headEnd + 4));
        var response = new TestResponse(head, Array.Empty<byte>());

        byte[] body;
        if (toHead || response.StatusCode is 204 or 304 || response.StatusCode < 200)
            body = Array.Empty<byte>();
        else if (response.Header("Content-Length") is { } length)
            body = await ReadExactlyAsync(int.Parse(length));
        else if (response.Header("Transfer-Encoding") == "chunked")
            body = await ReadChunkedAsync();
        else
            body = Encoding.Latin1.GetBytes(await ReadToEndAsync());
        return new TestResponse(head, body);
    }

    /// <summary>Everything until the server ends the connection, as Latin-1.</summary>
    public async Task<string> ReadToEndAsync()
    {
        while (await ReceiveMoreAsync())
        {
        }
        return Latin1(Take(_received.Count));
    }

    /// <summary>Whether the server ended the connection with nothing more sent.</summary>
    public async Task AssertEndedAsync()
    {
        string rest = await ReadToEndAsync();
        Assert.AreEqual("", rest, "expected the server to close the connection without sending more");
    }

    public async Task<byte[]> ReadExactlyAsync(int count)
    {
        while (_received.Count < count)
            if (!await ReceiveMoreAsync()) Assert.Fail("connection ended after " + _received.Count + " of " + count + " bytes");
        return Take(count);
    }

    public ValueTask DisposeAsync() => Flow.CloseAsync();

    private async Task<byte[]> ReadChunkedAsync()
    {
        var body = new List<byte>();
        while (true)
        {
            int lineEnd;
            while ((lineEnd = IndexOf("\r\n"u8.ToArray())) < 0)
                if (!await ReceiveMoreAsync()) Assert.Fail("connection ended inside a chunked body");
            int size = Convert.ToInt32(Latin1(Take(lineEnd + 2)).Trim(), 16);
            if (size == 0)
            {
                Assert.AreEqual("\r\n", Latin1(await ReadExactlyAsync(2)), "trailer section");
                return body.ToArray();
            }
            body.AddRange(await ReadExactlyAsync(size));
            Assert.AreEqual("\r\n", Latin1(await ReadExactlyAsync(2)), "end of chunk data");
        }
    }

    private async Task<bool> ReceiveMoreAsync()
    {
        if (_ended) return false;
        byte[] buffer = new byte[65536];
        using var timeLimit = new CancellationTokenSource(ReadTimeLimit);
        FlowResult result = await Flow.ReadAsync(buffer, timeLimit.Token);
        if (result.Status == FlowStatus.Cancelled) Assert.Fail("the server sent nothing for " + ReadTimeLimit + "; received so far: " + Latin1(_received.ToArray()));
        if (!result.IsOk)
        {
            _ended = true;
            return false;
        }
        _received.AddRange(buffer.AsSpan(0, result.Count));
        return true;
    }

    private int IndexOf(byte[] pattern) => _received.ToArray().AsSpan().IndexOf(pattern);

    private byte[] Take(int count)
    {
        byte[] taken = _received.GetRange(0, count).ToArray();
        _received.RemoveRange(0, count);
        return taken;
    }

    private static string Latin1(byte[] bytes) => Encoding.Latin1.GetString(bytes);
}
