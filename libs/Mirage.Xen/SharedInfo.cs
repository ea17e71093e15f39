namespace Mirage.Xen
{
    /// <summary>
    /// The shared-info page (xen/include/public/xen.h): vCPU 0's event flags and time record,
    /// the event-channel pending and mask bitmaps, and the wall clock. Xen writes it; we map it
    /// with XENMEM_add_to_physmap into a page of our own.
    /// </summary>
    public static unsafe class SharedInfo
    {
        // vcpu_info[0]
        private const int UpcallPendingOffset = 0;
        private const int PendingSelectorOffset = 8;
        private const int TimeOffset = 32;
        // shared_info
        private const int EventPendingOffset = 2048;
        private const int EventMaskOffset = 2560;
        private const int WallClockVersionOffset = 3072;
        private const int WallClockSecondsOffset = 3076;
        private const int WallClockNanosecondsOffset = 3080;
        private const int WallClockSecondsHighOffset = 3084;

        private static byte* s_page;

        public static byte* Page => s_page;
        public static byte* UpcallPending => s_page + UpcallPendingOffset;

        private const int XenMemAddToPhysmap = 7;
        private const int MapSpaceSharedInfo = 0;

        private struct AddToPhysmap
        {
            public ushort Domid;
            public ushort Size;
            public uint Space;
            public ulong Index;
            public ulong Gpfn;
        }

        /// <summary>Asks Xen to place the shared-info page at <paramref name="page"/> (4 KiB aligned, identity-mapped).</summary>
        public static bool Map(byte* page)
        {
            AddToPhysmap request = default;
            request.Domid = Hypercall.DomidSelf;
            request.Space = MapSpaceSharedInfo;
            request.Index = 0;
            request.Gpfn = (ulong)page >> 12;
            if (Hypercall.Call(Hypercall.MemoryOp, XenMemAddToPhysmap, (long)&request) != 0) return false;
            s_page = page;
            return true;
        }

        /// <summary>Xen system time in nanoseconds (pvclock: TSC scaled by the per-vCPU record).</summary>
        public static long SystemTimeNanoseconds(ulong tsc)
        {
            byte* time = s_page + TimeOffset;
            while (true)
            {
                uint version = (uint)System.Threading.Volatile.Read(ref *(int*)time);
                if ((version & 1) != 0) continue;
                ulong stamp = *(ulong*)(time + 8);
                ulong systemTime = *(ulong*)(time + 16);
                uint multiplier = *(uint*)(time + 24);
                sbyte shift = *(sbyte*)(time + 28);
                if ((uint)System.Threading.Volatile.Read(ref *(int*)time) != version) continue;
                ulong delta = tsc - stamp;
                if (shift >= 0) delta <<= shift; else delta >>= -shift;
                // (delta * multiplier) >> 32 without 128-bit arithmetic
                ulong high = (delta >> 32) * multiplier;
                ulong low = ((delta & 0xFFFFFFFF) * multiplier) >> 32;
                return (long)(systemTime + high + low);
            }
        }

        /// <summary>Wall-clock time at Xen system time zero, in nanoseconds since the Unix epoch.</summary>
        public static long WallClockBaseNanoseconds()
        {
            while (true)
            {
                uint version = (uint)System.Threading.Volatile.Read(ref *(int*)(s_page + WallClockVersionOffset));
                if ((version & 1) != 0) continue;
                ulong seconds = *(uint*)(s_page + WallClockSecondsOffset) | ((ulong)*(uint*)(s_page + WallClockSecondsHighOffset) << 32);
                uint nanoseconds = *(uint*)(s_page + WallClockNanosecondsOffset);
                if ((uint)System.Threading.Volatile.Read(ref *(int*)(s_page + WallClockVersionOffset)) != version) continue;
                return (long)(seconds * 1000000000UL + nanoseconds);
            }
        }

        /// <summary>Atomically takes the pending flag of <paramref name="port"/>; true if it was set (and unmasked).</summary>
        public static bool TakePending(uint port)
        {
            ulong* pending = (ulong*)(s_page + EventPendingOffset);
            ulong bit = 1UL << (int)(port & 63);
            ulong* word = pending + (port >> 6);
            if ((*word & bit) == 0) return false;
            *word &= ~bit; // one vCPU and Xen sets bits with locked operations: a plain clear is safe here
            return true;
        }

        /// <summary>Clears the selector and the upcall flag before a scan of the pending bitmap.</summary>
        public static void AcknowledgeUpcall()
        {
            System.Threading.Volatile.Write(ref *(bool*)(s_page + UpcallPendingOffset), false);
            System.Threading.Volatile.Write(ref *(long*)(s_page + PendingSelectorOffset), 0);
        }

        public static void Unmask(uint port)
        {
            ulong* mask = (ulong*)(s_page + EventMaskOffset);
            mask[port >> 6] &= ~(1UL << (int)(port & 63));
        }
    }
}
