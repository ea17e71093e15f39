using System;

namespace Mirage.Net.Tcp;

/// <summary>
/// A fixed-size circular byte buffer: the send buffer (unacknowledged then unsent bytes) and the
/// receive buffer (bytes in order, not yet read, followed by room where out-of-order segments are
/// placed at their offset until the gap before them fills).
/// </summary>
internal sealed class ByteRing
{
    private byte[] _buffer;
    private int _head;

    public ByteRing(byte[] buffer) => _buffer = buffer;

    public byte[] Buffer => _buffer;

    public int Capacity => _buffer.Length;

    public int Count { get; private set; }

    public int Free => _buffer.Length - Count;

    /// <summary>Appends as much of <paramref name="data"/> as fits; returns how much.</summary>
    public int Append(ReadOnlySpan<byte> data)
    {
        int n = Math.Min(data.Length, Free);
        WriteAt(0, data.Slice(0, n));
        Count += n;
        return n;
    }

    /// <summary>Writes <paramref name="data"/> <paramref name="offsetPastEnd"/> bytes after the last counted byte, without counting it (out-of-order data).</summary>
    public void WriteAt(int offsetPastEnd, ReadOnlySpan<byte> data)
    {
        int position = (_head + Count + offsetPastEnd) % _buffer.Length;
        int first = Math.Min(data.Length, _buffer.Length - position);
        data.Slice(0, first).CopyTo(_buffer.AsSpan(position));
        if (first < data.Length) data.Slice(first).CopyTo(_buffer.AsSpan(0));
    }

    /// <summary>Counts <paramref name="count"/> bytes already written past the end (a gap has filled).</summary>
    public void Commit(int count) => Count += count;

    /// <summary>Copies bytes starting <paramref name="offset"/> bytes after the head, without consuming them.</summary>
    public void Peek(int offset, Span<byte> destination)
    {
        int position = (_head + offset) % _buffer.Length;
        int first = Math.Min(destination.Length, _buffer.Length - position);
        _buffer.AsSpan(position, first).CopyTo(destination);
        if (first < destination.Length) _buffer.AsSpan(0, destination.Length - first).CopyTo(destination.Slice(first));
    }

    public void Discard(int count)
    {
        _head = (_head + count) % _buffer.Length;
        Count -= count;
        // The head is not reset when the ring empties: out-of-order data may sit past the end.
    }

    public int Read(Span<byte> destination)
    {
        int n = Math.Min(destination.Length, Count);
        Peek(0, destination.Slice(0, n));
        Discard(n);
        return n;
    }
}
