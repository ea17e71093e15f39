namespace Mirage.Http;

/// <summary>Where a piece of a request lies in the connection's input buffer.</summary>
internal readonly struct ByteRange
{
    public ByteRange(int start, int length)
    {
        Start = start;
        Length = length;
    }

    public int Start { get; }

    public int Length { get; }
}
