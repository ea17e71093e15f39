using System;
using System.Collections.Generic;

namespace Mirage.Sdk.Graph;

/// <summary>
/// An MSBuild item as the resolver sees it: independent of MSBuild's API so that the graph
/// logic can be unit-tested with plain objects. <see cref="File"/> is the file that defined the
/// item (the project, or a package's props for catalog items), <see cref="Line"/> its line there
/// when known (0 otherwise).
/// </summary>
public sealed class ProjectItem
{
    public ProjectItem(string itemType, string spec, IDictionary<string, string> metadata, string file, int line = 0, int column = 0)
    {
        ItemType = itemType;
        Spec = spec;
        Metadata = new Dictionary<string, string>(metadata, StringComparer.OrdinalIgnoreCase);
        File = file;
        Line = line;
        Column = column;
    }

    public string ItemType { get; }

    public string Spec { get; }

    /// <summary>Custom metadata only, looked up case-insensitively as MSBuild does.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    public string File { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>The metadata value, or "" when absent (MSBuild's own convention).</summary>
    public string Get(string name) => Metadata.TryGetValue(name, out var value) ? value.Trim() : "";

    public string Describe() => $"{ItemType} '{Spec}'";
}
