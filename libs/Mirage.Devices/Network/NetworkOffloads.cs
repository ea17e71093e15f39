using System;

namespace Mirage.Devices;

/// <summary>
/// Work a <c>network</c> device can do for the stack (<see cref="INetworkOffload"/>), as a virtio
/// NIC offers it: the stack hands over frames whose transport checksum is left for the device to
/// fill, or whole TCP segments larger than the MTU that the device cuts into MTU-sized frames.
/// </summary>
[Flags]
public enum NetworkOffloads
{
    None = 0,

    /// <summary>Sent frames may leave their TCP/UDP checksum to the device (<see cref="TransmitOffload.ChecksumStart"/>).</summary>
    TransmitChecksum = 1,

    /// <summary>Sent IPv4 TCP segments may be up to 64 KiB; the device cuts them at <see cref="TransmitOffload.SegmentSize"/> (TSO).</summary>
    TcpSegmentation = 2,

    /// <summary>
    /// Received IPv4 TCP frames may be up to <see cref="INetworkOffload.MaximumFrameLength"/> (several
    /// segments of one flow merged, as by GRO); every frame's checksums are complete when delivered.
    /// </summary>
    LargeReceive = 4,
}
