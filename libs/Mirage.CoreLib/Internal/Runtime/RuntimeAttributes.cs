namespace System.Runtime
{
    // ilc recognises these by name: an export gives a managed method a C symbol name (so the boot
    // stub and the platform can call it), an import binds an extern method to a C symbol directly,
    // without a P/Invoke transition.
    [AttributeUsage(AttributeTargets.Method)]
    internal sealed class RuntimeExportAttribute : Attribute
    {
        public RuntimeExportAttribute(string entry) { }
    }

    [AttributeUsage(AttributeTargets.Method)]
    internal sealed class RuntimeImportAttribute : Attribute
    {
        public RuntimeImportAttribute(string lib) { }
        public RuntimeImportAttribute(string lib, string entry) { }
    }
}
