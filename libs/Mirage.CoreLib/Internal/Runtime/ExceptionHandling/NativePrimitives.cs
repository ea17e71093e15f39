using System.Runtime;
using System.Runtime.CompilerServices;

namespace Internal.Runtime.ExceptionHandling
{
    /// <summary>The assembly primitives of native/x64/exceptions.S and native/arm/exceptions.S.</summary>
    internal static unsafe class NativePrimitives
    {
        /// <summary>Runs a filter or finally/fault funclet with <paramref name="frame"/>'s callee-saved registers (written back afterwards); returns its result.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        [RuntimeImport("*", "mirage_eh_call_funclet")]
        internal static extern nint CallFunclet(object exception, nint funclet, RegisterSet* frame);

        /// <summary>Runs a catch funclet, stores <paramref name="newHead"/> in <paramref name="dispatchHead"/>, continues the frame where the funclet says. Does not return.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        [RuntimeImport("*", "mirage_eh_call_catch")]
        internal static extern void CallCatch(object exception, nint funclet, RegisterSet* frame, void** dispatchHead, void* newHead);

        /// <summary>Continues <paramref name="frame"/> at its instruction pointer with the result register set to <paramref name="result"/>. Does not return.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        [RuntimeImport("*", "mirage_eh_resume")]
        internal static extern void Resume(RegisterSet* frame, nint result);

        [MethodImpl(MethodImplOptions.InternalCall)]
        [RuntimeImport("*", "mirage_eh_native_layout")]
        internal static extern void GetNativeLayout(NativeLayout* layout);
    }
}
