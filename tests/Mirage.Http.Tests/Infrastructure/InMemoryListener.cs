using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Http.Tests.Infrastructure;

internal sealed class InMemoryListener : ITcpListener
{
    private readonly Queue<ITcpFlow> _pending = new();
    private TaskCompletionSource<bool>? _waiter;

    public InMemoryListener(Ipv4Endpoint localEndpoint)
    {
        LocalEndpoint = localEndpoint;
    }

    public Ipv4Endpoint LocalEndpoint { get; }

    public bool IsDisposed { get; private set; }

    /// <summary>Server ends of accepted connections, so tests can check that the server closed them.</summary>
    public List<InMemoryFlow> Accepted { get; } = new();

    public void Enqueue(InMemoryFlow serverSide)
    {
        _pending.Enqueue(serverSide);
        Accepted.Add(serverSide);
        Wake();
    }

    public async ValueTask<Result<ITcpFlow, TcpError>> AcceptAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (_pending.Count > 0) return Result<ITcpFlow, TcpError>.Ok(_pending.Dequeue());
            if (IsDisposed || cancellationToken.IsCancellationRequested) return Result<ITcpFlow, TcpError>.Fail(TcpError.Closed);
            var waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiter = waiter;
            using (cancellationToken.Register(() => waiter.TrySetResult(true)))
            {
                await waiter.Task;
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        IsDisposed = true;
        Wake();
        return ValueTask.CompletedTask;
    }

    private void Wake()
    {
        TaskCompletionSource<bool>? waiter = _waiter;
        _waiter = null;
        waiter?.TrySetResult(true);
    }
}
