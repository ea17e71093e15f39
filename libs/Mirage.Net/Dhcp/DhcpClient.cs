using System;
using System.Threading.Tasks;
using Mirage.Devices;
using Mirage.Net.Arp;
using Mirage.Net.Ip;
using Mirage.Net.Timers;
using Mirage.Net.Udp;

namespace Mirage.Net.Dhcp;

/// <summary>
/// DHCP client (RFC 2131): DISCOVER → OFFER → REQUEST → ACK, an ARP probe of the offered address
/// (DECLINE on conflict), then renewal with the leasing server at T1, rebinding with anyone at T2,
/// and starting over if the lease runs out. Retransmissions back off 1, 2, 4, 8 s (faster than the
/// RFC's 4 s start, since a unikernel's boot waits for the lease). Event-driven: replies arrive
/// through the UDP layer, deadlines through the timer scheduler.
/// </summary>
internal sealed class DhcpClient : IDatagramReceiver, ITimerClient
{
    public const ushort ClientPort = 68;
    public const ushort ServerPort = 67;

    private enum Phase { Idle, Selecting, Requesting, Probing, Bound, Renewing, Rebinding }

    private readonly UdpLayer _udp;
    private readonly ArpLayer _arp;
    private readonly InterfaceConfiguration _config;
    private readonly TimerScheduler _timers;
    private readonly ITime _time;
    private readonly IRandom _random;
    private readonly MacAddress _mac;
    private readonly DhcpStatistics _stats;
    private readonly TaskCompletionSource<bool> _firstLease = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Phase _phase;
    private uint _xid;
    private long _startedAt;
    private long _nextSendAt = long.MaxValue;
    private int _attempts;
    private Ipv4Address _offered;
    private Ipv4Address _server;
    private Ipv4Cidr _leaseAddress;
    private Ipv4Address? _leaseGateway;
    private long _t1At = long.MaxValue, _t2At = long.MaxValue, _expiresAt = long.MaxValue;
    private long _giveUpAt = long.MaxValue;

    public DhcpClient(UdpLayer udp, ArpLayer arp, InterfaceConfiguration config, TimerScheduler timers, ITime time, IRandom random, MacAddress mac, DhcpStatistics stats)
    {
        _udp = udp;
        _arp = arp;
        _config = config;
        _timers = timers;
        _time = time;
        _random = random;
        _mac = mac;
        _stats = stats;
    }

    /// <summary>Completes with true when the first lease is bound, with false when none came by the deadline given to <see cref="Start"/>.</summary>
    public Task<bool> FirstLease => _firstLease.Task;

    public bool Start(long giveUpAtMs)
    {
        if (!_udp.Bind(ClientPort, this)) return false;
        _giveUpAt = giveUpAtMs;
        _timers.Schedule(giveUpAtMs);
        Discover();
        return true;
    }

    public void Stop()
    {
        _phase = Phase.Idle;
        _udp.Unbind(ClientPort, this);
        _firstLease.TrySetResult(false);
    }

    public void Deliver(Ipv4Endpoint source, ReadOnlySpan<byte> payload)
    {
        if (source.Port != ServerPort || !DhcpMessage.TryParse(payload, out DhcpMessage message) ||
            message.Op != 2 || message.TransactionId != _xid || message.ClientHardware != _mac)
        {
            _stats.Ignored++;
            return;
        }
        switch (message.MessageType)
        {
            case DhcpMessage.Offer when _phase == Phase.Selecting:
                _stats.Offers++;
                if (message.YourAddress == Ipv4Address.Any || message.ServerIdentifier == Ipv4Address.Any)
                {
                    _stats.Ignored++;
                    return;
                }
                _offered = message.YourAddress;
                _server = message.ServerIdentifier;
                _phase = Phase.Requesting;
                _attempts = 0;
                SendRequest(broadcast: true);
                break;
            case DhcpMessage.Ack when _phase is Phase.Requesting or Phase.Renewing or Phase.Rebinding:
                _stats.Acks++;
                OnAck(ref message);
                break;
            case DhcpMessage.Nak when _phase is Phase.Requesting or Phase.Renewing or Phase.Rebinding:
                _stats.Naks++;
                if (_phase != Phase.Requesting) LoseLease();
                Discover();
                break;
            default:
                _stats.Ignored++;
                break;
        }
    }

    public long OnTimer(long nowMs)
    {
        if (!_firstLease.Task.IsCompleted && nowMs >= _giveUpAt)
        {
            _firstLease.TrySetResult(false);
            return long.MaxValue;
        }
        switch (_phase)
        {
            case Phase.Selecting when nowMs >= _nextSendAt:
                SendDiscover();
                break;
            case Phase.Requesting when nowMs >= _nextSendAt:
                if (_attempts >= 4) Discover();
                else SendRequest(broadcast: true);
                break;
            case Phase.Bound or Phase.Renewing or Phase.Rebinding when nowMs >= _expiresAt:
                LoseLease();
                Discover();
                break;
            case Phase.Bound when nowMs >= _t1At:
                _phase = Phase.Renewing;
                _stats.Renewals++;
                _attempts = 0;
                SendRequest(broadcast: false);
                break;
            case Phase.Renewing when nowMs >= _t2At:
                _phase = Phase.Rebinding;
                _attempts = 0;
                SendRequest(broadcast: true);
                break;
            case Phase.Renewing or Phase.Rebinding when nowMs >= _nextSendAt:
                SendRequest(broadcast: _phase == Phase.Rebinding);
                break;
        }
        return _phase switch
        {
            Phase.Selecting or Phase.Requesting => _nextSendAt,
            Phase.Bound => Math.Min(_t1At, _expiresAt),
            Phase.Renewing or Phase.Rebinding => Math.Min(Math.Min(_nextSendAt, _t2At), _expiresAt),
            _ => long.MaxValue,
        };
    }

