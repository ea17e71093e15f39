using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Sdk.Graph;

namespace Mirage.Sdk.Tests;

[TestClass]
public sealed class ResolverTests
{
    private const string Website = CatalogFixture.WebsiteProject;

    private static GraphDiagnostic SingleError(string body, string target = "unix", string projectDirectory = "/tmp")
    {
        var (graph, diagnostics) = CatalogFixture.Resolve(body, target, projectDirectory);
        Assert.IsNull(graph, "a graph with errors must not resolve");
        Assert.HasCount(1, diagnostics, string.Join("\n", diagnostics));
        return diagnostics[0];
    }

    [TestMethod]
    public void WebsiteResolvesWithDevicesInDependencyOrder()
    {
        var (graph, diagnostics) = CatalogFixture.Resolve(Website);
        Assert.IsEmpty(diagnostics, string.Join("\n", diagnostics));
        Assert.IsNotNull(graph);
        CollectionAssert.AreEqual(new[] { "htdocs", "net", "http", "console", "lifecycle" }, graph.Devices.Select(d => d.Name).ToArray());
        var http = graph.Devices.Single(d => d.Name == "http");
        Assert.AreEqual("Mirage.Http.HttpServer", http.Implementation!.TypeName);
        Assert.AreEqual("net", http.Links.Single().Name);
        Assert.AreEqual("8080", http.Parameters.Single(p => p.Key.Name == "Port").Value);
        Assert.AreEqual("8192", http.Parameters.Single(p => p.Key.Name == "HeaderLimit").Value, "catalog default");
        Assert.AreEqual("directory", graph.Devices.Single(d => d.Name == "htdocs").Implementation!.Name);
    }

    [TestMethod]
    public void ADeclaredDeviceNothingUsesIsCheckedButNotConnected()
    {
        // unix: the socket stack needs no network device, so the website's eth is set aside.
        var (graph, diagnostics) = CatalogFixture.Resolve(Website);
        Assert.IsEmpty(diagnostics, string.Join("\n", diagnostics));
        Assert.AreEqual("eth", graph!.UnusedDevices.Single().Name);
        Assert.AreEqual("tap", graph.UnusedDevices.Single().Implementation!.Name, "an unused device is still resolved");
        string main = Mirage.Sdk.Codegen.MainSourceWriter.Write(graph, "website", "website.csproj", "P.Run");
        Assert.DoesNotContain("eth", main, "neither connected nor a boot parameter");

        // ...and still checked: a malformed parameter of an unused device is an error.
        var error = SingleError(Website.Replace("Kind=\"network\"", "Kind=\"network\" Mac=\"nope\""));
        Assert.AreEqual("MIR0011", error.Code);
    }

    [TestMethod]
    public void TheWebsiteOnXenRunsTheDirectStackOverItsNetworkDevice()
    {
        string directory = Directory.CreateTempSubdirectory().FullName;
        Directory.CreateDirectory(Path.Combine(directory, "htdocs"));
        var (graph, diagnostics) = CatalogFixture.Resolve(Website, "xen", directory);
        Assert.IsEmpty(diagnostics, string.Join("\n", diagnostics));
        Assert.IsEmpty(graph!.UnusedDevices);
        var net = graph.Devices.Single(d => d.Name == "net");
        Assert.AreEqual("direct", net.Implementation!.Name, "the only stackv4 of xen");
        Assert.AreEqual("eth", net.Links[0].Name);
        Assert.AreEqual("netfront", graph.Devices.Single(d => d.Name == "eth").Implementation!.Name);
        Assert.AreEqual("crunch", graph.Devices.Single(d => d.Name == "htdocs").Implementation!.Name);
        Assert.AreEqual("xenstore-control", graph.Devices.Single(d => d.Name == "lifecycle").Implementation!.Name);
        var names = graph.Devices.Select(d => d.Name).ToList();
        Assert.IsLessThan(names.IndexOf("net"), names.IndexOf("eth"), "eth connects before the stack on it");
    }

