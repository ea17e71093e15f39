using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using System.Xml.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Devices;

namespace Mirage.Runtime.Unix.Tests;

/// <summary>
/// The catalog is what the SDK's resolver reads to generate calls: check that each entry names a
/// type whose ConnectAsync takes the declared parameters in order and returns the kind's interface.
/// </summary>
[TestClass]
public sealed class CatalogTests
{
    private static readonly Dictionary<string, Type> s_interfaces = new()
    {
        ["console"] = typeof(IConsole),
        ["mclock"] = typeof(IMonotonicClock),
        ["pclock"] = typeof(IWallClock),
        ["time"] = typeof(ITime),
        ["random"] = typeof(IRandom),
        ["kv-ro"] = typeof(IKeyValueReadOnly),
        ["stackv4"] = typeof(IStackV4),
        ["network"] = typeof(INetwork),
        ["lifecycle"] = typeof(ILifecycle),
    };

    private static readonly Dictionary<string, Type> s_parameterTypes = new()
    {
        ["path"] = typeof(string),
        ["string"] = typeof(string),
        ["ipv4"] = typeof(Ipv4Address),
        ["port"] = typeof(ushort),
        ["mac"] = typeof(MacAddress),
        ["bool"] = typeof(bool),
    };

    /// <summary>The C# type of a parameter (docs/catalog-contract.md): a value type is nullable when optional without a default.</summary>
    private static Type ParameterType(XElement parameter)
    {
        Type type = s_parameterTypes[(string)parameter.Attribute("Type")!];
        bool optional = (string?)parameter.Attribute("Required") != "true" && parameter.Attribute("Default") is null;
        return optional && type.IsValueType ? typeof(Nullable<>).MakeGenericType(type) : type;
    }

    private static XDocument LoadCatalog() =>
        XDocument.Load(Path.Combine(AppContext.BaseDirectory, "catalog", "Mirage.Runtime.Unix.props"));

    [TestMethod]
    public void EveryKindHasOneUnixDefault()
    {
        var implementations = LoadCatalog().Descendants("MirageImplementation").ToList();
        var names = implementations.ToDictionary(e => (string)e.Attribute("Kind")!, e => (string)e.Attribute("Name")!);
        CollectionAssert.AreEquivalent(s_interfaces.Keys.ToList(), names.Keys.ToList());
        Assert.AreEqual("stdout", names["console"]);
        Assert.AreEqual("stopwatch", names["mclock"]);
        Assert.AreEqual("system", names["pclock"]);
        Assert.AreEqual("timer", names["time"]);
        Assert.AreEqual("os", names["random"]);
        Assert.AreEqual("directory", names["kv-ro"]);
        Assert.AreEqual("socket", names["stackv4"]);
        Assert.AreEqual("tap", names["network"]);
        Assert.AreEqual("signals", names["lifecycle"]);
        foreach (var implementation in implementations)
        {
            Assert.AreEqual("unix", (string?)implementation.Attribute("Targets"));
            Assert.AreEqual("true", (string?)implementation.Attribute("Default"));
        }
    }

    [TestMethod]
    public void EveryEntryMatchesItsConnectAsync()
    {
        var catalog = LoadCatalog();
        Assembly pack = typeof(UnixPlatform).Assembly;
        foreach (var implementation in catalog.Descendants("MirageImplementation"))
        {
            string typeName = (string)implementation.Attribute("Include")!;
            Type? type = pack.GetType(typeName);
            Assert.IsNotNull(type, typeName);
            Assert.IsTrue(type.IsPublic, typeName);

            var parameters = catalog.Descendants("MirageImplementationParameter")
                .Where(p => (string?)p.Attribute("Implementation") == typeName)
                .Select(ParameterType)
                .ToArray();
            MethodInfo? connect = type.GetMethod("ConnectAsync", BindingFlags.Public | BindingFlags.Static, parameters);
            Assert.IsNotNull(connect, $"{typeName}.ConnectAsync({string.Join(", ", parameters.Select(p => p.Name))})");

            Type expected = typeof(ValueTask<>).MakeGenericType(typeof(Result<,>).MakeGenericType(s_interfaces[(string)implementation.Attribute("Kind")!], typeof(DeviceError)));
            Assert.AreEqual(expected, connect.ReturnType, typeName);
        }
    }

    [TestMethod]
    public void ParametersAreDeclaredAsTheSdkExpects()
    {
        var parameters = LoadCatalog().Descendants("MirageImplementationParameter").ToList();
        var source = parameters.Single(p => (string?)p.Attribute("Implementation") == "Mirage.Runtime.Unix.DirectoryKeyValue");
        Assert.AreEqual("Source", (string?)source.Attribute("Include"));
        Assert.AreEqual("path", (string?)source.Attribute("Type"));
        Assert.AreEqual("true", (string?)source.Attribute("Required"));

        var listen = parameters.Single(p => (string?)p.Attribute("Implementation") == "Mirage.Runtime.Unix.SocketStackV4");
        Assert.AreEqual("Listen", (string?)listen.Attribute("Include"));
        Assert.AreEqual("ipv4", (string?)listen.Attribute("Type"));
        Assert.AreEqual("0.0.0.0", (string?)listen.Attribute("Default"));
        Assert.AreEqual("host address the sockets bind to", (string?)listen.Attribute("Description"));
    }
}
