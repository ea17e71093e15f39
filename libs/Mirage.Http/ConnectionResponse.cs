using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Http;

/// <summary>
/// The response of one connection, reused for each of its requests. The head is serialized into a pooled
/// buffer; a small body joins it there so that most responses are one flow write. A failed write means the
/// client went away: it is remembered, and the connection closes after the handler returns.
/// </summary>
internal sealed class ConnectionResponse : HttpResponse
{
    /// <summary>Bodies up to this size are copied behind the head rather than written separately.</summary>
    private const int CoalesceLimit = 8192;

    private static readonly byte[] LastChunk = "0\r\n\r\n"u8.ToArray();
    private static readonly byte[] LineEnd = "\r\n"u8.ToArray();
    private static readonly byte[] ContinueLine = "HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray();

    private readonly IFlow _flow;
    private readonly OutputBuffer _output = new(CoalesceLimit + 1024);
    private readonly List<ResponseHeader> _headers = new();
    private int _statusCode;
    private ReadOnlyMemory<byte> _body;
    private long? _contentLength;
    private bool _headOnly;
    private HttpVersion _version;
    private bool _keepAlive;
    private bool _started;
    private ResponseFraming _framing;
    private long _streamed;

    public ConnectionResponse(IFlow flow)
    {
        _flow = flow;
    }

    /// <summary>A write failed: the client reset or closed the connection.</summary>
    public bool ClientGone { get; private set; }

    /// <summary>Whether the connection can carry another request after this response.</summary>
    public bool KeepAlive => _keepAlive && !ClientGone;

    internal void Reset(HttpMethod method, HttpVersion version, bool keepAlive)
    {
        _statusCode = 200;
        _body = default;
        _contentLength = null;
        _headers.Clear();
        _headOnly = method == HttpMethod.Head;
        _version = version;
        _keepAlive = keepAlive;
        _started = false;
        _framing = ResponseFraming.None;
        _streamed = 0;
    }

    public override int StatusCode
    {
        get => _statusCode;
        set
        {
            if (value < 200 || value > 599) throw new ArgumentOutOfRangeException(nameof(value), "A status code is from 200 to 599.");
            ThrowIfStarted();
            _statusCode = value;
        }
    }

    public override ReadOnlyMemory<byte> Body
    {
        get => _body;
        set
        {
            ThrowIfStarted();
            _body = value;
        }
    }

    public override long? ContentLength
    {
        get => _contentLength;
        set
        {
            if (value < 0) throw new ArgumentOutOfRangeException(nameof(value));
            ThrowIfStarted();
            _contentLength = value;
        }
    }

    public override bool HasStarted => _started;

    public override void SetHeader(string name, string value)
    {
        if (!AcceptHeader(name, value)) return;
        for (int i = 0; i < _headers.Count; i++)
        {
            if (HttpSyntax.EqualsIgnoreCase(_headers[i].Name, name))
            {
                _headers[i] = new ResponseHeader(name, value);
                return;
            }
        }
        _headers.Add(new ResponseHeader(name, value));
    }

    public override void AddHeader(string name, string value)
    {
        if (AcceptHeader(name, value)) _headers.Add(new ResponseHeader(name, value));
    }

    public override async ValueTask<bool> WriteAsync(ReadOnlyMemory<byte> data)
    {
        if (!_started)
        {
            _framing = !BodyAllowed ? ResponseFraming.None
                : _contentLength.HasValue ? ResponseFraming.Fixed
                : _version == HttpVersion.Http11 ? ResponseFraming.Chunked
                : ResponseFraming.UntilClose;
            if (_framing == ResponseFraming.UntilClose) _keepAlive = false;
            _started = true;
            WriteHead(_framing == ResponseFraming.Fixed ? _contentLength : null, chunked: _framing == ResponseFraming.Chunked);
            await SendAsync(_output.Written);
        }
        if (_framing == ResponseFraming.Fixed && _streamed + data.Length > _contentLength)
            throw new InvalidOperationException("The handler wrote more than the ContentLength it announced.");
        _streamed += data.Length;
        if (ClientGone) return false;
        if (data.IsEmpty || _headOnly || _framing == ResponseFraming.None) return true;

        if (_framing != ResponseFraming.Chunked) return await SendAsync(data);
        _output.Clear();
        _output.AppendHex(data.Length);
        _output.AppendLineEnd();
        if (data.Length <= CoalesceLimit)
        {
            _output.Append(data.Span);
            _output.AppendLineEnd();
            return await SendAsync(_output.Written);
        }
        return await SendAsync(_output.Written) && await SendAsync(data) && await SendAsync(LineEnd);
    }

    /// <summary>Refuses, before anything is sent, a response whose announced length its body contradicts.</summary>
    internal void CheckConsistent()
    {
        if (!_started && !_headOnly && BodyAllowed && _contentLength.HasValue && _contentLength != _body.Length)
            throw new InvalidOperationException("ContentLength differs from the length of Body; stream with WriteAsync instead.");
    }

