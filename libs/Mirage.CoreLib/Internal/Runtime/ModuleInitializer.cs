using System.Runtime;
using System.Runtime.CompilerServices;

namespace Internal.Runtime
{
    /// <summary>
    /// Brings the ilc-compiled module to life before Main: walks the ReadyToRun header that ilc
    /// emits (the linker script collects pointers to it in the <c>__modules</c> section), allocates
    /// every type's GC statics block, copies preinitialized data and runs eager class constructors.
    /// .NET 10 encodes these tables with 32-bit relative pointers.
    /// </summary>
    internal static unsafe class ModuleInitializer
    {
        private const uint ReadyToRunSignature = 0x00525452; // "RTR\0"
        private const int GCStaticRegion = 201;
        private const int ThreadStaticRegion = 202;
        private const int EagerCctor = 205;
        private const int DehydratedData = 207;
        private const int ModuleInitializerList = 213;

        private static void** s_modulesStart;
        private static void** s_modulesEnd;
        internal static byte* ThreadStaticRegionStart;

        /// <summary>Called by the boot stub with the bounds of the <c>__modules</c> section.</summary>
        [RuntimeExport("mirage_runtime_initialize")]
        internal static void Initialize(void** modulesStart, void** modulesEnd)
        {
            s_modulesStart = modulesStart;
            s_modulesEnd = modulesEnd;
            GarbageCollection.GcHeap.Initialize();
            ExceptionHandling.CodeMap.Initialize();
            for (void** module = modulesStart; module < modulesEnd; module++)
            {
                byte* header = (byte*)*module;
                if (header == null) continue;
                if (*(uint*)header != ReadyToRunSignature) RuntimeDiagnostics.FailFast("corrupt image: bad ReadyToRun header signature");
                ForEachSection(header, GCStaticRegion, &InitializeGCStatics);
                ForEachSection(header, ThreadStaticRegion, &RememberThreadStatics);
                ForEachSection(header, DehydratedData, &RejectDehydratedData);
            }
            for (void** module = modulesStart; module < modulesEnd; module++)
                if (*module != null) ForEachSection((byte*)*module, EagerCctor, &RunRelativeFunctionList);
        }

        /// <summary>Runs [ModuleInitializer] methods; called from the ilc-generated startup code.</summary>
        internal static void RunModuleInitializers()
        {
            for (void** module = s_modulesStart; module < s_modulesEnd; module++)
                if (*module != null) ForEachSection((byte*)*module, ModuleInitializerList, &RunRelativeFunctionList);
        }

        private static void ForEachSection(byte* header, int wanted, delegate*<byte*, byte*, void> action)
        {
            ushort count = *(ushort*)(header + 12);
            byte entrySize = header[14];
            byte* row = header + 16;
            for (int i = 0; i < count; i++, row += entrySize)
            {
                if (*(int*)row != wanted) continue;
                int flags = *(int*)(row + 4);
                byte* start = *(byte**)(row + 8);
                byte* end = (flags & 1) != 0 ? *(byte**)(row + 8 + sizeof(nint)) : start;
                action(start, end);
            }
        }

        private static byte* FollowRelative(void* p) => (byte*)p + *(int*)p;

        private static void RunRelativeFunctionList(byte* start, byte* end)
        {
            for (byte* entry = start; entry < end; entry += 4)
                ((delegate*<void>)FollowRelative(entry))();
        }

        private static void RememberThreadStatics(byte* start, byte* end) => ThreadStaticRegionStart = start;

        private static void RejectDehydratedData(byte* start, byte* end)
        {
            if (end > start) RuntimeDiagnostics.FailFast("image was compiled with --dehydrate, which this runtime does not support");
        }

        // Each entry is a rel32 to a block whose first word is rel32 to the statics' MethodTable,
        // tagged 1 = not yet allocated, 2 = has preinitialized data (the next rel32 points at it).
        // We replace the block's first pointer-sized word with the allocated object: that is what
        // compiled code loads as the GC static base.
        private static void InitializeGCStatics(byte* start, byte* end)
        {
            for (byte* entry = start; entry < end; entry += 4)
            {
                nint* block = (nint*)FollowRelative(entry);
                nint tagged = (nint)FollowRelative(block);
                if ((tagged & 1) == 0) continue;
                MethodTable* type = (MethodTable*)(tagged & ~(nint)3);
                byte* instance = (byte*)Allocation.AllocateObject(type);
                if ((tagged & 2) != 0)
                {
                    byte* data = FollowRelative((int*)block + 1);
                    uint size = type->BaseSize - (uint)(2 * sizeof(nint));
                    System.Buffer.CopyBytes(data, instance + sizeof(nint), size);
                }
                *block = (nint)instance;
            }
        }
    }
}
