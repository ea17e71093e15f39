using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Mirage.Devices;
using Mirage.Net.Arp;
using Mirage.Net.Buffers;
using Mirage.Net.Dhcp;
using Mirage.Net.Icmp;
using Mirage.Net.Ip;
using Mirage.Net.Link;
using Mirage.Net.Tcp;
using Mirage.Net.Timers;
using Mirage.Net.Udp;

namespace Mirage.Net;

/// <summary>
/// stackv4 "direct": the managed TCP/IP stack over a <c>network</c> device — Ethernet, ARP, IPv4,
/// ICMP, UDP, TCP, and a DHCP client unless a static address is given (docs/tcpip.md). Every frame
/// is processed to completion on the event loop as it arrives; nothing a frame contains can throw
/// out of the stack (a bug would be caught, counted in <see cref="StackStatistics.InternalErrors"/>
/// and the frame dropped).
/// </summary>
public sealed class DirectStackV4 : IStackV4
{
    private readonly INetwork _network;
    private readonly FramePool _pool = new();
    private readonly InterfaceConfiguration _config = new();
    private readonly EthernetLayer _ethernet;
    private readonly ArpLayer _arp;
    private readonly Ipv4Layer _ipv4;
    private readonly IcmpLayer _icmp;
    private readonly UdpLayer _udp;
    private readonly TcpLayer _tcp;
    private readonly TimerScheduler _timers;
    private readonly CancellationTokenSource _stop = new();
    private DhcpClient? _dhcp;
    private Task<Result<Unit, NetworkError>>? _listening;

    private DirectStackV4(INetwork network, ITime time, IMonotonicClock clock, IRandom random, TcpSettings tcpSettings)
    {
        _network = network;
        _timers = new TimerScheduler(time, clock);
        _ethernet = new EthernetLayer(network, _pool, Statistics.Ethernet);
        _arp = new ArpLayer(_ethernet, _config, _pool, _timers, Statistics.Arp);
        var reassembler = new Ipv4Reassembler(Statistics.Ipv4, _timers);
        Reassembler = reassembler;
        Span<byte> seed = stackalloc byte[4];
        random.Fill(seed);
        _ipv4 = new Ipv4Layer(_ethernet, _arp, _config, _pool, reassembler, Statistics.Ipv4, (ushort)(seed[0] << 8 | seed[1]));
        _icmp = new IcmpLayer(_ipv4, _timers, Statistics.Icmp);
        _udp = new UdpLayer(_ipv4, Statistics.Udp, (ushort)(seed[2] << 8 | seed[3]));
        _tcp = new TcpLayer(_ipv4, _timers, random, tcpSettings, Statistics.Tcp);
        _ethernet.Arp = _arp;
        _ethernet.Ipv4 = _ipv4;
        _ipv4.Icmp = _icmp;
        _ipv4.Udp = _udp;
        _ipv4.Tcp = _tcp;
        _timers.Register(_arp);
        _timers.Register(reassembler);
        _timers.Register(_tcp);
        Time = time;
        Random = random;
    }

    /// <summary>
    /// Connects the stack to <paramref name="network"/>. With <paramref name="ipv4"/> the address is
    /// static: announced with a gratuitous ARP and used at once, or, with <paramref name="probeAddress"/>,
    /// first probed (RFC 5227: two probes 100 ms apart; a host that answers stops the start). Without
    /// it, the stack waits up to <paramref name="dhcpTimeoutSeconds"/> for a DHCP lease, whose address
    /// is always probed (RFC 2131). Arguments follow build/Mirage.Net.props.
    /// </summary>
    public static ValueTask<Result<IStackV4, DeviceError>> ConnectAsync(
        INetwork network, ITime time, IMonotonicClock clock, IRandom random,
        Ipv4Cidr? ipv4, Ipv4Address? gateway, int dhcpTimeoutSeconds, bool probeAddress) =>
        ConnectAsync(network, time, clock, random, ipv4, gateway, dhcpTimeoutSeconds, new TcpSettings(), probeAddress);

