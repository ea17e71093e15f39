using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;

namespace Mirage.Sdk.Symbols;

/// <summary>
/// Turns ilc's symbol names back into the names a .NET stack trace shows: "Probe_Probe_Program__Main"
/// (assembly Probe, type Probe.Program, method Main) becomes "Probe.Program.Main". ilc builds a
/// name from the assembly name, namespace and type name with every character other than a letter,
/// digit or '_' replaced by '_', then "__" and the method name (overloads get "_1", "_2"...), so
/// the types and methods of the compiled assemblies are mangled the same way here and looked up.
/// Names it cannot resolve (generic instantiations' arguments, compiler stubs) are kept as ilc wrote them.
/// </summary>
public sealed class IlcNameDemangler
{
    private sealed class TypeEntry
    {
        public TypeEntry(string displayName, string? baseTypeName) { DisplayName = displayName; BaseTypeName = baseTypeName; }
        public string DisplayName { get; }
        /// <summary>The base type's display name (a generic base's definition, "Namespace.Base`1"), or null.</summary>
        public string? BaseTypeName { get; }
        public Dictionary<string, string> Methods { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
    }

    private const string ExceptionTypeName = "System.Exception";

    private readonly Dictionary<string, TypeEntry> _types = new Dictionary<string, TypeEntry>(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeEntry> _typesByDisplayName = new Dictionary<string, TypeEntry>(StringComparer.Ordinal);

    // ilc's short names for the core library's primitive types.
    private static readonly Dictionary<string, string> s_primitiveAliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["UInt8"] = "Byte", ["Int8"] = "SByte",
    };

    public IlcNameDemangler(IEnumerable<string> assemblyPaths)
    {
        foreach (string path in assemblyPaths)
        {
            if (!File.Exists(path)) continue;
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata) continue;
            MetadataReader reader = pe.GetMetadataReader();
            string prefix = Sanitize(reader.GetString(reader.GetAssemblyDefinition().Name));
            bool isCoreLibrary = reader.GetString(reader.GetAssemblyDefinition().Name) == "Mirage.CoreLib";
            foreach (TypeDefinitionHandle handle in reader.TypeDefinitions)
            {
                TypeDefinition type = reader.GetTypeDefinition(handle);
                string key = Key(reader, handle, prefix, out string display);
                var entry = new TypeEntry(display, type.BaseType.IsNil ? null : DisplayName(reader, type.BaseType));
                _typesByDisplayName[display] = entry;
                foreach (MethodDefinitionHandle methodHandle in type.GetMethods())
                {
                    string name = reader.GetString(reader.GetMethodDefinition(methodHandle).Name);
                    string sanitized = Sanitize(name);
                    if (!entry.Methods.ContainsKey(sanitized)) entry.Methods[sanitized] = name;
                }
                _types[key] = entry;
                if (isCoreLibrary && type.GetDeclaringType().IsNil && reader.GetString(type.Namespace) == "System")
                {
                    string simple = Sanitize(reader.GetString(type.Name));
                    _types[simple] = entry;
                    foreach (var alias in s_primitiveAliases)
                        if (alias.Value == simple) _types[alias.Key] = entry;
                }
            }
        }
    }

    private static string Key(MetadataReader reader, TypeDefinitionHandle handle, string prefix, out string display)
    {
        TypeDefinition type = reader.GetTypeDefinition(handle);
        string name = reader.GetString(type.Name);
        TypeDefinitionHandle declaring = type.GetDeclaringType();
        if (!declaring.IsNil)
        {
            string outer = Key(reader, declaring, prefix, out string outerDisplay);
            display = outerDisplay + "." + name;
            return outer + "_" + Sanitize(name);
        }
        string ns = reader.GetString(type.Namespace);
        display = ns.Length == 0 ? name : ns + "." + name;
        return prefix + "_" + Sanitize(display);
    }

