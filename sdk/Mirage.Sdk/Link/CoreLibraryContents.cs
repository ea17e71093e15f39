using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Mirage.Sdk.Link;

/// <summary>Every type of the core library with its methods and fields, keyed by assembly-neutral names.</summary>
internal sealed class CoreLibraryContents
{
    private readonly Dictionary<string, TypeEntry> _types = new(StringComparer.Ordinal);

    internal sealed class TypeEntry
    {
        public TypeEntry(string name, bool isPublic) { Name = name; IsPublic = isPublic; }
        public string Name { get; }
        public bool IsPublic { get; }
        public string? BaseType { get; set; }
        public HashSet<string> Methods { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Fields { get; } = new(StringComparer.Ordinal);
    }

    public IEnumerable<TypeEntry> Types => _types.Values;

    public static CoreLibraryContents Read(IEnumerable<string> assemblyPaths)
    {
        var contents = new CoreLibraryContents();
        foreach (string path in assemblyPaths)
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            MetadataReader reader = pe.GetMetadataReader();
            foreach (TypeDefinitionHandle handle in reader.TypeDefinitions)
            {
                TypeDefinition type = reader.GetTypeDefinition(handle);
                string name = TypeNameProvider.FullName(reader, handle);
                var visibility = type.Attributes & System.Reflection.TypeAttributes.VisibilityMask;
                var entry = new TypeEntry(name, visibility is System.Reflection.TypeAttributes.Public or System.Reflection.TypeAttributes.NestedPublic
                        or System.Reflection.TypeAttributes.NestedFamily or System.Reflection.TypeAttributes.NestedFamORAssem);
                if (!type.BaseType.IsNil)
                    entry.BaseType = StripInstantiation(BaseName(reader, type.BaseType));
                foreach (MethodDefinitionHandle m in type.GetMethods())
                {
                    MethodDefinition method = reader.GetMethodDefinition(m);
                    MethodSignature<string> signature = method.DecodeSignature(TypeNameProvider.Instance, null);
                    entry.Methods.Add(TypeNameProvider.MethodKey(reader.GetString(method.Name), signature));
                }
                foreach (FieldDefinitionHandle f in type.GetFields())
                    entry.Fields.Add(reader.GetString(reader.GetFieldDefinition(f).Name));
                if (!contents._types.ContainsKey(name)) contents._types.Add(name, entry);
            }
        }
        return contents;
    }

    private static string BaseName(MetadataReader reader, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition => TypeNameProvider.FullName(reader, (TypeDefinitionHandle)handle),
        HandleKind.TypeReference => TypeNameProvider.FullName(reader, (TypeReferenceHandle)handle),
        HandleKind.TypeSpecification => reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(TypeNameProvider.Instance, null),
        _ => "",
    };

    public static string StripInstantiation(string name)
    {
        int angle = name.IndexOf('<');
        return angle < 0 ? name : name.Substring(0, angle);
    }

    public TypeEntry? FindType(string name) => _types.TryGetValue(name, out var entry) ? entry : null;

    /// <summary>True if the type or one of its base types declares the method (members are inherited).</summary>
    public bool HasMethod(string typeName, string methodKey)
    {
        for (TypeEntry? type = FindType(typeName); type != null; type = type.BaseType == null ? null : FindType(type.BaseType))
            if (type.Methods.Contains(methodKey)) return true;
        return false;
    }

    public bool HasField(string typeName, string fieldName)
    {
        for (TypeEntry? type = FindType(typeName); type != null; type = type.BaseType == null ? null : FindType(type.BaseType))
            if (type.Fields.Contains(fieldName)) return true;
        return false;
    }
}
