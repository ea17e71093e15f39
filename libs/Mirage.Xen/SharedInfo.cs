using System.Runtime;
using System.Runtime.CompilerServices;

namespace Mirage.Xen
{
    /// <summary>The guest ABI a shared-info page is laid out for.</summary>
    public enum XenArchitecture
    {
        /// <summary>x86_64: 32 legacy vcpu_info slots of 64 bytes (each with a 16-byte arch part).</summary>
        X86,

        /// <summary>ARM (32- and 64-bit guests alike): 1 legacy vcpu_info slot of 48 bytes (empty arch part).</summary>
        Arm,
    }

    /// <summary>
    /// The shared-info page (xen/include/public/xen.h): vCPU 0's event flags and time record,
    /// the event-channel pending and mask bitmaps, and the wall clock. Xen writes it; we map it
    /// with XENMEM_add_to_physmap into a page of our own. Event words are 64-bit on every
    /// architecture (xen_ulong_t); only the size of the vcpu_info array before them differs.
    /// </summary>
    public static unsafe class SharedInfo
    {
        // vcpu_info[0]
        private const int UpcallPendingOffset = 0;
        private const int PendingSelectorOffset = 8;
        private const int TimeOffset = 32; // x86 only: ARM guests read the generic timer instead of pvclock
        // shared_info, after vcpu_info[XEN_LEGACY_MAX_VCPUS]
        private const int EventBitmapBytes = 64 * 8;

        private static byte* s_page;
        private static int s_eventPendingOffset;

        private static int EventMaskOffset => s_eventPendingOffset + EventBitmapBytes;
        private static int WallClockVersionOffset => s_eventPendingOffset + 2 * EventBitmapBytes;
        private static int WallClockSecondsOffset => WallClockVersionOffset + 4;
        private static int WallClockNanosecondsOffset => WallClockVersionOffset + 8;
        private static int WallClockSecondsHighOffset => WallClockVersionOffset + 12;

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
        public static bool Map(byte* page, XenArchitecture architecture)
        {
            AddToPhysmap request = default;
            request.Domid = Hypercall.DomidSelf;
            request.Space = MapSpaceSharedInfo;
            request.Index = 0;
            request.Gpfn = (ulong)page >> 12;
            if (Hypercall.Call(Hypercall.MemoryOp, XenMemAddToPhysmap, (nint)(&request)) != 0) return false;
            s_eventPendingOffset = architecture == XenArchitecture.Arm ? 1 * 48 : 32 * 64;
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
                // The guest's TSC is the host's plus an offset chosen so that it starts near zero:
                // a record written just before the vCPU first ran holds a "negative" stamp, so the
                // difference is taken modulo 2^64 (comparing the raw values would freeze the clock
                // until the next record, and make the first sleep short by that much). A negative
                // difference means the caller read the TSC before Xen refreshed the record: the
                // record's own time is then the best answer (as unsigned it would be centuries).
                long signedDelta = (long)(tsc - stamp);
                ulong delta = signedDelta > 0 ? (ulong)signedDelta : 0;
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
            ulong* pending = (ulong*)(s_page + s_eventPendingOffset);
            ulong* word = pending + (port >> 6);
            if ((System.Threading.Volatile.Read(ref *(long*)word) & (1L << (int)(port & 63))) == 0) return false;
            // Atomic: Xen may set another port's bit in the same word at this very moment.
            return TestAndClearBit(word, (int)(port & 63)) != 0;
        }

        [MethodImpl(MethodImplOptions.InternalCall)]
        [RuntimeImport("*", "mirage_arch_test_and_clear_bit")]
        private static extern int TestAndClearBit(ulong* word, int bit);

        /// <summary>Clears the selector and the upcall flag before a scan of the pending bitmap.</summary>
        public static void AcknowledgeUpcall()
        {
            System.Threading.Volatile.Write(ref *(bool*)(s_page + UpcallPendingOffset), false);
            System.Threading.Volatile.Write(ref *(long*)(s_page + PendingSelectorOffset), 0);
        }

        /// <summary>
        /// Masks every port. Xen leaves the mask bits of new ports as they are, and a domain starts
        /// with all of them clear: a port allocated for a device would otherwise be unmasked before
        /// its driver polls it, and its pending flag would keep the platform from blocking.
        /// </summary>
        public static void MaskAll()
        {
            ulong* mask = (ulong*)(s_page + EventMaskOffset);
            for (int i = 0; i < 64; i++) mask[i] = ulong.MaxValue;
        }

        public static void Mask(uint port)
        {
            ulong* mask = (ulong*)(s_page + EventMaskOffset);
            mask[port >> 6] |= 1UL << (int)(port & 63);
        }

        /// <summary>
        /// Whether an unmasked port has its pending flag set: a device event that arrived before
        /// the upcall flag was cleared, which Xen will not signal again. The platform checks this
        /// after acknowledging the upcall and does not block then.
        /// </summary>
        public static bool AnyUnmaskedPending()
        {
            ulong* pending = (ulong*)(s_page + s_eventPendingOffset);
            ulong* mask = (ulong*)(s_page + EventMaskOffset);
            for (int i = 0; i < 64; i++)
                if (((ulong)System.Threading.Volatile.Read(ref *(long*)(pending + i)) & ~mask[i]) != 0) return true;
            return false;
        }

        /// <summary>Writes the unmasked ports (those someone polls) into <paramref name="ports"/>; returns how many (at most <paramref name="capacity"/>).</summary>
        public static int UnmaskedPorts(uint* ports, int capacity)
        {
            ulong* mask = (ulong*)(s_page + EventMaskOffset);
            int count = 0;
            for (int i = 0; i < 64 && count < capacity; i++)
            {
                ulong open = ~mask[i];
                for (int bit = 0; open != 0 && count < capacity; bit++, open >>= 1)
                    if ((open & 1) != 0) ports[count++] = (uint)(i * 64 + bit);
            }
            return count;
        }

        public static void Unmask(uint port)
        {
            ulong* mask = (ulong*)(s_page + EventMaskOffset);
            mask[port >> 6] &= ~(1UL << (int)(port & 63));
        }
    }
}
