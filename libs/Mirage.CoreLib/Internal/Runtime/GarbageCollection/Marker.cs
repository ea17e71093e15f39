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
    /// A minor collection finds old objects already marked, so it traces only young ones; during
    /// an incremental cycle it also greys the old objects the roots reach and marks what it
    /// promotes for the cycle (<see cref="IncrementalMarking"/>).
    /// </summary>
    internal static unsafe class Marker
    {
        // One region holds two stacks: a collection's grows up from the bottom and is empty
        // between collections; the incremental cycle's grey objects, which wait across slices
        // and collections, grow down from the top (IncrementalMarking). Either overflows when
        // they meet.
        private static nuint* s_stack;
        private static nuint s_capacity;
        private static nuint s_count;
        private static nuint s_greyBottom;
        private static bool s_overflowed;

        internal static void Initialize(nuint* stack, nuint capacity)
        {
            s_stack = stack;
            s_capacity = capacity;
            s_greyBottom = capacity;
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
                if (obj == null) continue;
                // During an incremental cycle an old object a root reaches is grey for it.
                if (IncrementalMarking.Active && IsMarked(obj)) IncrementalMarking.GreyRoot(obj);
                else MarkAndPush(obj);
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
            if (IncrementalMarking.Active) IncrementalMarking.Promoted(obj, granule >> 5, bit, size);
            if (!(*(MethodTable**)obj)->HasPointers) return;
            if (s_count == s_greyBottom)
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
                ReferenceMap.VisitReferences<CollectionVisitor>(obj);
            }
        }

        /// <summary>A collection's marking (minor or full) of what a live object refers to.</summary>
        internal struct CollectionVisitor : IReferenceVisitor
        {
            public void Visit(byte* holder, nuint* slot) => VisitReference(holder, slot);
        }

        internal static bool HasGrey => s_greyBottom != s_capacity;

        /// <summary>Pushes onto the cycle's grey stack; false when it is full: it may take half the room, the other half is a collection's.</summary>
        internal static bool PushGrey(nuint entry)
        {
            if (s_capacity - s_greyBottom >= s_capacity / 2 || s_greyBottom == s_count) return false;
            s_stack[--s_greyBottom] = entry;
            return true;
        }

        internal static nuint PopGrey() => s_stack[s_greyBottom++];

        /// <summary>Entries the grey stack can still take.</summary>
        internal static nuint GreyRoom => s_capacity / 2 - (s_capacity - s_greyBottom);

        internal static void ClearGrey() => s_greyBottom = s_capacity;

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
                        if ((*(MethodTable**)obj)->HasPointers) ReferenceMap.VisitReferences<CollectionVisitor>(obj);
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
