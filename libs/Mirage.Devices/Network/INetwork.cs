using System;
using System.Threading;
using System.Threading.Tasks;

namespace Mirage.Devices;

/// <summary>
/// Device kind <c>network</c>: a link that sends and receives whole Ethernet frames
/// (netfront on Xen, a TAP device on unix).
/// </summary>
public interface INetwork
{
    MacAddress Mac { get; }

    /// <summary>The largest payload of a frame, 1500 for Ethernet.</summary>
    int Mtu { get; }

    /// <summary>Sends one frame (header included). Completes when the frame is queued; waits when the queue is full.</summary>
    ValueTask<Result<Unit, NetworkError>> WriteAsync(ReadOnlyMemory<byte> frame);

    /// <summary>
    /// Delivers every received frame to <paramref name="onFrame"/>, one at a time, until cancelled or the
    /// link goes down. The memory is valid only until the returned task completes.
    /// </summary>
    Task<Result<Unit, NetworkError>> ListenAsync(Func<ReadOnlyMemory<byte>, ValueTask> onFrame, CancellationToken cancellationToken = default);

    NetworkStatistics Statistics { get; }
}

public enum NetworkError
{
    Disconnected,
    FrameTooLarge,
    IoError,
}

/// <summary>Counters kept by a network device: what a user checks when frames go missing.</summary>
public sealed class NetworkStatistics
{
    public long FramesReceived;
    public long BytesReceived;
    public long FramesSent;
    public long BytesSent;
    public long FramesDropped;
    /// <summary>Received frames the device refused: an offload header that does not describe its frame, or a frame larger than allowed.</summary>
    public long FramesMalformed;
}
