using System;
using System.Threading;
using System.Threading.Tasks;

namespace Mirage.Devices;

/// <summary>Device kind <c>udp</c>: UDP over IPv4.</summary>
public interface IUdpV4
{
    /// <summary>Opens a socket on <paramref name="port"/> (0 picks an ephemeral port).</summary>
    ValueTask<Result<IUdpSocket, UdpError>> BindAsync(ushort port);
}

/// <summary>A bound UDP port.</summary>
public interface IUdpSocket : IAsyncDisposable
{
    Ipv4Endpoint LocalEndpoint { get; }

    /// <summary>Receives one datagram into <paramref name="buffer"/>; a longer datagram is truncated and reported so.</summary>
    ValueTask<Result<UdpReceived, UdpError>> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken = default);

    ValueTask<Result<Unit, UdpError>> SendAsync(Ipv4Endpoint destination, ReadOnlyMemory<byte> datagram);
}

public readonly record struct UdpReceived(int Count, Ipv4Endpoint Remote, bool Truncated);

public enum UdpError
{
    AddressInUse,
    NoRoute,
    MessageTooLarge,
    Closed,
    NetworkError,
}