    [TestMethod]
    public void LinkIsFoundByKindWhenOnlyOneDeviceHasIt()
    {
        var (graph, diagnostics) = CatalogFixture.Resolve(Website.Replace(" Stack=\"net\"", ""));
        Assert.IsEmpty(diagnostics);
        Assert.AreEqual("net", graph!.Devices.Single(d => d.Name == "http").Links.Single().Name);
    }

    [TestMethod]
    public void ImplicitDevicesAreAddedOnlyWhenUsed()
    {
        var (graph, _) = CatalogFixture.Resolve("""<MirageJob Include="Hello.Unikernel" Devices="console;time" />""");
        CollectionAssert.AreEqual(new[] { "console", "time" }, graph!.Devices.Select(d => d.Name).ToArray());
        Assert.IsNull(graph.Devices[0].Item);
    }

    [TestMethod]
    public void ImplementationCanBeChosenByName()
    {
        string directory = Directory.CreateTempSubdirectory().FullName;
        Directory.CreateDirectory(Path.Combine(directory, "htdocs"));
        var (graph, diagnostics) = CatalogFixture.Resolve(Website.Replace("Kind=\"kv-ro\"", "Kind=\"kv-ro\" Implementation=\"crunch\""), "unix", directory);
        Assert.IsEmpty(diagnostics, string.Join("\n", diagnostics));
        Assert.AreEqual("Mirage.Kv.EmbeddedKeyValue", graph!.Devices.Single(d => d.Name == "htdocs").Implementation!.TypeName);
    }

    [TestMethod]
    public void DuplicateDeviceIsMir0003AtTheSecondItem()
    {
        var error = SingleError(Website + "\n<MirageDevice Include=\"net\" Kind=\"stackv4\" />");
        Assert.AreEqual("MIR0003", error.Code);
        Assert.AreEqual(8, error.Item!.Line);
        Assert.AreEqual("App.csproj", error.Item.File);
        StringAssert.Contains(error.Message, "'net'");
    }

    [TestMethod]
    public void UnknownKindIsMir0004AndListsKnownKinds()
    {
        var error = SingleError("""<MirageDevice Include="db" Kind="sql" />""");
        Assert.AreEqual("MIR0004", error.Code);
        StringAssert.Contains(error.Message, "'sql'");
        StringAssert.Contains(error.Message, "kv-ro");
    }

    [TestMethod]
    public void MissingKindIsMir0004()
    {
        Assert.AreEqual("MIR0004", SingleError("""<MirageDevice Include="db" />""").Code);
    }

    [TestMethod]
    public void KindWithoutImplementationForTargetIsMir0005()
    {
        var error = SingleError("""<MirageDevice Include="disk" Kind="block" />""");
        Assert.AreEqual("MIR0005", error.Code);
        StringAssert.Contains(error.Message, "'unix'");
    }

    [TestMethod]
    public void NamedImplementationOfAnotherTargetIsMir0005()
    {
        var error = SingleError("""<MirageDevice Include="htdocs" Kind="kv-ro" Implementation="directory" Source="htdocs" />""", target: "xen");
        Assert.AreEqual("MIR0005", error.Code);
        StringAssert.Contains(error.Message, "'xen'");
    }

    [TestMethod]
    public void LinkToUndeclaredDeviceIsMir0006()
    {
        var error = SingleError(Website.Replace("Stack=\"net\"", "Stack=\"lan\""));
        Assert.AreEqual("MIR0006", error.Code);
        StringAssert.Contains(error.Message, "'lan'");
        Assert.AreEqual(5, error.Item!.Line);
    }

    [TestMethod]
    public void LinkToDeviceOfAnotherKindIsMir0007()
    {
        var error = SingleError(Website.Replace("Stack=\"net\"", "Stack=\"htdocs\""));
        Assert.AreEqual("MIR0007", error.Code);
        StringAssert.Contains(error.Message, "kv-ro");
        StringAssert.Contains(error.Message, "stackv4");
    }

