using System.Collections.Generic;

namespace Mirage.Sdk.Graph;

/// <summary>A device with its implementation chosen, its links bound and its parameters' build-time values.</summary>
public sealed class ResolvedDevice
{
    public ResolvedDevice(string name, DeviceKind kind, ProjectItem? item)
    {
        Name = name;
        Kind = kind;
        Item = item;
    }

    public string Name { get; }

    public string Identifier => Naming.ToIdentifier(Name);

    public DeviceKind Kind { get; }

    /// <summary>The declaring item; null for an implicit device (console, clocks…).</summary>
    public ProjectItem? Item { get; }

    public Implementation? Implementation { get; set; }

    /// <summary>Bound links in the implementation's Needs order.</summary>
    public List<ResolvedDevice> Links { get; } = new();

    /// <summary>Build-time value of each parameter in declaration order (null: none).</summary>
    public List<KeyValuePair<ImplementationParameter, string?>> Parameters { get; } = new();
}

/// <summary>A job: the app's type, started with the listed devices.</summary>
public sealed class ResolvedJob
{
    public ResolvedJob(string typeName, IReadOnlyList<ResolvedDevice> devices, ProjectItem item)
    {
        TypeName = typeName;
        Devices = devices;
        Item = item;
    }

    public string TypeName { get; }

    public IReadOnlyList<ResolvedDevice> Devices { get; }

    public ProjectItem Item { get; }
}

/// <summary>The result of resolution: devices in dependency order (each after the devices it needs) and the jobs.</summary>
public sealed class ResolvedGraph
{
    public ResolvedGraph(string target, IReadOnlyList<ResolvedDevice> devices, IReadOnlyList<ResolvedJob> jobs)
    {
        Target = target;
        Devices = devices;
        Jobs = jobs;
    }

    public string Target { get; }

    public IReadOnlyList<ResolvedDevice> Devices { get; }

    public IReadOnlyList<ResolvedJob> Jobs { get; }
}
