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

/// <summary>
/// The result of resolution: the devices to connect in dependency order (each after the devices it
/// needs), the jobs, and the declared devices nothing uses on this target (checked, not connected).
/// </summary>
public sealed class ResolvedGraph
{
    public ResolvedGraph(string target, IReadOnlyList<ResolvedDevice> devices, IReadOnlyList<ResolvedJob> jobs, IReadOnlyList<ResolvedDevice>? unusedDevices = null)
    {
        Target = target;
        Devices = devices;
        Jobs = jobs;
        UnusedDevices = unusedDevices ?? new List<ResolvedDevice>();
    }

    public string Target { get; }

    public IReadOnlyList<ResolvedDevice> Devices { get; }

    /// <summary>Declared devices that no job takes and no connected device links to: not connected, their parameters not boot parameters.</summary>
    public IReadOnlyList<ResolvedDevice> UnusedDevices { get; }

    public IReadOnlyList<ResolvedJob> Jobs { get; }
}
