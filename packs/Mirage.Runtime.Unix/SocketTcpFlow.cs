using System;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Runtime.Unix;

/// <summary>A TCP connection over a host socket, with Nagle's algorithm off (request/response traffic is latency-bound).</summary>
internal sealed class SocketTcpFlow : ITcpFlow
{
    private readonly Socket _socket;
    private bool _writeShutdown;
    private bool _closed;

    public SocketTcpFlow(Socket socket)
    {
        _socket = socket;
        _socket.NoDelay = true;
        // Read once: the endpoints are still wanted for logging after the socket is closed.
        LocalEndpoint = SocketAddresses.ToIpv4Endpoint(socket.LocalEndPoint);
        RemoteEndpoint = SocketAddresses.ToIpv4Endpoint(socket.RemoteEndPoint);
    }

    public Ipv4Endpoint LocalEndpoint { get; }

    public Ipv4Endpoint RemoteEndpoint { get; }

    /// <summary>An empty buffer reads nothing and reports Ok(0): a zero-byte receive would be indistinguishable from end of stream.</summary>
    public async ValueTask<FlowResult> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_closed) return FlowResult.Of(FlowStatus.Closed);
        if (buffer.IsEmpty) return FlowResult.Ok(0);
        try
        {
            int count = await _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
            return count == 0 ? FlowResult.Eof : FlowResult.Ok(count);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return FlowResult.Of(FlowStatus.Cancelled);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return FlowResult.Of(StatusOf(e));
        }
    }

    /// <summary>Sends everything; a cancelled or failed write reports how many bytes had been taken.</summary>
    public async ValueTask<FlowResult> WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        if (_closed) return FlowResult.Of(FlowStatus.Closed);
        if (_writeShutdown) return FlowResult.Eof;
        int sent = 0;
        try
        {
            while (sent < data.Length) sent += await _socket.SendAsync(data.Slice(sent), SocketFlags.None, cancellationToken);
            return FlowResult.Ok(sent);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new FlowResult(FlowStatus.Cancelled, sent);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return new FlowResult(StatusOf(e), sent);
        }
    }

    /// <summary>Sends FIN. Shutting down twice is harmless and reports Ok again.</summary>
    public ValueTask<FlowResult> ShutdownWriteAsync()
    {
        if (_closed) return new(FlowResult.Of(FlowStatus.Closed));
        if (_writeShutdown) return new(FlowResult.Ok(0));
        try
        {
            _socket.Shutdown(SocketShutdown.Send);
            _writeShutdown = true;
            return new(FlowResult.Ok(0));
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return new(FlowResult.Of(StatusOf(e)));
        }
    }

    /// <summary>Closes the socket; a read or write still pending completes with <see cref="FlowStatus.Closed"/>.</summary>
    public ValueTask CloseAsync()
    {
        if (!_closed)
        {
            _closed = true;
            _socket.Dispose();
        }
        return default;
    }

    public ValueTask DisposeAsync() => CloseAsync();

    private FlowStatus StatusOf(Exception e) =>
        _closed || e is ObjectDisposedException ? FlowStatus.Closed : SocketErrors.ToFlowStatus(((SocketException)e).SocketErrorCode);
}
