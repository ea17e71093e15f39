using System;
using System.Threading;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Http.Tests.Infrastructure;

/// <summary>One end of an in-memory TCP connection.</summary>
internal sealed class InMemoryFlow : ITcpFlow
{
    private readonly ByteQueue _incoming;
    private readonly ByteQueue _outgoing;

    private InMemoryFlow(ByteQueue incoming, ByteQueue outgoing, Ipv4Endpoint local, Ipv4Endpoint remote)
    {
        _incoming = incoming;
        _outgoing = outgoing;
        LocalEndpoint = local;
        RemoteEndpoint = remote;
    }

    public static (InMemoryFlow Client, InMemoryFlow Server) CreatePair(Ipv4Endpoint client, Ipv4Endpoint server)
    {
        var toServer = new ByteQueue();
        var toClient = new ByteQueue();
        return (new InMemoryFlow(toClient, toServer, client, server), new InMemoryFlow(toServer, toClient, server, client));
    }

    public Ipv4Endpoint LocalEndpoint { get; }

    public Ipv4Endpoint RemoteEndpoint { get; }

    public bool IsClosed { get; private set; }

    public ValueTask<FlowResult> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        IsClosed ? new ValueTask<FlowResult>(FlowResult.Of(FlowStatus.Closed)) : _incoming.ReadAsync(buffer, cancellationToken);

    public ValueTask<FlowResult> WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        if (IsClosed) return new ValueTask<FlowResult>(FlowResult.Of(FlowStatus.Closed));
        if (_outgoing.Finished) return new ValueTask<FlowResult>(FlowResult.Eof);
        if (_outgoing.ReaderGone) return new ValueTask<FlowResult>(FlowResult.Of(FlowStatus.Reset));
        _outgoing.Write(data.Span);
        return new ValueTask<FlowResult>(FlowResult.Ok(data.Length));
    }

    public ValueTask<FlowResult> ShutdownWriteAsync()
    {
        _outgoing.Finish();
        return new ValueTask<FlowResult>(FlowResult.Ok(0));
    }

    public ValueTask CloseAsync()
    {
        if (!IsClosed)
        {
            IsClosed = true;
            _outgoing.Finish();
            _incoming.ReaderGone = true;
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => CloseAsync();
}
