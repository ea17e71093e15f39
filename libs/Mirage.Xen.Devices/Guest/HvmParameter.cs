namespace Mirage.Xen.Devices.Guest;

/// <summary>HVMOP_get_param (xen/include/public/hvm/params.h): where the toolstack put the xenstore ring.</summary>
internal static unsafe class HvmParameter
{
    public const int StorePfn = 1;
    public const int StoreEventChannel = 2;
    private const int GetParam = 1;

    private struct Request
    {
        public ushort Domid;
        public uint Index;
        public ulong Value;
    }

    public static bool TryGet(int index, out ulong value)
    {
        Request request = default;
        request.Domid = XenGuest.DomidSelf;
        request.Index = (uint)index;
        nint rc = XenGuest.Hypercall(XenGuest.HvmOp, GetParam, (nint)(&request));
        value = request.Value;
        return rc == 0;
    }
}
