using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Mirage.Sdk.Codegen;
using Mirage.Sdk.Graph;

namespace Mirage.Sdk.Tasks;

/// <summary>
/// The resolve stage: reads the project's MirageDevice/MirageJob items and the catalog the packs
/// contribute, reports graph errors against the items (MIRxxxx), and writes the generated sources.
/// Files are rewritten only when their content changes, so an unchanged graph keeps the compile incremental.
/// </summary>
public sealed class ResolveMirageGraph : Task
{
    [Required] public string Target { get; set; } = "";
    [Required] public string AppName { get; set; } = "";
    [Required] public string ProjectFile { get; set; } = "";
    [Required] public string PlatformEntry { get; set; } = "";
    [Required] public string OutputDirectory { get; set; } = "";

    public ITaskItem[] Devices { get; set; } = Array.Empty<ITaskItem>();
    public ITaskItem[] Jobs { get; set; } = Array.Empty<ITaskItem>();
    public ITaskItem[] DeviceKinds { get; set; } = Array.Empty<ITaskItem>();
    public ITaskItem[] Implementations { get; set; } = Array.Empty<ITaskItem>();
    public ITaskItem[] ImplementationParameters { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Sources to compile.</summary>
    [Output] public ITaskItem[] GeneratedSources { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>The manifest the source generator reads (an AdditionalFiles item).</summary>
    [Output] public ITaskItem[] JobsManifest { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>Directories named by relative path defaults, to copy next to the application.</summary>
    [Output] public ITaskItem[] ContentDirectories { get; private set; } = Array.Empty<ITaskItem>();

    private readonly ItemLocator _locator = new();

    public override bool Execute()
    {
        var diagnostics = new List<GraphDiagnostic>();
        var catalog = CatalogReader.Read(Convert(DeviceKinds, "MirageDeviceKind"), Convert(Implementations, "MirageImplementation"),
            Convert(ImplementationParameters, "MirageImplementationParameter"), diagnostics);
        string projectDirectory = Path.GetDirectoryName(Path.GetFullPath(ProjectFile))!;
        var resolver = new GraphResolver(catalog, Target, projectDirectory, diagnostics);
        var graph = diagnostics.Count == 0 ? resolver.Resolve(Convert(Devices, "MirageDevice"), Convert(Jobs, "MirageJob")) : null;
        foreach (var diagnostic in diagnostics) Report(diagnostic);
        if (graph is null || Log.HasLoggedErrors) return false;
        foreach (var unused in graph.UnusedDevices)
            Log.LogMessage(MessageImportance.Normal, $"{unused.Item?.File ?? ProjectFile}: device '{unused.Name}' ({unused.Kind.Name}) is not connected on target '{Target}': no job takes it and no connected device links to it.");

        Directory.CreateDirectory(OutputDirectory);
        var sources = new List<ITaskItem>();
        string mainPath = Path.Combine(OutputDirectory, "MirageMain.g.cs");
        WriteIfChanged(mainPath, MainSourceWriter.Write(graph, AppName, Path.GetFileName(ProjectFile), PlatformEntry));
        sources.Add(new TaskItem(mainPath));
        if (EmbeddedSourceWriter.Find(graph, projectDirectory).Count > 0)
        {
            string embeddedPath = Path.Combine(OutputDirectory, "MirageEmbedded.g.cs");
            WriteIfChanged(embeddedPath, EmbeddedSourceWriter.Write(graph, projectDirectory));
            sources.Add(new TaskItem(embeddedPath));
        }
        string manifestPath = Path.Combine(OutputDirectory, "mirage.jobs");
        WriteIfChanged(manifestPath, JobsManifestWriter.Write(graph));

        GeneratedSources = sources.ToArray();
        JobsManifest = new ITaskItem[] { new TaskItem(manifestPath) };
        ContentDirectories = FindContentDirectories(graph, projectDirectory).ToArray();
        return true;
    }

    private List<ITaskItem> FindContentDirectories(ResolvedGraph graph, string projectDirectory)
    {
        var directories = new List<ITaskItem>();
        foreach (var device in graph.Devices)
        {
            foreach (var pair in device.Parameters)
            {
                string? value = pair.Value;
                if (pair.Key.Type != "path" || value is null || Path.IsPathRooted(value)) continue;
                string full = Path.GetFullPath(Path.Combine(projectDirectory, value));
                if (!Directory.Exists(full)) continue;
                var item = new TaskItem(full);
                item.SetMetadata("MirageRelativePath", value.Replace('\\', '/').TrimEnd('/'));
                item.SetMetadata("Device", device.Name);
                directories.Add(item);
            }
        }
        return directories;
    }

    private List<ProjectItem> Convert(ITaskItem[] items, string itemType)
    {
        var converted = new List<ProjectItem>();
        foreach (var item in items)
        {
            var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (System.Collections.DictionaryEntry entry in item.CloneCustomMetadata())
                metadata[(string)entry.Key] = (string)entry.Value!;
            string file = item.GetMetadata("DefiningProjectFullPath");
            if (file.Length == 0) file = ProjectFile;
            var (line, column) = _locator.Locate(file, itemType, item.ItemSpec);
            converted.Add(new ProjectItem(itemType, item.ItemSpec, metadata, file, line, column));
        }
        return converted;
    }

    private void Report(GraphDiagnostic diagnostic)
    {
        var item = diagnostic.Item;
        Log.LogError(subcategory: null, errorCode: diagnostic.Code, helpKeyword: null,
            file: item?.File ?? ProjectFile, lineNumber: item?.Line ?? 0, columnNumber: item?.Column ?? 0,
            endLineNumber: 0, endColumnNumber: 0, message: diagnostic.Message);
    }

    private static void WriteIfChanged(string path, string content)
    {
        if (File.Exists(path) && File.ReadAllText(path) == content) return;
        File.WriteAllText(path, content, new UTF8Encoding(false));
    }
}
