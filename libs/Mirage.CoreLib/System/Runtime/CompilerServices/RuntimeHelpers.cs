using Internal.Runtime;

namespace System.Runtime.CompilerServices
{
    public static unsafe class RuntimeHelpers
    {
        public static int OffsetToStringData => sizeof(nint) + sizeof(int);

        /// <summary>ilc expands array initializers ('new int[] { 1, 2 }') inline.</summary>
        [Intrinsic]
        public static void InitializeArray(Array array, RuntimeFieldHandle fldHandle)
            => RuntimeDiagnostics.FailFast("RuntimeHelpers.InitializeArray was not expanded by the compiler");

        [Intrinsic]
        public static ReadOnlySpan<T> CreateSpan<T>(RuntimeFieldHandle fldHandle)
        {
            RuntimeDiagnostics.FailFast("RuntimeHelpers.CreateSpan was not expanded by the compiler");
            return default;
        }

        [Intrinsic]
        public static bool IsReferenceOrContainsReferences<T>() => !MethodTable.Of<T>()->IsValueType || MethodTable.Of<T>()->HasPointers;

        public static int GetHashCode(object o) => o == null ? 0 : RuntimeHelpersIdentity.Hash(o);

        public new static bool Equals(object o1, object o2) => o1 == o2;

        public static void RunClassConstructor(RuntimeTypeHandle type) { }

        public static void EnsureSufficientExecutionStack() { }

        public static bool TryEnsureSufficientExecutionStack() => true;

        public static object GetUninitializedObject(Type type) => throw new NotSupportedException();

        public static T[] GetSubArray<T>(T[] array, Range range)
        {
            if (array == null) throw new ArgumentNullException(nameof(array));
            (int offset, int length) = range.GetOffsetAndLength(array.Length);
            T[] result = new T[length];
            Array.Copy(array, offset, result, 0, length);
            return result;
        }
    }

    internal static unsafe class RuntimeHelpersIdentity
    {
        internal static int Hash(object o)
        {
            nuint address = *(nuint*)Unsafe.AsPointer(ref o);
            return (int)(((ulong)address * 0x9E3779B97F4A7C15UL) >> 33);
        }
    }
}
