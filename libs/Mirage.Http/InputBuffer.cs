using System;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Http;

/// <summary>
/// A connection's pooled receive buffer. Requests are parsed in place: the bytes between
/// <see cref="Start"/> and <see cref="End"/> are received but not yet consumed.
/// </summary>
internal sealed class InputBuffer
{
    private byte[] _array;

    public InputBuffer(int minimumCapacity)
    {
        _array = ArrayPool<byte>.Shared.Rent(minimumCapacity);
    }

    public byte[] Array => _array;

    public int Capacity => _array.Length;

    public int Start { get; private set; }

    public int End { get; private set; }

    public int Buffered => End - Start;

    public bool IsFull => End == _array.Length;

    public ReadOnlySpan<byte> Unread => _array.AsSpan(Start, End - Start);

    public void Consume(int count) => Start += count;

    /// <summary>
    /// Moves the unread bytes to <paramref name="position"/>: to 0 before each request so that a request's offsets
    /// are array offsets, and just after the head while a chunked body needs room.
    /// </summary>
    public void MoveUnreadTo(int position)
    {
        int buffered = Buffered;
        if (Start != position && buffered > 0) _array.AsSpan(Start, buffered).CopyTo(_array.AsSpan(position));
        Start = position;
        End = position + buffered;
    }

    /// <summary>Receives more bytes after <see cref="End"/>; the caller makes sure there is room.</summary>
    public async ValueTask<FlowResult> FillAsync(IFlow flow, CancellationToken cancellationToken)
    {
        FlowResult result = await ReadAsync(flow, _array.AsMemory(End), cancellationToken);
        if (result.IsOk) End += result.Count;
        return result;
    }

    /// <summary>A read that reports cancellation as a value even from a flow that throws it.</summary>
    public static async ValueTask<FlowResult> ReadAsync(IFlow flow, Memory<byte> destination, CancellationToken cancellationToken)
    {
        try
        {
            return await flow.ReadAsync(destination, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return FlowResult.Of(FlowStatus.Cancelled);
        }
    }

    public void Release()
    {
        ArrayPool<byte>.Shared.Return(_array);
        _array = System.Array.Empty<byte>();
        Start = End = 0;
    }
}
