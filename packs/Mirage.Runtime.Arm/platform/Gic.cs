using System.Threading;

namespace Mirage.Runtime.Arm.Platform
{
    /// <summary>
    /// The ARM Generic Interrupt Controller v2 (Xen's virtual GIC for ARMv7 guests, QEMU virt's
    /// GIC): only what waiting needs. The distributor forwards the interrupts we enable; the CPU
    /// interface is acknowledged by the boot stub's IRQ handler, whose address we hand over.
    /// </summary>
    internal static unsafe class Gic
    {
        private const int DistributorControl = 0x000;
        private const int SetEnable = 0x100;
        private const int Priority = 0x400;
        private const int CpuControl = 0x000;
        private const int PriorityMask = 0x004;

        private static byte* s_distributor;

        public static bool IsPresent => s_distributor != null;

        public static void Initialize(byte* distributor, byte* cpuInterface)
        {
            s_distributor = distributor;
            Write(distributor, DistributorControl, 1);
            Write(cpuInterface, PriorityMask, 0xF0);
            Write(cpuInterface, CpuControl, 1);
            Arch.SetGicCpuInterface(cpuInterface);
        }

        /// <summary>Lets <paramref name="interrupt"/> (an SGI/PPI for this CPU, or an SPI) reach the CPU.</summary>
        public static void Enable(int interrupt)
        {
            if (s_distributor == null || interrupt < 0) return;
            s_distributor[Priority + interrupt] = 0xA0;
            Write(s_distributor, SetEnable + 4 * (interrupt / 32), 1u << (interrupt % 32));
        }

        private static void Write(byte* registers, int offset, uint value)
        {
            Volatile.Write(ref *(int*)(registers + offset), (int)value);
        }
    }
}
