namespace Internal.Runtime.GarbageCollection
{
    /// <summary>
    /// Storage behind System.Runtime.InteropServices.GCHandle. Strong and pinned handles live in
    /// an object array held by a static, so the collector finds them like any other static (and
    /// nothing moves, so pinning needs nothing more). Weak handles keep their target as a plain
    /// address the collector does not follow; after marking, targets that were not reached are
    /// cleared.
    /// </summary>
    internal static unsafe class GCHandleTable
    {
        private static object[] s_strong;
        private static nuint[] s_weak;
        private static int s_strongFree;
        private static int s_weakFree;

        // A handle is (index + 1) << 1; the low bit says "weak".
        internal static nint Allocate(object target, bool weak)
        {
            if (weak)
            {
                int index = FreeWeakSlot();
                s_weak[index] = AddressOf(target);
                return ((nint)(index + 1) << 1) | 1;
            }
            int slot = FreeStrongSlot();
            s_strong[slot] = target ?? NullTarget.Instance;
            return (nint)(slot + 1) << 1;
        }

        internal static object Get(nint handle)
        {
            int index = Index(handle);
            if ((handle & 1) != 0) return s_weak[index] == 0 ? null : Allocation.AsObject((void*)s_weak[index]);
            object value = s_strong[index];
            return value is NullTarget ? null : value;
        }

        internal static void Set(nint handle, object target)
        {
            int index = Index(handle);
            if ((handle & 1) != 0) s_weak[index] = AddressOf(target);
            else s_strong[index] = target ?? NullTarget.Instance;
        }

        internal static void Free(nint handle)
        {
            int index = Index(handle);
            if ((handle & 1) != 0)
            {
                s_weak[index] = FreeAddress;
                if (index < s_weakFree) s_weakFree = index;
            }
            else
            {
                s_strong[index] = null;
                if (index < s_strongFree) s_strongFree = index;
            }
        }

        /// <summary>Called by the collector between marking and sweeping.</summary>
        internal static void ClearUnreachableWeakTargets()
        {
            nuint[] weak = s_weak;
            if (weak == null) return;
            for (int i = 0; i < weak.Length; i++)
            {
                byte* target = (byte*)weak[i];
                nuint offset = (nuint)(target - GcHeap.Base);
                if (offset >= GcHeap.Size) continue; // null, a freed slot or a frozen object
                nuint granule = offset >> GcHeap.GranuleShift;
                if ((GcHeap.MarkBits[granule >> 5] & (1u << (int)(granule & 31))) == 0) weak[i] = 0;
            }
        }

        // Freed weak slots hold this (an odd value, never an object address).
        private const nuint FreeAddress = 1;

        private static int Index(nint handle)
        {
            int index = (int)(handle >> 1) - 1;
            if (handle == 0 || index < 0) throw new System.InvalidOperationException("Handle is not initialized.");
            return index;
        }

        private static nuint AddressOf(object target)
        {
            if (target == null) return 0;
            return *(nuint*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref target);
        }

        private static int FreeStrongSlot()
        {
            if (s_strong == null) s_strong = new object[16];
            for (int i = s_strongFree; i < s_strong.Length; i++)
                if (s_strong[i] == null)
                {
                    s_strongFree = i + 1;
                    return i;
                }
            object[] larger = new object[s_strong.Length * 2];
            for (int i = 0; i < s_strong.Length; i++) larger[i] = s_strong[i];
            int index = s_strong.Length;
            s_strong = larger;
            s_strongFree = index + 1;
            return index;
        }

        private static int FreeWeakSlot()
        {
            int old = s_weak == null ? 0 : s_weak.Length;
            for (int i = s_weakFree; i < old; i++)
                if (s_weak[i] == FreeAddress)
                {
                    s_weakFree = i + 1;
                    return i;
                }
            nuint[] larger = new nuint[old == 0 ? 16 : old * 2];
            for (int i = 0; i < larger.Length; i++) larger[i] = i < old ? s_weak[i] : FreeAddress;
            s_weak = larger;
            s_weakFree = old + 1;
            return old;
        }

        /// <summary>What a strong handle allocated with a null target holds, so its slot is not reused.</summary>
        private sealed class NullTarget
        {
            internal static readonly NullTarget Instance = new NullTarget();
        }
    }
}
