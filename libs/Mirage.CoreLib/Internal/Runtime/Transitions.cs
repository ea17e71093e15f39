using System;
using System.Runtime;

namespace Internal.Runtime
{
    /// <summary>
    /// Helpers ilc calls around managed/native transitions and on failure paths. With one thread
    /// and no moving collector, the GC transitions have nothing to do.
    /// </summary>
    internal static unsafe class Transitions
    {
        [RuntimeExport("RhpReversePInvoke")] private static void ReversePInvoke(nint frame) { }
        [RuntimeExport("RhpReversePInvokeReturn")] private static void ReversePInvokeReturn(nint frame) { }
        [RuntimeExport("RhpPInvoke")] private static void PInvoke(nint frame) { }
        [RuntimeExport("RhpPInvokeReturn")] private static void PInvokeReturn(nint frame) { }
        [RuntimeExport("RhpGcPoll")] private static void GcPoll() { }

        [RuntimeExport("RhpFallbackFailFast")]
        private static void FallbackFailFast() => RuntimeDiagnostics.FailFast("stack buffer overrun detected (security cookie mismatch)");

        [RuntimeExport("RhDebugBreak")]
        private static void DebugBreak() => RuntimeDiagnostics.FailFast("Debugger.Break() called");

        /// <summary>
        /// <c>throw</c>. Until the unwinder exists (its own issue), every exception is unhandled:
        /// print what .NET would print first and end the domain with the crash code.
        /// </summary>
        [RuntimeExport("RhpThrowEx")]
        internal static void Throw(object exception)
        {
            Exception e = exception as Exception;
            RuntimeDiagnostics.Write("Unhandled exception. ");
            if (e == null) { RuntimeDiagnostics.Write("(not an Exception)\n"); }
            else
            {
                RuntimeDiagnostics.Write(e.RuntimeTypeName);
                string message = e.Message;
                if ((object)message != null && message.Length != 0) { RuntimeDiagnostics.Write(": "); RuntimeDiagnostics.Write(message); }
                RuntimeDiagnostics.Write("\n");
            }
            Platform.Platform.Exit(RuntimeDiagnostics.CrashExitCode);
        }

        [RuntimeExport("RhpRethrow")]
        private static void Rethrow() => RuntimeDiagnostics.FailFast("rethrow without exception support");
    }
}
