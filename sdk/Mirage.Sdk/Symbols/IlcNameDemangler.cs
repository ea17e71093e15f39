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
/// Generic instantiations become their definitions, as .NET's stack traces show them
/// ("System.Collections.Generic.Dictionary`2.TryInsert", "Program.Run[T]"): ilc's symbols of
/// them carry the type arguments. Names it cannot resolve (compiler stubs) are kept as ilc wrote
/// them; MethodTables' names keep ilc's type arguments.
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
        ["UInt8"] = "Byte", ["Int8"] = "SByte", ["Bool"] = "Boolean",
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
                    MethodDefinition method = reader.GetMethodDefinition(methodHandle);
                    string name = reader.GetString(method.Name);
                    string sanitized = Sanitize(name);
                    if (entry.Methods.ContainsKey(sanitized)) continue;
                    var parameters = new List<string>();
                    foreach (GenericParameterHandle parameter in method.GetGenericParameters())
                        parameters.Add(reader.GetString(reader.GetGenericParameter(parameter).Name));
                    entry.Methods[sanitized] = parameters.Count == 0 ? name : name + "[" + string.Join(",", parameters) + "]";
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
    /// Unboxing stubs (a value type's methods called on its boxed form: they adjust the object
    /// pointer and jump to the method) are named as the method they enter.
    /// </summary>
    public string MethodNameParts(string symbol, out string? typeName)
    {
        string method = symbol;
        int unboxed = symbol.IndexOf("__<unbox>", StringComparison.Ordinal);
        if (symbol.StartsWith("<Boxed>", StringComparison.Ordinal) && unboxed > 0) method = symbol.Substring(unboxed + "__<unbox>".Length);
        else if (symbol.StartsWith("unbox_", StringComparison.Ordinal)) method = symbol.Substring("unbox_".Length);
        // The type's name may itself contain "__" (compiler-generated types): try every split, longest type first.
        for (int split = method.Length - 2; split > 0; split--)
        {
            if (method[split] != '_' || method[split + 1] != '_') continue;
            if (!TryType(method.Substring(0, split), out TypeEntry? entry, out _)) continue;
            typeName = entry!.DisplayName;
            return ResolveMethod(entry, WithoutArguments(method.Substring(split + 2), out _) ?? method.Substring(split + 2));
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
        string? key = WithoutArguments(mangled, out string arguments);
        if (key == null) { entry = null; display = ""; return false; }
        if (_types.TryGetValue(key, out entry)) { display = entry.DisplayName + arguments; return true; }
        display = "";
        return false;
    }

    /// <summary>A symbol without its trailing instantiation "&lt;...&gt;" (given in <paramref name="arguments"/>), or null when the brackets do not balance.</summary>
    private static string? WithoutArguments(string mangled, out string arguments)
    {
        arguments = "";
        if (!mangled.EndsWith(">", StringComparison.Ordinal)) return mangled;
        int depth = 0;
        for (int i = mangled.Length - 1; i > 0; i--)
        {
            if (mangled[i] == '>') depth++;
            else if (mangled[i] == '<' && --depth == 0)
            {
                arguments = mangled.Substring(i);
                return mangled.Substring(0, i);
            }
        }
        return null;
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
