using System;
using System.Collections.Generic;
using Mirage.Devices;

namespace Mirage.Net.Tests.Infrastructure;

/// <summary>
/// Deterministic hostile frames for a stack at 10.0.0.1: valid frames of every kind the stack parses
/// (ARP, ICMP, UDP, TCP with options, IP options, fragments), then mutated — bits flipped, bytes
/// replaced, header fields set to random values, truncated, extended — and half of them with their
/// checksums repaired afterwards so that the mutation reaches the deeper layers; plus pure noise.
/// </summary>
internal sealed class FrameFuzzer
{
    private readonly Random _random;
    private readonly MacAddress _target;
    private readonly List<byte[]> _templates = new();
    private readonly byte[] _buffer = new byte[1600];

    public FrameFuzzer(int seed, MacAddress target, Ipv4Endpoint liveConnectionPeer, ushort listeningPort, ushort udpPort)
    {
        _random = new Random(seed);
        _target = target;
        for (int i = 0; i < 3000; i++) _templates.Add(Template(liveConnectionPeer, listeningPort, udpPort));
    }

    /// <summary>The next frame, valid until the next call.</summary>
    public ReadOnlySpan<byte> Next()
    {
        if (_random.Next(10) == 0)
        {
            int noise = _random.Next(0, 1515);
            _random.NextBytes(_buffer.AsSpan(0, noise));
            if (noise >= 6 && _random.Next(5) != 0) _target.Write(_buffer);
            return _buffer.AsSpan(0, noise);
        }
        byte[] template = _templates[_random.Next(_templates.Count)];
        template.CopyTo(_buffer, 0);
        int length = template.Length;
        int mutations = _random.Next(0, 5);
        for (int m = 0; m < mutations; m++) length = Mutate(length);
        if (_random.Next(2) == 0) RepairChecksums(length);
        return _buffer.AsSpan(0, length);
    }

    private int Mutate(int length)
    {
        switch (_random.Next(8))
        {
            case 0: // flip a bit
                if (length > 0) _buffer[_random.Next(length)] ^= (byte)(1 << _random.Next(8));
                return length;
            case 1: // replace a byte
                if (length > 0) _buffer[_random.Next(length)] = (byte)_random.Next(256);
                return length;
            case 2: // truncate
                return length == 0 ? 0 : _random.Next(length);
            case 3: // extend with noise
                int extended = Math.Min(1514, length + _random.Next(1, 200));
                _random.NextBytes(_buffer.AsSpan(length, extended - length));
                return extended;
            case 4: // IP header length / version nibble
                if (length > 14) _buffer[14] = (byte)_random.Next(256);
                return length;
            case 5: // IP total length or fragment field
                if (length > 21) _buffer[14 + (_random.Next(2) == 0 ? 2 : 6) + _random.Next(2)] = (byte)_random.Next(256);
                return length;
            case 6: // TCP data offset / flags, or UDP length
                if (length > 47) _buffer[34 + (_random.Next(2) == 0 ? 12 : 13)] = (byte)_random.Next(256);
                else if (length > 39) _buffer[38 + _random.Next(2)] = (byte)_random.Next(256);
                return length;
            default: // an option byte or a payload byte near the headers
                if (length > 54) _buffer[54 + _random.Next(Math.Min(40, length - 54))] = (byte)_random.Next(256);
                return length;
        }
    }

    /// <summary>Recomputes the IP header checksum and the transport checksum, as far as the (possibly mutated) lengths allow.</summary>
    private void RepairChecksums(int length)
    {
        if (length < 34 || _buffer[12] != 0x08 || _buffer[13] != 0x00) return;
        int ihl = (_buffer[14] & 15) * 4;
        if (ihl < 20 || 14 + ihl > length) return;
        _buffer[24] = _buffer[25] = 0;
        ushort ipSum = Frames.Checksum(_buffer.AsSpan(14, ihl));
        _buffer[24] = (byte)(ipSum >> 8);
        _buffer[25] = (byte)ipSum;
        int total = _buffer[16] << 8 | _buffer[17];
        if (total < ihl || 14 + total > length || ((_buffer[20] & 0x3F) | _buffer[21]) != 0) return;
        Span<byte> transport = _buffer.AsSpan(14 + ihl, total - ihl);
        var source = Ipv4Address.Read(_buffer.AsSpan(26));
        var destination = Ipv4Address.Read(_buffer.AsSpan(30));
        switch (_buffer[23])
        {
            case 1 when transport.Length >= 8:
                transport[2] = transport[3] = 0;
                ushort icmp = Frames.Checksum(transport);
                transport[2] = (byte)(icmp >> 8);
                transport[3] = (byte)icmp;
                break;
            case 6 when transport.Length >= 20:
                transport[16] = transport[17] = 0;
                ushort tcp = Frames.TransportChecksum(source, destination, 6, transport);
                transport[16] = (byte)(tcp >> 8);
                transport[17] = (byte)tcp;
                break;
            case 17 when transport.Length >= 8:
                transport[6] = transport[7] = 0;
                ushort udp = Frames.TransportChecksum(source, destination, 17, transport);
                transport[6] = (byte)(udp >> 8);
                transport[7] = (byte)udp;
                break;
        }
    }

