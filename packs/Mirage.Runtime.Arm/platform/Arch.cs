using System.Runtime;
using System.Runtime.CompilerServices;

namespace Mirage.Runtime.Arm.Platform
{
    /// <summary>The boot stub's primitives (native/arm/boot.S).</summary>
    internal static unsafe class Arch
    {
        [MethodImpl(MethodImplOptions.InternalCall)] [RuntimeImport("*", "mirage_arch_boot_params")] internal static extern byte* BootParameters();
        [MethodImpl(MethodImplOptions.InternalCall)] [RuntimeImport("*", "mirage_arch_boot_counter")] internal static extern ulong BootCounter();
        [MethodImpl(MethodImplOptions.InternalCall)] [RuntimeImport("*", "mirage_arch_image_end")] internal static extern byte* ImageEnd();
        [MethodImpl(MethodImplOptions.InternalCall)] [RuntimeImport("*", "mirage_arch_read_id_pfr1")] internal static extern uint ProcessorFeatures1();
        [MethodImpl(MethodImplOptions.InternalCall)] [RuntimeImport("*", "mirage_arch_read_counter_frequency")] internal static extern uint CounterFrequency();
        [MethodImpl(MethodImplOptions.InternalCall)] [RuntimeImport("*", "mirage_arch_read_virtual_counter")] internal static extern ulong VirtualCounter();
        [MethodImpl(MethodImplOptions.InternalCall)] [RuntimeImport("*", "mirage_arch_set_virtual_timer")] internal static extern void SetVirtualTimer(ulong compare, uint control);
        [MethodImpl(MethodImplOptions.InternalCall)] [RuntimeImport("*", "mirage_arch_wait_for_interrupt")] internal static extern void WaitForInterrupt();
        [MethodImpl(MethodImplOptions.InternalCall)] [RuntimeImport("*", "mirage_arch_xen_block")] internal static extern void XenBlock();
        [MethodImpl(MethodImplOptions.InternalCall)] [RuntimeImport("*", "mirage_arch_set_gic_cpu_interface")] internal static extern void SetGicCpuInterface(byte* registers);
        [MethodImpl(MethodImplOptions.InternalCall)] [RuntimeImport("*", "mirage_arch_take_interrupts")] internal static extern uint TakeInterrupts();
        [MethodImpl(MethodImplOptions.InternalCall)] [RuntimeImport("*", "mirage_arch_semihosting")] internal static extern nint Semihosting(nint operation, nint parameter);
    }
}
