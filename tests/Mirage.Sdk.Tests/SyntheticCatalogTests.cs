using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Sdk.Graph;

namespace Mirage.Sdk.Tests;

/// <summary>Graph shapes the shipped catalog cannot produce (cycles, ambiguity) and malformed driver packs.</summary>
[TestClass]
public sealed class SyntheticCatalogTests
{
    private static (ResolvedGraph? Graph, List<GraphDiagnostic> Diagnostics) Resolve(string catalogXml, string projectBody)
    {
        var diagnostics = new List<GraphDiagnostic>();
        string catalog = "<Project><ItemGroup>\n" + catalogXml + "\n</ItemGroup></Project>";
        var parsed = CatalogReader.Read(
            CatalogFixture.ItemsFromXml(catalog, "Driver.props", "MirageDeviceKind"),
            CatalogFixture.ItemsFromXml(catalog, "Driver.props", "MirageImplementation"),
            CatalogFixture.ItemsFromXml(catalog, "Driver.props", "MirageImplementationParameter"),
            diagnostics);
        if (diagnostics.Count > 0) return (null, diagnostics);
        string project = "<Project><ItemGroup>\n" + projectBody + "\n</ItemGroup></Project>";
        var graph = new GraphResolver(parsed, "unix", "/tmp", diagnostics).Resolve(
            CatalogFixture.ItemsFromXml(project, "App.csproj", "MirageDevice"),
            CatalogFixture.ItemsFromXml(project, "App.csproj", "MirageJob"));
        return (graph, diagnostics);
    }

    private const string Kinds = """
        <MirageDeviceKind Include="a" Interface="Test.IA" />
        <MirageDeviceKind Include="b" Interface="Test.IB" />
        """;

    [TestMethod]
    public void CycleIsMir0009AndNamesThePath()
    {
        var (graph, diagnostics) = Resolve(Kinds + """
            <MirageImplementation Include="Test.A" Name="a1" Kind="a" Targets="*" Needs="Peer:b" />
            <MirageImplementation Include="Test.B" Name="b1" Kind="b" Targets="*" Needs="Peer:a" />
            """, """
            <MirageDevice Include="x" Kind="a" />
            <MirageDevice Include="y" Kind="b" />
            <MirageJob Include="Test.Job" Devices="x" />
            """);
        Assert.IsNull(graph);
        var error = diagnostics.Single();
        Assert.AreEqual("MIR0009", error.Code);
        StringAssert.Contains(error.Message, "x -> y -> x");
    }

    [TestMethod]
    public void TwoDefaultlessImplementationsAreMir0021()
    {
        var (_, diagnostics) = Resolve(Kinds + """
            <MirageImplementation Include="Test.A1" Name="one" Kind="a" Targets="unix" />
            <MirageImplementation Include="Test.A2" Name="two" Kind="a" Targets="*" />
            """, """<MirageDevice Include="x" Kind="a" />""");
        var error = diagnostics.Single();
        Assert.AreEqual("MIR0021", error.Code);
        StringAssert.Contains(error.Message, "one, two");
    }

    [TestMethod]
    public void DefaultWinsOverOtherImplementations()
    {
        var (graph, diagnostics) = Resolve(Kinds + """
            <MirageImplementation Include="Test.A1" Name="one" Kind="a" Targets="unix" />
            <MirageImplementation Include="Test.A2" Name="two" Kind="a" Targets="*" Default="true" />
            """, """<MirageDevice Include="x" Kind="a" />""");
        Assert.IsEmpty(diagnostics);
        Assert.AreEqual("two", graph!.Devices.Single().Implementation!.Name);
    }

    [TestMethod]
    [DataRow("""<MirageImplementation Include="Test.A" Name="a1" Kind="zzz" Targets="*" />""", "Kind='zzz'")]
    [DataRow("""<MirageImplementation Include="Test.A" Name="a1" Kind="a" />""", "Targets")]
    [DataRow("""<MirageImplementation Include="Test.A" Kind="a" Targets="*" />""", "Name")]
    [DataRow("""<MirageImplementation Include="not a type" Name="a1" Kind="a" Targets="*" />""", "full name")]
    [DataRow("""<MirageImplementation Include="Test.A" Name="a1" Kind="a" Targets="*" Needs="b" />""", "Needs entry 'b'")]
    [DataRow("""<MirageImplementationParameter Include="Port" Implementation="Test.Nope" Type="port" />""", "Test.Nope")]
    [DataRow("""<MirageImplementation Include="Test.A" Name="a1" Kind="a" Targets="*" /><MirageImplementationParameter Include="Port" Implementation="Test.A" Type="number" />""", "Type='number'")]
    [DataRow("""<MirageImplementation Include="Test.A" Name="a1" Kind="a" Targets="*" /><MirageImplementationParameter Include="Port" Implementation="Test.A" Type="port" Default="0" />""", "Default='0'")]
    [DataRow("""<MirageImplementation Include="Test.A" Name="a1" Kind="a" Targets="*" /><MirageImplementationParameter Include="port" Implementation="Test.A" Type="port" />""", "uppercase")]
    [DataRow("""<MirageDeviceKind Include="c" />""", "Interface")]
    public void MalformedCatalogEntryIsMir0015InTheDriverFile(string entry, string expected)
    {
        var (_, diagnostics) = Resolve(Kinds + entry, "");
        var error = diagnostics.Single();
        Assert.AreEqual("MIR0015", error.Code);
        Assert.AreEqual("Driver.props", error.Item!.File);
        StringAssert.Contains(error.Message, expected);
    }
}

[TestClass]
public sealed class OptionalParameterTests
{
    [TestMethod]
    public void OptionalParameterWithoutDefaultIsPassedAsNullWhenNotGivenAtBoot()
    {
        var diagnostics = new List<GraphDiagnostic>();
        string catalog = """
            <Project><ItemGroup>
              <MirageDeviceKind Include="a" Interface="Test.IA" />
              <MirageImplementation Include="Test.A" Name="a1" Kind="a" Targets="*" />
              <MirageImplementationParameter Include="Gateway" Implementation="Test.A" Type="ipv4" Description="router" />
            </ItemGroup></Project>
            """;
        var parsed = CatalogReader.Read(
            CatalogFixture.ItemsFromXml(catalog, "D.props", "MirageDeviceKind"),
            CatalogFixture.ItemsFromXml(catalog, "D.props", "MirageImplementation"),
            CatalogFixture.ItemsFromXml(catalog, "D.props", "MirageImplementationParameter"), diagnostics);
        string project = """<Project><ItemGroup><MirageDevice Include="x" Kind="a" /><MirageJob Include="T.J" Devices="x" /></ItemGroup></Project>""";
        var graph = new GraphResolver(parsed, "unix", "/tmp", diagnostics).Resolve(
            CatalogFixture.ItemsFromXml(project, "App.csproj", "MirageDevice"), CatalogFixture.ItemsFromXml(project, "App.csproj", "MirageJob"));
        Assert.IsEmpty(diagnostics);
        string main = Mirage.Sdk.Codegen.MainSourceWriter.Write(graph!, "app", "App.csproj", "P.Run");
        StringAssert.Contains(main, "boot.Has(\"x\", \"gateway\") ? boot.GetIpv4(\"x\", \"gateway\") : (global::Mirage.Devices.Ipv4Address?)null");
        StringAssert.Contains(main, "new(\"x\", \"gateway\", \"ipv4\", null, false, \"router\")");
    }
}
