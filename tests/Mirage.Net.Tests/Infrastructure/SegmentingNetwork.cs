using System;
using System.Buffers.Binary;
using System.Threading;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Net.Tests.Infrastructure;

/// <summary>
/// A network device with checksum and segmentation offload over a plain one, doing in the test what
/// Linux does with a segment written to a TAP with a virtio header (tcp_gso_segment): it cuts a large
/// TCP/IPv4 segment at the segment size, repeating the headers with each frame's IP length, ID and
/// checksum, TCP sequence number and checksum, FIN and PSH only on the last frame; and it fills in a
/// partial checksum. The frames that reach the wire are plain ones of at most 14 + MTU bytes.
/// </summary>
internal sealed class SegmentingNetwork(INetwork inner) : INetworkOffload
{
    public MacAddress Mac => inner.Mac;

    public int Mtu => inner.Mtu;

    public NetworkStatistics Statistics => inner.Statistics;

    public NetworkOffloads SupportedOffloads => NetworkOffloads.TransmitChecksum | NetworkOffloads.TcpSegmentation;

    public NetworkOffloads EnabledOffloads { get; private set; }

    public int MaximumFrameLength => 14 + 65535;

    public long SegmentsCut { get; private set; }

    public NetworkOffloads EnableOffloads(NetworkOffloads wanted) => EnabledOffloads = wanted & SupportedOffloads;

    public ValueTask<Result<Unit, NetworkError>> WriteAsync(ReadOnlyMemory<byte> frame) => inner.WriteAsync(frame);

    public Task<Result<Unit, NetworkError>> ListenAsync(Func<ReadOnlyMemory<byte>, ValueTask> onFrame, CancellationToken cancellationToken = default) =>
        inner.ListenAsync(onFrame, cancellationToken);

    public async ValueTask<Result<Unit, NetworkError>> WriteAsync(ReadOnlyMemory<byte> frame, TransmitOffload offload)
    {
        byte[] bytes = frame.ToArray();
        if (!offload.IsSegmented)
        {
            if (offload.HasPartialChecksum) CompleteChecksum(bytes, offload.ChecksumStart, offload.ChecksumOffset);
            return await inner.WriteAsync(bytes);
        }
        if (!offload.HasPartialChecksum || bytes[14] >> 4 != 4 || bytes[14 + 9] != 6)
            return Result<Unit, NetworkError>.Fail(NetworkError.IoError);
        int ipHeader = (bytes[14] & 15) * 4;
        int tcp = 14 + ipHeader;
        int headers = tcp + (bytes[tcp + 12] >> 4) * 4;
        int payload = bytes.Length - headers;
        uint seq = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(tcp + 4));
        ushort id = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(18));
        byte flags = bytes[tcp + 13];
        // The contract (virtio's, Linux's): the checksum field holds the pseudo-header's sum over the whole segment's length.
        ulong wholePseudo = Sum(bytes.AsSpan(26, 8)) + 6u + (uint)(bytes.Length - tcp);
        if (BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(tcp + 16)) != Fold(wholePseudo))
            return Result<Unit, NetworkError>.Fail(NetworkError.IoError);
        SegmentsCut++;
        for (int offset = 0, index = 0; offset < payload; offset += offload.SegmentSize, index++)
        {
            int length = Math.Min(offload.SegmentSize, payload - offset);
            bool last = offset + length == payload;
            var piece = new byte[headers + length];
            bytes.AsSpan(0, headers).CopyTo(piece);
            bytes.AsSpan(headers + offset, length).CopyTo(piece.AsSpan(headers));
            BinaryPrimitives.WriteUInt16BigEndian(piece.AsSpan(16), (ushort)(piece.Length - 14));
            BinaryPrimitives.WriteUInt16BigEndian(piece.AsSpan(18), (ushort)(id + index));
            piece[24] = piece[25] = 0;
            BinaryPrimitives.WriteUInt16BigEndian(piece.AsSpan(24), (ushort)~Fold(Sum(piece.AsSpan(14, ipHeader))));
            BinaryPrimitives.WriteUInt32BigEndian(piece.AsSpan(tcp + 4), seq + (uint)offset);
            piece[tcp + 13] = last ? flags : (byte)(flags & ~(0x01 | 0x08)); // FIN and PSH on the last frame only
            // The checksum from scratch: the pseudo-header with this frame's length, then the segment.
            ulong pseudo = Sum(piece.AsSpan(26, 8)) + 6u + (uint)(piece.Length - tcp);
            piece[tcp + 16] = piece[tcp + 17] = 0;
            BinaryPrimitives.WriteUInt16BigEndian(piece.AsSpan(tcp + 16), (ushort)~Fold(pseudo + Sum(piece.AsSpan(tcp))));
            Result<Unit, NetworkError> sent = await inner.WriteAsync(piece);
            if (!sent.IsOk) return sent;
        }
        return Result.Ok<NetworkError>();
    }

    private static void CompleteChecksum(byte[] frame, int start, int offset)
    {
        ushort checksum = (ushort)~Fold(Sum(frame.AsSpan(start)));
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(start + offset), checksum == 0 ? (ushort)0xFFFF : checksum);
    }

    private static ulong Sum(ReadOnlySpan<byte> data)
    {
        ulong sum = 0;
        for (int i = 0; i < data.Length; i += 2) sum += (uint)(data[i] << 8 | (i + 1 < data.Length ? data[i + 1] : 0));
        return sum;
    }

    private static ushort Fold(ulong sum)
    {
        while (sum >> 16 != 0) sum = (sum & 0xFFFF) + (sum >> 16);
        return (ushort)sum;
    }
}
