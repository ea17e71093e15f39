namespace Mirage.Xen.Devices.Guest;

/// <summary>EVTCHNOP_* (xen/include/public/event_channel.h) a frontend uses: an unbound port for its backend, notify, close.</summary>
internal static unsafe class EventChannel
{
    private const int Close = 3;
    private const int Send = 4;
    private const int AllocUnbound = 6;

    /// <summary>
    /// A fresh port the domain <paramref name="remoteDomain"/> may bind to; -1 when Xen refuses. It
    /// starts masked: the driver unmasks it once its poll function runs (an unmasked port nobody
    /// takes events from would keep the vCPU from ever blocking).
    /// </summary>
    public static long AllocateUnbound(ushort remoteDomain)
    {
        ushort* request = stackalloc ushort[4];
        request[0] = XenGuest.DomidSelf;
        request[1] = remoteDomain;
        *(uint*)(request + 2) = 0;
        nint rc = XenGuest.Hypercall(XenGuest.EventChannelOp, AllocUnbound, (nint)request);
        if (rc != 0) return -1;
        uint port = *(uint*)(request + 2);
        XenGuest.Mask(port);
        return port;
    }

    public static void Notify(uint port)
    {
        uint argument = port;
        XenGuest.Hypercall(XenGuest.EventChannelOp, Send, (nint)(&argument));
    }

    public static void Release(uint port)
    {
        uint argument = port;
        XenGuest.Hypercall(XenGuest.EventChannelOp, Close, (nint)(&argument));
    }
}
