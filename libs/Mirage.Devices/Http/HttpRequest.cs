using System;

namespace Mirage.Devices;

/// <summary>
/// A request as the handler sees it. The server reuses one instance per connection and its memory
/// points into the connection's buffers: read what you need before <see cref="IHttpHandler.HandleAsync"/> returns.
/// </summary>
public abstract class HttpRequest
{
    public abstract HttpMethod Method { get; }

    /// <summary>The method as sent (methods are case-sensitive): "GET", "PROPFIND"…</summary>
    public abstract string MethodName { get; }

    public abstract HttpVersion Version { get; }

    /// <summary>The request-target exactly as sent: path and query, still percent-encoded.</summary>
    public abstract ReadOnlyMemory<byte> Target { get; }

    /// <summary>The path of the target, still percent-encoded, without the query: "/docs/a%20b.html". "*" for <c>OPTIONS *</c>.</summary>
    public abstract string Path { get; }

    /// <summary>The query without its '?', still percent-encoded; empty when there is none.</summary>
    public abstract string Query { get; }

    public abstract int HeaderCount { get; }

    /// <summary>The header at <paramref name="index"/> (0 ≤ index &lt; <see cref="HeaderCount"/>), in the order received.</summary>
    public abstract HttpHeader GetHeader(int index);

    /// <summary>The body, already de-chunked; empty when the request has none.</summary>
    public abstract ReadOnlyMemory<byte> Body { get; }

    /// <summary>The value of the first header called <paramref name="name"/> (case-insensitive), without allocating.</summary>
    public bool TryGetHeader(string name, out ReadOnlyMemory<byte> value)
    {
        int count = HeaderCount;
        for (int i = 0; i < count; i++)
        {
            HttpHeader header = GetHeader(i);
            if (header.NameIs(name))
            {
                value = header.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>The value of the first header called <paramref name="name"/> as a string (bytes taken as Latin-1), or null.</summary>
    public string? GetHeaderValue(string name) =>
        TryGetHeader(name, out ReadOnlyMemory<byte> value) ? Latin1String(value) : null;

    // Header bytes are Latin-1 by definition (RFC 9110 §5.5); decoded by hand so that no encoding table is needed.
    private static string Latin1String(ReadOnlyMemory<byte> bytes) =>
        string.Create(bytes.Length, bytes, static (chars, source) =>
        {
            ReadOnlySpan<byte> span = source.Span;
            for (int i = 0; i < span.Length; i++) chars[i] = (char)span[i];
        });
}
