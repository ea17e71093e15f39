using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Runtime.Unix;

/// <summary>UDP of the <see cref="SocketStackV4"/>.</summary>
internal sealed class SocketUdpV4 : IUdpV4
{
    private readonly IPAddress _bindAddress;

    public SocketUdpV4(IPAddress bindAddress) => _bindAddress = bindAddress;

    public ValueTask<Result<IUdpSocket, UdpError>> BindAsync(ushort port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            // Broadcast is what UDP services on a unikernel (DHCP, discovery) send; the host refuses it unless asked.
            socket.EnableBroadcast = true;
            socket.Bind(new IPEndPoint(_bindAddress, port));
            return new(Result<IUdpSocket, UdpError>.Ok(new SocketUdpSocket(socket)));
        }
        catch (SocketException e)
        {
            socket.Dispose();
            return new(Result<IUdpSocket, UdpError>.Fail(SocketErrors.ToUdpError(e.SocketErrorCode)));
        }
    }
}
