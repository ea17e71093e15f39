using System;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Runtime.Unix;

/// <summary>A listening host socket.</summary>
internal sealed class SocketTcpListener : ITcpListener
{
    private readonly Socket _socket;
    private bool _closed;

    public SocketTcpListener(Socket socket)
    {
        _socket = socket;
        LocalEndpoint = SocketAddresses.ToIpv4Endpoint(socket.LocalEndPoint);
    }

    /// <summary>The bound address and port; the port is the one the host chose when 0 was asked for.</summary>
    public Ipv4Endpoint LocalEndpoint { get; }

    /// <summary>
    /// The next connection. A client that gave up while waiting in the backlog is skipped rather than
    /// reported, since the caller wants the next one. Cancellation throws OperationCanceledException:
    /// <see cref="TcpError"/> has no value for it.
    /// </summary>
    public async ValueTask<Result<ITcpFlow, TcpError>> AcceptAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (_closed) return Result<ITcpFlow, TcpError>.Fail(TcpError.Closed);
            try
            {
                Socket accepted = await _socket.AcceptAsync(cancellationToken);
                return Result<ITcpFlow, TcpError>.Ok(new SocketTcpFlow(accepted));
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionAborted or SocketError.ConnectionReset && !_closed)
            {
            }
            catch (SocketException e)
            {
                return Result<ITcpFlow, TcpError>.Fail(_closed ? TcpError.Closed : SocketErrors.ToTcpError(e.SocketErrorCode));
            }
            catch (ObjectDisposedException)
            {
                return Result<ITcpFlow, TcpError>.Fail(TcpError.Closed);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        if (!_closed)
        {
            _closed = true;
            _socket.Dispose();
        }
        return default;
    }
}