    private void Discover()
    {
        _phase = Phase.Selecting;
        _attempts = 0;
        _startedAt = _timers.NowMs;
        Span<byte> bytes = stackalloc byte[4];
        _random.Fill(bytes);
        _xid = (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
        SendDiscover();
    }

    private void SendDiscover()
    {
        _stats.Discovers++;
        Send(DhcpMessage.Discover, Ipv4Address.Any, Ipv4Address.Any, Ipv4Address.Any, Ipv4Address.Broadcast);
        ScheduleRetransmission();
    }

    private void SendRequest(bool broadcast)
    {
        _stats.Requests++;
        if (_phase == Phase.Requesting)
            Send(DhcpMessage.Request, Ipv4Address.Any, _offered, _server, Ipv4Address.Broadcast);
        else // renewing (unicast to the server) or rebinding (broadcast): ciaddr set, no server id (RFC 2131 §4.3.2)
            Send(DhcpMessage.Request, _leaseAddress.Address, Ipv4Address.Any, Ipv4Address.Any, broadcast ? Ipv4Address.Broadcast : _server);
        if (_phase is Phase.Renewing or Phase.Rebinding)
        {
            // RFC 2131 §4.4.5: half the time left, at least a minute.
            long now = _timers.NowMs;
            long until = _phase == Phase.Renewing ? _t2At : _expiresAt;
            _nextSendAt = now + Math.Max(60_000, (until - now) / 2);
            _attempts++;
            _timers.Schedule(_nextSendAt);
        }
        else
        {
            ScheduleRetransmission();
        }
    }

    private void ScheduleRetransmission()
    {
        long delay = 1000L << Math.Min(_attempts, 3);
        _attempts++;
        _nextSendAt = _timers.NowMs + delay;
        _timers.Schedule(_nextSendAt);
    }

    private void Send(byte type, Ipv4Address clientAddress, Ipv4Address requested, Ipv4Address server, Ipv4Address destination)
    {
        Span<byte> message = stackalloc byte[320];
        long elapsed = (_timers.NowMs - _startedAt) / 1000;
        int length = DhcpMessage.Write(message, type, _xid, _mac, clientAddress, requested, server, (ushort)Math.Min(elapsed, 65535));
        _udp.Send(ClientPort, new Ipv4Endpoint(destination, ServerPort), message.Slice(0, length));
    }

    private void OnAck(ref DhcpMessage message)
    {
        if (message.YourAddress == Ipv4Address.Any)
        {
            _stats.Ignored++;
            return;
        }
        int prefix = message.SubnetMask is { } mask ? PrefixLength(mask) : DefaultPrefix(message.YourAddress);
        var address = new Ipv4Cidr(message.YourAddress, prefix < 0 ? DefaultPrefix(message.YourAddress) : prefix);
        Ipv4Address? gateway = message.Router is { } router && router != Ipv4Address.Any && address.Contains(router) ? router : null;
        if (message.ServerIdentifier != Ipv4Address.Any) _server = message.ServerIdentifier;

        long now = _timers.NowMs;
        long lease = message.LeaseTime == 0 ? 3600_000L : message.LeaseTime == uint.MaxValue ? long.MaxValue / 4 : message.LeaseTime * 1000L;
        long t1 = message.RenewalTime != 0 && message.RenewalTime * 1000L < lease ? message.RenewalTime * 1000L : lease / 2;
        long t2 = message.RebindingTime != 0 && message.RebindingTime * 1000L < lease ? message.RebindingTime * 1000L : lease * 7 / 8;
        _t1At = now + t1;
        _t2At = now + Math.Max(t1, t2);
        _expiresAt = now + lease;
        _leaseAddress = address;
        _leaseGateway = gateway;

        if (_phase == Phase.Requesting)
        {
            _phase = Phase.Probing;
            _ = ProbeThenBindAsync(address, gateway);
        }
        else
        {
            _phase = Phase.Bound;
            _config.Set(address, gateway);
            _timers.Schedule(Math.Min(_t1At, _expiresAt));
        }
    }

    private async Task ProbeThenBindAsync(Ipv4Cidr address, Ipv4Address? gateway)
    {
        bool conflict = await _arp.ProbeAsync(address.Address, _time, probes: 2, TimeSpan.FromMilliseconds(150.0));
        if (_phase != Phase.Probing) return;
        if (conflict)
        {
            _stats.Declines++;
            Send(DhcpMessage.Decline, Ipv4Address.Any, address.Address, _server, Ipv4Address.Broadcast);
            Discover();
            return;
        }
        _phase = Phase.Bound;
        _config.Set(address, gateway);
        _arp.Announce();
        _timers.Schedule(Math.Min(_t1At, _expiresAt));
        _firstLease.TrySetResult(true);
    }

    private void LoseLease()
    {
        _stats.LeasesLost++;
        _config.Clear();
        _t1At = _t2At = _expiresAt = long.MaxValue;
    }

    /// <summary>The prefix length of a contiguous netmask; -1 when the mask has holes.</summary>
    private static int PrefixLength(Ipv4Address mask)
    {
        uint value = mask.Value;
        int length = 0;
        while (length < 32 && (value & (0x8000_0000u >> length)) != 0) length++;
        return length < 32 && (value << length) != 0 ? -1 : length;
    }

    private static int DefaultPrefix(Ipv4Address address) => (address.Value >> 24) switch
    {
        < 128 => 8,
        < 192 => 16,
        _ => 24,
    };
}
