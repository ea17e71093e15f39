using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Net.Tcp;

/// <summary>
/// A listening port (RFC 9293 LISTEN). The backlog bounds connections that are half-open or
/// established but not yet accepted, together: a SYN beyond it is dropped (the peer retries), so a
/// SYN flood costs at most a backlog's worth of small connection records and never a buffer — data
/// buffers are only allocated once the handshake completes.
/// </summary>
internal sealed class TcpListener : ITcpListener
{
    private readonly TcpLayer _layer;
    private readonly Queue<TcpConnection> _ready = new();
    private TaskCompletionSource<bool>? _waiter;

    public TcpListener(TcpLayer layer, Ipv4Endpoint localEndpoint, int backlog)
    {
        _layer = layer;
        LocalEndpoint = localEndpoint;
        Backlog = backlog;
    }

    public Ipv4Endpoint LocalEndpoint { get; }

    public int Backlog { get; }

    public int HalfOpen { get; set; }

    public bool Closed { get; private set; }

    public bool HasRoom => HalfOpen + _ready.Count < Backlog;

    public void Enqueue(TcpConnection connection)
    {
        _ready.Enqueue(connection);
        TaskCompletionSource<bool>? waiter = _waiter;
        _waiter = null;
        waiter?.TrySetResult(true);
    }

    /// <summary>The next established connection. A cancelled accept reports <see cref="TcpError.Closed"/> (TcpError has no "cancelled"; the stack throws no exceptions).</summary>
    public async ValueTask<Result<ITcpFlow, TcpError>> AcceptAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (Closed) return Result<ITcpFlow, TcpError>.Fail(TcpError.Closed);
            while (_ready.Count > 0)
            {
                TcpConnection connection = _ready.Dequeue();
                // A connection reset while it waited is skipped: the caller wants a usable one.
                if (connection.State != TcpState.Closed || connection.HasUnreadData) return Result<ITcpFlow, TcpError>.Ok(connection);
            }
            if (!await Waiting.WaitAsync(Waiting.Renew(ref _waiter), cancellationToken)) return Result<ITcpFlow, TcpError>.Fail(TcpError.Closed);
        }
    }

    /// <summary>Stops listening; connections not yet accepted are reset.</summary>
    public ValueTask DisposeAsync()
    {
        if (Closed) return default;
        Closed = true;
        _layer.RemoveListener(this);
        while (_ready.Count > 0) _ready.Dequeue().Abort();
        TaskCompletionSource<bool>? waiter = _waiter;
        _waiter = null;
        waiter?.TrySetResult(true);
        return default;
    }
}
