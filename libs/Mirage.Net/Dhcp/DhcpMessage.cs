using System;
using Mirage.Devices;
using Mirage.Net.Wire;

namespace Mirage.Net.Dhcp;

/// <summary>The parts of a BOOTP/DHCP message (RFC 2131 §2, RFC 2132 options) this client reads and writes.</summary>
internal ref struct DhcpMessage
{
    public const int FixedLength = 240;
    public const uint MagicCookie = 0x63825363;

    public const byte Discover = 1, Offer = 2, Request = 3, Decline = 4, Ack = 5, Nak = 6, Release = 7;

    public byte Op;
    public uint TransactionId;
    public Ipv4Address ClientAddress;
    public Ipv4Address YourAddress;
    public MacAddress ClientHardware;
    public byte MessageType;
    public Ipv4Address ServerIdentifier;
    public Ipv4Address? SubnetMask;
    public Ipv4Address? Router;
    /// <summary>Seconds; 0 when absent.</summary>
    public uint LeaseTime, RenewalTime, RebindingTime;

    /// <summary>Reads a reply; false when it is not a well-formed DHCP message (every option length is checked).</summary>
    public static bool TryParse(ReadOnlySpan<byte> data, out DhcpMessage message)
    {
        message = default;
        if (data.Length < FixedLength) return false;
        if (data[1] != 1 || data[2] != 6) return false; // Ethernet hardware addresses only
        if (NetworkOrder.ReadUInt32(data, 236) != MagicCookie) return false;
        message.Op = data[0];
        message.TransactionId = NetworkOrder.ReadUInt32(data, 4);
        message.ClientAddress = Ipv4Address.Read(data.Slice(12));
        message.YourAddress = Ipv4Address.Read(data.Slice(16));
        message.ClientHardware = MacAddress.Read(data.Slice(28));

        ReadOnlySpan<byte> options = data.Slice(FixedLength);
        int i = 0;
        while (i < options.Length)
        {
            byte code = options[i];
            if (code == 255) break;
            if (code == 0)
            {
                i++;
                continue;
            }
            if (i + 1 >= options.Length) return false;
            int length = options[i + 1];
            if (i + 2 + length > options.Length) return false;
            ReadOnlySpan<byte> value = options.Slice(i + 2, length);
            switch (code)
            {
                case 1 when length == 4: message.SubnetMask = Ipv4Address.Read(value); break;
                case 3 when length >= 4: message.Router = Ipv4Address.Read(value); break;
                case 51 when length == 4: message.LeaseTime = NetworkOrder.ReadUInt32(value, 0); break;
                case 53 when length == 1: message.MessageType = value[0]; break;
                case 54 when length == 4: message.ServerIdentifier = Ipv4Address.Read(value); break;
                case 58 when length == 4: message.RenewalTime = NetworkOrder.ReadUInt32(value, 0); break;
                case 59 when length == 4: message.RebindingTime = NetworkOrder.ReadUInt32(value, 0); break;
            }
            i += 2 + length;
        }
        return message.MessageType != 0;
    }

    /// <summary>Writes a client message into <paramref name="buffer"/>; returns its length.</summary>
    public static int Write(Span<byte> buffer, byte type, uint transactionId, MacAddress mac, Ipv4Address clientAddress,
                            Ipv4Address requestedAddress, Ipv4Address serverIdentifier, ushort secondsElapsed)
    {
        buffer.Slice(0, FixedLength).Clear();
        buffer[0] = 1; // BOOTREQUEST
        buffer[1] = 1;
        buffer[2] = 6;
        NetworkOrder.WriteUInt32(buffer, 4, transactionId);
        NetworkOrder.WriteUInt16(buffer, 8, secondsElapsed);
        // Ask for broadcast replies while the client has no address (RFC 2131 §4.1).
        NetworkOrder.WriteUInt16(buffer, 10, clientAddress == Ipv4Address.Any ? (ushort)0x8000 : (ushort)0);
        clientAddress.Write(buffer.Slice(12));
        mac.Write(buffer.Slice(28));
        NetworkOrder.WriteUInt32(buffer, 236, MagicCookie);
        int i = FixedLength;
        buffer[i++] = 53;
        buffer[i++] = 1;
        buffer[i++] = type;
        // Client identifier: hardware type 1 and the MAC.
        buffer[i++] = 61;
        buffer[i++] = 7;
        buffer[i++] = 1;
        mac.Write(buffer.Slice(i));
        i += 6;
        if (requestedAddress != Ipv4Address.Any)
        {
            buffer[i++] = 50;
            buffer[i++] = 4;
            requestedAddress.Write(buffer.Slice(i));
            i += 4;
        }
        if (serverIdentifier != Ipv4Address.Any)
        {
            buffer[i++] = 54;
            buffer[i++] = 4;
            serverIdentifier.Write(buffer.Slice(i));
            i += 4;
        }
        if (type is Discover or Request)
        {
            buffer[i++] = 55; // parameter request list: mask, router, lease, T1, T2
            buffer[i++] = 5;
            buffer[i++] = 1;
            buffer[i++] = 3;
            buffer[i++] = 51;
            buffer[i++] = 58;
            buffer[i++] = 59;
        }
        buffer[i++] = 255;
        // Some servers ignore messages shorter than a BOOTP message (300 bytes).
        while (i < 300) buffer[i++] = 0;
        return i;
    }
}
