using System;
using System.Threading;
using System.Threading.Tasks;

namespace Mirage.Devices;

/// <summary>
/// A reliable byte stream (MirageOS's FLOW). Reads and writes return a <see cref="FlowResult"/>:
/// end of stream and a reset peer are values, not exceptions.
/// </summary>
public interface IFlow : IAsyncDisposable
{
    /// <summary>
    /// Reads at least one byte into <paramref name="buffer"/> (status <see cref="FlowStatus.Ok"/>, <see cref="FlowResult.Count"/> &gt; 0),
    /// or reports <see cref="FlowStatus.Eof"/> when the peer has finished sending.
    /// A cancelled read reports <see cref="FlowStatus.Cancelled"/>.
    /// </summary>
    ValueTask<FlowResult> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default);

    /// <summary>Writes all of <paramref name="data"/>; completes when the flow has taken it (backpressure).</summary>
    ValueTask<FlowResult> WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default);

    /// <summary>Sends end-of-stream; reading stays possible.</summary>
    ValueTask<FlowResult> ShutdownWriteAsync();

    /// <summary>Closes both directions and releases the connection.</summary>
    ValueTask CloseAsync();
}

public enum FlowStatus
{
    Ok,
    /// <summary>The peer finished sending (read), or this side already shut down writing (write).</summary>
    Eof,
    /// <summary>The peer reset the connection.</summary>
    Reset,
    /// <summary>The flow was closed locally.</summary>
    Closed,
    TimedOut,
    Cancelled,
    NetworkError,
}

public readonly record struct FlowResult(FlowStatus Status, int Count)
{
    public bool IsOk => Status == FlowStatus.Ok;

    public static FlowResult Ok(int count) => new(FlowStatus.Ok, count);

    public static FlowResult Eof => new(FlowStatus.Eof, 0);

    public static FlowResult Of(FlowStatus status) => new(status, 0);
}
