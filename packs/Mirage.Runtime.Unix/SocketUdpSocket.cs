using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Runtime.Unix;

/// <summary>A bound host UDP socket.</summary>
internal sealed class SocketUdpSocket : IUdpSocket
{
    private readonly Socket _socket;
    private bool _closed;

    public SocketUdpSocket(Socket socket)
    {
        _socket = socket;
        LocalEndpoint = SocketAddresses.ToIpv4Endpoint(socket.LocalEndPoint);
    }

    public Ipv4Endpoint LocalEndpoint { get; }

    /// <summary>
    /// One datagram; MSG_TRUNC tells when it was longer than the buffer. ICMP errors from earlier
    /// sends are skipped: they concern another datagram. Cancellation throws OperationCanceledException.
    /// </summary>
    public async ValueTask<Result<UdpReceived, UdpError>> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (_closed) return Result<UdpReceived, UdpError>.Fail(UdpError.Closed);
            try
            {
                var received = await _socket.ReceiveMessageFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cancellationToken);
                bool truncated = (received.SocketFlags & SocketFlags.Truncated) != 0;
                return Result<UdpReceived, UdpError>.Ok(new UdpReceived(received.ReceivedBytes, SocketAddresses.ToIpv4Endpoint(received.RemoteEndPoint), truncated));
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionRefused && !_closed)
            {
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.MessageSize && !_closed)
            {
                // Some hosts report truncation as an error; the sender is then unknown.
                return Result<UdpReceived, UdpError>.Ok(new UdpReceived(buffer.Length, default, true));
            }
            catch (SocketException e)
            {
                return Result<UdpReceived, UdpError>.Fail(_closed ? UdpError.Closed : SocketErrors.ToUdpError(e.SocketErrorCode));
            }
            catch (ObjectDisposedException)
            {
                return Result<UdpReceived, UdpError>.Fail(UdpError.Closed);
            }
        }
    }

    public async ValueTask<Result<Unit, UdpError>> SendAsync(Ipv4Endpoint destination, ReadOnlyMemory<byte> datagram)
    {
        if (_closed) return Result<Unit, UdpError>.Fail(UdpError.Closed);
        try
        {
            await _socket.SendToAsync(datagram, SocketFlags.None, SocketAddresses.ToIPEndPoint(destination));
            return Result.Ok<UdpError>();
        }
        catch (SocketException e)
        {
            return Result<Unit, UdpError>.Fail(_closed ? UdpError.Closed : SocketErrors.ToUdpError(e.SocketErrorCode));
        }
        catch (ObjectDisposedException)
        {
            return Result<Unit, UdpError>.Fail(UdpError.Closed);
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
