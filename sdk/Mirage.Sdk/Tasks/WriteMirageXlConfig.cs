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
/// Writes the xl domain configuration next to the image (<see cref="XlConfigWriter"/>): the guest
/// type (PVH on x86_64; ARM has a single guest type, so none is written), its memory, one vif per
/// network device and one disk per block device in the project, and <c>extra=</c> with the boot
/// arguments. Malformed device parameters are MIR0040 errors against the item.
/// Written only when its content changes, so a no-op build leaves it untouched.
/// </summary>
public sealed class WriteMirageXlConfig : Task
{
    [Required] public string AppName { get; set; } = "";
    [Required] public string ImageFileName { get; set; } = "";
    [Required] public string OutputPath { get; set; } = "";
    public int MemoryMiB { get; set; } = 64;
    public string BootArguments { get; set; } = "";

    /// <summary>The project, for errors and for disk images given by relative path.</summary>
    public string ProjectFile { get; set; } = "";

    /// <summary>xl's <c>type=</c> ("pvh" for the x86_64 runtime pack); empty writes no type line.</summary>
    public string GuestType { get; set; } = "";

    public ITaskItem[] Devices { get; set; } = Array.Empty<ITaskItem>();
    public ITaskItem[] DeviceKinds { get; set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        var locator = new ItemLocator();
        var devices = new List<ProjectItem>();
        foreach (var item in Devices)
        {
            var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (System.Collections.DictionaryEntry entry in item.CloneCustomMetadata())
                metadata[(string)entry.Key] = (string)entry.Value!;
            string file = item.GetMetadata("DefiningProjectFullPath");
            if (file.Length == 0) file = ProjectFile;
            var (line, column) = locator.Locate(file, "MirageDevice", item.ItemSpec);
            devices.Add(new ProjectItem("MirageDevice", item.ItemSpec, metadata, file, line, column));
        }

        string projectDirectory = ProjectFile.Length > 0 ? Path.GetDirectoryName(Path.GetFullPath(ProjectFile))! : Directory.GetCurrentDirectory();
        var diagnostics = new List<GraphDiagnostic>();
        string text = XlConfigWriter.Write(AppName, GuestType, ImageFileName, MemoryMiB, BootArguments, devices, projectDirectory, diagnostics);
        foreach (var diagnostic in diagnostics)
        {
            var at = diagnostic.Item;
            Log.LogError(subcategory: null, errorCode: diagnostic.Code, helpKeyword: null,
                file: at?.File ?? ProjectFile, lineNumber: at?.Line ?? 0, columnNumber: at?.Column ?? 0,
                endLineNumber: 0, endColumnNumber: 0, message: diagnostic.Message);
        }
        if (diagnostics.Count > 0) return false;

        if (File.Exists(OutputPath) && File.ReadAllText(OutputPath) == text) return true;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(OutputPath))!);
        File.WriteAllText(OutputPath, text, new UTF8Encoding(false));
        return true;
    }
}
