namespace Mirage.Http;

/// <summary>How a streamed response body is delimited.</summary>
internal enum ResponseFraming
{
    /// <summary>No body goes out: HEAD, 204, 304.</summary>
    None,
    /// <summary>Content-Length announced before streaming.</summary>
    Fixed,
    /// <summary>Transfer-Encoding: chunked (HTTP/1.1).</summary>
    Chunked,
    /// <summary>The body ends when the connection closes (HTTP/1.0 without a length).</summary>
    UntilClose,
}
