using System.Collections.Generic;

namespace Mirage.Net.Buffers;

/// <summary>
/// Reused frame-sized buffers, so that sending and queueing packets allocates nothing in steady state.
/// A buffer goes back when the network device has taken the frame. The pool keeps at most
/// <see cref="MaximumRetained"/> idle buffers; more are allocated when a burst needs them and
/// left to the collector afterwards.
/// </summary>
internal sealed class FramePool
{
    /// <summary>Ethernet header plus a 1500-byte payload, rounded up; larger frames are never sent.</summary>
    public const int BufferSize = 1536;

    public const int MaximumRetained = 512;

    private readonly Stack<byte[]> _idle = new();

    public long Allocated { get; private set; }

    public byte[] Rent()
    {
        if (_idle.Count > 0) return _idle.Pop();
        Allocated++;
        return new byte[BufferSize];
    }

    public void Return(byte[] buffer)
    {
        if (buffer.Length == BufferSize && _idle.Count < MaximumRetained) _idle.Push(buffer);
    }
}
