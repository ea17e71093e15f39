using System;
using System.Buffers;

namespace Mirage.Http;

/// <summary>
/// Where a request body goes when it does not fit in the input buffer, or arrives in chunks.
/// Rented from the pool per request and returned after the response, so idle connections hold no body memory.
/// </summary>
internal sealed class BodyBuffer
{
    private const int MinimumRent = 4096;

    private byte[] _array = Array.Empty<byte>();

    public int Length { get; private set; }

    public ReadOnlyMemory<byte> Content => _array.AsMemory(0, Length);

    /// <summary>Room for <paramref name="count"/> more bytes, growing geometrically.</summary>
    public Memory<byte> Reserve(int count)
    {
        int needed = Length + count;
        if (needed > _array.Length)
        {
            byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, Math.Max(MinimumRent, _array.Length * 2)));
            _array.AsSpan(0, Length).CopyTo(larger);
            ReturnArray();
            _array = larger;
        }
        return _array.AsMemory(Length, count);
    }

    public void Advance(int count) => Length += count;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length).Span);
        Length += bytes.Length;
    }

    public void Release()
    {
        ReturnArray();
        _array = Array.Empty<byte>();
        Length = 0;
    }

    private void ReturnArray()
    {
        if (_array.Length > 0) ArrayPool<byte>.Shared.Return(_array);
    }
}
