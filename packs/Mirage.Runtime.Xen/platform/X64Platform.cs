using System;
using System.Runtime;
using Mirage.Xen;

namespace Mirage.Runtime.Xen.Platform
{
    /// <summary>
    /// Mirage.CoreLib's platform interface on x86_64: Xen PVH when CPUID finds Xen, otherwise the
    /// bare-metal fallbacks plain QEMU provides (COM1, the TSC calibrated against the PIT, the CMOS
    /// clock, isa-debug-exit).
    /// </summary>
    internal static unsafe class X64Platform
    {
        private const int ProtocolPvh = 1;
        private const int ProtocolMultiboot = 2;
        private const uint PvhStartInfoMagic = 0x336ec578;
        private const ushort Com1 = 0x3F8;
        private const ushort DebugExitPort = 0x501;
        private const int CallbackVector = 0x20;
        private const long MaxBlockNs = 50_000_000;
        private const int PolledPortsMax = 128; // SCHEDOP_poll's limit

        private static bool s_xen;
        private static byte* s_commandLine;
        private static byte* s_heapStart;
        private static byte* s_heapEnd;
        private static ulong s_tscPerSecond;
        private static long s_wallAtBootNs;
        private static byte[] s_pages;
        // Owns the bytes s_commandLine points into: a raw pointer alone would not keep them alive.
        private static byte[] s_commandLineBytes;

        internal static bool IsXen => s_xen;

        [RuntimeExport("mirage_xen_x64_initialize")]
        private static void Initialize()
        {
            // The heap is already usable (the runtime initialized it from our bounds); pages we
            // hand to Xen are carved from one array, aligned by hand. Objects never move.
            s_pages = new byte[3 * 4096];
            byte* pages = (byte*)(((nuint)PinnedAddress(s_pages) + 4095) & ~(nuint)4095);

            s_xen = DetectXen();
            if (s_xen) InitializeXen(pages);
            else InitializeBareMetal();
            CopyCommandLine();
        }

        private static byte* PinnedAddress(byte[] array)
        {
            fixed (byte* p = array) return p;
        }

        private static bool DetectXen()
        {
            uint* r = stackalloc uint[4];
            for (uint leaf = 0x40000000; leaf < 0x40010000; leaf += 0x100)
            {
                Arch.Cpuid(leaf, 0, r);
                // "XenVMMXenVMM" in ebx, ecx, edx
                if (r[1] == 0x566E6558 && r[2] == 0x65584D4D && r[3] == 0x4D4D566E && r[0] - leaf >= 2)
                {
                    Arch.Cpuid(leaf + 2, 0, r);
                    Arch.WriteMsr(r[1], (ulong)Arch.HypercallPage());
                    return true;
                }
            }
            return false;
        }

        private static void InitializeXen(byte* pages)
        {
            if (!SharedInfo.Map(pages, XenArchitecture.X86)) Panic("XENMEM_add_to_physmap(shared_info) failed");
            Arch.SetUpcallPendingByte(SharedInfo.UpcallPending);
            HvmParameters.Set(HvmParameters.CallbackIrq, (2UL << 56) | CallbackVector);

            // Every port masked: a pending unmasked port keeps Block from sleeping, so only ports
            // someone polls are unmasked (device ports, by their drivers). Sleeps end by
            // SCHEDOP_poll's timeout, so no timer VIRQ is bound.
            SharedInfo.MaskAll();
            if (HvmParameters.TryGet(HvmParameters.ConsolePfn, out ulong consolePfn)
                && HvmParameters.TryGet(HvmParameters.ConsoleEventChannel, out ulong consolePort))
                ConsoleRing.Connect((byte*)(consolePfn << 12), (uint)consolePort);

        }

        private static void InitializeBareMetal()
        {
            // COM1: 115200 8N1, FIFOs on.
            Arch.OutByte(Com1 + 1, 0x00);
            Arch.OutByte(Com1 + 3, 0x80);
            Arch.OutByte(Com1 + 0, 0x01);
            Arch.OutByte(Com1 + 1, 0x00);
            Arch.OutByte(Com1 + 3, 0x03);
            Arch.OutByte(Com1 + 2, 0xC7);
            s_tscPerSecond = CalibrateTsc();
            s_wallAtBootNs = ReadCmosWallClock() - MonotonicNanoseconds();
        }

        /// <summary>Counts TSC ticks over 10 ms of PIT channel 2 (1.193182 MHz), gated through port 0x61.</summary>
        private static ulong CalibrateTsc()
        {
            const ushort count = 11932; // 10 ms
            byte gate = Arch.InByte(0x61);
            Arch.OutByte(0x61, (byte)((gate & 0xFD) | 0x01));
            Arch.OutByte(0x43, 0xB0);            // channel 2, lobyte/hibyte, mode 0
            Arch.OutByte(0x42, unchecked((byte)count));
            Arch.OutByte(0x42, (byte)(count >> 8));
            ulong start = Arch.ReadTsc();
            while ((Arch.InByte(0x61) & 0x20) == 0) { }
            ulong ticks = Arch.ReadTsc() - start;
            Arch.OutByte(0x61, gate);
            return ticks == 0 ? 1000000000UL : ticks * 100;
        }

