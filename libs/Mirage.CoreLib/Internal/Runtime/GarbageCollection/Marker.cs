using System.Runtime;
using System.Runtime.CompilerServices;

namespace Internal.Runtime.GarbageCollection
{
    /// <summary>
    /// The mark phase. Roots are found conservatively: every word of the live stack, of the
    /// registers the platform spills next to it, and of the image's writable data (GC statics
    /// bases, thread statics, the handle table, anything platform code keeps in a static) that
    /// points into an object keeps that object. From there the scan is precise: each object's
    /// references come from its type's GCDesc (<see cref="ReferenceMap"/>), and every reference
    /// must point at an object start — anything else is heap corruption and stops the unikernel.
    /// Marking uses an explicit stack; when it overflows, marked objects are rescanned.
    /// A minor collection finds old objects already marked, so it traces only young ones.
    /// </summary>
    internal static unsafe class Marker
    {
        private static nuint* s_stack;
        private static nuint s_capacity;
        private static nuint s_count;
        private static bool s_overflowed;

        internal static void Initialize(nuint* stack, nuint capacity)
        {
            s_stack = stack;
            s_capacity = capacity;
        }

        /// <summary>Bytes in the objects this collection marked (for a minor one: the young survivors).</summary>
        internal static nuint MarkedBytes;

