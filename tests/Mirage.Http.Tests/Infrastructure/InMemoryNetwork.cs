using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Http.Tests.Infrastructure;

/// <summary>An IPv4 stack whose TCP connects in-memory flows: listeners by port, connections as pipes.</summary>
internal sealed class InMemoryNetwork : IStackV4, ITcpV4
{
    private static readonly Ipv4Address ServerAddress = new(10, 0, 0, 2);
    private static readonly Ipv4Address ClientAddress = new(10, 0, 0, 1);

    private readonly Dictionary<ushort, InMemoryListener> _listeners = new();
    private ushort _nextClientPort = 40000;

    public IReadOnlyList<Ipv4Cidr> Addresses => new[] { new Ipv4Cidr(ServerAddress, 24) };

    public ITcpV4 Tcp => this;

    public IUdpV4 Udp => throw new System.NotSupportedException("The HTTP tests need no UDP.");

    public ValueTask<Result<ITcpListener, TcpError>> ListenAsync(ushort port, int backlog = 128)
    {
        if (_listeners.TryGetValue(port, out InMemoryListener? existing) && !existing.IsDisposed)
            return new(Result<ITcpListener, TcpError>.Fail(TcpError.AddressInUse));
        var listener = new InMemoryListener(new Ipv4Endpoint(ServerAddress, port));
        _listeners[port] = listener;
        return new(Result<ITcpListener, TcpError>.Ok(listener));
    }

    public ValueTask<Result<ITcpFlow, TcpError>> ConnectAsync(Ipv4Endpoint remote, CancellationToken cancellationToken = default) =>
        new(ConnectFlow(remote.Port) is { } flow
            ? Result<ITcpFlow, TcpError>.Ok(flow)
            : Result<ITcpFlow, TcpError>.Fail(TcpError.Refused));

    /// <summary>The client end of a new connection to <paramref name="port"/>, or null when nothing listens there.</summary>
    public InMemoryFlow? ConnectFlow(ushort port)
    {
        if (!_listeners.TryGetValue(port, out InMemoryListener? listener) || listener.IsDisposed) return null;
        var (client, server) = InMemoryFlow.CreatePair(new Ipv4Endpoint(ClientAddress, _nextClientPort++), listener.LocalEndpoint);
        listener.Enqueue(server);
        return client;
    }
}
