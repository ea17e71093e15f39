namespace System
{
    /// <summary>
    /// Types exist at run time only as MethodTables: there is no reflection. <c>typeof</c> works for
    /// identity comparison (<c>typeof(A) == typeof(B)</c>); names and members are not available.
    /// </summary>
    public abstract class Type
    {
        [System.Runtime.CompilerServices.Intrinsic]
        public static Type GetTypeFromHandle(RuntimeTypeHandle handle) => handle.Value == IntPtr.Zero ? null : RuntimeType.For(handle.Value);
        public abstract RuntimeTypeHandle TypeHandle { get; }
        [System.Runtime.CompilerServices.Intrinsic]
        public static bool operator ==(Type left, Type right) => (object)left == right || (left is not null && right is not null && left.TypeHandle.Value == right.TypeHandle.Value);
        [System.Runtime.CompilerServices.Intrinsic]
        public static bool operator !=(Type left, Type right) => !(left == right);
        public override bool Equals(object o) => o is Type other && this == other;
        public override int GetHashCode() => TypeHandle.Value.GetHashCode();
    }

    internal sealed unsafe class RuntimeType : Type
    {
        private readonly nint _methodTable;
        private RuntimeType(nint methodTable) { _methodTable = methodTable; }
        internal static RuntimeType For(nint methodTable) => new RuntimeType(methodTable);
        public override RuntimeTypeHandle TypeHandle => new RuntimeTypeHandle(_methodTable);
    }

    public struct RuntimeTypeHandle : IEquatable<RuntimeTypeHandle>
    {
        private readonly nint _value;
        internal RuntimeTypeHandle(nint value) { _value = value; }
        public nint Value => _value;
        public bool Equals(RuntimeTypeHandle handle) => _value == handle._value;
        public override bool Equals(object obj) => obj is RuntimeTypeHandle other && Equals(other);
        public override int GetHashCode() => _value.GetHashCode();
        public static bool operator ==(RuntimeTypeHandle left, RuntimeTypeHandle right) => left._value == right._value;
        public static bool operator !=(RuntimeTypeHandle left, RuntimeTypeHandle right) => left._value != right._value;
    }

    public struct RuntimeMethodHandle
    {
        private readonly nint _value;
        public nint Value => _value;
    }

    public struct RuntimeFieldHandle
    {
        private readonly nint _value;
        public nint Value => _value;
    }

    public struct RuntimeArgumentHandle { }
    public struct TypedReference { }
}