        /// <summary>
        /// Marks what the roots reach. A full collection starts from clear mark bits; a minor one
        /// keeps the old objects' marks (tracing stops at them) and adds what old objects' dirty
        /// cards refer to.
        /// </summary>
        internal static void MarkFromRoots(bool full)
        {
            s_count = 0;
            s_overflowed = false;
            MarkedBytes = 0;
            if (!full) CardTable.MarkReferencesFromOldObjects();
            // The platform spills the callee-saved registers and calls ScanRoots below.
            Platform.Platform.ScanRoots();
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static bool IsMarked(byte* obj)
        {
            nuint granule = (nuint)(obj - GcHeap.Base) >> GcHeap.GranuleShift;
            return (GcHeap.MarkBits[granule >> 5] & (1u << (int)(granule & 31))) != 0;
        }

        /// <summary>
        /// Called by the platform with the lowest live stack word and {data start, main stack
        /// bottom, main stack top, .bss end}: the image's writable data minus the unused part of
        /// the main stack.
        /// </summary>
        [RuntimeExport("mirage_gc_scan_roots")]
        private static void ScanRoots(nuint* stackLow, nuint** ranges)
        {
            ScanConservatively((nuint*)ranges[0], (nuint*)ranges[1]);
            ScanConservatively((nuint*)ranges[2], (nuint*)ranges[3]);
            ScanConservatively(stackLow, (nuint*)ranges[2]);
            Drain();
            while (s_overflowed)
            {
                s_overflowed = false;
                RescanMarkedObjects();
                Drain();
            }
        }

        private static void ScanConservatively(nuint* from, nuint* to)
        {
            from = (nuint*)(((nuint)from + (nuint)sizeof(nint) - 1) & ~(nuint)(sizeof(nint) - 1));
            for (nuint* word = from; word < to; word++)
            {
                byte* candidate = (byte*)*word;
                if ((nuint)(candidate - GcHeap.Base) >= GcHeap.Size) continue;
                byte* obj = FindObjectContaining(candidate);
                if (obj != null) MarkAndPush(obj);
            }
        }

        /// <summary>The object whose bytes include <paramref name="address"/> (a heap address), or null.</summary>
        internal static byte* FindObjectContaining(byte* address)
        {
            nuint offset = (nuint)(address - GcHeap.Base);
            nuint page = offset >> GcHeap.PageShift;
            byte kind = GcHeap.PageKinds[page];
            byte* obj;
            if (kind == (byte)PageKind.LargeObject)
            {
                obj = GcHeap.Base + ((nuint)GcHeap.ChunkStarts[page] << GcHeap.PageShift);
            }
            else if (kind == (byte)PageKind.SmallObjects)
            {
                nuint firstWord = (nuint)GcHeap.ChunkStarts[page] << (GcHeap.PageShift - GcHeap.GranuleShift - 5);
                nuint granule = offset >> GcHeap.GranuleShift;
                nuint word = granule >> 5;
                uint bits = GcHeap.StartBits[word] & (0xFFFFFFFFu >> (int)(31 - (granule & 31)));
                while (bits == 0)
                {
                    if (word == firstWord) return null;
                    bits = GcHeap.StartBits[--word];
                }
                obj = GcHeap.Base + (((word << 5) + (nuint)HighestBit(bits)) << GcHeap.GranuleShift);
            }
            else
            {
                return null;
            }
            return address < obj + GcHeap.ObjectSize(obj) ? obj : null;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void MarkAndPush(byte* obj)
        {
            nuint granule = (nuint)(obj - GcHeap.Base) >> GcHeap.GranuleShift;
            uint bit = 1u << (int)(granule & 31);
            uint* markWord = GcHeap.MarkBits + (granule >> 5);
            if ((*markWord & bit) != 0) return;
            *markWord |= bit;
            nuint size = GcHeap.ObjectSize(obj);
            MarkedBytes += size;
            GcHeap.PageLiveBytes[(nuint)(obj - GcHeap.Base) >> GcHeap.PageShift] += (uint)size;
            if (!(*(MethodTable**)obj)->HasPointers) return;
            if (s_count == s_capacity)
            {
                s_overflowed = true;
                return;
            }
            s_stack[s_count++] = (nuint)obj;
        }

        private static void Drain()
        {
            while (s_count != 0)
            {
                byte* obj = (byte*)s_stack[--s_count];
                ReferenceMap.VisitReferences(obj);
            }
        }

        /// <summary>A reference stored in a live object: null, a frozen object outside the heap, or the start of a heap object.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static void VisitReference(byte* holder, nuint* slot)
        {
            byte* target = (byte*)*slot;
            nuint offset = (nuint)(target - GcHeap.Base);
            if (offset >= GcHeap.Size) return;
            nuint granule = offset >> GcHeap.GranuleShift;
            if ((offset & 7) != 0 || (GcHeap.StartBits[granule >> 5] & (1u << (int)(granule & 31))) == 0)
                HeapStatistics.Corruption(holder, slot, target);
            MarkAndPush(target);
        }

        private static void RescanMarkedObjects()
        {
            for (nuint page = GcHeap.FirstUsablePage; page < GcHeap.PageCount; page++)
            {
                byte kind = GcHeap.PageKinds[page];
                if (kind != (byte)PageKind.SmallObjects && kind != (byte)PageKind.LargeObject) continue;
                if (GcHeap.ChunkStarts[page] != page) continue;
                nuint wordCount = kind == (byte)PageKind.SmallObjects ? (GcHeap.BlockSize >> GcHeap.GranuleShift) / 32 : 1;
                nuint firstWord = page << (GcHeap.PageShift - GcHeap.GranuleShift - 5);
                for (nuint word = firstWord; word < firstWord + wordCount; word++)
                {
                    uint marked = GcHeap.StartBits[word] & GcHeap.MarkBits[word];
                    while (marked != 0)
                    {
                        int bit = LowestBit(marked);
                        marked &= marked - 1;
                        byte* obj = GcHeap.Base + (((word << 5) + (nuint)bit) << GcHeap.GranuleShift);
                        if ((*(MethodTable**)obj)->HasPointers) ReferenceMap.VisitReferences(obj);
                    }
                }
            }
        }

        /// <summary>Index of the lowest set bit of a non-zero word.</summary>
        internal static int LowestBit(uint bits)
        {
            int index = 0;
            if ((bits & 0xFFFF) == 0) { index += 16; bits >>= 16; }
            if ((bits & 0xFF) == 0) { index += 8; bits >>= 8; }
            if ((bits & 0xF) == 0) { index += 4; bits >>= 4; }
            if ((bits & 0x3) == 0) { index += 2; bits >>= 2; }
            if ((bits & 0x1) == 0) index += 1;
            return index;
        }

        /// <summary>Index of the highest set bit of a non-zero word.</summary>
        internal static int HighestBit(uint bits)
        {
            int index = 0;
            if ((bits & 0xFFFF0000) != 0) { index += 16; bits >>= 16; }
            if ((bits & 0xFF00) != 0) { index += 8; bits >>= 8; }
            if ((bits & 0xF0) != 0) { index += 4; bits >>= 4; }
            if ((bits & 0xC) != 0) { index += 2; bits >>= 2; }
            if ((bits & 0x2) != 0) index += 1;
            return index;
        }
    }
}
