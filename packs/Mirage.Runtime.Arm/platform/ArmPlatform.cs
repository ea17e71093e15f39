using System;
using System.Runtime;
using System.Threading;
using Mirage.Xen;

namespace Mirage.Runtime.Arm.Platform
{
    /// <summary>
    /// Mirage.CoreLib's platform interface on ARMv7. Everything is found in the device tree the
    /// loader passes: RAM, the boot arguments (/chosen/bootargs), Xen (/hypervisor, "xen,xen"),
    /// the GIC and the generic timer. Under Xen: PV console, the virtual timer for sleeps,
    /// SCHEDOP_block to idle, SCHEDOP_shutdown to exit. Without Xen (plain QEMU, for fast tests):
    /// the board's UART (PL011 on virt; the Allwinner UART on cubieboard), wfi, and semihosting
    /// to exit. Loaders that pass ATAGs instead of a device tree (QEMU's cubieboard) are taken to
    /// be Allwinner A10/A20 boards, whose UART0 and timer addresses are fixed.
    /// </summary>
    internal static unsafe class ArmPlatform
    {
        private const uint AtagCore = 0x54410001;
        private const uint AtagMemory = 0x54410002;
        private const uint AtagCommandLine = 0x54410009;
        private const long MaxBlockNs = 50_000_000;
        private const int DefaultVirtualTimerInterrupt = 27;
        private const int SemihostingExitExtended = 0x20;
        private const int SemihostingApplicationExit = 0x20026;
        private const int ConsoleIo = 18;

        // Allwinner A10/A20 (CubieBoard family): UART0 (16550, 4-byte stride) and the timer block.
        private const uint AllwinnerUart0 = 0x01C28000;
        private const uint AllwinnerTimerBase = 0x01C20C00;

        private static DeviceTree s_tree;
        private static BoardNodes s_board;
        private static byte* s_atags;
        private static bool s_xen;
        private static ulong s_counterFrequency;
        private static byte* s_commandLine;
        private static byte* s_heapStart;
        private static byte* s_heapEnd;
        private static long s_wallAtBootNs;
        private static byte[] s_pages;
        // Owns the bytes s_commandLine points into: a raw pointer alone would not keep them alive.
        private static byte[] s_commandLineBytes;

        [RuntimeExport("mirage_xen_arm_initialize")]
        private static void Initialize()
        {
            if (s_heapStart == null) FindHeap();
            // Pages handed to Xen come from one array, aligned by hand. Objects never move.
            s_pages = new byte[2 * 4096];
            byte* pages = (byte*)(((nuint)PinnedAddress(s_pages) + 4095) & ~(nuint)4095);

            if ((Arch.ProcessorFeatures1() & 0xF0000) != 0) s_counterFrequency = Arch.CounterFrequency();

            if (s_tree.IsValid) InitializeFromDeviceTree(pages);
            else InitializeAllwinnerWithoutDeviceTree();

            if (s_counterFrequency == 0 && !AllwinnerTimer.IsPresent) Panic("no clock: the CPU has no generic timer and the board no known timer");
            CopyCommandLine();
        }

