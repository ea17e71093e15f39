using System;
using System.Threading;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Http;

/// <summary>
/// The portable HTTP/1.1 server (device kind <c>http-server</c>) over any IPv4 stack's TCP: keep-alive,
/// pipelining, Content-Length and chunked request bodies, limits and timeouts. Requests the server refuses
/// itself: 400 (malformed), 408 (too slow), 413 (body over the limit), 414 (request line over the header
/// limit), 431 (headers over the byte or count limit), 501 (unknown transfer coding), 505 (HTTP other than 1.x);
/// each closes the connection. Everything else goes to the handler.
/// </summary>
public sealed class HttpServer : IHttpServer
{
    private readonly ITcpListener _listener;
    private readonly HttpServerSettings _settings;
    private readonly HttpServerCounters _counters = new();
    private bool _serving;
    private TaskCompletionSource? _lastConnectionClosed;

    internal HttpServer(ITcpListener listener, HttpServerSettings settings)
    {
        _listener = listener;
        _settings = settings;
    }

    /// <summary>Listens on <paramref name="port"/> of <paramref name="stack"/>; the arguments follow build/Mirage.Http.props.</summary>
    /// <param name="maxHeaderBytes">Request line and headers, in bytes.</param>
    /// <param name="maxHeaderCount">Header fields per request.</param>
    /// <param name="maxBodyBytes">Request body after de-chunking, in bytes.</param>
    /// <param name="requestTimeoutSeconds">Time to send a whole request once begun.</param>
    /// <param name="keepAliveTimeoutSeconds">Time an idle kept-alive connection waits for its next request.</param>
    public static async ValueTask<Result<IHttpServer, DeviceError>> ConnectAsync(
        IStackV4 stack,
        ushort port,
        int maxHeaderBytes,
        int maxHeaderCount,
        int maxBodyBytes,
        int requestTimeoutSeconds,
        int keepAliveTimeoutSeconds)
    {
        string? invalid =
            maxHeaderBytes < 64 ? "header-limit must be at least 64 bytes" :
            maxHeaderCount < 1 ? "header-count-limit must be at least 1" :
            maxBodyBytes < 0 ? "body-limit must not be negative" :
            requestTimeoutSeconds < 1 ? "request-timeout must be at least 1 second" :
            keepAliveTimeoutSeconds < 1 ? "keep-alive-timeout must be at least 1 second" :
            null;
        if (invalid is not null) return Result<IHttpServer, DeviceError>.Fail(new DeviceError(invalid));

        Result<ITcpListener, TcpError> listening = await stack.Tcp.ListenAsync(port);
        if (!listening.TryGetValue(out ITcpListener listener, out TcpError error))
            return Result<IHttpServer, DeviceError>.Fail(new DeviceError("cannot listen on TCP port " + port.ToString() + " (" + Describe(error) + ")"));

        var settings = new HttpServerSettings(maxHeaderBytes, maxHeaderCount, maxBodyBytes,
            Milliseconds(requestTimeoutSeconds), Milliseconds(keepAliveTimeoutSeconds));
        return Result<IHttpServer, DeviceError>.Ok(new HttpServer(listener, settings));
    }

    public Ipv4Endpoint LocalEndpoint => _listener.LocalEndpoint;

    public HttpServerStatistics Statistics => _counters.Snapshot();

    public async Task ServeAsync(IHttpHandler handler, CancellationToken cancellationToken = default)
    {
        if (handler is null) throw new ArgumentNullException(nameof(handler));
        if (_serving) throw new InvalidOperationException("The server is already serving.");
        _serving = true;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                Result<ITcpFlow, TcpError> accepted;
                try
                {
                    accepted = await _listener.AcceptAsync(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                if (accepted.TryGetValue(out ITcpFlow flow, out TcpError error))
                {
                    _ = RunConnectionAsync(new HttpConnection(flow, handler, _settings, _counters, cancellationToken));
                }
                else if (error == TcpError.Closed)
                {
                    break;
                }
                else
                {
                    // Other accept errors (a peer that reset before being accepted) concern one connection only;
                    // yielding keeps a listener that keeps failing from starving the event loop.
                    await Task.Yield();
                }
            }

            // The connections' reads are cancelled with the same token; wait for them to close.
            if (_counters.ActiveConnections > 0)
            {
                _lastConnectionClosed = new TaskCompletionSource();
                await _lastConnectionClosed.Task;
            }
        }
        finally
        {
            _lastConnectionClosed = null;
            _serving = false;
        }
    }

    public ValueTask DisposeAsync() => _listener.DisposeAsync();

    private async Task RunConnectionAsync(HttpConnection connection)
    {
        _counters.Connections++;
        _counters.ActiveConnections++;
        try
        {
            await connection.RunAsync();
        }
        catch (Exception)
        {
            // A bug in one connection must not take the others down; the connection is closed by RunAsync.
        }
        finally
        {
            _counters.ActiveConnections--;
            if (_counters.ActiveConnections == 0) _lastConnectionClosed?.TrySetResult();
        }
    }

    private static int Milliseconds(int seconds) => seconds >= int.MaxValue / 1000 ? int.MaxValue - 1 : seconds * 1000;

    /// <summary>The error's name, spelled out because enum names need reflection metadata a small core library may not carry.</summary>
    private static string Describe(TcpError error) => error switch
    {
        TcpError.AddressInUse => "AddressInUse",
        TcpError.Refused => "Refused",
        TcpError.TimedOut => "TimedOut",
        TcpError.NoRoute => "NoRoute",
        TcpError.Closed => "Closed",
        TcpError.NetworkError => "NetworkError",
        _ => "TcpError",
    };
}
