using System.Runtime;
using System.Runtime.CompilerServices;

namespace Internal.Platform
{
    /// <summary>
    /// The platform interface: everything the core library needs from the machine, as a handful
    /// of C symbols that each target binding provides (packs/Mirage.Runtime.Xen for x86_64 Xen,
    /// packs/Mirage.Runtime.Arm for ARM). Deliberately small, in the spirit of Solo5: console
    /// bytes out, two clocks, block until a deadline or an event, memory bounds, the garbage
    /// collector's roots, entropy, the boot command line, and exit. Everything else
    /// (scheduling, timers, formatting) is C# here.
    /// </summary>
    internal static unsafe class Platform
    {
        /// <summary>Writes UTF-8 bytes to the platform console; returns when they are handed over.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        [RuntimeImport("*", "mirage_platform_console_write")]
        internal static extern void ConsoleWrite(byte* utf8, nint length);

        /// <summary>Nanoseconds since an arbitrary point before boot; never goes backwards.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        [RuntimeImport("*", "mirage_platform_monotonic_ns")]
        internal static extern long MonotonicNanoseconds();

        /// <summary>Wall-clock nanoseconds since 1970-01-01T00:00:00Z (0 when the platform has no wall clock).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        [RuntimeImport("*", "mirage_platform_wall_ns")]
        internal static extern long WallNanoseconds();

        /// <summary>
        /// Blocks the CPU until <paramref name="deadlineNs"/> (monotonic) or until a device event
        /// arrives, whichever comes first. Returns at once when an event is already pending.
        /// </summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        [RuntimeImport("*", "mirage_platform_block")]
        internal static extern void Block(long deadlineNs);

        /// <summary>Start and end (exclusive) of the memory the heap may use.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        [RuntimeImport("*", "mirage_platform_heap_start")]
        internal static extern byte* HeapStart();

        [MethodImpl(MethodImplOptions.InternalCall)]
        [RuntimeImport("*", "mirage_platform_heap_end")]
        internal static extern byte* HeapEnd();

        /// <summary>
        /// Spills the callee-saved registers onto the stack, then calls the runtime's
        /// <c>mirage_gc_scan_roots(stackLow, ranges)</c>: <c>stackLow</c> is the lowest live word of
        /// the stack (above it lie every caller's frames and the spilled registers) and
        /// <c>ranges</c> four addresses {start of writable image data, bottom of the main stack,
        /// top of the main stack, end of .bss}. Everything in those ranges may hold references.
        /// </summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        [RuntimeImport("*", "mirage_platform_gc_roots")]
        internal static extern void ScanRoots();

        /// <summary>
        /// Tells the write barriers (boot.S) where the heap and its card table are: a reference
        /// stored at an address in [heapStart, +heapSize) sets the card table's byte for
        /// (address - heapStart) >> 9 (docs/gc.md).
        /// </summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        [RuntimeImport("*", "mirage_gc_set_write_barrier_table")]
        internal static extern void SetWriteBarrierTable(byte* heapStart, nuint heapSize, byte* cards);

        /// <summary>Sets <paramref name="count"/> bytes at <paramref name="destination"/> to <paramref name="value"/> (the binding's fast memset).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        [RuntimeImport("*", "memset")]
        internal static extern void* FillMemory(void* destination, int value, nuint count);

        /// <summary>64 bits of the best entropy the platform has (hardware RNG, else timer jitter).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        [RuntimeImport("*", "mirage_platform_entropy")]
        internal static extern ulong Entropy();

        /// <summary>The boot command line as NUL-terminated UTF-8 (never null; empty when there is none).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        [RuntimeImport("*", "mirage_platform_cmdline")]
        internal static extern byte* CommandLine();

        /// <summary>Ends the unikernel: 0 is a clean poweroff, anything else a crash. Does not return.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        [RuntimeImport("*", "mirage_platform_exit")]
        internal static extern void Exit(int code);
    }
}
