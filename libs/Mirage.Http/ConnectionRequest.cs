using System;
using Mirage.Devices;

namespace Mirage.Http;

/// <summary>
/// The request of one connection, reused for each of its requests: ranges into the input buffer filled by
/// <see cref="RequestHeadParser"/> and <see cref="RequestFraming"/>, strings made only when the handler asks.
/// </summary>
internal sealed class ConnectionRequest : HttpRequest
{
    private readonly byte[] _input;
    private readonly FieldRange[] _headers;
    private readonly CachedAscii _path = new();
    private readonly CachedAscii _query = new();
    private ReadOnlyMemory<byte> _body;

    public ConnectionRequest(byte[] input, int maxHeaderCount)
    {
        _input = input;
        _headers = new FieldRange[maxHeaderCount];
    }

    // Filled by the head parser.
    internal HttpMethod MethodKind;
    internal ByteRange MethodRange;
    internal ByteRange TargetRange;
    internal ByteRange PathRange;
    internal ByteRange QueryRange;
    internal bool PathIsRoot;
    internal HttpVersion ProtocolVersion;
    internal int FieldCount;

    // Filled by RequestFraming.
    internal bool KeepAlive;
    internal long ContentLength;
    internal bool IsChunked;
    internal bool ExpectsContinue;

    internal void AddField(int nameStart, int nameLength, int valueStart, int valueLength) =>
        _headers[FieldCount++] = new FieldRange(nameStart, nameLength, valueStart, valueLength);

    internal int FieldCapacity => _headers.Length;

    internal ReadOnlySpan<byte> Slice(ByteRange range) => _input.AsSpan(range.Start, range.Length);

    internal ReadOnlySpan<byte> FieldNameSpan(int index) => _input.AsSpan(_headers[index].NameStart, _headers[index].NameLength);

    internal ReadOnlySpan<byte> FieldValueSpan(int index) => _input.AsSpan(_headers[index].ValueStart, _headers[index].ValueLength);

    internal void Clear()
    {
        MethodKind = HttpMethod.Other;
        MethodRange = TargetRange = PathRange = QueryRange = default;
        PathIsRoot = false;
        ProtocolVersion = HttpVersion.Http11;
        FieldCount = 0;
        KeepAlive = false;
        ContentLength = 0;
        IsChunked = false;
        ExpectsContinue = false;
        _body = default;
    }

    internal void SetBody(ReadOnlyMemory<byte> body) => _body = body;

    public override HttpMethod Method => MethodKind;

    public override string MethodName => MethodKind switch
    {
        HttpMethod.Get => "GET",
        HttpMethod.Head => "HEAD",
        HttpMethod.Post => "POST",
        HttpMethod.Put => "PUT",
        HttpMethod.Delete => "DELETE",
        HttpMethod.Options => "OPTIONS",
        HttpMethod.Trace => "TRACE",
        HttpMethod.Connect => "CONNECT",
        HttpMethod.Patch => "PATCH",
        _ => AsciiString(Slice(MethodRange)),
    };

    public override HttpVersion Version => ProtocolVersion;

    public override ReadOnlyMemory<byte> Target => _input.AsMemory(TargetRange.Start, TargetRange.Length);

    public override string Path => PathIsRoot ? "/" : _path.Get(Slice(PathRange));

    public override string Query => _query.Get(Slice(QueryRange));

    public override int HeaderCount => FieldCount;

    public override HttpHeader GetHeader(int index)
    {
        if ((uint)index >= (uint)FieldCount) throw new ArgumentOutOfRangeException(nameof(index));
        FieldRange field = _headers[index];
        return new HttpHeader(_input.AsMemory(field.NameStart, field.NameLength), _input.AsMemory(field.ValueStart, field.ValueLength));
    }

    public override ReadOnlyMemory<byte> Body => _body;

    internal static string AsciiString(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return "";
        Span<char> chars = bytes.Length <= 256 ? stackalloc char[bytes.Length] : new char[bytes.Length];
        for (int i = 0; i < bytes.Length; i++) chars[i] = (char)bytes[i];
        return new string(chars);
    }

    private readonly struct FieldRange
    {
        public FieldRange(int nameStart, int nameLength, int valueStart, int valueLength)
        {
            NameStart = nameStart;
            NameLength = nameLength;
            ValueStart = valueStart;
            ValueLength = valueLength;
        }

        public int NameStart { get; }
        public int NameLength { get; }
        public int ValueStart { get; }
        public int ValueLength { get; }
    }

    /// <summary>
    /// Keeps the last string made from some bytes: a kept-alive client asking for the same path again
    /// (a poller, a benchmark) costs no allocation.
    /// </summary>
    private sealed class CachedAscii
    {
        private string _text = "";

        public string Get(ReadOnlySpan<byte> bytes)
        {
            if (!SameText(bytes, _text)) _text = AsciiString(bytes);
            return _text;
        }

        private static bool SameText(ReadOnlySpan<byte> bytes, string text)
        {
            if (bytes.Length != text.Length) return false;
            for (int i = 0; i < bytes.Length; i++)
                if (bytes[i] != text[i]) return false;
            return true;
        }
    }
}
