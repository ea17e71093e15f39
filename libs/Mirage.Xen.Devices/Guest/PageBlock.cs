namespace Mirage.Xen.Devices.Guest;

/// <summary>
/// Page-aligned memory shared with Xen and the backends, carved from managed arrays that the
/// owner keeps referenced. Objects never move in the unikernel's heap, and guest memory is
/// identity-mapped on both targets, so an address is also the guest-physical address whose frame
/// number goes into grant entries.
/// </summary>
internal sealed unsafe class PageBlock
{
    public const int PageSize = 4096;

    private readonly byte[] _memory;

    public PageBlock(int pages)
    {
        Count = pages;
        _memory = new byte[(pages + 1) * PageSize];
        fixed (byte* p = _memory) First = (byte*)(((nuint)p + PageSize - 1) & ~(nuint)(PageSize - 1));
    }

    public int Count { get; }

    /// <summary>The array behind the pages, for Memory&lt;byte&gt; views that cost no allocation.</summary>
    public byte[] Array => _memory;

    /// <summary>Index into <see cref="Array"/> of page <paramref name="index"/>'s first byte.</summary>
    public int ArrayOffset(int index)
    {
        fixed (byte* p = _memory) return (int)(First - p) + index * PageSize;
    }

    public byte* First { get; }

    public byte* Page(int index) => First + (nuint)index * PageSize;

    public static ulong FrameOf(byte* page) => (ulong)(nuint)page >> 12;
}
