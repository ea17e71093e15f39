using Internal.Runtime;
using System.Runtime.CompilerServices;

namespace System.Runtime
{
    /// <summary>
    /// Casting helpers ilc calls by name for isinst/castclass and array stores. Variance on
    /// generic interfaces and delegates is not supported yet (a cast that needs it fails as
    /// .NET would fail a non-variant cast).
    /// </summary>
    internal static unsafe class TypeCast
    {
        internal static bool IsAssignable(MethodTable* source, MethodTable* target)
        {
            if (source == target) return true;
            if (target->IsInterface) return ImplementsInterface(source, target);
            if (source->IsArray)
            {
                if (target->IsArray)
                {
                    if (source->ElementType != target->ElementType || source->BaseSize != target->BaseSize) return false;
                    MethodTable* sourceElement = source->ElementTypeHandle;
                    MethodTable* targetElement = target->ElementTypeHandle;
                    if (sourceElement == targetElement) return true;
                    // Array covariance: string[] is object[], but int[] is not object[].
                    return !sourceElement->IsValueType && !targetElement->IsValueType && IsAssignable(sourceElement, targetElement);
                }
                return target == MethodTable.Of<Array>() || target == MethodTable.Of<object>();
            }
            for (MethodTable* current = source->BaseType; current != null; current = current->BaseType)
                if (current == target) return true;
            return false;
        }

        internal static bool ImplementsInterface(MethodTable* source, MethodTable* target)
        {
            MethodTable** map = source->InterfaceMap;
            for (int i = 0; i < source->NumInterfaces; i++)
                if (map[i] == target) return true;
            return false;
        }

        private static object IsInstanceOfClass(MethodTable* targetType, object obj)
        {
            if (obj == null) return null;
            MethodTable* type = obj.GetMethodTable();
            if (type == targetType) return obj;
            if (type->IsArray) return IsAssignable(type, targetType) ? obj : null;
            for (MethodTable* current = type->BaseType; current != null; current = current->BaseType)
                if (current == targetType) return obj;
            return null;
        }

        private static object IsInstanceOfInterface(MethodTable* targetType, object obj)
            => obj == null || ImplementsInterface(obj.GetMethodTable(), targetType) ? obj : null;

        private static object IsInstanceOfAny(MethodTable* targetType, object obj)
            => obj == null || IsAssignable(obj.GetMethodTable(), targetType) ? obj : null;

        private static bool IsInstanceOfException(MethodTable* targetType, object obj)
            => obj != null && IsAssignable(obj.GetMethodTable(), targetType);

        private static object CheckCastClass(MethodTable* targetType, object obj)
        {
            if (obj == null || IsInstanceOfClass(targetType, obj) != null) return obj;
            ThrowHelpers.ThrowInvalidCast();
            return null;
        }

        private static object CheckCastClassSpecial(MethodTable* targetType, object obj) => CheckCastClass(targetType, obj);

        private static object CheckCastInterface(MethodTable* targetType, object obj)
        {
            if (obj == null || ImplementsInterface(obj.GetMethodTable(), targetType)) return obj;
            ThrowHelpers.ThrowInvalidCast();
            return null;
        }

        private static object CheckCastAny(MethodTable* targetType, object obj)
        {
            if (obj == null || IsAssignable(obj.GetMethodTable(), targetType)) return obj;
            ThrowHelpers.ThrowInvalidCast();
            return null;
        }

        private struct ArrayElement { public object Value; }

        private static void StelemRef(object[] array, nint index, object obj)
        {
            if ((nuint)index >= (nuint)array.Length) ThrowHelpers.ThrowIndexOutOfRange();
            ref object element = ref Unsafe.As<ArrayElement[]>(array)[index].Value;
            if (obj != null)
            {
                MethodTable* elementType = array.GetMethodTable()->ElementTypeHandle;
                MethodTable* objType = obj.GetMethodTable();
                if (objType != elementType && elementType != MethodTable.Of<object>() && !IsAssignable(objType, elementType))
                    ThrowHelpers.ThrowArrayTypeMismatch();
            }
            element = obj;
        }

        private static ref object LdelemaRef(object[] array, nint index, MethodTable* elementType)
        {
            if ((nuint)index >= (nuint)array.Length) ThrowHelpers.ThrowIndexOutOfRange();
            if (array.GetMethodTable()->ElementTypeHandle != elementType) ThrowHelpers.ThrowArrayTypeMismatch();
            return ref Unsafe.As<ArrayElement[]>(array)[index].Value;
        }
    }

    /// <summary>Boxing and unboxing helpers ilc calls by name.</summary>
    internal static unsafe class RuntimeExports
    {
        internal static uint PayloadSize(MethodTable* type)
        {
            switch (type->ElementType)
            {
                case MethodTable.ElementType_Boolean: case MethodTable.ElementType_SByte: case MethodTable.ElementType_Byte: return 1;
                case MethodTable.ElementType_Char: case MethodTable.ElementType_Int16: case MethodTable.ElementType_UInt16: return 2;
                case MethodTable.ElementType_Int32: case MethodTable.ElementType_UInt32: case MethodTable.ElementType_Single: return 4;
                case MethodTable.ElementType_Int64: case MethodTable.ElementType_UInt64: case MethodTable.ElementType_Double: return 8;
                case MethodTable.ElementType_IntPtr: case MethodTable.ElementType_UIntPtr: return (uint)sizeof(nint);
                default: return type->ValueTypeSize;
            }
        }

        internal static object RhBox(MethodTable* type, ref byte data)
        {
            if (type->IsNullable)
                RuntimeDiagnostics.FailFast("boxing Nullable<T> is not supported by Mirage.CoreLib yet");
            object result = Allocation.AsObject(Allocation.AllocateObject(type));
            Buffer.CopyBytes((byte*)Unsafe.AsPointer(ref data), (byte*)Unsafe.AsPointer(ref result.GetRawData()), PayloadSize(type));
            return result;
        }

        internal static ref byte RhUnbox2(MethodTable* type, object obj)
        {
            if (obj == null) ThrowHelpers.ThrowNullReference();
            MethodTable* actual = obj.GetMethodTable();
            if (actual != type && !(actual->ElementType == type->ElementType && actual->ElementType < MethodTable.ElementType_ValueType && PayloadSize(actual) == PayloadSize(type)))
                ThrowHelpers.ThrowInvalidCast();
            return ref obj.GetRawData();
        }

        internal static void RhUnboxNullable(ref byte data, MethodTable* type, object obj)
            => RuntimeDiagnostics.FailFast("unboxing to Nullable<T> is not supported by Mirage.CoreLib yet");

        internal static void RhUnboxTypeTest(MethodTable* type, MethodTable* boxType)
        {
            if (type != boxType && !(type->ElementType == boxType->ElementType && type->ElementType < MethodTable.ElementType_ValueType))
                ThrowHelpers.ThrowInvalidCast();
        }
    }
}
