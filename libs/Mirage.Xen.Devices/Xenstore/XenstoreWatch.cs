using System.Collections.Generic;
using System.Threading.Tasks;

namespace Mirage.Xen.Devices.Xenstore;

/// <summary>
/// A registered watch: the paths xenstored reports as changed, delivered in order as async
/// events. <see cref="NextAsync"/> completes with null when the connection broke.
/// </summary>
public sealed class XenstoreWatch
{
    private readonly XenstoreClient _client;
    private readonly Queue<string?> _events = new();
    private TaskCompletionSource<string?>? _waiter;

    internal XenstoreWatch(XenstoreClient client, string path, string token)
    {
        _client = client;
        Path = path;
        Token = token;
    }

    public string Path { get; }

    internal string Token { get; }

    /// <summary>The next changed path (the watched path or one below it), waiting for it if none is queued.</summary>
    public Task<string?> NextAsync()
    {
        if (_events.Count > 0) return Task.FromResult(_events.Dequeue());
        _waiter = new TaskCompletionSource<string?>();
        return _waiter.Task;
    }

    public Task<Result<Unit, XenstoreError>> RemoveAsync() => _client.UnwatchAsync(this);

    internal void Deliver(string? path)
    {
        var waiter = _waiter;
        if (waiter is not null)
        {
            _waiter = null;
            waiter.TrySetResult(path);
        }
        else _events.Enqueue(path);
    }
}
