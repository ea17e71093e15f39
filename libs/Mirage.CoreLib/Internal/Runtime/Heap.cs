using Internal.Platform;

namespace Internal.Runtime
{
    /// <summary>
    /// The object heap: a bump allocator over the memory the platform gives us. Memory is never
    /// reclaimed yet (the garbage collector has its own issue); running out is a clear panic with
    /// the heap's size, never a silent corruption.
    /// </summary>
    internal static unsafe class Heap
    {
        private static byte* s_next;
        private static byte* s_end;
        private static byte* s_start;

        internal static nuint BytesAllocated => (nuint)(s_next - s_start);
        internal static nuint BytesTotal => (nuint)(s_end - s_start);

        internal static void Initialize()
        {
            s_start = Platform.Platform.HeapStart();
            s_end = Platform.Platform.HeapEnd();
            s_start = (byte*)(((nuint)s_start + 15) & ~(nuint)15);
            // An object's header word sits just before it, in the previous block: keep one word free
            // in front of the first object.
            s_next = s_start + 16;
        }

        /// <summary>Returns <paramref name="size"/> zeroed bytes, 8-byte aligned.</summary>
        internal static void* Allocate(nuint size)
        {
            if (s_start == null) Initialize();
            size = (size + 7) & ~(nuint)7;
            byte* block = s_next;
            if ((nuint)(s_end - block) < size) OutOfMemory(size);
            s_next = block + size;
            SpanHelpersZero(block, size);
            return block;
        }

        private static void SpanHelpersZero(byte* p, nuint size)
        {
            nuint words = size / (nuint)sizeof(nuint);
            nuint* w = (nuint*)p;
            for (nuint i = 0; i < words; i++) w[i] = 0;
        }

        private static void OutOfMemory(nuint requested)
        {
            RuntimeDiagnostics.Write("\nfatal: out of memory: requested ");
            RuntimeDiagnostics.WriteDecimal(requested);
            RuntimeDiagnostics.Write(" bytes; heap ");
            RuntimeDiagnostics.WriteDecimal(BytesAllocated);
            RuntimeDiagnostics.Write(" of ");
            RuntimeDiagnostics.WriteDecimal(BytesTotal);
            RuntimeDiagnostics.Write(" bytes used (no garbage collector yet)\n");
            Platform.Platform.Exit(RuntimeDiagnostics.CrashExitCode);
        }
    }
}
