namespace System.Runtime
{
    // ilc recognises this attribute by name in any assembly: an extern method bound to a C symbol
    // (the boot stub's, or a RuntimeExport of the runtime's assemblies), called without a transition.
    [AttributeUsage(AttributeTargets.Method)]
    internal sealed class RuntimeImportAttribute : Attribute
    {
        public RuntimeImportAttribute(string lib, string entry) { }
    }
}
