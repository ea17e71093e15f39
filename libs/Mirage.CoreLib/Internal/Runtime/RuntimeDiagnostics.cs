using Internal.Platform;

namespace Internal.Runtime
{
    /// <summary>
    /// Last-resort output for the runtime itself: writes straight to the platform console without
    /// allocating, so it works before the heap exists and after it is exhausted.
    /// </summary>
    internal static unsafe class RuntimeDiagnostics
    {
        /// <summary>Exit code of a unikernel that stopped because of a runtime failure (any non-zero is a crash on Xen).</summary>
        internal const int CrashExitCode = 134;

        internal static void Write(string text)
        {
            if ((object)text == null) return;
            byte* buffer = stackalloc byte[64];
            int used = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (used > 60) { Platform.Platform.ConsoleWrite(buffer, used); used = 0; }
                if (c < 0x80) buffer[used++] = (byte)c;
                else if (c < 0x800) { buffer[used++] = (byte)(0xC0 | (c >> 6)); buffer[used++] = (byte)(0x80 | (c & 0x3F)); }
                else { buffer[used++] = (byte)(0xE0 | (c >> 12)); buffer[used++] = (byte)(0x80 | ((c >> 6) & 0x3F)); buffer[used++] = (byte)(0x80 | (c & 0x3F)); }
            }
            if (used > 0) Platform.Platform.ConsoleWrite(buffer, used);
        }

        internal static void WriteDecimal(ulong value)
        {
            byte* buffer = stackalloc byte[20];
            int position = 20;
            do
            {
                ulong quotient = value / 10;
                buffer[--position] = (byte)('0' + (int)(value - quotient * 10));
                value = quotient;
            } while (value != 0);
            Platform.Platform.ConsoleWrite(buffer + position, 20 - position);
        }

        internal static void WriteHex(ulong value)
        {
            byte* buffer = stackalloc byte[16];
            int position = 16;
            do
            {
                int digit = (int)(value & 0xF);
                buffer[--position] = (byte)(digit < 10 ? '0' + digit : 'a' + digit - 10);
                value >>= 4;
            } while (value != 0);
            Platform.Platform.ConsoleWrite(buffer + position, 16 - position);
        }

        /// <summary>Prints "fatal: message" and ends the unikernel with the crash code.</summary>
        internal static void FailFast(string message)
        {
            Write("\nfatal: ");
            Write(message);
            Write("\n");
            Platform.Platform.Exit(CrashExitCode);
            while (true) { }
        }
    }
}
