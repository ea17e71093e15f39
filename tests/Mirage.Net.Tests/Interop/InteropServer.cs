using System;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Mirage.Devices;
using Mirage.Http;
using Mirage.Net.Tests.Infrastructure;
using Mirage.Runtime.Unix;

namespace Mirage.Net.Tests.Interop;

/// <summary>
/// What the managed stack runs in the interop tests: the website's pieces (HttpServer and
/// StaticFileHandler over a directory), an upload endpoint answering with the SHA-256 of the body,
/// and a UDP echo on port 7 — all over a real TAP device, on the unix event loop.
/// </summary>
internal sealed class InteropServer
{
    public const ushort HttpPort = 80;
    public const ushort UdpEchoPort = 7;

    private InteropServer(TapNetwork tap, INetwork network)
    {
        Tap = tap;
        Network = network;
    }

    public TapNetwork Tap { get; }

    public INetwork Network { get; }

    public DirectStackV4 Stack { get; private set; } = null!;

    public IHttpServer Http { get; private set; } = null!;

    public ITime Time { get; private set; } = null!;

    /// <summary>Attaches to the TAP device (step one, before its host end moves into the namespace).</summary>
    /// <param name="offload">The TAP's offload (IFF_VNET_HDR, 64 KiB segments both ways); off, plain 1514-byte frames.</param>
    public static async Task<InteropServer> AttachAsync(string tap, Impairment? inbound, Impairment? outbound, bool offload = true)
    {
        INetwork device = (await TapNetwork.ConnectAsync(tap, null, offload)).Value;
        ITime time = (await UnixTime.ConnectAsync()).Value;
        INetwork network = inbound is null && outbound is null ? device : new ImpairedNetwork(device, time, inbound ?? new Impairment(), outbound ?? new Impairment(), 42);
        return new InteropServer((TapNetwork)device, network) { Time = time };
    }

    /// <summary>Brings the stack up (static address, or DHCP when <paramref name="address"/> is null) and starts serving.</summary>
    public async Task<string?> StartAsync(string? address, string htdocs, int dhcpTimeoutSeconds = 20)
    {
        IMonotonicClock clock = (await UnixMonotonicClock.ConnectAsync()).Value;
        IRandom random = (await UnixRandom.ConnectAsync()).Value;
        Result<IStackV4, DeviceError> stack = await DirectStackV4.ConnectAsync(Network, Time, clock, random,
            address is null ? null : Ipv4Cidr.Parse(address), null, dhcpTimeoutSeconds, false);
        if (!stack.TryGetValue(out IStackV4 connected, out DeviceError error)) return error.Message;
        Stack = (DirectStackV4)connected;
        IKeyValueReadOnly files = (await DirectoryKeyValue.ConnectAsync(htdocs)).Value;
        Result<IHttpServer, DeviceError> http = await HttpServer.ConnectAsync(Stack, HttpPort, 8192, 100, 64 << 20, 60, 30);
        if (!http.TryGetValue(out IHttpServer server, out error)) return error.Message;
        Http = server;
        _ = Http.ServeAsync(new UploadOrFiles(new StaticFileHandler(files)));
        IUdpSocket echo = (await Stack.Udp.BindAsync(UdpEchoPort)).Value;
        _ = EchoAsync(echo);
        return null;
    }

    private static async Task EchoAsync(IUdpSocket socket)
    {
        var buffer = new byte[65536];
        while (true)
        {
            Result<UdpReceived, UdpError> received = await socket.ReceiveAsync(buffer);
            if (!received.TryGetValue(out UdpReceived datagram, out _)) return;
            await socket.SendAsync(datagram.Remote, buffer.AsMemory(0, datagram.Count));
        }
    }

    /// <summary>POST /upload answers with the hex SHA-256 of the body; everything else is a file.</summary>
    private sealed class UploadOrFiles(IHttpHandler files) : IHttpHandler
    {
        public ValueTask HandleAsync(HttpRequest request, HttpResponse response)
        {
            if (request.MethodName != "POST" || request.Path != "/upload") return files.HandleAsync(request, response);
            response.StatusCode = 200;
            response.SetHeader("Content-Type", "text/plain");
            response.Body = System.Text.Encoding.ASCII.GetBytes(Convert.ToHexStringLower(SHA256.HashData(request.Body.Span)));
            return default;
        }
    }
}