        private static void InitializeFromDeviceTree(byte* pages)
        {
            // The timer node's clock-frequency, when present, overrides CNTFRQ (firmware may not set it).
            int timerInterrupt = DefaultVirtualTimerInterrupt;
            DeviceNode timer = s_board.GenericTimer;
            if (timer.IsPresent)
            {
                if (s_counterFrequency != 0 && timer.TryGetCell("clock-frequency", 0, out uint frequency) && frequency != 0) s_counterFrequency = frequency;
                if (timer.GicInterrupt(2) >= 0) timerInterrupt = timer.GicInterrupt(2);
            }

            DeviceNode gic = s_board.GicV2;
            if (gic.TryGetRegister(0, out ulong distributor, out _) && gic.TryGetRegister(1, out ulong cpuInterface, out _))
                Gic.Initialize((byte*)(nuint)distributor, (byte*)(nuint)cpuInterface);
            if (!Gic.IsPresent && s_board.GicV3.IsPresent)
                Panic("GICv3 is not supported: run the guest with a GICv2 (Xen: gic_version=\"v2\"; QEMU: -M virt,gic-version=2)");
            if (Gic.IsPresent && s_counterFrequency != 0) Gic.Enable(timerInterrupt);

            if (s_board.Xen.IsPresent)
            {
                s_xen = true;
                if (!SharedInfo.Map(pages, XenArchitecture.Arm)) Panic("XENMEM_add_to_physmap(shared_info) failed");
                // Every port masked: a pending unmasked port keeps Block from sleeping, so only the
                // ports device drivers poll get unmasked (by them).
                SharedInfo.MaskAll();
                if (HvmParameters.TryGet(HvmParameters.ConsolePfn, out ulong consolePfn)
                    && HvmParameters.TryGet(HvmParameters.ConsoleEventChannel, out ulong consolePort))
                    ConsoleRing.Connect((byte*)(nuint)(consolePfn << 12), (uint)consolePort);
                // Xen's event-channel upcall is a PPI named by the hypervisor node.
                Gic.Enable(s_board.Xen.GicInterrupt(0));
                if (!Gic.IsPresent) Panic("Xen gave no GICv2 in the device tree");
                if (s_counterFrequency == 0) Panic("Xen on ARM needs the generic timer, which this CPU lacks");
                return;
            }

            if (s_board.Pl011.TryGetRegister(0, out ulong pl011Base, out _))
                Uart.UsePl011((byte*)(nuint)pl011Base);
            else if (s_board.Ns16550.TryGetRegister(0, out ulong uartBase, out _))
                Uart.UseNs16550((byte*)(nuint)uartBase, s_board.Ns16550.TryGetCell("reg-shift", 0, out uint shift) ? (int)shift : 0);

            if (s_counterFrequency == 0 && s_board.AllwinnerTimer.TryGetRegister(0, out ulong timerBase, out _))
                AllwinnerTimer.Start((byte*)(nuint)timerBase);

            // PL031 real-time clock (QEMU virt): seconds since the epoch.
            if (s_board.Pl031.TryGetRegister(0, out ulong rtcBase, out _))
                s_wallAtBootNs = (long)(uint)Volatile.Read(ref *(int*)(nuint)rtcBase) * 1_000_000_000L - MonotonicNanoseconds();
        }

        private static void InitializeAllwinnerWithoutDeviceTree()
        {
            Uart.UseNs16550((byte*)AllwinnerUart0, 2);
            if (s_counterFrequency == 0) AllwinnerTimer.Start((byte*)AllwinnerTimerBase);
        }

        private static byte* PinnedAddress(byte[] array)
        {
            fixed (byte* p = array) return p;
        }

        private static void CopyCommandLine()
        {
            byte* source = null;
            if (s_board.Chosen.TryGetProperty("bootargs", out byte* bootArguments, out int length) && length > 0)
                source = bootArguments;
            else if (s_atags != null)
                for (uint* tag = (uint*)s_atags; tag[0] >= 2 && tag[1] != 0; tag += tag[0])
                    if (tag[1] == AtagCommandLine) { source = (byte*)(tag + 2); break; }
            int count = 0;
            if (source != null) while (source[count] != 0 && count < 4095) count++;
            s_commandLineBytes = new byte[count + 1];
            s_commandLine = PinnedAddress(s_commandLineBytes);
            for (int i = 0; i < count; i++) s_commandLine[i] = source[i];
            s_commandLine[count] = 0;
        }

        // ---- memory: called by the runtime before anything else, so no allocation here ----

        [RuntimeExport("mirage_platform_heap_start")]
        private static byte* HeapStart()
        {
            if (s_heapStart == null) FindHeap();
            return s_heapStart;
        }

        [RuntimeExport("mirage_platform_heap_end")]
        private static byte* HeapEnd()
        {
            if (s_heapStart == null) FindHeap();
            return s_heapEnd;
        }

