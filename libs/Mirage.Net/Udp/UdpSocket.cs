using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Net.Udp;

/// <summary>
/// A bound UDP port. Received datagrams wait in a queue of at most <see cref="QueueLimit"/>
/// (copied into buffers reused from datagram to datagram); beyond that they are dropped and
/// counted, as a kernel drops when a socket's buffer is full.
/// </summary>
internal sealed class UdpSocket : IUdpSocket, IDatagramReceiver
{
    public const int QueueLimit = 64;

    private readonly UdpLayer _layer;
    private readonly Queue<(byte[] Buffer, int Length, Ipv4Endpoint Source)> _queue = new();
    private readonly Stack<byte[]> _spare = new();
    private TaskCompletionSource<bool>? _waiter;
    private bool _closed;

    public UdpSocket(UdpLayer layer, ushort port)
    {
        _layer = layer;
        LocalEndpoint = new Ipv4Endpoint(layer.Ipv4.Configuration.Source, port);
    }

    public Ipv4Endpoint LocalEndpoint { get; }

    public void Deliver(Ipv4Endpoint source, ReadOnlySpan<byte> payload)
    {
        if (_queue.Count >= QueueLimit)
        {
            _layer.Statistics.QueueOverflows++;
            return;
        }
        byte[] buffer = _spare.Count > 0 && _spare.Peek().Length >= payload.Length ? _spare.Pop() : new byte[Math.Max(payload.Length, 2048)];
        payload.CopyTo(buffer);
        _queue.Enqueue((buffer, payload.Length, source));
        TaskCompletionSource<bool>? waiter = _waiter;
        _waiter = null;
        waiter?.TrySetResult(true);
    }

    public async ValueTask<Result<UdpReceived, UdpError>> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (_closed) return Result<UdpReceived, UdpError>.Fail(UdpError.Closed);
            if (_queue.Count > 0)
            {
                (byte[] data, int length, Ipv4Endpoint source) = _queue.Dequeue();
                int count = Math.Min(length, buffer.Length);
                data.AsSpan(0, count).CopyTo(buffer.Span);
                if (_spare.Count < 8) _spare.Push(data);
                return Result<UdpReceived, UdpError>.Ok(new UdpReceived(count, source, count < length));
            }
            if (cancellationToken.IsCancellationRequested) return Result<UdpReceived, UdpError>.Fail(UdpError.Closed);
            if (!await Waiting.WaitAsync(Waiting.Renew(ref _waiter), cancellationToken)) return Result<UdpReceived, UdpError>.Fail(UdpError.Closed);
        }
    }

    public ValueTask<Result<Unit, UdpError>> SendAsync(Ipv4Endpoint destination, ReadOnlyMemory<byte> datagram)
    {
        if (_closed) return new(Result<Unit, UdpError>.Fail(UdpError.Closed));
        return new(_layer.Send(LocalEndpoint.Port, destination, datagram.Span));
    }

    public ValueTask DisposeAsync()
    {
        if (!_closed)
        {
            _closed = true;
            _layer.Unbind(LocalEndpoint.Port, this);
            _queue.Clear();
            TaskCompletionSource<bool>? waiter = _waiter;
            _waiter = null;
            waiter?.TrySetResult(true);
        }
        return default;
    }
}
