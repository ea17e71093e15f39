using System;
using Mirage.Devices;

namespace Mirage.Net.Wire;

/// <summary>
/// The Internet checksum (RFC 1071): the one's-complement of the one's-complement sum of 16-bit
/// words. Sums are kept in a 64-bit accumulator and folded at the end; 32-bit words sum to the same
/// folded value as 16-bit ones, which halves the work.
/// </summary>
internal static class InternetChecksum
{
    public static ulong Add(ulong sum, ReadOnlySpan<byte> data)
    {
        int i = 0;
        int whole = data.Length & ~3;
        for (; i < whole; i += 4)
            sum += (uint)(data[i] << 24 | data[i + 1] << 16 | data[i + 2] << 8 | data[i + 3]);
        if (i + 1 < data.Length)
        {
            sum += (uint)(data[i] << 8 | data[i + 1]);
            i += 2;
        }
        if (i < data.Length) sum += (uint)(data[i] << 8);
        return sum;
    }

    /// <summary>The TCP/UDP pseudo-header: addresses, protocol and the transport length.</summary>
    public static ulong PseudoHeader(Ipv4Address source, Ipv4Address destination, IpProtocol protocol, int length) =>
        (ulong)source.Value + destination.Value + (uint)protocol + (uint)length;

    public static ushort Fold(ulong sum)
    {
        while ((sum >> 16) != 0) sum = (sum & 0xFFFF) + (sum >> 16);
        return (ushort)~sum;
    }

    public static ushort Compute(ReadOnlySpan<byte> data) => Fold(Add(0, data));
}
