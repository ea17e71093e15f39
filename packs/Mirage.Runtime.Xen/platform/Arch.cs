using System.Runtime;
using System.Runtime.CompilerServices;

namespace Mirage.Runtime.Xen.Platform
{
    /// <summary>The boot stub's primitives (native/x64/boot.S).</summary>
    internal static unsafe class Arch
    {
        [MethodImpl(MethodImplOptions.InternalCall)] [RuntimeImport("*", "mirage_arch_boot_protocol")] internal static extern int BootProtocol();
        [MethodImpl(MethodImplOptions.InternalCall)] [RuntimeImport("*", "mirage_arch_boot_info")] internal static extern uint BootInfo();
        [MethodImpl(MethodImplOptions.InternalCall)] [RuntimeImport("*", "mirage_arch_boot_tsc")] internal static extern ulong BootTsc();
        [MethodImpl(MethodImplOptions.InternalCall)] [RuntimeImport("*", "mirage_arch_image_end")] internal static extern byte* ImageEnd();
        [MethodImpl(MethodImplOptions.InternalCall)] [RuntimeImport("*", "mirage_arch_rdtsc")] internal static extern ulong ReadTsc();
        [MethodImpl(MethodImplOptions.InternalCall)] [RuntimeImport("*", "mirage_arch_cpuid")] internal static extern void Cpuid(uint leaf, uint subleaf, uint* registers);
        [MethodImpl(MethodImplOptions.InternalCall)] [RuntimeImport("*", "mirage_arch_wrmsr")] internal static extern void WriteMsr(uint msr, ulong value);
        [MethodImpl(MethodImplOptions.InternalCall)] [RuntimeImport("*", "mirage_arch_outb")] internal static extern void OutByte(ushort port, byte value);
        [MethodImpl(MethodImplOptions.InternalCall)] [RuntimeImport("*", "mirage_arch_inb")] internal static extern byte InByte(ushort port);
        [MethodImpl(MethodImplOptions.InternalCall)] [RuntimeImport("*", "mirage_arch_hypercall_page")] internal static extern byte* HypercallPage();
        [MethodImpl(MethodImplOptions.InternalCall)] [RuntimeImport("*", "mirage_arch_set_upcall_pending_byte")] internal static extern void SetUpcallPendingByte(byte* address);
    }
}
