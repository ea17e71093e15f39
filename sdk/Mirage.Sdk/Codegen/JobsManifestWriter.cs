using System.Collections.Generic;
using System.Text;
using Mirage.Sdk.Graph;

namespace Mirage.Sdk.Codegen;

/// <summary>
/// Writes <c>mirage.jobs</c>, the hand-over from the resolver (which knows items and files) to the source
/// generator (which knows types): one line per job, tab-separated —
/// job type, project file, line, column, then one <c>device|identifier|kind|interface</c> field per device.
/// </summary>
public static class JobsManifestWriter
{
    public static string Write(ResolvedGraph graph)
    {
        var text = new StringBuilder();
        text.Append("# mirage.jobs v1\n");
        foreach (var job in graph.Jobs)
        {
            text.Append(job.TypeName).Append('\t').Append(job.Item.File).Append('\t').Append(job.Item.Line).Append('\t').Append(job.Item.Column);
            foreach (var device in job.Devices)
                text.Append('\t').Append(device.Name).Append('|').Append(device.Identifier).Append('|').Append(device.Kind.Name).Append('|').Append(device.Kind.InterfaceType);
            text.Append('\n');
        }
        return text.ToString();
    }
}
