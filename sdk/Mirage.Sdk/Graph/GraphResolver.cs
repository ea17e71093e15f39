using System;
using System.Collections.Generic;
using System.IO;
using Mirage.Boot;

namespace Mirage.Sdk.Graph;

/// <summary>
/// Turns the project's <c>MirageDevice</c> and <c>MirageJob</c> items into a <see cref="ResolvedGraph"/>
/// for one target: picks an implementation per device, binds links, checks parameters, orders
/// devices so each is connected after what it needs, and reports every problem against the
/// item that causes it. All errors are collected before giving up, so one build shows them all.
/// </summary>
public sealed class GraphResolver
{
    private static readonly string[] ReservedDeviceMetadata = { "Kind", "Implementation" };

    private readonly Catalog _catalog;
    private readonly string _target;
    private readonly string _projectDirectory;
    private readonly List<GraphDiagnostic> _diagnostics;
    private readonly Dictionary<string, ResolvedDevice> _devices = new(StringComparer.Ordinal);
    private readonly List<ResolvedDevice> _declarationOrder = new();

    public GraphResolver(Catalog catalog, string target, string projectDirectory, List<GraphDiagnostic> diagnostics)
    {
        _catalog = catalog;
        _target = target;
        _projectDirectory = projectDirectory;
        _diagnostics = diagnostics;
    }

    public ResolvedGraph? Resolve(IReadOnlyList<ProjectItem> deviceItems, IReadOnlyList<ProjectItem> jobItems)
    {
        int errorsBefore = _diagnostics.Count;
        DeclareDevices(deviceItems);
        DeclareImplicitDevices();
        foreach (var device in _declarationOrder.ToArray())
            if (device.Item is not null) Prepare(device);
        var jobs = ResolveJobs(jobItems);
        if (_diagnostics.Count > errorsBefore) return null;

        var ordered = OrderByDependencies(jobs);
        if (ordered is null) return null;
        var (connected, unused) = SplitUnused(ordered, jobs);
        return new ResolvedGraph(_target, connected, jobs, unused);
    }

    /// <summary>
    /// A declared device that no job takes and no connected device links to is checked but not
    /// connected: one project can declare the network device its <c>direct</c> stack runs on for
    /// the targets where it does, while unix's socket stack leaves it alone. Without jobs nothing
    /// is generated, and every device stays listed.
    /// </summary>
    private static (List<ResolvedDevice> Connected, List<ResolvedDevice> Unused) SplitUnused(List<ResolvedDevice> ordered, List<ResolvedJob> jobs)
    {
        if (jobs.Count == 0) return (ordered, new List<ResolvedDevice>());
        var reached = new HashSet<ResolvedDevice>();
        var pending = new Stack<ResolvedDevice>();
        foreach (var job in jobs)
            foreach (var device in job.Devices) pending.Push(device);
        while (pending.Count > 0)
        {
            var device = pending.Pop();
            if (!reached.Add(device)) continue;
            foreach (var link in device.Links) pending.Push(link);
        }
        return (ordered.FindAll(reached.Contains), ordered.FindAll(d => !reached.Contains(d)));
    }

    private void DeclareDevices(IReadOnlyList<ProjectItem> items)
    {
        foreach (var item in items)
        {
            if (!Naming.IsValidDeviceName(item.Spec))
            {
                Error(ErrorCodes.InvalidDeviceName, $"Device name '{item.Spec}' is not valid: use lowercase letters, digits and single hyphens, starting with a letter (it becomes the boot-parameter prefix '{item.Spec}.').", item);
                continue;
            }
            if (_devices.ContainsKey(item.Spec))
            {
                Error(ErrorCodes.DuplicateDevice, $"Device '{item.Spec}' is declared more than once; device names must be unique.", item);
                continue;
            }
            string kindName = item.Get("Kind");
            if (!_catalog.Kinds.TryGetValue(kindName, out var kind))
            {
                Error(ErrorCodes.UnknownKind, kindName.Length == 0
                    ? $"Device '{item.Spec}' has no Kind. Known kinds: {KnownKinds()}."
                    : $"Device '{item.Spec}' has unknown Kind '{kindName}'. Known kinds: {KnownKinds()}.", item);
                continue;
            }
            var device = new ResolvedDevice(item.Spec, kind, item);
            _devices[item.Spec] = device;
            _declarationOrder.Add(device);
        }
    }

    /// <summary>Console, clocks, time and random exist on every platform: a device named after the kind is there unless the project declares one of that kind.</summary>
    private void DeclareImplicitDevices()
    {
        foreach (var kind in _catalog.Kinds.Values)
        {
            if (!kind.ImplicitDevice || _devices.ContainsKey(kind.Name)) continue;
            bool declared = false;
            foreach (var device in _declarationOrder) declared |= device.Kind == kind;
            if (declared) continue;
            var implicitDevice = new ResolvedDevice(kind.Name, kind, null);
            _devices[kind.Name] = implicitDevice;
            _declarationOrder.Add(implicitDevice);
        }
    }

