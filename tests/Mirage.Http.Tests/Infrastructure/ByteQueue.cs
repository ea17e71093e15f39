using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Http.Tests.Infrastructure;

/// <summary>One direction of an in-memory connection: what one side wrote and the other has not read yet.</summary>
internal sealed class ByteQueue
{
    private readonly List<byte> _bytes = new();
    private TaskCompletionSource<bool>? _waiter;

    /// <summary>The writer has shut down: the reader gets end-of-stream once the bytes are read.</summary>
    public bool Finished { get; private set; }

    /// <summary>The reader has closed: further writes fail as a reset.</summary>
    public bool ReaderGone { get; set; }

    public void Write(ReadOnlySpan<byte> data)
    {
        _bytes.AddRange(data);
        Wake();
    }

    public void Finish()
    {
        Finished = true;
        Wake();
    }

    public async ValueTask<FlowResult> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_bytes.Count > 0)
            {
                int count = Math.Min(destination.Length, _bytes.Count);
                for (int i = 0; i < count; i++) destination.Span[i] = _bytes[i];
                _bytes.RemoveRange(0, count);
                return FlowResult.Ok(count);
            }
            if (Finished) return FlowResult.Eof;
            if (cancellationToken.IsCancellationRequested) return FlowResult.Of(FlowStatus.Cancelled);

            var waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiter = waiter;
            // The timer thread only completes the task; the read resumes on the event loop.
            using (cancellationToken.Register(() => waiter.TrySetResult(true)))
            {
                await waiter.Task;
            }
        }
    }

    private void Wake()
    {
        TaskCompletionSource<bool>? waiter = _waiter;
        _waiter = null;
        waiter?.TrySetResult(true);
    }
}
