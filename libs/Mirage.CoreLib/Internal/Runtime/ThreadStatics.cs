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
        // A static reference, so the collector sees the storage objects as roots.
        private static object[] s_perType;

        internal static object GetThreadStaticBaseForType(void* moduleData, int typeIndex)
        {
            if (s_perType == null) s_perType = new object[MaxTypes];
            if ((uint)typeIndex >= MaxTypes) RuntimeDiagnostics.FailFast("too many types with [ThreadStatic] fields");
            object storage = s_perType[typeIndex];
            if (storage == null)
            {
                MethodTable* type = ((MethodTable**)ModuleInitializer.ThreadStaticRegionStart)[typeIndex];
                storage = Allocation.AsObject(Allocation.AllocateObject(type));
                s_perType[typeIndex] = storage;
            }
            return storage;
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