    /// <summary>As above, with TCP tunables (tests and applications that build the stack themselves).</summary>
    public static async ValueTask<Result<IStackV4, DeviceError>> ConnectAsync(
        INetwork network, ITime time, IMonotonicClock clock, IRandom random,
        Ipv4Cidr? ipv4, Ipv4Address? gateway, int dhcpTimeoutSeconds, TcpSettings tcpSettings, bool probeAddress = false)
    {
        string? invalid = Validate(ipv4, gateway, dhcpTimeoutSeconds);
        if (invalid is not null) return Result<IStackV4, DeviceError>.Fail(new DeviceError(invalid));

        var stack = new DirectStackV4(network, time, clock, random, tcpSettings);
        stack._listening = network.ListenAsync(stack.OnFrameAsync, stack._stop.Token);
        if (stack._listening.IsCompleted)
            return Result<IStackV4, DeviceError>.Fail(new DeviceError("the network device stopped delivering frames at once"));

        if (ipv4 is { } address)
        {
            // Off by default, as with Linux's `ip addr add` and MirageOS's static ipv4: the two
            // probes cost 200 ms of a boot that otherwise takes about that long in all.
            if (probeAddress && await stack._arp.ProbeAsync(address.Address, time, probes: 2, TimeSpan.FromMilliseconds(100.0)))
            {
                stack.Stop();
                return Result<IStackV4, DeviceError>.Fail(new DeviceError($"address {address.Address} is already in use on the link (another host answered the ARP probe)"));
            }
            stack._config.Set(address, gateway);
            stack._arp.Announce();
            return Result<IStackV4, DeviceError>.Ok(stack);
        }

        stack._dhcp = new DhcpClient(stack._udp, stack._arp, stack._config, stack._timers, time, random, network.Mac, stack.Statistics.Dhcp);
        stack._timers.Register(stack._dhcp);
        stack._dhcp.Start(giveUpAtMs: stack._timers.NowMs + dhcpTimeoutSeconds * 1000L);
        if (!await stack._dhcp.FirstLease)
        {
            stack.Stop();
            return Result<IStackV4, DeviceError>.Fail(new DeviceError(
                $"no DHCP lease within {dhcpTimeoutSeconds} s ({stack.Statistics.Dhcp.Discovers} discovers sent, {stack.Statistics.Dhcp.Offers} offers received); set a static address with the ipv4 parameter, or check the DHCP server"));
        }
        return Result<IStackV4, DeviceError>.Ok(stack);
    }

    /// <summary>Checks the parameters before anything is sent; the message names the parameter.</summary>
    internal static string? Validate(Ipv4Cidr? ipv4, Ipv4Address? gateway, int dhcpTimeoutSeconds)
    {
        if (ipv4 is null)
        {
            if (gateway is not null) return "gateway is set but ipv4 is not: with DHCP the gateway comes from the server; set ipv4 (a.b.c.d/n) for a static configuration";
            if (dhcpTimeoutSeconds < 1) return "dhcp-timeout must be at least 1 second";
            return null;
        }
        Ipv4Cidr cidr = ipv4.Value;
        Ipv4Address address = cidr.Address;
        if (cidr.PrefixLength == 0 || address == Ipv4Address.Any || address == Ipv4Address.Broadcast || address.Value >> 28 >= 14 || address.Value >> 24 == 127)
            return $"ipv4 {cidr} is not a usable host address";
        if (cidr.PrefixLength <= 30 && (address == cidr.Network || address == cidr.BroadcastAddress))
            return $"ipv4 {cidr} is the network's {(address == cidr.Network ? "own" : "broadcast")} address, not a host address";
        if (gateway is { } g)
        {
            if (!cidr.Contains(g)) return $"gateway {g} is not on the network {cidr.Network}/{cidr.PrefixLength} of ipv4 {cidr}";
            if (g == address) return $"gateway {g} is this host's own address";
        }
        return null;
    }

    public StackStatistics Statistics { get; } = new();

    public IReadOnlyList<Ipv4Cidr> Addresses => _config.Addresses;

    public Ipv4Address? Gateway => _config.Gateway;

    public ITcpV4 Tcp => _tcp;

    public IUdpV4 Udp => _udp;

    public IEthernet Ethernet => _ethernet;

    public IArp Arp => _arp;

    public IIpv4 Ipv4 => _ipv4;

    public IIcmpV4 Icmp => _icmp;

    public INetwork Network => _network;

    internal ITime Time { get; }

    internal IRandom Random { get; }

    internal TcpLayer TcpLayer => _tcp;

    internal Ipv4Reassembler Reassembler { get; }

    internal long PoolAllocations => _pool.Allocated;

    internal TimerScheduler Timers => _timers;

    /// <summary>The last exception counted in <see cref="StackStatistics.InternalErrors"/>, for diagnosis.</summary>
    internal Exception? LastInternalError { get; private set; }

    /// <summary>Stops listening to the device and every timer; connections are left as they are.</summary>
    public void Stop()
    {
        _stop.Cancel();
        _timers.Stop();
        _dhcp?.Stop();
    }

    /// <summary>Processes one received frame to completion (the device's callback, and the fuzz test's entry).</summary>
    internal void Receive(ReadOnlySpan<byte> frame)
    {
        try
        {
            _ethernet.Receive(frame);
        }
        catch (Exception e)
        {
            // A bug, not an input problem: the parsers bound-check everything. Counted so tests see it.
            Statistics.InternalErrors++;
            LastInternalError = e;
        }
    }

    private ValueTask OnFrameAsync(ReadOnlyMemory<byte> frame)
    {
        Receive(frame.Span);
        return default;
    }
}
