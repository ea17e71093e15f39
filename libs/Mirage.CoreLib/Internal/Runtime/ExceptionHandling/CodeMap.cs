namespace Internal.Runtime.ExceptionHandling
{
    /// <summary>The unwind tables of the image, through the unwinder of the architecture it runs on.</summary>
    internal static unsafe class CodeMap
    {
        private static bool s_initialized;
        private static NativeLayout s_layout;

        /// <summary>
        /// At boot, once the heap is up: the x64 unwinder builds its index of functions in heap
        /// memory, which is not to be asked of the heap later, in the middle of a CPU fault.
        /// </summary>
        internal static void Initialize()
        {
            if (s_initialized) return;
            NativeLayout layout;
            NativePrimitives.GetNativeLayout(&layout);
            s_layout = layout;
            if (RegisterSet.Is64Bit) DwarfUnwinder.Initialize(layout.UnwindTablesStart, layout.UnwindTablesEnd);
            else EhabiUnwinder.Initialize(layout.UnwindTablesStart, layout.UnwindTablesEnd);
            s_initialized = true;
        }

        internal static NativeLayout* Layout
        {
            get
            {
                if (!s_initialized) Initialize();
                fixed (NativeLayout* layout = &s_layout) return layout;
            }
        }

        /// <summary>Whether <paramref name="pc"/> lies in code ilc compiled (not the boot stub or the assembly helpers).</summary>
        internal static bool IsManagedCode(nint pc)
        {
            NativeLayout* layout = Layout;
            return pc >= layout->ManagedCodeStart && pc < layout->ManagedCodeEnd;
        }

        internal static bool FindCode(nint pc, CodeInfo* info)
        {
            if (!IsManagedCode(pc)) return false;
            return RegisterSet.Is64Bit ? DwarfUnwinder.FindCode(pc, info) : EhabiUnwinder.FindCode(pc, info);
        }

        internal static bool Unwind(RegisterSet* registers, CodeInfo* info, nint pc) =>
            RegisterSet.Is64Bit ? DwarfUnwinder.Unwind(registers, info, pc) : EhabiUnwinder.Unwind(registers, info, pc);

        /// <summary>A funclet's address as code calls it (ARM: Thumb).</summary>
        internal static nint CallableAddress(nint address) => RegisterSet.Is64Bit ? address : address | 1;
    }
}
