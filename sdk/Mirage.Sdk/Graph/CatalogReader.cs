using System;
using System.Collections.Generic;
using Mirage.Boot;

namespace Mirage.Sdk.Graph;

/// <summary>
/// Builds the <see cref="Catalog"/> from the items packs contribute. A malformed entry is an
/// error against the pack's own props file (MIR0015) — a broken driver pack must say so plainly
/// rather than surface as a puzzling error in the user's project.
/// </summary>
public static class CatalogReader
{
    public static Catalog Read(IEnumerable<ProjectItem> kinds, IEnumerable<ProjectItem> implementations,
        IEnumerable<ProjectItem> parameters, List<GraphDiagnostic> diagnostics)
    {
        var catalog = new Catalog();
        foreach (var item in kinds)
        {
            string interfaceType = item.Get("Interface");
            if (!Naming.IsValidTypeName(interfaceType))
            {
                diagnostics.Add(Malformed(item, "needs Interface=\"<full name of the device interface>\""));
                continue;
            }
            catalog.Kinds[item.Spec] = new DeviceKind(item.Spec, interfaceType, IsTrue(item.Get("Implicit")));
        }

        var byType = new Dictionary<string, Implementation>(StringComparer.Ordinal);
        foreach (var item in implementations)
        {
            if (ReadImplementation(item, catalog, diagnostics) is not { } implementation) continue;
            if (byType.ContainsKey(implementation.TypeName))
            {
                diagnostics.Add(Malformed(item, "is declared twice"));
                continue;
            }
            byType[implementation.TypeName] = implementation;
            catalog.Implementations.Add(implementation);
        }

        foreach (var item in parameters)
        {
            string owner = item.Get("Implementation");
            if (!byType.TryGetValue(owner, out var implementation))
            {
                diagnostics.Add(Malformed(item, $"names Implementation='{owner}', which no MirageImplementation item declares"));
                continue;
            }
            string type = item.Get("Type");
            if (!ParameterSyntax.IsKnownType(type) && type != "embedded-dir")
            {
                diagnostics.Add(Malformed(item, $"has Type='{type}'; expected one of {string.Join(", ", ParameterSyntax.TypeNames)}, embedded-dir"));
                continue;
            }
            if (!IsPascalIdentifier(item.Spec))
            {
                diagnostics.Add(Malformed(item, "must be named with letters and digits, starting with an uppercase letter (it becomes project metadata)"));
                continue;
            }
            string? defaultValue = item.Metadata.ContainsKey("Default") ? item.Get("Default") : null;
            if (defaultValue is not null && type != "embedded-dir" && !ParameterSyntax.TryCheck(type, defaultValue, out string expected))
            {
                diagnostics.Add(Malformed(item, $"has Default='{defaultValue}', which is not {expected}"));
                continue;
            }
            if (implementation.FindParameter(item.Spec) is not null || implementation.FindNeed(item.Spec) is not null)
            {
                diagnostics.Add(Malformed(item, $"is declared twice for {owner}"));
                continue;
            }
            implementation.Parameters.Add(new ImplementationParameter(item.Spec, type, defaultValue, IsTrue(item.Get("Required")), item.Get("Description")));
        }
        return catalog;
    }

    private static Implementation? ReadImplementation(ProjectItem item, Catalog catalog, List<GraphDiagnostic> diagnostics)
    {
        if (!Naming.IsValidTypeName(item.Spec))
        {
            diagnostics.Add(Malformed(item, "must be the full name of the type that has ConnectAsync"));
            return null;
        }
        string kind = item.Get("Kind");
        if (!catalog.Kinds.ContainsKey(kind))
        {
            diagnostics.Add(Malformed(item, kind.Length == 0 ? "needs Kind=\"<device kind>\"" : $"has Kind='{kind}', which no MirageDeviceKind item declares"));
            return null;
        }
        string name = item.Get("Name");
        if (!Naming.IsValidDeviceName(name))
        {
            diagnostics.Add(Malformed(item, "needs Name=\"<short name>\" (lowercase letters, digits, hyphens)"));
            return null;
        }
        var targets = SplitList(item.Get("Targets"));
        if (targets.Count == 0)
        {
            diagnostics.Add(Malformed(item, "needs Targets=\"unix;xen;xen-arm\" or \"*\""));
            return null;
        }
        var needs = new List<ImplementationNeed>();
        foreach (string need in SplitList(item.Get("Needs")))
        {
            int colon = need.IndexOf(':');
            string linkName = colon < 0 ? "" : need.Substring(0, colon).Trim();
            string needKind = colon < 0 ? "" : need.Substring(colon + 1).Trim();
            if (!IsPascalIdentifier(linkName) || !catalog.Kinds.ContainsKey(needKind))
            {
                diagnostics.Add(Malformed(item, $"has Needs entry '{need}'; expected LinkName:kind with a declared kind"));
                return null;
            }
            needs.Add(new ImplementationNeed(linkName, needKind));
        }
        return new Implementation(item, item.Spec, name, kind, targets, needs, IsTrue(item.Get("Default")));
    }

    internal static List<string> SplitList(string text)
    {
        var list = new List<string>();
        foreach (string part in text.Split(';'))
        {
            string trimmed = part.Trim();
            if (trimmed.Length > 0) list.Add(trimmed);
        }
        return list;
    }

    private static bool IsTrue(string text) => string.Equals(text, "true", StringComparison.OrdinalIgnoreCase);

    private static bool IsPascalIdentifier(string name)
    {
        if (name.Length == 0 || !char.IsUpper(name[0])) return false;
        foreach (char c in name)
            if (!char.IsLetterOrDigit(c)) return false;
        return true;
    }

    private static GraphDiagnostic Malformed(ProjectItem item, string problem) =>
        new(ErrorCodes.MalformedCatalogEntry, $"Catalog entry {item.Describe()} {problem}.", item);
}
