using Internal.Runtime.CompilerHelpers;

namespace Internal.Runtime
{
    /// <summary>
    /// [ThreadStatic] storage. There is one thread, so "per thread" means "once". On x64 ilc keeps
    /// the module's thread statics in one ELF TLS block whose first slot points at a storage object
    /// (the boot stub points FS at it); on 32-bit ARM it asks per type by index.
    /// </summary>
    internal static unsafe class ThreadStatics
    {
        private const int MaxTypes = 256;
        private static nint* s_perType;

        internal static object GetThreadStaticBaseForType(void* moduleData, int typeIndex)
        {
            if (s_perType == null) s_perType = (nint*)Heap.Allocate((nuint)(MaxTypes * sizeof(nint)));
            if ((uint)typeIndex >= MaxTypes) RuntimeDiagnostics.FailFast("too many types with [ThreadStatic] fields");
            if (s_perType[typeIndex] == 0)
            {
                MethodTable* type = ((MethodTable**)ModuleInitializer.ThreadStaticRegionStart)[typeIndex];
                s_perType[typeIndex] = (nint)Allocation.AllocateObject(type);
            }
            return Allocation.AsObject((void*)s_perType[typeIndex]);
        }

        internal static object GetInlinedThreadStaticBaseSlow(ref object threadStorage)
        {
            MethodTable* type = *(MethodTable**)ModuleInitializer.ThreadStaticRegionStart;
            object storage = Allocation.AsObject(Allocation.AllocateObject(type));
            threadStorage = storage;
            return storage;
        }
    }
}