    /// <summary>Sends what the handler left: the whole response, or the end of a streamed one.</summary>
    internal async ValueTask CompleteAsync()
    {
        if (!_started)
        {
            _started = true;
            bool sendsBody = BodyAllowed && !_headOnly && !_body.IsEmpty;
            WriteHead(BodyAllowed ? _contentLength ?? _body.Length : null, chunked: false);
            if (!sendsBody)
            {
                await SendAsync(_output.Written);
            }
            else if (_body.Length <= CoalesceLimit)
            {
                _output.Append(_body.Span);
                await SendAsync(_output.Written);
            }
            else if (await SendAsync(_output.Written))
            {
                await SendAsync(_body);
            }
            return;
        }

        if (_framing == ResponseFraming.Chunked && !_headOnly) await SendAsync(LastChunk);
        // A body shorter than announced leaves the client waiting for the rest: only closing ends it.
        if (_framing == ResponseFraming.Fixed && _streamed != _contentLength) _keepAlive = false;
    }

    /// <summary>A server-made response that ends the connection: errors the handler never sees.</summary>
    internal ValueTask SendErrorAsync(int statusCode, bool headOnly)
    {
        _keepAlive = false;
        _started = true;
        string reason = StatusLines.ReasonPhrase(statusCode);
        _output.Clear();
        _output.Append(StatusLines.For(statusCode));
        _output.Append("Server: Mirage.NET\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "u8);
        _output.AppendDecimal(reason.Length + 1);
        _output.Append("\r\nConnection: close\r\n\r\n"u8);
        if (!headOnly)
        {
            _output.AppendAscii(reason);
            _output.Append("\n"u8);
        }
        return IgnoreResult(SendAsync(_output.Written));
    }

    /// <summary>The interim answer to Expect: 100-continue, so that the client sends the body.</summary>
    internal ValueTask SendContinueAsync() => IgnoreResult(SendAsync(ContinueLine));

    internal void Release() => _output.Release();

    private bool BodyAllowed => _statusCode != 204 && _statusCode != 304;

    private void WriteHead(long? contentLength, bool chunked)
    {
        _output.Clear();
        _output.Append(StatusLines.For(_statusCode));
        if (!HasHeader("Server")) _output.Append("Server: Mirage.NET\r\n"u8);
        foreach (ResponseHeader header in _headers)
        {
            _output.AppendAscii(header.Name);
            _output.Append(": "u8);
            _output.AppendAscii(header.Value);
            _output.AppendLineEnd();
        }
        if (contentLength.HasValue)
        {
            _output.Append("Content-Length: "u8);
            _output.AppendDecimal(contentLength.Value);
            _output.AppendLineEnd();
        }
        if (chunked) _output.Append("Transfer-Encoding: chunked\r\n"u8);
        if (!_keepAlive) _output.Append("Connection: close\r\n"u8);
        else if (_version == HttpVersion.Http10) _output.Append("Connection: keep-alive\r\n"u8);
        _output.AppendLineEnd();
    }

    private bool HasHeader(string name)
    {
        foreach (ResponseHeader header in _headers)
            if (HttpSyntax.EqualsIgnoreCase(header.Name, name)) return true;
        return false;
    }

    private async ValueTask<bool> SendAsync(ReadOnlyMemory<byte> data)
    {
        if (ClientGone) return false;
        FlowResult result = await _flow.WriteAsync(data);
        if (!result.IsOk) ClientGone = true;
        return !ClientGone;
    }

    private static async ValueTask IgnoreResult(ValueTask<bool> write) => await write;

    /// <summary>
    /// Checks a header before it is stored. The framing headers belong to the server; "Connection: close"
    /// is taken as a request to close after this response.
    /// </summary>
    private bool AcceptHeader(string name, string value)
    {
        ThrowIfStarted();
        if (name is null || !IsToken(name)) throw new ArgumentException("A header name is a non-empty token.", nameof(name));
        if (value is null || !IsFieldValue(value)) throw new ArgumentException("A header value is ASCII without control characters.", nameof(value));
        if (HttpSyntax.EqualsIgnoreCase(name, "Content-Length") ||
            HttpSyntax.EqualsIgnoreCase(name, "Transfer-Encoding"))
            throw new ArgumentException("The server writes " + name + "; set ContentLength or stream with WriteAsync.", nameof(name));
        if (HttpSyntax.EqualsIgnoreCase(name, "Connection"))
        {
            if (HttpSyntax.ContainsIgnoreCase(value, "close")) _keepAlive = false;
            return false;
        }
        return true;
    }

    private static bool IsToken(string text)
    {
        if (text.Length == 0) return false;
        foreach (char c in text)
            if (c > 0x7F || !HttpSyntax.IsTokenChar((byte)c)) return false;
        return true;
    }

    private static bool IsFieldValue(string text)
    {
        foreach (char c in text)
            if (c > 0x7E || !HttpSyntax.IsFieldValueByte((byte)c)) return false;
        return true;
    }

    private void ThrowIfStarted()
    {
        if (_started) throw new InvalidOperationException("The response has started: its status, headers and body can no longer change.");
    }

    private readonly struct ResponseHeader
    {
        public ResponseHeader(string name, string value)
        {
            Name = name;
            Value = value;
        }

        public string Name { get; }

        public string Value { get; }
    }
}