        private static long ReadCmosWallClock()
        {
            while ((ReadCmos(0x0A) & 0x80) != 0) { } // update in progress
            int second = ReadCmos(0x00), minute = ReadCmos(0x02), hour = ReadCmos(0x04);
            int day = ReadCmos(0x07), month = ReadCmos(0x08), year = ReadCmos(0x09);
            if ((ReadCmos(0x0B) & 0x04) == 0)
            {
                second = Bcd(second); minute = Bcd(minute); hour = Bcd(hour & 0x7F) | (hour & 0x80);
                day = Bcd(day); month = Bcd(month); year = Bcd(year);
            }
            if (month < 1 || month > 12 || day < 1 || day > 31) return 0;
            var date = new DateTime(2000 + year, month, day, hour & 0x7F, minute, second, DateTimeKind.Utc);
            return (date.Ticks - DateTime.UnixEpoch.Ticks) * 100;
        }

        private static int ReadCmos(byte register)
        {
            Arch.OutByte(0x70, register);
            return Arch.InByte(0x71);
        }

        private static int Bcd(int value) => (value & 0x0F) + (value >> 4) * 10;

        private static void CopyCommandLine()
        {
            byte* source = null;
            uint info = Arch.BootInfo();
            int protocol = Arch.BootProtocol();
            if (protocol == ProtocolPvh && info != 0 && *(uint*)info == PvhStartInfoMagic)
                source = (byte*)*(ulong*)(info + 24);
            else if (protocol == ProtocolMultiboot && info != 0 && (*(uint*)info & 4) != 0)
                source = (byte*)*(uint*)(info + 16);
            // Multiboot loaders (GRUB, QEMU) put the kernel's path first: boot parameters follow it.
            if (protocol == ProtocolMultiboot && source != null)
            {
                while (*source != 0 && *source != ' ') source++;
                while (*source == ' ') source++;
            }
            int length = 0;
            if (source != null) while (source[length] != 0 && length < 4095) length++;
            s_commandLineBytes = new byte[length + 1];
            s_commandLine = (byte*)PinnedAddress(s_commandLineBytes);
            for (int i = 0; i < length; i++) s_commandLine[i] = source[i];
            s_commandLine[length] = 0;
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

        private static void FindHeap()
        {
            ulong first = (ulong)Arch.ImageEnd();
            ulong end = 0;
            uint info = Arch.BootInfo();
            int protocol = Arch.BootProtocol();
            // Boot loaders place their data (start info, memory map, command line) after the
            // image: the heap starts above all of it so that nothing is overwritten before use.
            first = Above(first, info, 64);
            if (protocol == ProtocolPvh && info != 0 && *(uint*)info == PvhStartInfoMagic)
            {
                first = Above(first, *(ulong*)(info + 24), 4096);
                if (*(uint*)(info + 4) >= 1) first = Above(first, *(ulong*)(info + 40), *(uint*)(info + 48) * 24UL);
            }
            else if (protocol == ProtocolMultiboot && info != 0)
            {
                if ((*(uint*)info & 4) != 0) first = Above(first, *(uint*)(info + 16), 4096);
                if ((*(uint*)info & 64) != 0) first = Above(first, *(uint*)(info + 48), *(uint*)(info + 44));
            }
            byte* start = (byte*)((first + 4095) & ~4095UL);
            if (protocol == ProtocolPvh && info != 0 && *(uint*)info == PvhStartInfoMagic && *(uint*)(info + 4) >= 1)
            {
                // hvm_start_info v1 memory map: { u64 address, u64 size, u32 type, u32 reserved }, type 1 = RAM
                byte* map = (byte*)*(ulong*)(info + 40);
                uint entries = *(uint*)(info + 48);
                for (uint i = 0; i < entries; i++)
                {
                    byte* entry = map + i * 24;
                    ulong address = *(ulong*)entry, size = *(ulong*)(entry + 8);
                    if (*(uint*)(entry + 16) == 1 && address <= (ulong)start && address + size > (ulong)start) end = address + size;
                }
            }
            else if (protocol == ProtocolMultiboot && info != 0 && (*(uint*)info & 1) != 0)
                end = 0x100000 + (ulong)*(uint*)(info + 8) * 1024;
            if (end == 0) end = (ulong)start + 16 * 1024 * 1024; // no map: assume the 16 MiB every test VM has
            if (end > 0xFFFFF000UL) end = 0xFFFFF000UL;            // the boot stub maps the first 4 GiB
            s_heapStart = start;
            s_heapEnd = (byte*)end;
        }

        private static ulong Above(ulong current, ulong address, ulong size)
            => address >= 0x100000 && address + size > current && address < 0x100000000UL ? address + size : current;

        // ---- console ----

        [RuntimeExport("mirage_platform_console_write")]
        private static void ConsoleWrite(byte* data, nint length)
        {
            if (s_xen)
            {
                if (ConsoleRing.IsConnected) ConsoleRing.Write(data, length);
                return;
            }
            for (nint i = 0; i < length; i++)
            {
                while ((Arch.InByte(Com1 + 5) & 0x20) == 0) { }
                Arch.OutByte(Com1, data[i]);
            }
        }

        // ---- clocks ----

        [RuntimeExport("mirage_platform_monotonic_ns")]
        private static long MonotonicNanoseconds()
        {
            ulong tsc = Arch.ReadTsc();
            if (s_xen) return SharedInfo.SystemTimeNanoseconds(tsc);
            ulong ticks = tsc - Arch.BootTsc();
            ulong perSecond = s_tscPerSecond == 0 ? 1000000000UL : s_tscPerSecond;
            ulong seconds = ticks / perSecond;
            return (long)(seconds * 1000000000UL + (ticks - seconds * perSecond) * 1000000000UL / perSecond);
        }

        [RuntimeExport("mirage_platform_wall_ns")]
        private static long WallNanoseconds()
        {
            if (s_xen) return SharedInfo.WallClockBaseNanoseconds() + MonotonicNanoseconds();
            return s_wallAtBootNs + MonotonicNanoseconds();
        }

        [RuntimeExport("mirage_platform_entropy")]
        private static ulong Entropy() => EntropyMixer.Mix(Arch.ReadTsc(), WallNanoseconds());

        // ---- idle ----

        [RuntimeExport("mirage_platform_block")]
        private static void Block(long deadlineNs)
        {
            if (s_xen)
            {
                // SCHEDOP_poll, not SCHEDOP_block: Xen's block returns at once only if the upcall
                // could be delivered right now, and in sti's interrupt shadow it cannot, so an event
                // that arrived just before the call (upcall flag already set, hence no new kick)
                // was slept through for good. Poll judges by the ports' pending bits instead.
                // The upcall flag and selector are cleared so that Xen keeps setting them afresh.
                SharedInfo.AcknowledgeUpcall();
                if (SharedInfo.AnyUnmaskedPending()) return; // a driver has work: let its poller run
                // Never sleep longer than MaxBlockNs, as a backstop.
                long now = MonotonicNanoseconds();
                long wake = deadlineNs - now > MaxBlockNs ? now + MaxBlockNs : deadlineNs;
                if (wake <= now) return;
                uint* ports = stackalloc uint[PolledPortsMax];
                int count = SharedInfo.UnmaskedPorts(ports, PolledPortsMax);
                Scheduler.Poll(ports, count, wake);
                return;
            }
            // No interrupts without Xen: wait on the clock.
            while (MonotonicNanoseconds() < deadlineNs) { }
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
                // QEMU's isa-debug-exit ends the process with status (code << 1) | 1.
                Arch.OutByte(DebugExitPort, (byte)(code == 0 ? 0 : code > 127 ? 127 : code));
            }
            while (true) { }
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

        // A switch, not a static table: this class's class constructor runs when the heap asks
        // for its bounds, before the runtime has allocated the statics it would fill.
        private static string ExceptionName(ulong vector) => vector switch
        {
            0 => "divide error", 1 => "debug", 2 => "NMI", 3 => "breakpoint", 4 => "overflow", 5 => "bound range",
            6 => "invalid opcode", 7 => "device not available", 8 => "double fault", 9 => "coprocessor overrun",
            10 => "invalid TSS", 11 => "segment not present", 12 => "stack fault", 13 => "general protection",
            14 => "page fault", 15 => "reserved", 16 => "x87 floating point", 17 => "alignment check",
            18 => "machine check", 19 => "SIMD floating point", _ => "?",
        };

        /// <summary>A CPU exception: print what and where, then stop with the crash code.</summary>
        [RuntimeExport("mirage_arch_fault")]
        private static void Fault(ulong vector, ulong errorCode, ulong rip, ulong cr2)
        {
            WriteRaw("\nfatal: CPU exception ");
            WriteRaw(ExceptionName(vector));
            WriteRaw(" (vector " + vector.ToString() + ", error " + errorCode.ToString() + ") at rip 0x" + rip.ToString("x") + (vector == 14 ? ", address 0x" + cr2.ToString("x") : "") + "\n");
            Exit(134);
        }
    }
}
