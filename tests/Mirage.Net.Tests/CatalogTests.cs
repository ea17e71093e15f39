using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using System.Xml.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Devices;

namespace Mirage.Net.Tests;

/// <summary>The catalog entry the SDK reads (build/Mirage.Net.props) matches DirectStackV4.ConnectAsync.</summary>
[TestClass]
public sealed class CatalogTests
{
    [TestMethod]
    public void DirectStackEntryMatchesItsConnectAsync()
    {
        XDocument catalog = XDocument.Load(Path.Combine(RepositoryRoot(), "libs", "Mirage.Net", "build", "Mirage.Net.props"));
        XElement implementation = catalog.Descendants("MirageImplementation").Single();
        Assert.AreEqual("Mirage.Net.DirectStackV4", (string?)implementation.Attribute("Include"));
        Assert.AreEqual("direct", (string?)implementation.Attribute("Name"));
        Assert.AreEqual("stackv4", (string?)implementation.Attribute("Kind"));
        Assert.AreEqual("*", (string?)implementation.Attribute("Targets"));
        Assert.IsNull(implementation.Attribute("Default"), "host sockets stay the unix default");
        Assert.AreEqual("Network:network;Time:time;Clock:mclock;Random:random", (string?)implementation.Attribute("Needs"));

        var parameters = catalog.Descendants("MirageImplementationParameter").Select(p => (string)p.Attribute("Include")! + ":" + (string)p.Attribute("Type")!).ToArray();
        CollectionAssert.AreEqual(new[] { "Ipv4:ipv4-cidr", "Gateway:ipv4", "DhcpTimeout:int", "ProbeAddress:bool" }, parameters);
        MethodInfo? connect = typeof(DirectStackV4).GetMethod("ConnectAsync", BindingFlags.Public | BindingFlags.Static,
            new[] { typeof(INetwork), typeof(ITime), typeof(IMonotonicClock), typeof(IRandom), typeof(Ipv4Cidr?), typeof(Ipv4Address?), typeof(int), typeof(bool) });
        Assert.IsNotNull(connect);
        Assert.AreEqual(typeof(ValueTask<Result<IStackV4, DeviceError>>), connect.ReturnType);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Mirage.sln"))) return dir.FullName;
        throw new InvalidOperationException("Mirage.sln not found");
    }
}
