using System;
using System.Runtime;

namespace Internal.Runtime
{
    /// <summary>
    /// Helpers ilc calls around managed/native transitions and on failure paths. With one thread
    /// and no moving collector, the GC transitions have nothing to do. (throw and rethrow are
    /// native/*/exceptions.S, which capture the registers and call ExceptionHandling.)
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

    }
}
