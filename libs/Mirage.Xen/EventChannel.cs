namespace Mirage.Xen
{
    /// <summary>EVTCHNOP_* (xen/include/public/event_channel.h).</summary>
    public static unsafe class EventChannel
    {
        private const int BindVirq = 1;
        private const int Send = 4;

        public const int VirqTimer = 0;

        public static void Notify(uint port)
        {
            uint argument = port;
            Hypercall.Call(Hypercall.EventChannelOp, Send, (nint)(&argument));
        }

        /// <summary>Binds a virtual IRQ of vCPU 0 to a fresh port; returns the port, or -1.</summary>
        public static long BindVirtualIrq(uint virq)
        {
            uint* request = stackalloc uint[3];
            request[0] = virq;
            request[1] = 0;
            request[2] = 0;
            long rc = Hypercall.Call(Hypercall.EventChannelOp, BindVirq, (nint)request);
            return rc == 0 ? request[2] : -1;
        }
    }

    /// <summary>VCPUOP_set_singleshot_timer (xen/include/public/vcpu.h): one wake-up at an absolute system time.</summary>
    public static unsafe class SingleShotTimer
    {
        private const int SetSingleShotTimer = 8;

        /// <summary>
        /// Arms the timer. Without VCPU_SSHOTTMR_future: a deadline Xen considers past fires at
        /// once. The guest's pvclock extrapolation can lag Xen's own clock (seen under TCG), and
        /// a -ETIME refusal would then leave the caller spinning instead of sleeping.
        /// </summary>
        public static bool Arm(long deadlineSystemTimeNs)
        {
            ulong* request = stackalloc ulong[2];
            request[0] = (ulong)deadlineSystemTimeNs;
            request[1] = 0;
            return Hypercall.Call(Hypercall.VcpuOp, SetSingleShotTimer, 0, (nint)request) == 0;
        }
    }
}
