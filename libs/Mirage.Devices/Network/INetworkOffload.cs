using System;
using System.Threading.Tasks;

namespace Mirage.Devices;

/// <summary>
/// An optional capability of a <c>network</c> device: checksum and segmentation offload (a TAP
/// opened with IFF_VNET_HDR; a virtio NIC). A stack that finds it asks for the offloads it can use
/// (<see cref="EnableOffloads"/>); one that does not keeps sending and receiving plain frames of at
/// most 14 + <see cref="INetwork.Mtu"/> bytes, which every device must accept. The wire stays
/// Ethernet with its MTU: large segments are cut by the device (or by the host it hands them to).
/// </summary>
public interface INetworkOffload : INetwork
{
    /// <summary>What this device can do.</summary>
    NetworkOffloads SupportedOffloads { get; }

    /// <summary>What is turned on (nothing until <see cref="EnableOffloads"/>).</summary>
    NetworkOffloads EnabledOffloads { get; }

    /// <summary>The largest frame, header included, that a segmented write may pass and a large receive may deliver.</summary>
    int MaximumFrameLength { get; }

    /// <summary>
    /// Turns on the offloads in <paramref name="wanted"/> that the device supports and returns what is
    /// on. Receive offloads change what the listener is given, so they are on only when asked for,
    /// before <see cref="INetwork.ListenAsync"/>.
    /// </summary>
    NetworkOffloads EnableOffloads(NetworkOffloads wanted);

    /// <summary>Sends one frame with the work <paramref name="offload"/> asks of the device (an enabled offload).</summary>
    ValueTask<Result<Unit, NetworkError>> WriteAsync(ReadOnlyMemory<byte> frame, TransmitOffload offload);
}
