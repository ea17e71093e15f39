using System.Net.Sockets;
using Mirage.Devices;

namespace Mirage.Runtime.Unix;

/// <summary>
/// How host socket errors become the result values of the stack interfaces: what a peer or the
/// network did is a value the application handles; only bugs remain exceptions.
/// </summary>
internal static class SocketErrors
{
    public static FlowStatus ToFlowStatus(SocketError error) => error switch
    {
        // EPIPE (Shutdown) and ENOTCONN on a connected flow both mean the peer reset it.
        SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown or SocketError.NotConnected => FlowStatus.Reset,
        SocketError.OperationAborted => FlowStatus.Closed,
        SocketError.TimedOut => FlowStatus.TimedOut,
        _ => FlowStatus.NetworkError,
    };

    public static TcpError ToTcpError(SocketError error) => error switch
    {
        SocketError.AddressAlreadyInUse => TcpError.AddressInUse,
        SocketError.ConnectionRefused => TcpError.Refused,
        SocketError.TimedOut => TcpError.TimedOut,
        SocketError.NetworkUnreachable or SocketError.HostUnreachable or SocketError.NetworkDown or SocketError.HostDown => TcpError.NoRoute,
        SocketError.OperationAborted => TcpError.Closed,
        _ => TcpError.NetworkError,
    };

    public static UdpError ToUdpError(SocketError error) => error switch
    {
        SocketError.AddressAlreadyInUse => UdpError.AddressInUse,
        SocketError.MessageSize => UdpError.MessageTooLarge,
        SocketError.NetworkUnreachable or SocketError.HostUnreachable or SocketError.NetworkDown or SocketError.HostDown => UdpError.NoRoute,
        SocketError.OperationAborted => UdpError.Closed,
        _ => UdpError.NetworkError,
    };
}