    /// <summary>The display name of a type a definition, reference or generic instantiation names (the instantiation's definition).</summary>
    private static string? DisplayName(MetadataReader reader, EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
                Key(reader, (TypeDefinitionHandle)handle, "", out string display);
                return display;
            case HandleKind.TypeReference:
                TypeReference reference = reader.GetTypeReference((TypeReferenceHandle)handle);
                string name = reader.GetString(reference.Name);
                if (reference.ResolutionScope.Kind == HandleKind.TypeReference)
                    return DisplayName(reader, (TypeReferenceHandle)reference.ResolutionScope) + "." + name;
                string ns = reader.GetString(reference.Namespace);
                return ns.Length == 0 ? name : ns + "." + name;
            case HandleKind.TypeSpecification:
                BlobReader signature = reader.GetBlobReader(reader.GetTypeSpecification((TypeSpecificationHandle)handle).Signature);
                if (signature.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance) return null;
                signature.ReadSignatureTypeCode();                          // class or value type
                return DisplayName(reader, signature.ReadTypeHandle());
            default:
                return null;
        }
    }

    public static string Sanitize(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (char c in name)
            text.Append((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ? c : '_');
        return text.ToString();
    }

    /// <summary>"Namespace.Type.Method" for a method's symbol, or the symbol itself.</summary>
    public string MethodName(string symbol)
    {
        string method = MethodNameParts(symbol, out string? typeName);
        return typeName == null ? method : typeName + "." + method;
    }

    /// <summary>
    /// Splits a method's symbol into its declaring type's name ("Namespace.Type", null when the
    /// symbol is not resolved) and the method's own name (the whole symbol when not resolved).
    /// </summary>
    public string MethodNameParts(string symbol, out string? typeName)
    {
        // The type's name may itself contain "__" (compiler-generated types): try every split, longest type first.
        for (int split = symbol.Length - 2; split > 0; split--)
        {
            if (symbol[split] != '_' || symbol[split + 1] != '_') continue;
            if (!TryType(symbol.Substring(0, split), out TypeEntry? entry, out string display)) continue;
            typeName = display;
            return ResolveMethod(entry!, symbol.Substring(split + 2));
        }
        typeName = null;
        return symbol;
    }

    /// <summary>
    /// Whether a MethodTable's symbol names an exception type (System.Exception or a type derived
    /// from it, in the compiled assemblies): the only types the runtime names (exception reports).
    /// </summary>
    public bool IsExceptionType(string symbol)
    {
        string? mangled = MethodTableTypeSymbol(symbol);
        if (mangled == null || !TryType(mangled, out TypeEntry? entry, out _)) return false;
        // Bounded: metadata cannot make a cycle of base types, but a malformed assembly could.
        string? name = entry!.DisplayName;
        for (int depth = 0; name != null && depth < 64; depth++)
        {
            if (name == ExceptionTypeName) return true;
            name = _typesByDisplayName.TryGetValue(name, out TypeEntry? type) ? type.BaseTypeName : null;
        }
        return false;
    }

    /// <summary>"Namespace.Type" for a MethodTable's symbol (_ZTV&lt;length&gt;&lt;name&gt;), or null when it is not one.</summary>
    public string? TypeName(string symbol)
    {
        string? mangled = MethodTableTypeSymbol(symbol);
        if (mangled == null) return null;
        return TryType(mangled, out _, out string display) ? display : mangled;
    }

    /// <summary>The type's symbol in a MethodTable's symbol ("_ZTV&lt;length&gt;&lt;type&gt;"), or null.</summary>
    private static string? MethodTableTypeSymbol(string symbol)
    {
        if (!symbol.StartsWith("_ZTV", StringComparison.Ordinal)) return null;
        int digits = 4;
        while (digits < symbol.Length && char.IsDigit(symbol[digits])) digits++;
        return digits == 4 ? null : symbol.Substring(digits);
    }

    private bool TryType(string mangled, out TypeEntry? entry, out string display)
    {
        string arguments = "";
        string key = mangled;
        if (key.EndsWith(">", StringComparison.Ordinal))
        {
            int depth = 0, open = -1;
            for (int i = key.Length - 1; i >= 0; i--)
            {
                if (key[i] == '>') depth++;
                else if (key[i] == '<' && --depth == 0) { open = i; break; }
            }
            if (open <= 0) { entry = null; display = ""; return false; }
            arguments = key.Substring(open);
            key = key.Substring(0, open);
        }
        if (_types.TryGetValue(key, out entry)) { display = entry.DisplayName + arguments; return true; }
        display = "";
        return false;
    }

    private static string ResolveMethod(TypeEntry entry, string mangled)
    {
        if (entry.Methods.TryGetValue(mangled, out string? name)) return name;
        // Overloads: "<name>_<n>".
        int underscore = mangled.LastIndexOf('_');
        if (underscore > 0 && underscore < mangled.Length - 1)
        {
            bool digits = true;
            for (int i = underscore + 1; i < mangled.Length; i++) digits &= char.IsDigit(mangled[i]);
            if (digits && entry.Methods.TryGetValue(mangled.Substring(0, underscore), out name)) return name;
        }
        return mangled;
    }
}
