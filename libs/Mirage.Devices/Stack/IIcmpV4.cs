using System;
using System.Threading.Tasks;

namespace Mirage.Devices;

/// <summary>Device kind <c>icmp</c>: ICMPv4 messages (echo replies are answered by the stack itself).</summary>
public interface IIcmpV4
{
    ValueTask<Result<Unit, Ipv4Error>> WriteAsync(Ipv4Address destination, ReadOnlyMemory<byte> message);
}
