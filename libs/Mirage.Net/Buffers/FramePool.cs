using System.Collections.Generic;

namespace Mirage.Net.Buffers;

/// <summary>
/// Reused frame-sized buffers, so that sending and queueing packets allocates nothing in steady state.
/// A buffer goes back when the network device has taken the frame. The pool keeps at most
/// <see cref="MaximumRetained"/> idle buffers; more are allocated when a burst needs them and
/// left to the collector afterwards. Large buffers (a 64 KiB IPv4 packet) hold TCP segments the
/// device cuts itself (segmentation offload) and datagrams about to be fragmented.
/// </summary>
internal sealed class FramePool
{
    /// <summary>Ethernet header plus a 1500-byte payload, rounded up; larger frames are never sent.</summary>
    public const int BufferSize = 1536;

    public const int MaximumRetained = 512;

    /// <summary>An Ethernet header and the largest IPv4 packet.</summary>
    public const int LargeBufferSize = 14 + 65535;

    public const int MaximumLargeRetained = 16;

    private readonly Stack<byte[]> _idle = new();
    private readonly Stack<byte[]> _idleLarge = new();

    public long Allocated { get; private set; }

    public byte[] Rent()
    {
        if (_idle.Count > 0) return _idle.Pop();
        Allocated++;
        return new byte[BufferSize];
    }

    public byte[] RentLarge()
    {
        if (_idleLarge.Count > 0) return _idleLarge.Pop();
        Allocated++;
        return new byte[LargeBufferSize];
    }

    public void Return(byte[] buffer)
    {
        if (buffer.Length == BufferSize && _idle.Count < MaximumRetained) _idle.Push(buffer);
        else if (buffer.Length == LargeBufferSize && _idleLarge.Count < MaximumLargeRetained) _idleLarge.Push(buffer);
    }
}
