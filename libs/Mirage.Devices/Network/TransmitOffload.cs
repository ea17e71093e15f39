namespace Mirage.Devices;

/// <summary>
/// What the device is asked to do to one sent frame (<see cref="INetworkOffload.WriteAsync"/>),
/// in the terms of virtio's <c>virtio_net_hdr</c>.
/// </summary>
/// <param name="ChecksumStart">
/// Offset in the frame where the transport checksum's coverage starts (the TCP/UDP header); 0 when
/// the frame's checksums are complete. The checksum field then holds the pseudo-header's sum (not
/// complemented), so that the device's sum from here completes it.
/// </param>
/// <param name="ChecksumOffset">Where the checksum field is, counted from <paramref name="ChecksumStart"/> (16 for TCP, 6 for UDP).</param>
/// <param name="SegmentSize">
/// For an IPv4 TCP segment larger than the MTU: the payload bytes per frame on the wire (the MSS);
/// 0 for a frame sent as it is.
/// </param>
/// <param name="HeaderLength">Ethernet, IP and TCP headers together, repeated in front of every cut frame (with segmentation).</param>
public readonly record struct TransmitOffload(ushort ChecksumStart, ushort ChecksumOffset, ushort SegmentSize, ushort HeaderLength)
{
    public bool HasPartialChecksum => ChecksumStart != 0;

    public bool IsSegmented => SegmentSize != 0;
}
