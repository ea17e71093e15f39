using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Runtime.Unix;

/// <summary>
/// stackv4 "socket": the host's own TCP/IP stack through sockets, every socket bound to the
/// <c>Listen</c> address. <see cref="Addresses"/> is that address as a /32 — the host's routing
/// and netmasks are not the application's business, and 0.0.0.0/32 means "every host address".
/// </summary>
public sealed class SocketStackV4 : IStackV4
{
    private SocketStackV4(Ipv4Address listen, IPAddress bindAddress)
    {
        Addresses = new[] { new Ipv4Cidr(listen, 32) };
        Tcp = new SocketTcpV4(bindAddress);
        Udp = new SocketUdpV4(bindAddress);
    }

    /// <summary>
    /// Checks at boot that <paramref name="listen"/> belongs to this host (by binding a probe
    /// socket), so that a mistyped address fails here, naming the device, rather than at the first listen.
    /// </summary>
    public static ValueTask<Result<IStackV4, DeviceError>> ConnectAsync(Ipv4Address listen)
    {
        IPAddress bindAddress = SocketAddresses.ToIPAddress(listen);
        using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            try
            {
                probe.Bind(new IPEndPoint(bindAddress, 0));
            }
            catch (SocketException e)
            {
                return new(Result<IStackV4, DeviceError>.Fail(new DeviceError($"cannot use {listen} as a host address: {e.Message}")));
            }
        }
        return new(Result<IStackV4, DeviceError>.Ok(new SocketStackV4(listen, bindAddress)));
    }

    public IReadOnlyList<Ipv4Cidr> Addresses { get; }

    public ITcpV4 Tcp { get; }

    public IUdpV4 Udp { get; }
}
