using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Runtime.Unix;

/// <summary>TCP of the <see cref="SocketStackV4"/>: host sockets bound to the stack's address.</summary>
internal sealed class SocketTcpV4 : ITcpV4
{
    private readonly IPAddress _bindAddress;

    public SocketTcpV4(IPAddress bindAddress) => _bindAddress = bindAddress;

    /// <summary>Port 0 lets the host choose; <see cref="ITcpListener.LocalEndpoint"/> tells which.</summary>
    public ValueTask<Result<ITcpListener, TcpError>> ListenAsync(ushort port, int backlog = 128)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            // No ReuseAddress: on unix .NET maps it to SO_REUSEPORT too, which would let a second
            // listener share the port silently instead of reporting AddressInUse.
            socket.Bind(new IPEndPoint(_bindAddress, port));
            socket.Listen(backlog);
            return new(Result<ITcpListener, TcpError>.Ok(new SocketTcpListener(socket)));
        }
        catch (SocketException e)
        {
            socket.Dispose();
            return new(Result<ITcpListener, TcpError>.Fail(SocketErrors.ToTcpError(e.SocketErrorCode)));
        }
    }

    /// <summary>Connects from the stack's address. Cancellation throws OperationCanceledException.</summary>
    public async ValueTask<Result<ITcpFlow, TcpError>> ConnectAsync(Ipv4Endpoint remote, CancellationToken cancellationToken = default)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (!_bindAddress.Equals(IPAddress.Any)) socket.Bind(new IPEndPoint(_bindAddress, 0));
            await socket.ConnectAsync(SocketAddresses.ToIPEndPoint(remote), cancellationToken);
            return Result<ITcpFlow, TcpError>.Ok(new SocketTcpFlow(socket));
        }
        catch (SocketException e)
        {
            socket.Dispose();
            return Result<ITcpFlow, TcpError>.Fail(SocketErrors.ToTcpError(e.SocketErrorCode));
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
