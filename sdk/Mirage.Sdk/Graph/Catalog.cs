using System;
using System.Collections.Generic;
using System.Linq;

namespace Mirage.Sdk.Graph;

/// <summary>A device kind and the interface its devices implement (from <c>MirageDeviceKind</c> items).</summary>
public sealed class DeviceKind
{
    public DeviceKind(string name, string interfaceType, bool implicitDevice)
    {
        Name = name;
        InterfaceType = interfaceType;
        ImplicitDevice = implicitDevice;
    }

    public string Name { get; }

    /// <summary>Full name of the interface type, e.g. <c>Mirage.Devices.IConsole</c>.</summary>
    public string InterfaceType { get; }

    /// <summary>True for kinds every platform provides one of (console, clocks, time, random): a device of this kind named like the kind exists without being declared.</summary>
    public bool ImplicitDevice { get; }
}

/// <summary>A parameter of an implementation (from <c>MirageImplementationParameter</c> items).</summary>
public sealed class ImplementationParameter
{
    public ImplementationParameter(string name, string type, string? defaultValue, bool required, string description)
    {
        Name = name;
        Type = type;
        DefaultValue = defaultValue;
        Required = required;
        Description = description;
    }

    /// <summary>The metadata name used in a project, PascalCase (<c>HeaderLimit</c>).</summary>
    public string Name { get; }

    public string Type { get; }

    public string? DefaultValue { get; }

    public bool Required { get; }

    public string Description { get; }

    /// <summary>The name at boot (<c>header-limit</c>).</summary>
    public string BootName => Naming.ToKebabCase(Name);

    public bool IsEmbedded => Type == "embedded-dir";
}

/// <summary>A link an implementation needs: the metadata name a project uses to choose the device, and its kind.</summary>
public sealed class ImplementationNeed
{
    public ImplementationNeed(string linkName, string kind)
    {
        LinkName = linkName;
        Kind = kind;
    }

    public string LinkName { get; }

    public string Kind { get; }
}

/// <summary>One implementation of a device kind for some targets (from <c>MirageImplementation</c> items).</summary>
public sealed class Implementation
{
    public Implementation(ProjectItem item, string typeName, string name, string kind, IReadOnlyList<string> targets,
        IReadOnlyList<ImplementationNeed> needs, bool isDefault)
    {
        Item = item;
        TypeName = typeName;
        Name = name;
        Kind = kind;
        Targets = targets;
        Needs = needs;
        IsDefault = isDefault;
    }

    public ProjectItem Item { get; }

    public string TypeName { get; }

    public string Name { get; }

    public string Kind { get; }

    public IReadOnlyList<string> Targets { get; }

    public IReadOnlyList<ImplementationNeed> Needs { get; }

    public bool IsDefault { get; }

    public List<ImplementationParameter> Parameters { get; } = new();

    public bool Supports(string target) => Targets.Contains("*") || Targets.Contains(target);

    public ImplementationParameter? FindParameter(string name)
    {
        foreach (var parameter in Parameters)
            if (string.Equals(parameter.Name, name, StringComparison.OrdinalIgnoreCase)) return parameter;
        return null;
    }

    public ImplementationNeed? FindNeed(string linkName)
    {
        foreach (var need in Needs)
            if (string.Equals(need.LinkName, linkName, StringComparison.OrdinalIgnoreCase)) return need;
        return null;
    }
}

/// <summary>Everything the selected runtime pack and driver packs offer.</summary>
public sealed class Catalog
{
    public Dictionary<string, DeviceKind> Kinds { get; } = new(StringComparer.Ordinal);

    public List<Implementation> Implementations { get; } = new();
}
