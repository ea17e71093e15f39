using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Mirage.Sdk.Link;

/// <summary>
/// The API check of the unikernel targets: every type and member that the application and its
/// libraries use from the .NET framework must exist in Mirage.CoreLib, or the build stops with an
/// error naming the method that uses it and what is missing. Without this, ilc would compile the
/// call into a throw at run time.
/// </summary>
internal sealed class ApiChecker
{
    private readonly CoreLibraryContents _coreLibrary;
    private readonly HashSet<string> _frameworkAssemblies;

    public sealed class Finding
    {
        public Finding(string assembly, string caller, string missing, bool isType) { Assembly = assembly; Caller = caller; Missing = missing; IsType = isType; }
        public string Assembly { get; }
        public string Caller { get; }
        public string Missing { get; }
        public bool IsType { get; }
    }

    public ApiChecker(CoreLibraryContents coreLibrary, IEnumerable<string> frameworkAssemblyNames)
    {
        _coreLibrary = coreLibrary;
        _frameworkAssemblies = new HashSet<string>(frameworkAssemblyNames, StringComparer.OrdinalIgnoreCase);
    }

    public List<Finding> Check(string assemblyPath)
    {
        var findings = new List<Finding>();
        var seen = new HashSet<(string, string)>();
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        MetadataReader reader = pe.GetMetadataReader();
        string assemblyName = reader.GetString(reader.GetAssemblyDefinition().Name);

        void Report(string caller, string missing, bool isType)
        {
            if (seen.Add((caller, missing))) findings.Add(new Finding(assemblyName, caller, missing, isType));
        }

        foreach (TypeDefinitionHandle typeHandle in reader.TypeDefinitions)
        {
            TypeDefinition type = reader.GetTypeDefinition(typeHandle);
            string typeName = TypeNameProvider.FullName(reader, typeHandle);
            if (!type.BaseType.IsNil) CheckType(reader, type.BaseType, typeName, Report);
            foreach (InterfaceImplementationHandle i in type.GetInterfaceImplementations())
                CheckType(reader, reader.GetInterfaceImplementation(i).Interface, typeName, Report);

            foreach (MethodDefinitionHandle methodHandle in type.GetMethods())
            {
                MethodDefinition method = reader.GetMethodDefinition(methodHandle);
                if (method.RelativeVirtualAddress == 0) continue;
                string caller = typeName + "." + reader.GetString(method.Name);
                MethodBodyBlock body = pe.GetMethodBody(method.RelativeVirtualAddress);
                foreach (EntityHandle token in ILTokenScanner.Tokens(body.GetILReader()))
                    CheckToken(reader, token, caller, Report);
            }
        }
        return findings;
    }

    private void CheckToken(MetadataReader reader, EntityHandle token, string caller, Action<string, string, bool> report)
    {
        switch (token.Kind)
        {
            case HandleKind.TypeReference:
            case HandleKind.TypeSpecification:
                CheckType(reader, token, caller, report);
                break;
            case HandleKind.MethodSpecification:
                CheckToken(reader, reader.GetMethodSpecification((MethodSpecificationHandle)token).Method, caller, report);
                break;
            case HandleKind.MemberReference:
                CheckMember(reader, (MemberReferenceHandle)token, caller, report);
                break;
        }
    }

    /// <summary>The framework type named by a TypeRef/TypeSpec (its generic definition), or null if it is not a framework type.</summary>
    private string? FrameworkTypeName(MetadataReader reader, EntityHandle handle)
    {
        if (handle.Kind == HandleKind.TypeSpecification)
        {
            BlobReader blob = reader.GetBlobReader(reader.GetTypeSpecification((TypeSpecificationHandle)handle).Signature);
            // GENERICINST (CLASS|VALUETYPE) TypeDefOrRef ...
            if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance) return null;
            blob.ReadCompressedInteger();
            handle = blob.ReadTypeHandle();
        }
        if (handle.Kind != HandleKind.TypeReference) return null;
        TypeReferenceHandle reference = (TypeReferenceHandle)handle;
        TypeReferenceHandle outermost = reference;
        while (reader.GetTypeReference(outermost).ResolutionScope.Kind == HandleKind.TypeReference)
            outermost = (TypeReferenceHandle)reader.GetTypeReference(outermost).ResolutionScope;
        EntityHandle scope = reader.GetTypeReference(outermost).ResolutionScope;
        if (scope.Kind != HandleKind.AssemblyReference) return null;
        string assembly = reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name);
        if (!_frameworkAssemblies.Contains(assembly)) return null;
        return TypeNameProvider.FullName(reader, reference);
    }

    private void CheckType(MetadataReader reader, EntityHandle handle, string caller, Action<string, string, bool> report)
    {
        string? name = FrameworkTypeName(reader, handle);
        if (name == null) return;
        CoreLibraryContents.TypeEntry? entry = _coreLibrary.FindType(name);
        if (entry == null || !entry.IsPublic) report(caller, Display(name), true);
    }

    private void CheckMember(MetadataReader reader, MemberReferenceHandle handle, string caller, Action<string, string, bool> report)
    {
        MemberReference member = reader.GetMemberReference(handle);
        string? typeName = FrameworkTypeName(reader, member.Parent);
        if (typeName == null) return;
        CoreLibraryContents.TypeEntry? entry = _coreLibrary.FindType(typeName);
        if (entry == null || !entry.IsPublic) { report(caller, Display(typeName), true); return; }
        string memberName = reader.GetString(member.Name);
        if (member.GetKind() == MemberReferenceKind.Field)
        {
            if (!_coreLibrary.HasField(typeName, memberName)) report(caller, Display(typeName) + "." + memberName, false);
            return;
        }
        MethodSignature<string> signature = member.DecodeMethodSignature(TypeNameProvider.Instance, null);
        string key = TypeNameProvider.MethodKey(memberName, signature);
        if (!_coreLibrary.HasMethod(typeName, key))
            report(caller, Display(typeName) + "." + memberName + "(" + string.Join(", ", signature.ParameterTypes.Select(Display)) + ")", false);
    }

    private static string Display(string name) => name.Replace('/', '.');
}
