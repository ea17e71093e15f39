using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Mirage.Sdk.Link;

/// <summary>
/// Writes a facade: an assembly named like a framework reference assembly (System.Runtime,
/// System.Collections, ...) that contains nothing but type forwarders to Mirage.CoreLib, so that
/// IL compiled against the reference assemblies binds to the core library when ilc links it.
/// </summary>
internal static class FacadeWriter
{
    /// <summary>Top-level public type names defined by a (reference) assembly, and its identity.</summary>
    public static (string Name, Version Version, byte[] PublicKeyToken, List<string> Types) ReadReferenceAssembly(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        MetadataReader reader = pe.GetMetadataReader();
        AssemblyDefinition assembly = reader.GetAssemblyDefinition();
        var types = new List<string>();
        foreach (TypeDefinitionHandle handle in reader.TypeDefinitions)
        {
            TypeDefinition type = reader.GetTypeDefinition(handle);
            if (type.IsNested || (type.Attributes & TypeAttributes.VisibilityMask) != TypeAttributes.Public) continue;
            types.Add(TypeNameProvider.FullName(reader, handle));
        }
        // Types the reference assembly itself forwards elsewhere (e.g. netstandard, mscorlib) count too.
        foreach (ExportedTypeHandle handle in reader.ExportedTypes)
        {
            ExportedType exported = reader.GetExportedType(handle);
            if (!exported.IsForwarder || exported.Implementation.Kind != HandleKind.AssemblyReference) continue;
            string ns = reader.GetString(exported.Namespace);
            string name = reader.GetString(exported.Name);
            types.Add(ns.Length == 0 ? name : ns + "." + name);
        }
        byte[] key = reader.GetBlobBytes(assembly.PublicKey);
        return (reader.GetString(assembly.Name), assembly.Version, key, types);
    }

    public static void Write(string outputPath, string assemblyName, Version version, IEnumerable<string> forwardedTypes, string coreLibraryName, Version coreLibraryVersion)
    {
        var metadata = new MetadataBuilder();
        metadata.AddModule(0, metadata.GetOrAddString(assemblyName + ".dll"), metadata.GetOrAddGuid(Guid.NewGuid()), default, default);
        metadata.AddAssembly(metadata.GetOrAddString(assemblyName), version, default, default, default, AssemblyHashAlgorithm.Sha1);
        AssemblyReferenceHandle coreLibrary = metadata.AddAssemblyReference(
            metadata.GetOrAddString(coreLibraryName), coreLibraryVersion, default, default, default, default);
        // The <Module> type every assembly has.
        metadata.AddTypeDefinition(default, default, metadata.GetOrAddString("<Module>"), default,
            MetadataTokens.FieldDefinitionHandle(1), MetadataTokens.MethodDefinitionHandle(1));
        foreach (string fullName in forwardedTypes)
        {
            int dot = fullName.LastIndexOf('.');
            string ns = dot < 0 ? "" : fullName.Substring(0, dot);
            string name = dot < 0 ? fullName : fullName.Substring(dot + 1);
            metadata.AddExportedType(TypeAttributes.NotPublic | (TypeAttributes)0x00200000 /* forwarder */,
                metadata.GetOrAddString(ns), metadata.GetOrAddString(name), coreLibrary, 0);
        }

        var root = new MetadataRootBuilder(metadata);
        var builder = new ManagedPEBuilder(PEHeaderBuilder.CreateLibraryHeader(), root, new BlobBuilder());
        var image = new BlobBuilder();
        builder.Serialize(image);
        Directory.CreateDirectory(Path.GetDirectoryName(outputPath)!);
        using var file = File.Create(outputPath);
        image.WriteContentTo(file);
    }
}
