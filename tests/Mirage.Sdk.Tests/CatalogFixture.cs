using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using Mirage.Sdk.Graph;

namespace Mirage.Sdk.Tests;

/// <summary>
/// Reads items out of MSBuild XML as the resolver receives them — the real catalog files of the
/// repository's packs, or a project snippet written in a test — with their line numbers.
/// </summary>
internal static class CatalogFixture
{
    /// <summary>The device items of samples/website (eth last here, so that line numbers tests rely on stay), the graph most tests start from.</summary>
    public const string WebsiteProject = """
        <MirageDevice Include="htdocs" Kind="kv-ro" Source="htdocs" />
        <MirageDevice Include="net" Kind="stackv4" />
        <MirageDevice Include="http" Kind="http-server" Stack="net" Port="8080" />
        <MirageDevice Include="eth" Kind="network" />
        <MirageJob Include="Website.Dispatch" Devices="console;htdocs;http;lifecycle" />
        """;

    public static readonly string[] RealCatalogFiles =
    {
        "sdk/Mirage.Sdk/targets/Mirage.DeviceKinds.props",
        "packs/Mirage.Runtime.Unix/build/Mirage.Runtime.Unix.props",
        "libs/Mirage.Http/build/Mirage.Http.props",
        "libs/Mirage.Kv/build/Mirage.Kv.props",
    };

    public static List<ProjectItem> ItemsFromFile(string file, string itemType) =>
        Items(XDocument.Load(file, LoadOptions.SetLineInfo), file, itemType);

    public static List<ProjectItem> ItemsFromXml(string xml, string file, string itemType) =>
        Items(XDocument.Parse(xml, LoadOptions.SetLineInfo), file, itemType);

    private static List<ProjectItem> Items(XDocument document, string file, string itemType) =>
        document.Descendants(itemType).Select(element =>
        {
            var metadata = element.Attributes().Where(a => a.Name.LocalName != "Include")
                .ToDictionary(a => a.Name.LocalName, a => a.Value, StringComparer.OrdinalIgnoreCase);
            var info = (IXmlLineInfo)element;
            return new ProjectItem(itemType, element.Attribute("Include")!.Value, metadata, file, info.LineNumber, info.LinePosition);
        }).ToList();

    public static Catalog RealCatalog(List<GraphDiagnostic> diagnostics) => RealCatalog(RealCatalogFiles, diagnostics);

    public static Catalog RealCatalog(string[] catalogFiles, List<GraphDiagnostic> diagnostics)
    {
        var files = catalogFiles.Select(RepositoryFiles.Path).ToList();
        return CatalogReader.Read(
            files.SelectMany(f => ItemsFromFile(f, "MirageDeviceKind")),
            files.SelectMany(f => ItemsFromFile(f, "MirageImplementation")),
            files.SelectMany(f => ItemsFromFile(f, "MirageImplementationParameter")),
            diagnostics);
    }

    /// <summary>The catalog with the xen runtime pack and the managed stack added (unix's implementations do not apply to xen).</summary>
    public static readonly string[] RealCatalogFilesWithXen = RealCatalogFiles.Concat(new[]
    {
        "packs/Mirage.Runtime.Xen/build/Mirage.Runtime.Xen.props",
        "libs/Mirage.Net/build/Mirage.Net.props",
    }).ToArray();

    /// <summary>Resolves a project body against the real catalog for <paramref name="target"/>.</summary>
    public static (ResolvedGraph? Graph, List<GraphDiagnostic> Diagnostics) Resolve(string projectBody, string target = "unix", string projectDirectory = "/tmp")
    {
        var diagnostics = new List<GraphDiagnostic>();
        var catalog = target == "xen" ? RealCatalog(RealCatalogFilesWithXen, diagnostics) : RealCatalog(diagnostics);
        if (diagnostics.Count > 0) throw new InvalidOperationException("the real catalog is malformed: " + string.Join("; ", diagnostics));
        string xml = "<Project>\n  <ItemGroup>\n" + projectBody + "\n  </ItemGroup>\n</Project>";
        var graph = new GraphResolver(catalog, target, projectDirectory, diagnostics).Resolve(
            ItemsFromXml(xml, "App.csproj", "MirageDevice"), ItemsFromXml(xml, "App.csproj", "MirageJob"));
        return (graph, diagnostics);
    }
}
