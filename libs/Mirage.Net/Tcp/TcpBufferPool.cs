using System;
using System.Collections.Generic;

namespace Mirage.Net.Tcp;

/// <summary>
/// Connection buffers by power-of-two size, from the settings' initial size to their maximum.
/// A connection starts with the smallest and doubles a buffer only when its traffic fills it, so
/// an idle or request/response connection holds a few KiB rather than the maximum; what closed
/// connections give back is kept for the next ones up to a byte budget, so a burst of large
/// transfers does not stay resident for ever.
/// </summary>
internal sealed class TcpBufferPool
{
    private readonly Dictionary<int, Stack<byte[]>> _idle = new();
    private readonly long _retainedBudget;
    private long _retained;

    public TcpBufferPool(long retainedBudget) => _retainedBudget = retainedBudget;

    public long RetainedBytes => _retained;

    public byte[] Rent(int size)
    {
        if (_idle.TryGetValue(size, out Stack<byte[]>? stack) && stack.Count > 0)
        {
            _retained -= size;
            return stack.Pop();
        }
        return new byte[size];
    }

    public void Return(byte[]? buffer)
    {
        if (buffer is null || _retained + buffer.Length > _retainedBudget) return;
        if (!_idle.TryGetValue(buffer.Length, out Stack<byte[]>? stack))
        {
            stack = new Stack<byte[]>();
            _idle[buffer.Length] = stack;
        }
        stack.Push(buffer);
        _retained += buffer.Length;
    }
}
