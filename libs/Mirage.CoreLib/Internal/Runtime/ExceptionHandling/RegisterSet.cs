using System.Runtime.InteropServices;

namespace Internal.Runtime.ExceptionHandling
{
    /// <summary>
    /// The registers of one stack frame, as the unwinder tracks them and the assembly primitives
    /// (native/*/exceptions.S) read and write them: 16 general registers, the instruction pointer,
    /// a pad and d8-d15. x64 numbers its registers as DWARF does (rax rdx rcx rbx rsi rdi rbp rsp
    /// r8-r15); ARM as the architecture does (r0-r15, r13 = sp, r14 = lr). One layout for both:
    /// the field sizes follow nint (208 bytes on x64, 136 on ARM), as the assembly expects.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    internal unsafe struct RegisterSet
    {
        internal nint R0, R1, R2, R3, R4, R5, R6, R7, R8, R9, R10, R11, R12, R13, R14, R15;
        internal nint Ip;
        internal nint Pad;
        internal fixed ulong FloatingPoint[8];

        internal static bool Is64Bit => sizeof(nint) == 8;

        /// <summary>Index of the stack pointer among the general registers.</summary>
        internal static int StackPointerIndex => Is64Bit ? 7 : 13;

        /// <summary>
        /// The code address an instruction pointer or return address designates. On ARMv7 bit 0
        /// is the Thumb state, not part of the address; on x86_64 every bit counts (instructions
        /// and return addresses are often odd, so masking there would point into the previous
        /// instruction and miss the funclet-return address).
        /// </summary>
        internal static nint CodeAddress(nint ip) => Is64Bit ? ip : ip & ~(nint)1;

        internal static nint* General(RegisterSet* set) => (nint*)set;

        internal static nint StackPointer(RegisterSet* set) => ((nint*)set)[StackPointerIndex];
    }

    /// <summary>Where the linker put the tables the unwinder reads (filled by mirage_eh_native_layout).</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal unsafe struct NativeLayout
    {
        internal nint ManagedCodeStart, ManagedCodeEnd;
        internal byte* UnwindTablesStart, UnwindTablesEnd;  // x64: .eh_frame; ARM: .ARM.exidx
        internal byte* SymbolsStart, SymbolsEnd;           // .mirage_symbols
        internal nint FuncletReturn, CatchReturn;          // return addresses inside the funclet-calling helpers
    }
}
