namespace Mirage.Xen
{
    /// <summary>EVTCHNOP_* (xen/include/public/event_channel.h).</summary>
    public static unsafe class EventChannel
    {
        private const int Send = 4;

        public static void Notify(uint port)
        {
            uint argument = port;
            Hypercall.Call(Hypercall.EventChannelOp, Send, (nint)(&argument));
        }
    }
}
