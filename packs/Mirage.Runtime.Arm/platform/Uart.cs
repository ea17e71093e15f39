using System.Threading;

namespace Mirage.Runtime.Arm.Platform
{
    /// <summary>
    /// The console without Xen: an ARM PL011 (QEMU virt) or a 16550-compatible UART with
    /// 4-byte register stride (the Allwinner A10/A20 UART0 of the CubieBoard family, DT
    /// "snps,dw-apb-uart"). Output only; the firmware or QEMU has set the line up.
    /// </summary>
    internal static unsafe class Uart
    {
        private enum Kind { None, Pl011, Ns16550 }

        private static Kind s_kind;
        private static byte* s_registers;
        private static int s_shift;

        public static bool IsPresent => s_kind != Kind.None;

        public static void UsePl011(byte* registers)
        {
            s_registers = registers;
            s_kind = Kind.Pl011;
            // UARTCR: enable, transmit enable (QEMU logs a guest error for writes to a disabled UART).
            Volatile.Write(ref *(int*)(registers + 0x30), 0x101);
        }

        public static void UseNs16550(byte* registers, int registerShift)
        {
            s_registers = registers;
            s_shift = registerShift;
            s_kind = Kind.Ns16550;
        }

        public static void Write(byte* data, nint length)
        {
            for (nint i = 0; i < length; i++) Put(data[i]);
        }

        private static void Put(byte value)
        {
            if (s_kind == Kind.Pl011)
            {
                while ((Volatile.Read(ref *(int*)(s_registers + 0x18)) & 0x20) != 0) { } // UARTFR.TXFF
                Volatile.Write(ref *(int*)s_registers, value);
            }
            else if (s_kind == Kind.Ns16550)
            {
                while ((Volatile.Read(ref *(int*)(s_registers + (5 << s_shift))) & 0x20) == 0) { } // LSR.THRE
                Volatile.Write(ref *(int*)s_registers, value);
            }
        }
    }
}
