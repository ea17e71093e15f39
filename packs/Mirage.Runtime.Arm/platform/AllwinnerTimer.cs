using System.Threading;

namespace Mirage.Runtime.Arm.Platform
{
    /// <summary>
    /// Timer 0 of the Allwinner A10/A20 timer block, the clock of CPUs without the ARM generic
    /// timer (the Cortex-A8 of QEMU's cubieboard): a 32-bit down-counter at 24 MHz, free-running
    /// from 0xFFFFFFFF. Extended to 64 bits by noticing wrap-arounds, which needs a read at least
    /// every 178 s (every wait reads it).
    /// </summary>
    internal static unsafe class AllwinnerTimer
    {
        public const ulong Frequency = 24_000_000;
        private const int Control = 0x10;
        private const int Interval = 0x14;
        private const int Current = 0x18;

        private static byte* s_registers;
        private static uint s_last;
        private static ulong s_elapsed;

        public static bool IsPresent => s_registers != null;

        public static void Start(byte* registers)
        {
            s_registers = registers;
            Volatile.Write(ref *(int*)(registers + Interval), unchecked((int)0xFFFFFFFF));
            // clock source OSC24M (bits 3:2 = 01), prescale 1, continuous, reload then enable
            Volatile.Write(ref *(int*)(registers + Control), (1 << 2) | (1 << 1));
            Volatile.Write(ref *(int*)(registers + Control), (1 << 2) | (1 << 1) | 1);
            s_last = Read();
        }

        /// <summary>24 MHz ticks since <see cref="Start"/>.</summary>
        public static ulong Ticks()
        {
            uint now = Read();
            s_elapsed += s_last - now; // a down-counter: unsigned difference handles the wrap
            s_last = now;
            return s_elapsed;
        }

        private static uint Read() => (uint)Volatile.Read(ref *(int*)(s_registers + Current));
    }
}
