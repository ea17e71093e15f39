using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Mirage.Devices;

namespace Mirage.Net.Wire;

/// <summary>
/// The Internet checksum (RFC 1071): the one's-complement of the one's-complement sum of 16-bit
/// words. Sums are kept in a 64-bit accumulator and folded at the end. The data is read eight bytes
/// at a time in the machine's byte order and the two 32-bit halves added: byte order only moves a
/// one's-complement sum's bytes (RFC 1071 §2(B)), so the folded result is swapped once at the end.
/// </summary>
internal static class InternetChecksum
{
    /// <summary>Adds <paramref name="data"/> (starting at an even offset of the message) to <paramref name="sum"/>, in network order.</summary>
    public static ulong Add(ulong sum, ReadOnlySpan<byte> data)
    {
        int i = 0;
        int whole = data.Length & ~7;
        if (whole > 0)
        {
            ref byte start = ref MemoryMarshal.GetReference(data);
            ulong native = 0;
            // Each step adds less than 2^33: no overflow below 2^31 steps, far more than any packet.
            for (; i < whole; i += 8)
            {
                ulong word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, i));
                native += (uint)word + (word >> 32);
            }
            ushort folded = Fold16(native);
            sum += BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(folded) : folded;
        }
        for (; i + 1 < data.Length; i += 2) sum += (uint)(data[i] << 8 | data[i + 1]);
        if (i < data.Length) sum += (uint)(data[i] << 8);
        return sum;
    }

    /// <summary>The TCP/UDP pseudo-header: addresses, protocol and the transport length.</summary>
    public static ulong PseudoHeader(Ipv4Address source, Ipv4Address destination, IpProtocol protocol, int length) =>
        (ulong)source.Value + destination.Value + (uint)protocol + (uint)length;

    /// <summary>The checksum: the folded sum, complemented.</summary>
    public static ushort Fold(ulong sum) => (ushort)~Fold16(sum);

    public static ushort Compute(ReadOnlySpan<byte> data) => Fold(Add(0, data));

    private static ushort Fold16(ulong sum)
    {
        while ((sum >> 16) != 0) sum = (sum & 0xFFFF) + (sum >> 16);
        return (ushort)sum;
    }
}
