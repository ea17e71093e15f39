using System.Runtime;
using System.Runtime.CompilerServices;

namespace Mirage.Xen
{
    /// <summary>
    /// Xen hypercalls (xen/include/public/xen.h), issued by the architecture's boot stub. Arguments
    /// and result are register-sized (nint): 64-bit on x86_64, 32-bit on ARM, as Xen's ABI has it.
    /// </summary>
    public static unsafe class Hypercall
    {
        public const int MemoryOp = 12;
        public const int XenVersion = 17;
        public const int VcpuOp = 24;
        public const int SchedOp = 29;
        public const int EventChannelOp = 32;
        public const int HvmOp = 34;

        public const ushort DomidSelf = 0x7FF0;

        [MethodImpl(MethodImplOptions.InternalCall)]
        [RuntimeImport("*", "mirage_arch_hypercall")]
        public static extern nint Call(nint op, nint a1, nint a2, nint a3, nint a4, nint a5);

        public static nint Call(nint op, nint a1, nint a2) => Call(op, a1, a2, 0, 0, 0);
        public static nint Call(nint op, nint a1, nint a2, nint a3) => Call(op, a1, a2, a3, 0, 0);
    }

    /// <summary>SCHEDOP_* (xen/include/public/sched.h).</summary>
    public static unsafe class Scheduler
    {
        public const int Yield = 0;
        public const int Block = 1;
        public const int Shutdown = 2;

        public const int ShutdownPoweroff = 0;
        public const int ShutdownReboot = 1;
        public const int ShutdownCrash = 3;

        public static void ShutdownDomain(int reason)
        {
            uint argument = (uint)reason;
            Hypercall.Call(Hypercall.SchedOp, Shutdown, (nint)(&argument));
        }

        public static void YieldCpu() => Hypercall.Call(Hypercall.SchedOp, Yield, 0);

        private const int PollOp = 3;

        private struct PollRequest
        {
            public ulong Ports;   // XEN_GUEST_HANDLE(evtchn_port_t): 64-bit on x86_64 and on ARM
            public uint Count;
            public ulong Timeout; // absolute Xen system time (ns); 0 = none
        }

        /// <summary>
        /// SCHEDOP_poll: blocks until one of <paramref name="ports"/> is pending (any port of the
        /// domain when there are several or none: Xen then wakes the poller on every new event),
        /// or until <paramref name="timeoutSystemNs"/>. Unlike SCHEDOP_block it judges by the
        /// ports' pending bits, not by whether an upcall could be delivered right now, so an
        /// event that arrived just before the call is never slept through.
        /// </summary>
        public static long Poll(uint* ports, int count, long timeoutSystemNs)
        {
            PollRequest request = default;
            request.Ports = (ulong)(nuint)ports;
            request.Count = (uint)count;
            request.Timeout = (ulong)timeoutSystemNs;
            return Hypercall.Call(Hypercall.SchedOp, PollOp, (nint)(&request));
        }
    }

    /// <summary>HVM parameters (xen/include/public/hvm/params.h) through HVMOP_get/set_param.</summary>
    public static unsafe class HvmParameters
    {
        public const int CallbackIrq = 0;
        public const int StorePfn = 1;
        public const int StoreEventChannel = 2;
        public const int ConsolePfn = 17;
        public const int ConsoleEventChannel = 18;

        private const int SetParam = 0;
        private const int GetParam = 1;

        private struct HvmParam
        {
            public ushort Domid;
            public uint Index;
            public ulong Value;
        }

        public static bool TryGet(int index, out ulong value)
        {
            HvmParam p = default;
            p.Domid = Hypercall.DomidSelf;
            p.Index = (uint)index;
            long rc = Hypercall.Call(Hypercall.HvmOp, GetParam, (nint)(&p));
            value = p.Value;
            return rc == 0;
        }

        public static long Set(int index, ulong value)
        {
            HvmParam p = default;
            p.Domid = Hypercall.DomidSelf;
            p.Index = (uint)index;
            p.Value = value;
            return Hypercall.Call(Hypercall.HvmOp, SetParam, (nint)(&p));
        }
    }
}
