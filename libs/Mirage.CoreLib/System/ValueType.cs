using System.Runtime;
using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System
{
    public abstract class ValueType
    {
        // ilc overrides this in every value type that does not override Equals/GetHashCode itself:
        // with index -1 it returns the field count, or -1 when the type may be compared bytewise;
        // with a field index it returns that field's offset and type.
        private const int GetNumFields = -1;
        private const int UseFastHelper = -1;

        internal virtual unsafe int __GetFieldHelper(int index, out MethodTable* mt)
        {
            mt = null;
            return UseFastHelper;
        }

        public override unsafe bool Equals(object obj)
        {
            if (obj == null || obj.GetMethodTable() != this.GetMethodTable()) return false;
            ref byte self = ref this.GetRawData();
            ref byte other = ref obj.GetRawData();
            int fieldCount = __GetFieldHelper(GetNumFields, out _);
            if (fieldCount == UseFastHelper)
            {
                uint size = RuntimeExports.PayloadSize(this.GetMethodTable());
                return new ReadOnlySpan<byte>(ref self, (int)size).SequenceEqual(new ReadOnlySpan<byte>(ref other, (int)size));
            }
            for (int i = 0; i < fieldCount; i++)
            {
                int offset = __GetFieldHelper(i, out MethodTable* fieldType);
                object mine = LoadField(ref Unsafe.Add(ref self, offset), fieldType);
                object theirs = LoadField(ref Unsafe.Add(ref other, offset), fieldType);
                if (mine == null) { if (theirs != null) return false; }
                else if (!mine.Equals(theirs)) return false;
            }
            return true;
        }

        public override unsafe int GetHashCode()
        {
            ref byte self = ref this.GetRawData();
            int fieldCount = __GetFieldHelper(GetNumFields, out _);
            if (fieldCount == UseFastHelper)
            {
                uint size = RuntimeExports.PayloadSize(this.GetMethodTable());
                int hash = 0;
                for (int i = 0; i < (int)size; i++) hash = hash * 31 + Unsafe.Add(ref self, i);
                return hash;
            }
            // Like .NET: the hash of the first non-null field.
            for (int i = 0; i < fieldCount; i++)
            {
                int offset = __GetFieldHelper(i, out MethodTable* fieldType);
                object field = LoadField(ref Unsafe.Add(ref self, offset), fieldType);
                if (field != null) return field.GetHashCode();
            }
            return 0;
        }

        private static unsafe object LoadField(ref byte field, MethodTable* fieldType)
            => fieldType->IsValueType ? RuntimeExports.RhBox(fieldType, ref field) : Unsafe.As<byte, object>(ref field);

        public override string ToString() => "System.ValueType";
    }

    public abstract class Enum : ValueType, IComparable, IFormattable
    {
        /// <summary>
        /// Images carry no member names (no reflection data), so an enum formats as its number,
        /// as .NET does for values without a name.
        /// </summary>
        public override string ToString() => ToInt64Bits().ToString();
        public string ToString(string format) => ToString();
        public string ToString(IFormatProvider provider) => ToString();
        public string ToString(string format, IFormatProvider provider) => ToString();

        public bool HasFlag(Enum flag)
        {
            if (flag == null) throw new ArgumentNullException(nameof(flag));
            long bits = flag.ToInt64Bits();
            return (ToInt64Bits() & bits) == bits;
        }

        public int CompareTo(object target)
        {
            if (target == null) return 1;
            long mine = ToInt64Bits(), theirs = ((Enum)target).ToInt64Bits();
            return mine < theirs ? -1 : mine > theirs ? 1 : 0;
        }

        public override bool Equals(object obj)
        {
            unsafe
            {
                return obj != null && obj.GetMethodTable() == this.GetMethodTable() && ((Enum)obj).ToInt64Bits() == ToInt64Bits();
            }
        }

        public override int GetHashCode() => ToInt64Bits().GetHashCode();

        private unsafe long ToInt64Bits()
        {
            ref byte data = ref this.GetRawData();
            switch (this.GetMethodTable()->ElementType)
            {
                case MethodTable.ElementType_SByte: return (sbyte)data;
                case MethodTable.ElementType_Byte: case MethodTable.ElementType_Boolean: return data;
                case MethodTable.ElementType_Int16: return Unsafe.As<byte, short>(ref data);
                case MethodTable.ElementType_UInt16: case MethodTable.ElementType_Char: return Unsafe.As<byte, ushort>(ref data);
                case MethodTable.ElementType_Int32: return Unsafe.As<byte, int>(ref data);
                case MethodTable.ElementType_UInt32: return Unsafe.As<byte, uint>(ref data);
                default: return Unsafe.As<byte, long>(ref data);
            }
        }
    }

    public struct Nullable<T> where T : struct
    {
        private readonly bool hasValue;
        internal T value;

        public Nullable(T value)
        {
            this.value = value;
            hasValue = true;
        }

        public readonly bool HasValue => hasValue;

        public readonly T Value
        {
            get
            {
                if (!hasValue) throw new InvalidOperationException("Nullable object must have a value.");
                return value;
            }
        }

        public readonly T GetValueOrDefault() => value;
        public readonly T GetValueOrDefault(T defaultValue) => hasValue ? value : defaultValue;

        public override bool Equals(object other)
        {
            if (!hasValue) return other == null;
            if (other == null) return false;
            return value.Equals(other);
        }

        public override int GetHashCode() => hasValue ? value.GetHashCode() : 0;
        public override string ToString() => hasValue ? value.ToString() : "";

        public static implicit operator T?(T value) => new T?(value);
        public static explicit operator T(T? value) => value.Value;
    }

    public static class Nullable
    {
        public static int Compare<T>(T? n1, T? n2) where T : struct
        {
            if (n1.HasValue)
            {
                if (n2.HasValue) return System.Collections.Generic.Comparer<T>.Default.Compare(n1.value, n2.value);
                return 1;
            }
            return n2.HasValue ? -1 : 0;
        }

        public static bool Equals<T>(T? n1, T? n2) where T : struct
        {
            if (n1.HasValue) return n2.HasValue && System.Collections.Generic.EqualityComparer<T>.Default.Equals(n1.value, n2.value);
            return !n2.HasValue;
        }
    }
}
