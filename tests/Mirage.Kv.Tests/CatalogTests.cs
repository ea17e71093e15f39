using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using System.Xml.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Devices;

namespace Mirage.Kv.Tests;

[TestClass]
public sealed class CatalogTests
{
    private static XDocument LoadCatalog() =>
        XDocument.Load(Path.Combine(AppContext.BaseDirectory, "catalog", "Mirage.Kv.props"));

    [TestMethod]
    public void CrunchIsAPortableKvRoThatIsNotTheDefault()
    {
        var crunch = LoadCatalog().Descendants("MirageImplementation").Single();
        Assert.AreEqual("Mirage.Kv.EmbeddedKeyValue", (string?)crunch.Attribute("Include"));
        Assert.AreEqual("crunch", (string?)crunch.Attribute("Name"));
        Assert.AreEqual("kv-ro", (string?)crunch.Attribute("Kind"));
        Assert.AreEqual("*", (string?)crunch.Attribute("Targets"));
        Assert.IsTrue(crunch.Attribute("Default") is null || (string?)crunch.Attribute("Default") == "false");
    }

    [TestMethod]
    public void TheSourceParameterIsAnEmbeddedDirectoryMatchingConnectAsync()
    {
        var source = LoadCatalog().Descendants("MirageImplementationParameter").Single();
        Assert.AreEqual("Source", (string?)source.Attribute("Include"));
        Assert.AreEqual("Mirage.Kv.EmbeddedKeyValue", (string?)source.Attribute("Implementation"));
        Assert.AreEqual("embedded-dir", (string?)source.Attribute("Type"));
        Assert.AreEqual("true", (string?)source.Attribute("Required"));

        MethodInfo? connect = typeof(EmbeddedKeyValue).GetMethod("ConnectAsync", BindingFlags.Public | BindingFlags.Static, new[] { typeof(EmbeddedFile[]) });
        Assert.IsNotNull(connect);
        Assert.AreEqual(typeof(ValueTask<Result<IKeyValueReadOnly, DeviceError>>), connect.ReturnType);
    }
}
