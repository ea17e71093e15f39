using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Sdk.Codegen;
using Mirage.Sdk.Graph;

namespace Mirage.Sdk.Tests;

/// <summary>
/// The xl config of xen and xen-arm images: vif lines from network devices, disk lines from block
/// devices (golden files), MIR0040 for every parameter xl would misread, and the xen packs'
/// catalog accepting the same device parameters the writer reads.
/// </summary>
[TestClass]
public sealed class XlConfigTests
{
    private const string NetworkAndDisks = """
        <MirageDevice Include="lan" Kind="network" />
        <MirageDevice Include="storage" Kind="network" Vif="1" Bridge="xenbr1" Mac="00:16:3e:0a:0b:0c" />
        <MirageDevice Include="disk" Kind="block" Image="disk.img" />
        <MirageDevice Include="seed" Kind="block" Disk="xvdb" Access="ro" Image="/images/seed.img" />
        """;

    private static (string Text, List<GraphDiagnostic> Diagnostics) Write(string body, string guestType = "pvh")
    {
        string xml = "<Project>\n  <ItemGroup>\n" + body + "\n  </ItemGroup>\n</Project>";
        var devices = CatalogFixture.ItemsFromXml(xml, "App.csproj", "MirageDevice");
        var diagnostics = new List<GraphDiagnostic>();
        string text = XlConfigWriter.Write("app", guestType, "app.xen", 64, "lan.x=1", devices, "/projects/app", diagnostics);
        return (text, diagnostics);
    }

    [TestMethod]
    public void NetworkAndBlockDevicesBecomeVifAndDiskLinesOnXen()
    {
        var (text, diagnostics) = Write(NetworkAndDisks);
        Assert.IsEmpty(diagnostics, string.Join("\n", diagnostics));
        GoldenFile.AssertMatches("devices.xen.xl", text);
    }

    [TestMethod]
    public void XenArmConfigHasTheSameDevicesAndNoGuestType()
    {
        var (text, diagnostics) = Write(NetworkAndDisks, guestType: "");
        Assert.IsEmpty(diagnostics, string.Join("\n", diagnostics));
        GoldenFile.AssertMatches("devices.xen-arm.xl", text);
    }

    [TestMethod]
    public void NoDevicesNoVifOrDiskLine()
    {
        var (text, diagnostics) = Write("""<MirageDevice Include="clock" Kind="time" />""");
        Assert.IsEmpty(diagnostics);
        Assert.DoesNotContain("vif", text);
        Assert.DoesNotContain("disk", text);
    }

    [TestMethod]
    [DataRow("""<MirageDevice Include="n" Kind="network" Bridge="br,0" />""", "Bridge=\"br,0\"")]
    [DataRow("""<MirageDevice Include="n" Kind="network" Bridge="a-bridge-name-too-long" />""", "not a Linux bridge name")]
    [DataRow("""<MirageDevice Include="n" Kind="network" Vif="x" />""", "Vif=\"x\"")]
    [DataRow("""<MirageDevice Include="n" Kind="network" Mac="00:16:3e" />""", "Mac=\"00:16:3e\"")]
    [DataRow("""<MirageDevice Include="d" Kind="block" />""", "has no Image")]
    [DataRow("""<MirageDevice Include="d" Kind="block" Image="a'b.img" />""", "xl cannot read")]
    [DataRow("""<MirageDevice Include="d" Kind="block" Image="d.img" Access="rwx" />""", "Access=\"rwx\"")]
    [DataRow("""<MirageDevice Include="d" Kind="block" Image="d.img" Disk="sda" />""", "Disk=\"sda\"")]
    public void MalformedParameterIsAnErrorNamingTheDevice(string body, string expected)
    {
        var (_, diagnostics) = Write(body);
        Assert.HasCount(1, diagnostics, string.Join("\n", diagnostics));
        Assert.AreEqual("MIR0040", diagnostics[0].Code);
        StringAssert.Contains(diagnostics[0].Message, expected);
        StringAssert.StartsWith(diagnostics[0].Message, "Device '");
        Assert.AreEqual("App.csproj", diagnostics[0].Item!.File);
        Assert.AreEqual(3, diagnostics[0].Item!.Line);
    }

    [TestMethod]
    public void TwoNetworkDevicesOnTheSameVifAreAnError()
    {
        var (_, diagnostics) = Write("""
            <MirageDevice Include="a" Kind="network" />
            <MirageDevice Include="b" Kind="network" />
            """);
        Assert.HasCount(1, diagnostics);
        StringAssert.Contains(diagnostics[0].Message, "Device 'b' (network) uses vif 0, as network device 'a' does");
    }

    [TestMethod]
    public void TwoBlockDevicesOnTheSameDiskAreAnError()
    {
        var (_, diagnostics) = Write("""
            <MirageDevice Include="a" Kind="block" Image="a.img" />
            <MirageDevice Include="b" Kind="block" Image="b.img" />
            """);
        Assert.HasCount(1, diagnostics);
        StringAssert.Contains(diagnostics[0].Message, "Device 'b' (block) uses disk xvda, as block device 'a' does");
    }

    [TestMethod]
    [DataRow("xen", "packs/Mirage.Runtime.Xen/build/Mirage.Runtime.Xen.props")]
    [DataRow("xen-arm", "packs/Mirage.Runtime.Arm/build/Mirage.Runtime.Arm.props")]
    public void XenPacksImplementNetworkAndBlockWithTheXlParameters(string target, string props)
    {
        var files = new[] { "sdk/Mirage.Sdk/targets/Mirage.DeviceKinds.props", props }.Select(RepositoryFiles.Path).ToList();
        var diagnostics = new List<GraphDiagnostic>();
        var catalog = CatalogReader.Read(
            files.SelectMany(f => CatalogFixture.ItemsFromFile(f, "MirageDeviceKind")),
            files.SelectMany(f => CatalogFixture.ItemsFromFile(f, "MirageImplementation")),
            files.SelectMany(f => CatalogFixture.ItemsFromFile(f, "MirageImplementationParameter")),
            diagnostics);
        Assert.IsEmpty(diagnostics, string.Join("\n", diagnostics));
        string xml = "<Project>\n  <ItemGroup>\n" + NetworkAndDisks + "\n  </ItemGroup>\n</Project>";
        var graph = new GraphResolver(catalog, target, "/projects/app", diagnostics).Resolve(
            CatalogFixture.ItemsFromXml(xml, "App.csproj", "MirageDevice"), new List<ProjectItem>());
        Assert.IsEmpty(diagnostics, string.Join("\n", diagnostics));
        var lan = graph!.Devices.Single(d => d.Name == "lan");
        Assert.AreEqual("netfront", lan.Implementation!.Name);
        Assert.AreEqual("blkfront", graph.Devices.Single(d => d.Name == "seed").Implementation!.Name);
    }
}