    private byte[] Template(Ipv4Endpoint live, ushort listeningPort, ushort udpPort)
    {
        var stack = Ipv4Address.Parse("10.0.0.1");
        Ipv4Address source = _random.Next(4) == 0
            ? new Ipv4Address((uint)_random.Next())
            : new Ipv4Address(0x0A00_0000u | (uint)_random.Next(2, 100));
        var mac = new MacAddress(0x02_00_00_00_10_00UL + (ulong)(uint)_random.Next(4096));
        byte[] Ip(byte protocol, byte[] payload) => Frames.Ethernet(_target, mac, Frames.Ipv4Type, Frames.Ipv4(source, stack, protocol, payload, (ushort)_random.Next(16)));
        switch (_random.Next(11))
        {
            case 0:
                return Frames.Ethernet(MacAddress.Broadcast, mac, Frames.ArpType, Frames.Arp((ushort)_random.Next(1, 3), mac, source, default, stack));
            case 1:
                return Ip(1, Frames.IcmpEcho((ushort)_random.Next(), (ushort)_random.Next(), new byte[_random.Next(0, 1400)], (byte)(_random.Next(3) == 0 ? _random.Next(20) : 8)));
            case 2:
                return Ip(17, Frames.Udp(source, stack, (ushort)_random.Next(1, 65536), _random.Next(2) == 0 ? udpPort : (ushort)_random.Next(1, 65536), new byte[_random.Next(0, 1000)]));
            case 3:
            case 4:
                return Ip(6, Frames.Tcp(source, stack, (ushort)_random.Next(1024, 65536), listeningPort, (uint)_random.Next(), 0, 0x02, 65535,
                    default, RandomOptions()));
            case 5:
            case 6:
            {
                // The live connection's four-tuple: sequence numbers anywhere, flags anything.
                byte[] payload = new byte[_random.Next(3) == 0 ? _random.Next(1, 1400) : 0];
                byte[] segment = Frames.Tcp(live.Address, stack, live.Port, listeningPort, (uint)_random.Next(), (uint)_random.Next(),
                    (byte)_random.Next(64), (ushort)_random.Next(65536), payload, _random.Next(4) == 0 ? RandomOptions() : default);
                return Frames.Ethernet(_target, mac, Frames.Ipv4Type, Frames.Ipv4(live.Address, stack, 6, segment));
            }
            case 7:
            case 8:
            {
                // Fragments of 64-byte pieces from one source and a small id space, so that pieces of
                // different datagrams meet, overlap and sometimes complete.
                int offset = _random.Next(0, 4) * 64;
                byte[] piece = new byte[_random.Next(4) == 0 ? _random.Next(1, 20) * 8 : 64];
                var fragmentSource = Ipv4Address.Parse("10.0.0.50");
                return Frames.Ethernet(_target, mac, Frames.Ipv4Type, Frames.Ipv4(fragmentSource, stack, 17, piece,
                    (ushort)_random.Next(4), moreFragments: _random.Next(3) != 0, fragmentOffsetBytes: offset));
            }
            case 9:
            {
                // IP options: a longer header (IHL 6 to 15) with option bytes.
                byte[] packet = Frames.Ipv4(source, stack, 1, Frames.IcmpEcho(1, 1, new byte[16]));
                int words = _random.Next(1, 11);
                var withOptions = new byte[packet.Length + 4 * words];
                packet.AsSpan(0, 20).CopyTo(withOptions);
                _random.NextBytes(withOptions.AsSpan(20, 4 * words));
                packet.AsSpan(20).CopyTo(withOptions.AsSpan(20 + 4 * words));
                withOptions[0] = (byte)(0x40 | (5 + words));
                withOptions[2] = (byte)(withOptions.Length >> 8);
                withOptions[3] = (byte)withOptions.Length;
                return Frames.Ethernet(_target, mac, Frames.Ipv4Type, withOptions);
            }
            default:
                return Ip(17, Frames.Udp(source, stack, 67, 68, new byte[_random.Next(200, 400)]));
        }
    }

    private byte[] RandomOptions()
    {
        var options = new byte[_random.Next(0, 11) * 4];
        if (_random.Next(2) == 0) _random.NextBytes(options);
        else if (options.Length >= 12) ScriptedPeer.Options(_random.Next(0, 3000), _random.Next(-1, 20), _random.Next(2) == 0).CopyTo(options, 0);
        return options;
    }
}