    private readonly HashSet<ResolvedDevice> _prepared = new();

    /// <summary>
    /// Chooses the implementation and binds links and parameters, once per device. Implicit devices are
    /// prepared only when something uses them, so a platform need not provide kinds an app never touches.
    /// </summary>
    private void Prepare(ResolvedDevice device)
    {
        if (!_prepared.Add(device)) return;
        ChooseImplementation(device);
        BindLinksAndParameters(device);
        foreach (var link in device.Links) Prepare(link);
    }

    private void ChooseImplementation(ResolvedDevice device)
    {
        var candidates = _catalog.Implementations.FindAll(i => i.Kind == device.Kind.Name);
        string wanted = device.Item?.Get("Implementation") ?? "";
        if (wanted.Length > 0)
        {
            var named = candidates.Find(i => i.Name == wanted);
            if (named is null)
            {
                Error(ErrorCodes.UnknownImplementation, $"Device '{device.Name}' asks for Implementation '{wanted}', but no {device.Kind.Name} implementation has that name. Available: {Names(candidates)}.", device.Item);
            }
            else if (!named.Supports(_target))
            {
                Error(ErrorCodes.NoImplementationForTarget, $"Implementation '{wanted}' of device '{device.Name}' ({device.Kind.Name}) is not available for target '{_target}'. Available for '{_target}': {Names(candidates.FindAll(i => i.Supports(_target)))}.", device.Item);
            }
            device.Implementation = named is not null && named.Supports(_target) ? named : null;
            return;
        }

        var forTarget = candidates.FindAll(i => i.Supports(_target));
        var defaults = forTarget.FindAll(i => i.IsDefault);
        if (defaults.Count == 1) device.Implementation = defaults[0];
        else if (defaults.Count == 0 && forTarget.Count == 1) device.Implementation = forTarget[0];
        else if (forTarget.Count == 0)
            Error(ErrorCodes.NoImplementationForTarget, $"No implementation of kind '{device.Kind.Name}' (device '{device.Name}') is available for target '{_target}'. Add a package that provides one.", device.Item);
        else
            Error(ErrorCodes.AmbiguousImplementation, $"Device '{device.Name}' ({device.Kind.Name}) has several possible implementations for target '{_target}': {Names(forTarget)}. Choose one with Implementation=\"…\".", device.Item);
    }

    private void BindLinksAndParameters(ResolvedDevice device)
    {
        var implementation = device.Implementation;
        if (implementation is null) return;
        var item = device.Item;

        if (item is not null)
        {
            foreach (var entry in item.Metadata)
            {
                if (Array.Exists(ReservedDeviceMetadata, r => string.Equals(r, entry.Key, StringComparison.OrdinalIgnoreCase))) continue;
                if (implementation.FindNeed(entry.Key) is null && implementation.FindParameter(entry.Key) is null)
                    Error(ErrorCodes.UnknownParameter, $"Device '{device.Name}' sets '{entry.Key}', which implementation '{implementation.Name}' ({implementation.TypeName}) does not take. It takes: {Accepted(implementation)}.", item);
            }
        }

        foreach (var need in implementation.Needs)
        {
            string chosen = item?.Get(need.LinkName) ?? "";
            ResolvedDevice? linked;
            if (chosen.Length > 0)
            {
                if (!_devices.TryGetValue(chosen, out linked))
                {
                    Error(ErrorCodes.UnknownLinkedDevice, $"Device '{device.Name}' links {need.LinkName}=\"{chosen}\", but no device is named '{chosen}'.", item);
                    continue;
                }
                if (linked.Kind.Name != need.Kind)
                {
                    Error(ErrorCodes.LinkKindMismatch, $"Device '{device.Name}' links {need.LinkName}=\"{chosen}\", which is a {linked.Kind.Name} device; {need.LinkName} must be a {need.Kind} device.", item);
                    continue;
                }
            }
            else
            {
                var ofKind = _declarationOrder.FindAll(d => d.Kind.Name == need.Kind);
                if (ofKind.Count != 1)
                {
                    Error(ErrorCodes.UnresolvedLink, ofKind.Count == 0
                        ? $"Device '{device.Name}' needs a {need.Kind} device for {need.LinkName}, and the project declares none. Add <MirageDevice Include=\"…\" Kind=\"{need.Kind}\" />."
                        : $"Device '{device.Name}' needs a {need.Kind} device for {need.LinkName}, and there are several ({Names(ofKind)}). Choose one with {need.LinkName}=\"…\".", item ?? implementation.Item);
                    continue;
                }
                linked = ofKind[0];
            }
            device.Links.Add(linked);
        }

        foreach (var parameter in implementation.Parameters)
        {
            string? value = item is not null && item.Metadata.ContainsKey(parameter.Name) ? item.Get(parameter.Name) : parameter.DefaultValue;
            if (value is null)
            {
                if (parameter.Required)
                    Error(ErrorCodes.MissingRequiredParameter, $"Device '{device.Name}' needs parameter {parameter.Name} ({parameter.Type}): {parameter.Description}.", item ?? implementation.Item);
            }
            else if (parameter.IsEmbedded)
            {
                if (!Directory.Exists(Path.Combine(_projectDirectory, value)))
                    Error(ErrorCodes.EmbeddedDirectoryMissing, $"Device '{device.Name}' embeds {parameter.Name}=\"{value}\", but that directory does not exist (relative to {_projectDirectory}).", item);
            }
            else if (!ParameterSyntax.TryCheck(parameter.Type, value, out string expected))
            {
                Error(ErrorCodes.ParameterTypeMismatch, $"Device '{device.Name}' sets {parameter.Name}=\"{value}\", which is not {expected}.", item);
            }
            device.Parameters.Add(new KeyValuePair<ImplementationParameter, string?>(parameter, value));
        }
    }

