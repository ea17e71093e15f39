namespace Mirage.Http;

/// <summary>The limits and timeouts a server applies to every connection; timeouts in milliseconds so that tests can use short ones.</summary>
internal sealed class HttpServerSettings
{
    public HttpServerSettings(int maxHeaderBytes, int maxHeaderCount, int maxBodyBytes, int requestTimeoutMilliseconds, int keepAliveTimeoutMilliseconds)
    {
        MaxHeaderBytes = maxHeaderBytes;
        MaxHeaderCount = maxHeaderCount;
        MaxBodyBytes = maxBodyBytes;
        RequestTimeoutMilliseconds = requestTimeoutMilliseconds;
        KeepAliveTimeoutMilliseconds = keepAliveTimeoutMilliseconds;
    }

    /// <summary>Request line plus header fields, terminating empty line included.</summary>
    public int MaxHeaderBytes { get; }

    public int MaxHeaderCount { get; }

    public int MaxBodyBytes { get; }

    /// <summary>From the first byte of a request to its last.</summary>
    public int RequestTimeoutMilliseconds { get; }

    /// <summary>How long a connection may wait for its next request.</summary>
    public int KeepAliveTimeoutMilliseconds { get; }
}
