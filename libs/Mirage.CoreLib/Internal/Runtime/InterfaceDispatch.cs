using System.Runtime;
using System.Runtime.CompilerServices;

namespace Internal.Runtime
{
    /// <summary>
    /// Interface calls. ilc compiles each call site to "load the cell address, call [cell]". A cell
    /// is { stub, cache }: first the stub is the architecture's RhpInitialDynamicInterfaceDispatch
    /// (which saves the argument registers and calls <see cref="Resolve"/>) and the cache word
    /// names the interface method. On first resolution the cell is switched to the architecture's
    /// cached stub with a <see cref="DispatchCache"/> block: later calls compare the receiver's
    /// MethodTable with the cached ones in a few instructions and jump, with no call into C#.
    /// </summary>
    internal static unsafe class InterfaceDispatch
    {
        /// <summary>Number of receiver types a call site remembers before it starts replacing entries.</summary>
        internal const int CacheCapacity = 8;

        /// <summary>
        /// Native layout read by the architecture's cached-dispatch stub: entries of
        /// { MethodTable*, target } terminated by a null MethodTable.
        /// </summary>
        internal struct DispatchCache
        {
            internal MethodTable* Interface;
            internal nint Slot;
            internal nint NextReplacement;
            // followed by CacheCapacity + 1 entries (the last one stays zero as the terminator)
        }

        internal struct CacheEntry
        {
            internal MethodTable* Type;
            internal nint Target;
        }

        /// <summary>Address of the architecture's cached-dispatch stub.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        [RuntimeImport("*", "mirage_arch_dispatch_cached_stub")]
        private static extern nint CachedStubAddress();

        [RuntimeExport("mirage_runtime_resolve_interface")]
        internal static nint Resolve(object receiver, nint* cell)
        {
            if (receiver == null) ThrowHelpers.ThrowNullReference();
            MethodTable* type = receiver.GetMethodTable();
            nint cache = cell[1];
            MethodTable* interfaceType;
            ushort slot;
            DispatchCache* block = null;
            switch ((int)(cache & 3))
            {
                case 3: interfaceType = (MethodTable*)((byte*)&cell[1] + (int)cache - 3); break;
                case 2: interfaceType = *(MethodTable**)((byte*)&cell[1] + (int)cache - 2); break;
                case 1: interfaceType = (MethodTable*)(cache - 1); break;
                default:
                    if ((nuint)cache < 0x1000)
                        return *(nint*)((byte*)type + cache); // a vtable-offset cell: a virtual call in disguise
                    block = (DispatchCache*)cache;
                    interfaceType = block->Interface;
                    slot = (ushort)block->Slot;
                    goto Found;
            }
            nint* terminator = cell;
            while (terminator[0] != 0) terminator += 2;
            slot = (ushort)terminator[1];

        Found:
            nint target = FindImplementation(type, interfaceType, slot);
            if (target == 0)
                RuntimeDiagnostics.FailFast("interface method not implemented by the receiver's type");
            if (block == null)
            {
                block = (DispatchCache*)GarbageCollection.GcHeap.AllocatePermanent((nuint)(sizeof(DispatchCache) + (CacheCapacity + 1) * sizeof(CacheEntry)));
                block->Interface = interfaceType;
                block->Slot = slot;
                cell[1] = (nint)block;
                cell[0] = CachedStubAddress();
            }
            Remember(block, type, target);
            return target;
        }

        private static void Remember(DispatchCache* block, MethodTable* type, nint target)
        {
            CacheEntry* entries = (CacheEntry*)(block + 1);
            int index = 0;
            while (index < CacheCapacity && entries[index].Type != null) index++;
            if (index == CacheCapacity)
            {
                // Megamorphic site: replace round-robin. Write the target before the type so the
                // stub never sees a matching type with a stale target.
                index = (int)(block->NextReplacement % CacheCapacity);
                block->NextReplacement++;
                entries[index].Type = null;
            }
            entries[index].Target = target;
            entries[index].Type = type;
        }

        /// <summary>
        /// Finds the code implementing <paramref name="interfaceType"/>'s slot for <paramref name="type"/>, or 0.
        /// As in .NET: an implementation anywhere in the class hierarchy wins over a default
        /// interface method, so the standard entries of every class are searched before any default one.
        /// </summary>
        internal static nint FindImplementation(MethodTable* type, MethodTable* interfaceType, ushort slot)
        {
            nint found = Search(type, interfaceType, slot, defaults: false);
            return found != 0 ? found : Search(type, interfaceType, slot, defaults: true);
        }

        private static nint Search(MethodTable* type, MethodTable* interfaceType, ushort slot, bool defaults)
        {
            for (MethodTable* current = type; current != null; current = current->BaseType)
            {
                ushort* map = current->DispatchMap;
                if (map == null) continue;
                MethodTable** interfaces = current->InterfaceMap;
                // Header: standard, default, static standard, static default entry counts.
                int first = defaults ? map[0] : 0;
                int count = defaults ? map[1] : map[0];
                ushort* entry = map + 4 + 3 * first;
                for (int i = 0; i < count; i++, entry += 3)
                {
                    if (entry[1] != slot || interfaces[entry[0]] != interfaceType) continue;
                    ushort implementation = entry[2];
                    if (implementation < current->NumVtableSlots)
                        return type->VTable[implementation];
                    int* sealedSlots = current->SealedVTable;
                    if (sealedSlots == null) return 0;
                    return (nint)MethodTable.FollowRelative(sealedSlots + (implementation - current->NumVtableSlots));
                }
            }
            return 0;
        }
    }
}
