using System;
using Mirage.Devices;

namespace Mirage.Net.Udp;

/// <summary>What is bound to a UDP port: an application socket, or the stack's own DHCP client.</summary>
internal interface IDatagramReceiver
{
    void Deliver(Ipv4Endpoint source, ReadOnlySpan<byte> payload);
}
