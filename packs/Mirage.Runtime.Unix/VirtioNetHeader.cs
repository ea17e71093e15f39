using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Mirage.Devices;

namespace Mirage.Runtime.Unix;

/// <summary>
/// The 10-byte <c>struct virtio_net_hdr</c> (linux/virtio_net.h) in front of every frame on a TAP
/// opened with IFF_VNET_HDR: flags, gso_type, hdr_len, gso_size, csum_start, csum_offset, in the
/// host's byte order (the legacy layout the kernel uses unless told otherwise). Received headers
/// come from the host kernel but are checked all the same: a frame whose header does not describe
/// it is dropped, never handed to the stack.
/// </summary>
internal static class VirtioNetHeader
{
    public const int Size = 10;

    public const byte FlagNeedsChecksum = 1;
    public const byte FlagDataValid = 2;
    public const byte GsoNone = 0;
    public const byte GsoTcpV4 = 1;

    private const int EthernetHeader = 14;

    public enum Outcome
    {
        Ok,
        /// <summary>Unknown flags or a segmentation type this end did not ask for (UDP, IPv6, ECN).</summary>
        UnsupportedType,
        /// <summary>A checksum position outside the frame or inside the Ethernet header.</summary>
        BadChecksumPosition,
        /// <summary>Larger than the MTU without being a TCP/IPv4 segment the device may merge, or larger than any frame.</summary>
        Oversized,
        /// <summary>Shorter than an Ethernet header.</summary>
        Truncated,
    }

    /// <summary>Writes the header for a frame sent as it is (all zero: complete checksums, no segmentation).</summary>
    public static void WritePlain(Span<byte> header) => header.Slice(0, Size).Clear();

    public static void Write(Span<byte> header, in TransmitOffload offload)
    {
        header[0] = offload.HasPartialChecksum ? FlagNeedsChecksum : (byte)0;
        header[1] = offload.IsSegmented ? GsoTcpV4 : GsoNone;
        MemoryMarshal.Write(header.Slice(2), offload.HeaderLength);
        MemoryMarshal.Write(header.Slice(4), offload.SegmentSize);
        MemoryMarshal.Write(header.Slice(6), offload.ChecksumStart);
        MemoryMarshal.Write(header.Slice(8), offload.ChecksumOffset);
    }

    /// <summary>
    /// Checks a received header against its frame and, when the kernel left the transport checksum to
    /// this end (NEEDS_CSUM), completes it in place, so the stack sees only frames whose checksums hold.
    /// </summary>
    /// <param name="mtu">The link's MTU: plain frames are at most 14 + mtu bytes.</param>
    /// <param name="largeReceive">Merged TCP/IPv4 frames were asked for (up to <paramref name="maximumFrame"/> bytes).</param>
    public static Outcome CheckAndComplete(ReadOnlySpan<byte> header, Span<byte> frame, int mtu, bool largeReceive, int maximumFrame)
    {
        byte flags = header[0];
        byte gsoType = header[1];
        ushort checksumStart = MemoryMarshal.Read<ushort>(header.Slice(6));
        ushort checksumOffset = MemoryMarshal.Read<ushort>(header.Slice(8));
        if (frame.Length < EthernetHeader) return Outcome.Truncated;
        if ((flags & ~(FlagNeedsChecksum | FlagDataValid)) != 0) return Outcome.UnsupportedType;
        if (gsoType == GsoNone)
        {
            if (frame.Length > EthernetHeader + mtu) return Outcome.Oversized;
        }
        else if (gsoType == GsoTcpV4 && largeReceive)
        {
            if (frame.Length > maximumFrame || !IsTcpV4(frame) || MemoryMarshal.Read<ushort>(header.Slice(4)) == 0)
                return Outcome.Oversized;
        }
        else
        {
            return Outcome.UnsupportedType;
        }
        if ((flags & FlagNeedsChecksum) != 0)
        {
            if (checksumStart < EthernetHeader || checksumStart + checksumOffset + 2 > frame.Length) return Outcome.BadChecksumPosition;
            Span<byte> covered = frame.Slice(checksumStart);
            // The field holds the pseudo-header's sum; the sum over the covered bytes (field included) completes it.
            ushort checksum = (ushort)~Fold16(Sum(covered));
            // As the kernel's skb_checksum_help: a zero result is sent as its one's-complement twin (UDP reads 0 as "none").
            BinaryPrimitives.WriteUInt16BigEndian(covered.Slice(checksumOffset), checksum == 0 ? (ushort)0xFFFF : checksum);
        }
        return Outcome.Ok;
    }

    private static bool IsTcpV4(ReadOnlySpan<byte> frame) =>
        frame.Length >= EthernetHeader + 20 && frame[12] == 0x08 && frame[13] == 0x00 && frame[EthernetHeader] >> 4 == 4 && frame[EthernetHeader + 9] == 6;

    /// <summary>The one's-complement sum (RFC 1071) as a big-endian 16-bit value, eight bytes at a time.</summary>
    internal static ulong Sum(ReadOnlySpan<byte> data)
    {
        ulong native = 0;
        int i = 0;
        ref byte start = ref MemoryMarshal.GetReference(data);
        // 32-bit halves of each 64-bit word: the accumulator cannot overflow below 2^32 words.
        for (; i + 8 <= data.Length; i += 8)
        {
            ulong word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, i));
            native += (uint)word + (word >> 32);
        }
        // Byte order does not change a one's-complement sum, only where its bytes land (RFC 1071 §2(B)).
        ulong sum = BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(Fold16(native)) : Fold16(native);
        for (; i + 1 < data.Length; i += 2) sum += (uint)(data[i] << 8 | data[i + 1]);
        if (i < data.Length) sum += (uint)(data[i] << 8);
        return sum;
    }

    private static ushort Fold16(ulong sum)
    {
        while ((sum >> 16) != 0) sum = (sum & 0xFFFF) + (sum >> 16);
        return (ushort)sum;
    }
}