    [TestMethod]
    public void MissingLinkedKindIsMir0008()
    {
        var error = SingleError("""
            <MirageDevice Include="http" Kind="http-server" />
            <MirageJob Include="A.B" Devices="http" />
            """);
        Assert.AreEqual("MIR0008", error.Code);
        StringAssert.Contains(error.Message, "stackv4");
    }

    [TestMethod]
    public void AmbiguousLinkIsMir0008()
    {
        var error = SingleError(Website.Replace(" Stack=\"net\"", "") + "\n<MirageDevice Include=\"net2\" Kind=\"stackv4\" />");
        Assert.AreEqual("MIR0008", error.Code);
        StringAssert.Contains(error.Message, "net, net2");
    }

    [TestMethod]
    public void UnknownParameterIsMir0010AndListsAccepted()
    {
        var error = SingleError(Website.Replace("Port=\"8080\"", "Prot=\"8080\""));
        Assert.AreEqual("MIR0010", error.Code);
        StringAssert.Contains(error.Message, "'Prot'");
        StringAssert.Contains(error.Message, "Port");
    }

    [TestMethod]
    public void ParameterOfWrongTypeIsMir0011()
    {
        var error = SingleError(Website.Replace("Port=\"8080\"", "Port=\"eighty\""));
        Assert.AreEqual("MIR0011", error.Code);
        StringAssert.Contains(error.Message, "Port=\"eighty\"");
        StringAssert.Contains(error.Message, "port number");
    }

    [TestMethod]
    public void PortOutOfRangeIsMir0011()
    {
        Assert.AreEqual("MIR0011", SingleError(Website.Replace("Port=\"8080\"", "Port=\"70000\"")).Code);
    }

    [TestMethod]
    public void MissingRequiredParameterIsMir0012()
    {
        var error = SingleError(Website.Replace(" Source=\"htdocs\"", ""));
        Assert.AreEqual("MIR0012", error.Code);
        StringAssert.Contains(error.Message, "Source");
    }

    [TestMethod]
    public void JobWithUndeclaredDeviceIsMir0013()
    {
        var error = SingleError(Website.Replace("console;htdocs;http", "console;htdocs;web"));
        Assert.AreEqual("MIR0013", error.Code);
        StringAssert.Contains(error.Message, "'web'");
    }

    [TestMethod]
    public void JobThatIsNotATypeNameIsMir0014()
    {
        Assert.AreEqual("MIR0014", SingleError("""<MirageJob Include="Website Dispatch" Devices="console" />""").Code);
    }

    [TestMethod]
    public void InvalidDeviceNameIsMir0016()
    {
        var error = SingleError("""<MirageDevice Include="Net_1" Kind="stackv4" />""");
        Assert.AreEqual("MIR0016", error.Code);
    }

    [TestMethod]
    public void UnknownImplementationNameIsMir0020()
    {
        var error = SingleError(Website.Replace("Kind=\"kv-ro\"", "Kind=\"kv-ro\" Implementation=\"fat\""));
        Assert.AreEqual("MIR0020", error.Code);
        StringAssert.Contains(error.Message, "directory");
        StringAssert.Contains(error.Message, "crunch");
    }

    [TestMethod]
    public void MissingEmbeddedDirectoryIsMir0022()
    {
        var error = SingleError(Website.Replace("Kind=\"kv-ro\"", "Kind=\"kv-ro\" Implementation=\"crunch\""), projectDirectory: Directory.CreateTempSubdirectory().FullName);
        Assert.AreEqual("MIR0022", error.Code);
    }

    [TestMethod]
    public void AllErrorsOfAProjectAreReportedTogether()
    {
        var (_, diagnostics) = CatalogFixture.Resolve(Website.Replace("Port=\"8080\"", "Port=\"x\"").Replace("console;htdocs;http", "console;web"));
        CollectionAssert.AreEquivalent(new[] { "MIR0011", "MIR0013" }, diagnostics.Select(d => d.Code).ToArray());
    }
}
