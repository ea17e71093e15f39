using System;
using System.Threading.Tasks;
using Mirage.Devices;
using Mirage.Net.Ip;
using Mirage.Net.Timers;
using Mirage.Net.Wire;

namespace Mirage.Net.Icmp;

/// <summary>
/// ICMPv4 (RFC 792): answers echo requests (any size the reassembler allows, fragmented back if
/// needed), sends destination-unreachable for unknown protocols and closed UDP ports (rate-limited,
/// RFC 1812 §4.3.2.8, so a flood is not amplified), and counts what it receives.
/// </summary>
internal sealed class IcmpLayer : IIcmpV4
{
    public const int HeaderLength = 8;
    public const byte EchoReply = 0;
    public const byte DestinationUnreachable = 3;
    public const byte EchoRequest = 8;
    public const byte ProtocolUnreachable = 2;
    public const byte PortUnreachable = 3;
    /// <summary>Error messages allowed per second.</summary>
    public const int ErrorsPerSecond = 100;

    private readonly Ipv4Layer _ipv4;
    private readonly TimerScheduler _timers;
    private readonly IcmpStatistics _stats;
    private long _bucketSecond = -1;
    private int _errorsThisSecond;

    public IcmpLayer(Ipv4Layer ipv4, TimerScheduler timers, IcmpStatistics stats)
    {
        _ipv4 = ipv4;
        _timers = timers;
        _stats = stats;
    }

    /// <summary>Handles one received message: echo requests are answered, the rest counted.</summary>
    public void Receive(in Ipv4Datagram datagram)
    {
        ReadOnlySpan<byte> message = datagram.Payload;
        _stats.MessagesReceived++;
        if (message.Length < HeaderLength)
        {
            _stats.Truncated++;
            return;
        }
        if (InternetChecksum.Compute(message) != 0)
        {
            _stats.BadChecksum++;
            return;
        }
        switch (message[0])
        {
            case EchoRequest:
                _stats.EchoRequestsReceived++;
                if (datagram.ToBroadcast || message[1] != 0) return; // no smurf amplification
                byte[] reply = _ipv4.RentFor(message.Length);
                Span<byte> icmp = reply.AsSpan(Ipv4Layer.TransportOffset, message.Length);
                message.CopyTo(icmp);
                icmp[0] = EchoReply;
                icmp[2] = 0;
                icmp[3] = 0;
                NetworkOrder.WriteUInt16(icmp, 2, InternetChecksum.Compute(icmp));
                if (_ipv4.Send(reply, message.Length, datagram.Source, IpProtocol.Icmp)) _stats.EchoRepliesSent++;
                break;
            case DestinationUnreachable:
                _stats.DestinationUnreachableReceived++;
                break;
            default:
                _stats.OtherTypes++;
                break;
        }
    }

    /// <summary>Destination unreachable quoting the offending datagram's header and first 8 payload bytes.</summary>
    public void SendDestinationUnreachable(byte code, in Ipv4Datagram offending)
    {
        if (offending.ToBroadcast || offending.Source == Ipv4Address.Any) return;
        long second = _timers.NowMs / 1000;
        if (second != _bucketSecond)
        {
            _bucketSecond = second;
            _errorsThisSecond = 0;
        }
        if (_errorsThisSecond >= ErrorsPerSecond)
        {
            _stats.RateLimited++;
            return;
        }
        _errorsThisSecond++;
        int quoted = Math.Min(offending.Payload.Length, 8);
        int length = HeaderLength + offending.Header.Length + quoted;
        byte[] buffer = _ipv4.RentFor(length);
        Span<byte> icmp = buffer.AsSpan(Ipv4Layer.TransportOffset, length);
        icmp.Slice(0, HeaderLength).Clear();
        icmp[0] = DestinationUnreachable;
        icmp[1] = code;
        offending.Header.CopyTo(icmp.Slice(HeaderLength));
        offending.Payload.Slice(0, quoted).CopyTo(icmp.Slice(HeaderLength + offending.Header.Length));
        NetworkOrder.WriteUInt16(icmp, 2, InternetChecksum.Compute(icmp));
        if (_ipv4.Send(buffer, length, offending.Source, IpProtocol.Icmp)) _stats.DestinationUnreachableSent++;
    }

    /// <summary>IIcmpV4: sends an application-built message; its checksum field is computed here.</summary>
    public ValueTask<Result<Unit, Ipv4Error>> WriteAsync(Ipv4Address destination, ReadOnlyMemory<byte> message)
    {
        if (message.Length < HeaderLength || message.Length > Ipv4Reassembler.MaximumPayload)
            return new(Result<Unit, Ipv4Error>.Fail(Ipv4Error.NetworkError));
        byte[] buffer = _ipv4.RentFor(message.Length);
        Span<byte> icmp = buffer.AsSpan(Ipv4Layer.TransportOffset, message.Length);
        message.Span.CopyTo(icmp);
        icmp[2] = 0;
        icmp[3] = 0;
        NetworkOrder.WriteUInt16(icmp, 2, InternetChecksum.Compute(icmp));
        return new(_ipv4.Send(buffer, message.Length, destination, IpProtocol.Icmp)
            ? Result.Ok<Ipv4Error>()
            : Result<Unit, Ipv4Error>.Fail(Ipv4Error.NoRoute));
    }
}
