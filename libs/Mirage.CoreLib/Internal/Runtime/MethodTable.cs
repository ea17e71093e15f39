using System.Runtime.InteropServices;

namespace Internal.Runtime
{
    /// <summary>
    /// The fixed part of a type's MethodTable as ilc 10.0 lays it out; a contract with the
    /// compiler (see dotnet/runtime's MethodTable.h). It is followed by the vtable slots
    /// (pointer each), the interface map (MethodTable* each) and then 32-bit relative fields:
    /// TypeManager, WritableData, [DispatchMap], [Finalizer], [SealedVTable], [generic info].
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    internal unsafe struct MethodTable
    {
        internal ushort ComponentSize;
        internal ushort Flags;
        internal uint BaseSize;
        internal MethodTable* RelatedType;
        internal ushort NumVtableSlots;
        internal ushort NumInterfaces;
        internal uint HashCode;

        // Flags as one 32-bit word: component size in the low half for arrays and strings,
        // otherwise "extended flags".
        internal const uint HasComponentSizeFlag = 0x80000000;
        internal const uint HasPointersFlag = 0x01000000;
        internal const uint IsGenericFlag = 0x02000000;
        internal const uint ElementTypeMask = 0x7C000000;
        internal const int ElementTypeShift = 26;
        internal const uint HasDispatchMapFlag = 0x00040000;
        internal const uint HasFinalizerFlag = 0x00100000;
        internal const uint HasSealedVTableFlag = 0x00400000;
        internal const uint KindMask = 0x00030000;
        internal const uint GenericVarianceFlag = 0x00800000;

        // Element types (EETypeElementType) this runtime looks at.
        internal const int ElementType_Unknown = 0x00, ElementType_Void = 0x01, ElementType_Boolean = 0x02, ElementType_Char = 0x03,
            ElementType_SByte = 0x04, ElementType_Byte = 0x05, ElementType_Int16 = 0x06, ElementType_UInt16 = 0x07,
            ElementType_Int32 = 0x08, ElementType_UInt32 = 0x09, ElementType_Int64 = 0x0A, ElementType_UInt64 = 0x0B,
            ElementType_IntPtr = 0x0C, ElementType_UIntPtr = 0x0D, ElementType_Single = 0x0E, ElementType_Double = 0x0F,
            ElementType_ValueType = 0x10, ElementType_Nullable = 0x12, ElementType_Class = 0x14, ElementType_Interface = 0x15,
            ElementType_SystemArray = 0x16, ElementType_Array = 0x17, ElementType_SzArray = 0x18, ElementType_ByRef = 0x19,
            ElementType_Pointer = 0x1A, ElementType_FunctionPointer = 0x1B;

        internal uint CombinedFlags => ((uint)Flags << 16) | ComponentSize;
        internal bool HasComponentSize => (CombinedFlags & HasComponentSizeFlag) != 0;
        internal bool HasPointers => (CombinedFlags & HasPointersFlag) != 0;
        internal int ElementType => (int)((CombinedFlags & ElementTypeMask) >> ElementTypeShift);
        internal bool IsValueType => ElementType != ElementType_Unknown && ElementType < ElementType_Class;
        internal bool IsNullable => ElementType == ElementType_Nullable;
        internal bool IsInterface => ElementType == ElementType_Interface;
        internal bool IsArray => ElementType == ElementType_Array || ElementType == ElementType_SzArray;
        internal bool IsSzArray => ElementType == ElementType_SzArray;

        /// <summary>For arrays, the element type; for other types, the base type (null for Object and interfaces).</summary>
        internal MethodTable* BaseType => IsArray ? null : RelatedType;

        /// <summary>For arrays, their element type.</summary>
        internal MethodTable* ElementTypeHandle => RelatedType;

        /// <summary>Size of a boxed value type's payload (BaseSize counts the object header and the MethodTable pointer).</summary>
        internal uint ValueTypeSize => BaseSize - (uint)(2 * sizeof(nint));

        internal MethodTable** InterfaceMap
        {
            get
            {
                fixed (MethodTable* self = &this)
                    return (MethodTable**)((byte*)self + sizeof(MethodTable) + NumVtableSlots * sizeof(nint));
            }
        }

        internal nint* VTable
        {
            get
            {
                fixed (MethodTable* self = &this)
                    return (nint*)((byte*)self + sizeof(MethodTable));
            }
        }

        /// <summary>The 32-bit relative fields after the interface map: 0 TypeManager, 1 WritableData, then optional ones.</summary>
        internal int* RelativeFields => (int*)(InterfaceMap + NumInterfaces);

        internal static byte* FollowRelative(int* field) => (byte*)field + *field;

        internal ushort* DispatchMap => (CombinedFlags & HasDispatchMapFlag) != 0 ? (ushort*)FollowRelative(RelativeFields + 2) : null;

        internal int* SealedVTable
        {
            get
            {
                uint flags = CombinedFlags;
                if ((flags & HasSealedVTableFlag) == 0) return null;
                int index = 2;
                if ((flags & HasDispatchMapFlag) != 0) index++;
                if ((flags & HasFinalizerFlag) != 0) index++;
                return (int*)FollowRelative(RelativeFields + index);
            }
        }

        internal MethodTable* NullableType => RelatedType;

        /// <summary>The MethodTable of <typeparamref name="T"/>; ilc replaces the call with a constant.</summary>
        [System.Runtime.CompilerServices.Intrinsic]
        internal static MethodTable* Of<T>() => null;
    }
}
