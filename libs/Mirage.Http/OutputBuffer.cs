using System;
using System.Buffers;

namespace Mirage.Http;

/// <summary>A pooled buffer that response heads (and small bodies) are written into before one flow write.</summary>
internal sealed class OutputBuffer
{
    private byte[] _array;

    public OutputBuffer(int minimumCapacity)
    {
        _array = ArrayPool<byte>.Shared.Rent(minimumCapacity);
    }

    public int Length { get; private set; }

    public int Capacity => _array.Length;

    public ReadOnlyMemory<byte> Written => _array.AsMemory(0, Length);

    public void Clear() => Length = 0;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        Length += bytes.Length;
    }

    /// <summary>Appends text already checked to be ASCII (header names and values).</summary>
    public void AppendAscii(string text)
    {
        Span<byte> destination = Reserve(text.Length);
        for (int i = 0; i < text.Length; i++) destination[i] = (byte)text[i];
        Length += text.Length;
    }

    public void AppendDecimal(long value) => Length += HttpSyntax.WriteDecimal(Reserve(20), value);

    public void AppendHex(long value) => Length += HttpSyntax.WriteHex(Reserve(16), value);

    public void AppendLineEnd() => Append("\r\n"u8);

    public void Release()
    {
        ArrayPool<byte>.Shared.Return(_array);
        _array = Array.Empty<byte>();
        Length = 0;
    }

    private Span<byte> Reserve(int count)
    {
        if (Length + count > _array.Length)
        {
            byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(Length + count, _array.Length * 2));
            _array.AsSpan(0, Length).CopyTo(larger);
            if (_array.Length > 0) ArrayPool<byte>.Shared.Return(_array);
            _array = larger;
        }
        return _array.AsSpan(Length, count);
    }
}