    private List<ResolvedJob> ResolveJobs(IReadOnlyList<ProjectItem> items)
    {
        var jobs = new List<ResolvedJob>();
        foreach (var item in items)
        {
            if (!Naming.IsValidTypeName(item.Spec))
            {
                Error(ErrorCodes.InvalidJobType, $"MirageJob '{item.Spec}' must be the full name of a C# class (Namespace.Type).", item);
                continue;
            }
            foreach (var entry in item.Metadata)
                if (!string.Equals(entry.Key, "Devices", StringComparison.OrdinalIgnoreCase))
                    Error(ErrorCodes.UnknownParameter, $"MirageJob '{item.Spec}' sets '{entry.Key}'; a job takes only Devices=\"a;b;…\".", item);
            var devices = new List<ResolvedDevice>();
            foreach (string name in CatalogReader.SplitList(item.Get("Devices")))
            {
                if (_devices.TryGetValue(name, out var device))
                {
                    devices.Add(device);
                    Prepare(device);
                }
                else Error(ErrorCodes.UnknownJobDevice, $"MirageJob '{item.Spec}' uses device '{name}', which is not declared. Declared: {Names(_declarationOrder)}.", item);
            }
            jobs.Add(new ResolvedJob(item.Spec, devices, item));
        }
        return jobs;
    }

    /// <summary>
    /// Depth-first, declared devices first, then the jobs' devices: every device after the devices it
    /// links to. Implicit devices appear only when used; <see cref="SplitUnused"/> then sets aside
    /// the declared devices nothing uses.
    /// </summary>
    private List<ResolvedDevice>? OrderByDependencies(List<ResolvedJob> jobs)
    {
        var ordered = new List<ResolvedDevice>();
        var state = new Dictionary<ResolvedDevice, int>(); // 1 = on the current path, 2 = done
        var path = new List<ResolvedDevice>();
        bool cycle = false;

        void Visit(ResolvedDevice device)
        {
            if (cycle) return;
            state.TryGetValue(device, out int s);
            if (s == 2) return;
            if (s == 1)
            {
                int start = path.IndexOf(device);
                var names = path.GetRange(start, path.Count - start).ConvertAll(d => d.Name);
                names.Add(device.Name);
                Error(ErrorCodes.DependencyCycle, $"Devices depend on each other in a cycle: {string.Join(" -> ", names)}.", device.Item);
                cycle = true;
                return;
            }
            state[device] = 1;
            path.Add(device);
            foreach (var link in device.Links) Visit(link);
            path.RemoveAt(path.Count - 1);
            state[device] = 2;
            ordered.Add(device);
        }

        foreach (var device in _declarationOrder)
            if (device.Item is not null) Visit(device);
        foreach (var job in jobs)
            foreach (var device in job.Devices) Visit(device);
        return cycle ? null : ordered;
    }

    private void Error(string code, string message, ProjectItem? item) => _diagnostics.Add(new GraphDiagnostic(code, message, item));

    private string KnownKinds()
    {
        var names = new List<string>(_catalog.Kinds.Keys);
        names.Sort(StringComparer.Ordinal);
        return string.Join(", ", names);
    }

    private static string Names(List<Implementation> implementations) =>
        implementations.Count == 0 ? "none" : string.Join(", ", implementations.ConvertAll(i => i.Name));

    private static string Names(List<ResolvedDevice> devices) =>
        devices.Count == 0 ? "none" : string.Join(", ", devices.ConvertAll(d => d.Name));

    private static string Accepted(Implementation implementation)
    {
        var names = new List<string>();
        foreach (var need in implementation.Needs) names.Add(need.LinkName);
        foreach (var parameter in implementation.Parameters) names.Add(parameter.Name);
        return names.Count == 0 ? "nothing" : string.Join(", ", names);
    }
}
