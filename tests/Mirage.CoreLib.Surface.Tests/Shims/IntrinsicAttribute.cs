namespace System.Runtime.CompilerServices
{
    /// <summary>Stand-in for the BCL's internal [Intrinsic] marker, which Mirage.CoreLib declares for
    /// ilc. On .NET the attribute is not public, so the linked sources need their own; here it is
    /// only a marker and the fallback bodies run, which is what these tests compare.</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Field, Inherited = false)]
    internal sealed class IntrinsicAttribute : Attribute
    {
    }
}
