using System;
using System.Threading;
using System.Threading.Tasks;

namespace Mirage.Devices;

/// <summary>Device kind <c>tcp</c>: TCP over IPv4, as flows.</summary>
public interface ITcpV4
{
    /// <summary>Listens on <paramref name="port"/> with at most <paramref name="backlog"/> connections waiting to be accepted.</summary>
    ValueTask<Result<ITcpListener, TcpError>> ListenAsync(ushort port, int backlog = 128);

    ValueTask<Result<ITcpFlow, TcpError>> ConnectAsync(Ipv4Endpoint remote, CancellationToken cancellationToken = default);
}

public interface ITcpListener : IAsyncDisposable
{
    Ipv4Endpoint LocalEndpoint { get; }

    /// <summary>The next connection; <see cref="TcpError.Closed"/> once the listener is disposed.</summary>
    ValueTask<Result<ITcpFlow, TcpError>> AcceptAsync(CancellationToken cancellationToken = default);
}

/// <summary>A TCP connection.</summary>
public interface ITcpFlow : IFlow
{
    Ipv4Endpoint LocalEndpoint { get; }

    Ipv4Endpoint RemoteEndpoint { get; }
}

public enum TcpError
{
    AddressInUse,
    Refused,
    TimedOut,
    NoRoute,
    Closed,
    NetworkError,
}
