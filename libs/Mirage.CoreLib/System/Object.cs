using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System
{
    public class Object
    {
        // The first field of every object is its MethodTable pointer: a contract with ilc (which looks
        // it up by this name, e.g. for the unboxing thunks of struct enumerators used through interfaces).
        internal unsafe MethodTable* m_pEEType;

        public Object() { }

        ~Object() { }

        public virtual bool Equals(object obj) => (object)this == obj;

        public static bool Equals(object objA, object objB)
        {
            if (objA == objB) return true;
            if (objA == null || objB == null) return false;
            return objA.Equals(objB);
        }

        public static bool ReferenceEquals(object objA, object objB) => objA == objB;

        /// <summary>Identity hash: derived from the object's address, which never changes (the heap does not move objects).</summary>
        public virtual unsafe int GetHashCode()
        {
            object self = this;
            nuint address = *(nuint*)Unsafe.AsPointer(ref self);
            ulong mixed = (ulong)address * 0x9E3779B97F4A7C15UL;
            return (int)(mixed >> 33);
        }

        /// <summary>
        /// .NET prints the type's full name; images carry no type names (ilc runs without
        /// reflection data), so the default is the runtime's best description.
        /// </summary>
        public virtual string ToString() => RuntimeTypeNameOrDefault;

        internal virtual string RuntimeTypeNameOrDefault => "System.Object";

        protected object MemberwiseClone()
        {
            unsafe
            {
                MethodTable* type = m_pEEType;
                nuint size = type->BaseSize;
                if (type->HasComponentSize) size += (nuint)(uint)Unsafe.As<RawArrayData>(this).Length * type->ComponentSize;
                // An object reference points at its MethodTable pointer; its header word lies just before.
                void* copy = Internal.Runtime.GarbageCollection.GcHeap.AllocateObject((size + 7) & ~(nuint)7);
                object self = this;
                byte* source = (byte*)*(nint*)Unsafe.AsPointer(ref self);
                Buffer.CopyBytes(source, (byte*)copy, (uint)size - (uint)sizeof(nint));
                return Allocation.AsObject(copy);
            }
        }

        internal unsafe MethodTable* GetMethodTable() => m_pEEType;

        internal ref byte GetRawData() => ref Unsafe.As<RawData>(this).Data;
    }
}

namespace System.Runtime.CompilerServices
{
    internal class RawData
    {
        public byte Data;
    }

    /// <summary>
    /// View of an array's header: the length, then (on 64-bit) padding up to pointer size, then the
    /// elements. A pointer-sized field covers both layouts with one IL.
    /// </summary>
    internal class RawArrayData
    {
        public nuint LengthAndPadding;
        public byte Data;

        public uint Length => (uint)LengthAndPadding;
    }
}
