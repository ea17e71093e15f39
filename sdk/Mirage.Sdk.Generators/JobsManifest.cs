using System;
using System.Collections.Generic;

namespace Mirage.Sdk.Generators;

/// <summary>A device handed to a job, as the resolver wrote it.</summary>
internal sealed class ManifestDevice
{
    public ManifestDevice(string name, string identifier, string kind, string interfaceType)
    {
        Name = name;
        Identifier = identifier;
        Kind = kind;
        InterfaceType = interfaceType;
    }

    public string Name { get; }
    public string Identifier { get; }
    public string Kind { get; }
    public string InterfaceType { get; }
}

/// <summary>A MirageJob item and where it stands in the project file.</summary>
internal sealed class ManifestJob
{
    public ManifestJob(string typeName, string file, int line, int column, List<ManifestDevice> devices)
    {
        TypeName = typeName;
        File = file;
        Line = line;
        Column = column;
        Devices = devices;
    }

    public string TypeName { get; }
    public string File { get; }
    public int Line { get; }
    public int Column { get; }
    public List<ManifestDevice> Devices { get; }
}

/// <summary>Reads <c>mirage.jobs</c> (format: see Mirage.Sdk's JobsManifestWriter).</summary>
internal static class JobsManifest
{
    public static List<ManifestJob> Parse(string text)
    {
        var jobs = new List<ManifestJob>();
        foreach (string rawLine in text.Split('\n'))
        {
            string line = rawLine.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal)) continue;
            string[] fields = line.Split('\t');
            if (fields.Length < 4) continue;
            int.TryParse(fields[2], out int lineNumber);
            int.TryParse(fields[3], out int column);
            var devices = new List<ManifestDevice>();
            for (int i = 4; i < fields.Length; i++)
            {
                string[] parts = fields[i].Split('|');
                if (parts.Length == 4) devices.Add(new ManifestDevice(parts[0], parts[1], parts[2], parts[3]));
            }
            jobs.Add(new ManifestJob(fields[0], fields[1], lineNumber, column, devices));
        }
        return jobs;
    }
}
