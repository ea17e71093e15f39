using System;

namespace Internal.Runtime.CompilerHelpers
{
    /// <summary>Targets of the throw helpers that ilc-compiled code calls by name.</summary>
    internal static class ThrowHelpers
    {
        private static void ThrowIndexOutOfRangeException() => throw new IndexOutOfRangeException();
        private static void ThrowNullReferenceException() => throw new NullReferenceException();
        private static void ThrowDivideByZeroException() => throw new DivideByZeroException();
        private static void ThrowOverflowException() => throw new OverflowException();
        private static void ThrowPlatformNotSupportedException() => throw new PlatformNotSupportedException();
        private static void ThrowArgumentException() => throw new ArgumentException();
        private static void ThrowArgumentOutOfRangeException() => throw new ArgumentOutOfRangeException();
        private static void ThrowNotImplementedException() => throw new NotImplementedException();
        private static void ThrowInvalidProgramException() => throw new InvalidProgramException();
        private static void ThrowTypeLoadException() => throw new TypeLoadException();
        private static void ThrowFeatureBodyRemoved() => throw new NotSupportedException("This code was removed by the compiler.");
        private static void ThrowArrayTypeMismatchException() => throw new ArrayTypeMismatchException();
        private static void ThrowInvalidCastException() => throw new InvalidCastException();
        private static void ThrowMissingMethodException() => throw new NotSupportedException("missing method");
        private static void ThrowMissingFieldException() => throw new NotSupportedException("missing field");
        private static void ThrowBadImageFormatException() => throw new NotSupportedException("bad image format");
        private static void ThrowEntryPointNotFoundException() => throw new NotSupportedException("entry point not found");
        private static void ThrowAmbiguousMatchException() => throw new NotSupportedException("ambiguous match");
        private static void ThrowFileNotFoundException() => throw new NotSupportedException("file not found");
        private static void ThrowMarshalDirectiveException() => throw new NotSupportedException("marshal directive");
        private static void ThrowInvalidProgramExceptionWithArgument(int id, string method) => throw new InvalidProgramException();
        private static void ThrowTypeLoadExceptionWithArgument(int id, string className, string typeName) => throw new TypeLoadException();
    }
}

namespace Internal.Runtime
{
    internal static class ThrowHelpers
    {
        internal static void ThrowOverflow() => throw new OverflowException();
        internal static void ThrowOutOfMemory() => throw new OutOfMemoryException();
        internal static void ThrowInvalidCast() => throw new InvalidCastException();
        internal static void ThrowNullReference() => throw new NullReferenceException();
        internal static void ThrowIndexOutOfRange() => throw new IndexOutOfRangeException();
        internal static void ThrowArrayTypeMismatch() => throw new ArrayTypeMismatchException();
    }
}

namespace Internal.Runtime.CompilerHelpers
{
    /// <summary>ldtoken: ilc calls these by name to turn a MethodTable into typeof's handle and Type.</summary>
    internal static class LdTokenHelpers
    {
        private static RuntimeTypeHandle GetRuntimeTypeHandle(IntPtr pEEType) => new RuntimeTypeHandle(pEEType);
        private static Type GetRuntimeType(IntPtr pEEType) => Type.GetTypeFromHandle(new RuntimeTypeHandle(pEEType));
        private static RuntimeMethodHandle GetRuntimeMethodHandle(IntPtr pHandleSignature) => default;
        private static RuntimeFieldHandle GetRuntimeFieldHandle(IntPtr pHandleSignature) => default;
    }
}
