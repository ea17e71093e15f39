using System;
using System.Threading.Tasks;

namespace Mirage.Devices;

/// <summary>
/// The response a handler fills. By default it is sent when the handler returns, with a Content-Length
/// taken from <see cref="Body"/>; <see cref="WriteAsync"/> streams instead. The server writes
/// Content-Length, Transfer-Encoding, Connection and Server itself, and leaves out the body of
/// answers to HEAD and of 204 and 304 responses.
/// </summary>
public abstract class HttpResponse
{
    /// <summary>200 unless set; from 200 to 599.</summary>
    public abstract int StatusCode { get; set; }

    /// <summary>The body sent when the handler returns; the memory must stay valid until then.</summary>
    public abstract ReadOnlyMemory<byte> Body { get; set; }

    /// <summary>
    /// The length to announce. Unset, it is the length of <see cref="Body"/>. Set it without a body to answer
    /// HEAD without reading the content, or before streaming to send a fixed length instead of chunks.
    /// </summary>
    public abstract long? ContentLength { get; set; }

    /// <summary>Whether the status and headers have gone out (streaming has begun).</summary>
    public abstract bool HasStarted { get; }

    /// <summary>Sets a header, replacing any of the same name (case-insensitive). Values are ASCII without control characters.</summary>
    public abstract void SetHeader(string name, string value);

    /// <summary>Adds a header even if one of the same name exists (Set-Cookie).</summary>
    public abstract void AddHeader(string name, string value);

    /// <summary>
    /// Streams <paramref name="data"/>: the first call sends the status and headers (chunked on HTTP/1.1 unless
    /// <see cref="ContentLength"/> is set). False when the client has gone away; the handler should stop then.
    /// </summary>
    public abstract ValueTask<bool> WriteAsync(ReadOnlyMemory<byte> data);
}
