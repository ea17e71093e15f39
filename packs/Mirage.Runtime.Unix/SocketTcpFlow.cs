using System;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Runtime.Unix;

/// <summary>A TCP connection over a host socket, with Nagle's algorithm off (request/response traffic is latency-bound).</summary>
internal sealed class SocketTcpFlow : ITcpFlow
{
    private static readonly TimeSpan s_drainLimit = TimeSpan.FromSeconds(2);

    private readonly Socket _socket;
    private bool _writeShutdown;
    private volatile bool _closed;
    // Reads and writes in progress, so that closing can let them finish first (see CloseAsync).
    private int _inFlight;
    private TaskCompletionSource? _idle;

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
        Interlocked.Increment(ref _inFlight);
        try
        {
            int count = await _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
            if (_closed) return FlowResult.Of(FlowStatus.Closed);
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
        finally
        {
            OperationEnded();
        }
    }

    /// <summary>Sends everything; a cancelled or failed write reports how many bytes had been taken.</summary>
    public async ValueTask<FlowResult> WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        if (_closed) return FlowResult.Of(FlowStatus.Closed);
        if (_writeShutdown) return FlowResult.Eof;
        int sent = 0;
        Interlocked.Increment(ref _inFlight);
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
        finally
        {
            OperationEnded();
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

    /// <summary>
    /// Closes gracefully: the peer reads end of stream, and a read or write still pending completes
    /// with <see cref="FlowStatus.Closed"/>. Disposing a socket while an operation is pending makes
    /// .NET abort it with a reset, so the socket is shut down first (which wakes pending operations)
    /// and disposed once they have returned.
    /// </summary>
    public async ValueTask CloseAsync()
    {
        if (_closed) return;
        _closed = true;
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _idle, idle);
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already reset by the peer: there is no one to say goodbye to.
        }
        if (Interlocked.CompareExchange(ref _inFlight, 0, 0) > 0)
        {
            try
            {
                await idle.Task.WaitAsync(s_drainLimit);
            }
            catch (TimeoutException)
            {
                // Something did not wake up: fall back to the abortive close rather than hang.
            }
        }
        _socket.Dispose();
    }

    public ValueTask DisposeAsync() => CloseAsync();

    private void OperationEnded()
    {
        if (Interlocked.Decrement(ref _inFlight) == 0) Volatile.Read(ref _idle)?.TrySetResult();
    }

    private FlowStatus StatusOf(Exception e) =>
        _closed || e is ObjectDisposedException ? FlowStatus.Closed : SocketErrors.ToFlowStatus(((SocketException)e).SocketErrorCode);
}
