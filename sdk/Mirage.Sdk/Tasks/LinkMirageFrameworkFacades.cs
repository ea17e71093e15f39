using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Mirage.Sdk.Graph;
using Mirage.Sdk.Link;

namespace Mirage.Sdk.Tasks;

/// <summary>
/// The link stage's front half for the unikernel targets: writes a facade for every framework
/// reference assembly (forwarding the types Mirage.CoreLib provides), then checks that every
/// framework type and member the application and its libraries use exists in the core library.
/// Each missing one is an MSBuild error MIR0030/MIR0031 naming the calling method.
/// </summary>
public sealed class LinkMirageFrameworkFacades : Task
{
    /// <summary>Framework reference assemblies the project compiled against (ReferencePath with FrameworkReferenceName).</summary>
    [Required] public ITaskItem[] FrameworkReferences { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Mirage.CoreLib and the other runtime assemblies that become part of the image.</summary>
    [Required] public ITaskItem[] RuntimeAssemblies { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The application and the libraries it brings (checked against the core library).</summary>
    [Required] public ITaskItem[] ApplicationAssemblies { get; set; } = Array.Empty<ITaskItem>();

    [Required] public string OutputDirectory { get; set; } = "";

    [Required] public string ProjectFile { get; set; } = "";

    [Required] public string Target { get; set; } = "";

    [Output] public ITaskItem[] Facades { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Stop listing after this many missing members (the first ones usually explain the rest).</summary>
    public int MaximumErrors { get; set; } = 50;

    /// <summary>The first application assembly and every library it references, transitively.</summary>
    private List<string> ReachableAssemblies()
    {
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (ITaskItem item in ApplicationAssemblies)
            byName[Path.GetFileNameWithoutExtension(item.ItemSpec)] = item.ItemSpec;
        var reachable = new List<string>();
        var pending = new Queue<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (ApplicationAssemblies.Length > 0) pending.Enqueue(ApplicationAssemblies[0].ItemSpec);
        while (pending.Count > 0)
        {
            string path = pending.Dequeue();
            if (!seen.Add(path)) continue;
            reachable.Add(path);
            using var stream = File.OpenRead(path);
            using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
            var reader = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            foreach (var handle in reader.AssemblyReferences)
            {
                string name = reader.GetString(reader.GetAssemblyReference(handle).Name);
                if (byName.TryGetValue(name, out string? next)) pending.Enqueue(next);
            }
        }
        return reachable;
    }

    public override bool Execute()
    {
        ITaskItem? coreItem = RuntimeAssemblies.FirstOrDefault(i => string.Equals(i.GetMetadata("SystemModule"), "true", StringComparison.OrdinalIgnoreCase));
        if (coreItem == null)
        {
            Log.LogError(null, ErrorCodes.UnreadableAssembly, null, ProjectFile, 0, 0, 0, 0, "The runtime pack lists no core library (a MirageRuntimeAssembly with SystemModule=\"true\").");
            return false;
        }
        CoreLibraryContents core;
        try
        {
            core = CoreLibraryContents.Read(new[] { coreItem.ItemSpec });
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or UnauthorizedAccessException)
        {
            Log.LogError(null, ErrorCodes.UnreadableAssembly, null, ProjectFile, 0, 0, 0, 0, $"Cannot read the core library '{coreItem.ItemSpec}': {e.Message}");
            return false;
        }
        var coreName = System.Reflection.AssemblyName.GetAssemblyName(coreItem.ItemSpec);

        var facades = new List<ITaskItem>();
        var frameworkNames = new List<string>();
        Directory.CreateDirectory(OutputDirectory);
        foreach (ITaskItem reference in FrameworkReferences)
        {
            var (name, version, _, types) = FacadeWriter.ReadReferenceAssembly(reference.ItemSpec);
            frameworkNames.Add(name);
            var forwarded = types.Where(t => core.FindType(t) is { IsPublic: true }).Distinct().OrderBy(t => t, StringComparer.Ordinal).ToList();
            string output = Path.Combine(OutputDirectory, name + ".dll");
            FacadeWriter.Write(output, name, version, forwarded, coreName.Name!, coreName.Version!);
            facades.Add(new TaskItem(output));
        }
        Facades = facades.ToArray();

        var checker = new ApiChecker(core, frameworkNames);
        int errors = 0;
        // Only what the application can reach: a package's assembly that nothing references is
        // not linked (ilc compiles the reachable program), so its API use does not matter.
        foreach (string assembly in ReachableAssemblies())
        {
            foreach (ApiChecker.Finding finding in checker.Check(assembly))
            {
                if (errors++ >= MaximumErrors) continue;
                string code = finding.IsType ? ErrorCodes.MissingCoreLibraryType : ErrorCodes.MissingCoreLibraryMember;
                string what = finding.IsType ? "type" : "member";
                Log.LogError(null, code, null, ProjectFile, 0, 0, 0, 0,
                    $"{finding.Caller} (in {finding.Assembly}) uses {what} '{finding.Missing}', which Mirage.CoreLib does not provide on target '{Target}'.");
            }
        }
        if (errors > MaximumErrors)
            Log.LogError(null, ErrorCodes.MissingCoreLibraryMember, null, ProjectFile, 0, 0, 0, 0,
                $"... and {errors - MaximumErrors} more uses of APIs that Mirage.CoreLib does not provide on target '{Target}'.");
        return !Log.HasLoggedErrors;
    }
}