        /// <summary>
        /// The heap is the RAM bank holding the image, from the image's end up to the bank's end
        /// or to the device tree, whichever comes first (Xen puts the tree at the top of RAM,
        /// QEMU in the middle; the tree must survive until the platform has read it).
        /// </summary>
        private static void FindHeap()
        {
            ulong start = ((ulong)(nuint)Arch.ImageEnd() + 4095) & ~4095UL;
            ulong end = 0;
            byte* parameters = Arch.BootParameters();
            if (DeviceTree.TryOpen(parameters, out DeviceTree tree))
            {
                s_tree = tree;
                tree.Scan(out s_board);
                for (int i = 0; s_board.Memory.TryGetRegister(i, out ulong address, out ulong size); i++)
                    if (address <= start && address + size > start) end = address + size;
                ulong treeStart = (ulong)(nuint)parameters;
                if (treeStart >= start && treeStart < end) end = treeStart & ~4095UL;
            }
            else if (parameters != null && ((nuint)parameters & 3) == 0 && ((uint*)parameters)[1] == AtagCore)
            {
                s_atags = parameters;
                for (uint* tag = (uint*)parameters; tag[0] >= 2 && tag[1] != 0; tag += tag[0])
                    if (tag[1] == AtagMemory && tag[3] <= start && (ulong)tag[3] + tag[2] > start) end = (ulong)tag[3] + tag[2];
            }
            if (end == 0) end = start + 16 * 1024 * 1024; // no memory map: assume the 16 MiB every test VM has
            if (end > 0xFFFFF000UL) end = 0xFFFFF000UL;
            s_heapStart = (byte*)(nuint)start;
            s_heapEnd = (byte*)(nuint)end;
        }

        // ---- console ----

        [RuntimeExport("mirage_platform_console_write")]
        private static void ConsoleWrite(byte* data, nint length)
        {
            if (s_xen)
            {
                if (ConsoleRing.IsConnected) ConsoleRing.Write(data, length);
                else Hypercall.Call(ConsoleIo, 0, length, (nint)data); // CONSOLEIO_write: Xen's own console
                return;
            }
            Uart.Write(data, length);
        }

        // ---- clocks ----

        [RuntimeExport("mirage_platform_monotonic_ns")]
        private static long MonotonicNanoseconds()
        {
            if (s_counterFrequency != 0) return ToNanoseconds(Arch.VirtualCounter() - Arch.BootCounter(), s_counterFrequency);
            if (AllwinnerTimer.IsPresent) return ToNanoseconds(AllwinnerTimer.Ticks(), AllwinnerTimer.Frequency);
            return 0;
        }

        private static long ToNanoseconds(ulong ticks, ulong frequency)
        {
            ulong seconds = ticks / frequency;
            return (long)(seconds * 1_000_000_000UL + (ticks - seconds * frequency) * 1_000_000_000UL / frequency);
        }

        /// <summary>Counter ticks for <paramref name="nanoseconds"/>, rounded up so that a wait never ends early.</summary>
        private static ulong ToTicks(long nanoseconds, ulong frequency)
        {
            ulong ns = (ulong)nanoseconds;
            ulong seconds = ns / 1_000_000_000UL;
            return seconds * frequency + ((ns - seconds * 1_000_000_000UL) * frequency + 999_999_999UL) / 1_000_000_000UL;
        }

        [RuntimeExport("mirage_platform_wall_ns")]
        private static long WallNanoseconds()
        {
            // Xen on ARM keeps the wall clock at the domain's counter zero (Linux reads it the same way).
            if (s_xen) return SharedInfo.WallClockBaseNanoseconds() + ToNanoseconds(Arch.VirtualCounter(), s_counterFrequency);
            return s_wallAtBootNs == 0 ? 0 : s_wallAtBootNs + MonotonicNanoseconds();
        }

