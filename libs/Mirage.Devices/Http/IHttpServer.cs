using System;
using System.Threading;
using System.Threading.Tasks;

namespace Mirage.Devices;

/// <summary>
/// Device kind <c>http-server</c>: an HTTP/1.1 server already listening on its port.
/// The application supplies the handler that answers each request.
/// </summary>
public interface IHttpServer : IAsyncDisposable
{
    /// <summary>The address and port the server listens on.</summary>
    Ipv4Endpoint LocalEndpoint { get; }

    /// <summary>Counters since the device was connected.</summary>
    HttpServerStatistics Statistics { get; }

    /// <summary>
    /// Accepts connections and answers their requests with <paramref name="handler"/> until
    /// <paramref name="cancellationToken"/> is cancelled; then closes the open connections and returns.
    /// The listener stays open, so serving can resume with another call; <see cref="IAsyncDisposable.DisposeAsync"/> closes it.
    /// </summary>
    Task ServeAsync(IHttpHandler handler, CancellationToken cancellationToken = default);
}
