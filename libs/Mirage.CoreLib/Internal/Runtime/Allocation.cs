using System;
using System.Runtime;
using Internal.Runtime.GarbageCollection;

namespace Internal.Runtime
{
    /// <summary>The allocation helpers ilc-compiled code calls for <c>new</c>.</summary>
    internal static unsafe class Allocation
    {
        [RuntimeExport("RhpNewFast")]
        internal static void* AllocateObject(MethodTable* type)
        {
            MethodTable** result = (MethodTable**)GcHeap.AllocateObject((type->BaseSize + 7) & ~7u);
            *result = type;
            return result;
        }

        [RuntimeExport("RhpNewFinalizable")]
        private static void* AllocateFinalizable(MethodTable* type) => AllocateObject(type);

        [RuntimeExport("RhpNewFastAlign8")]
        private static void* AllocateAlign8(MethodTable* type) => AllocateObject(type);

        [RuntimeExport("RhpNewFastMisalign")]
        private static void* AllocateMisalign(MethodTable* type) => AllocateObject(type);

        [RuntimeExport("RhpNewArray")]
        internal static void* AllocateArray(MethodTable* type, int length)
        {
            if (length < 0) ThrowHelpers.ThrowOverflow();
            ulong size = (ulong)type->BaseSize + (ulong)(uint)length * type->ComponentSize;
            if (size > int.MaxValue) ThrowHelpers.ThrowOutOfMemory();
            MethodTable** result = (MethodTable**)GcHeap.AllocateObject((nuint)((size + 7) & ~7UL));
            *result = type;
            *(int*)(result + 1) = length;
            return result;
        }

        [RuntimeExport("RhpNewArrayFast")]
        private static void* AllocateArrayFast(MethodTable* type, int length) => AllocateArray(type, length);

        [RuntimeExport("RhpNewPtrArrayFast")]
        private static void* AllocatePointerArray(MethodTable* type, int length) => AllocateArray(type, length);

        [RuntimeExport("RhpNewArrayFastAlign8")]
        private static void* AllocateArrayAlign8(MethodTable* type, int length) => AllocateArray(type, length);

        [RuntimeExport("RhNewString")]
        internal static void* AllocateString(MethodTable* type, int length) => AllocateArray(type, length);

        internal static object AsObject(void* pointer) => System.Runtime.CompilerServices.Unsafe.AsRef<object>(&pointer);
    }
}