        [RuntimeExport("mirage_platform_entropy")]
        private static ulong Entropy()
            => EntropyMixer.Mix(s_counterFrequency != 0 ? Arch.VirtualCounter() : AllwinnerTimer.IsPresent ? AllwinnerTimer.Ticks() : 0, WallNanoseconds());

        // ---- idle ----

        [RuntimeExport("mirage_platform_block")]
        private static void Block(long deadlineNs)
        {
            long now = MonotonicNanoseconds();
            if (deadlineNs <= now) return;
            if (s_counterFrequency == 0 || !Gic.IsPresent)
            {
                while (MonotonicNanoseconds() < deadlineNs) { } // no timer interrupt: wait on the clock
                return;
            }
            long wake = s_xen && deadlineNs - now > MaxBlockNs ? now + MaxBlockNs : deadlineNs;
            if (s_xen)
            {
                // Xen injects the event-channel PPI only on a 0 -> 1 transition of
                // evtchn_upcall_pending: clear it (and the selector) so the next event wakes us.
                SharedInfo.AcknowledgeUpcall();
                // A device event already pending raises no new upcall: return so the drivers' pollers see it.
                if (SharedInfo.AnyUnmaskedPending()) return;
                Arch.SetVirtualTimer(Arch.BootCounter() + ToTicks(wake, s_counterFrequency), 1);
                Arch.XenBlock();
            }
            else
            {
                Arch.SetVirtualTimer(Arch.BootCounter() + ToTicks(wake, s_counterFrequency), 1);
                Arch.WaitForInterrupt();
            }
            Arch.TakeInterrupts();
        }

        // ---- boot parameters and exit ----

        [RuntimeExport("mirage_platform_cmdline")]
        private static byte* CommandLine() => s_commandLine;

        [RuntimeExport("mirage_platform_exit")]
        private static void Exit(int code)
        {
            Console.Out.Flush();
            if (s_xen)
            {
                ConsoleRing.Drain();
                Scheduler.ShutdownDomain(code == 0 ? Scheduler.ShutdownPoweroff : Scheduler.ShutdownCrash);
            }
            else
            {
                // SYS_EXIT_EXTENDED: QEMU (-semihosting) exits with the code itself.
                int* block = stackalloc int[2];
                block[0] = SemihostingApplicationExit;
                block[1] = code;
                Arch.Semihosting(SemihostingExitExtended, (nint)block);
            }
            while (true) Arch.WaitForInterrupt();
        }

        private static void Panic(string message)
        {
            WriteRaw("\nfatal: ");
            WriteRaw(message);
            WriteRaw("\n");
            Exit(134);
        }

        private static void WriteRaw(string text)
        {
            byte* buffer = stackalloc byte[text.Length];
            for (int i = 0; i < text.Length; i++) buffer[i] = (byte)text[i];
            ConsoleWrite(buffer, text.Length);
        }

        /// <summary>A CPU exception (boot stub's vectors): print what and where, then stop with the crash code.</summary>
        [RuntimeExport("mirage_arch_fault")]
        private static void Fault(int kind, uint pc, uint address, uint status)
        {
            // No static tables in this class: its statics are read before the runtime has run class constructors.
            string what = kind switch
            {
                0 => "reset",
                1 => "undefined instruction",
                2 => "supervisor call (semihosting without a debugger?)",
                3 => "prefetch abort",
                4 => "data abort",
                _ => "unexpected interrupt",
            };
            string detail = kind == 3 || kind == 4 ? ", address 0x" + address.ToString("x") + ", status 0x" + status.ToString("x") : "";
            if (kind == 4 && address < 0x100000) detail += " (null reference)";
            WriteRaw("\nfatal: CPU exception: " + what + " at pc 0x" + pc.ToString("x") + detail + "\n");
            // An unexpected svc is most likely the exit's semihosting call itself (QEMU without
            // -semihosting): exiting again would only repeat it, so stop here.
            if (kind == 2) while (true) Arch.WaitForInterrupt();
            Exit(134);
        }
    }
}
