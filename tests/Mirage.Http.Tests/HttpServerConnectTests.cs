using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Devices;
using Mirage.Http.Tests.Infrastructure;

namespace Mirage.Http.Tests;

[TestClass]
public sealed class HttpServerConnectTests
{
    [TestMethod]
    public void ConnectListensOnThePort()
    {
        EventLoop.Run(async () =>
        {
            var network = new InMemoryNetwork();

            Result<IHttpServer, DeviceError> result = await HttpServer.ConnectAsync(network, 8081, 8192, 100, 1048576, 10, 30);

            Assert.IsTrue(result.IsOk, result.ToString());
            Assert.AreEqual((ushort)8081, result.Value.LocalEndpoint.Port);
            Assert.IsNotNull(network.ConnectFlow(8081));
            Assert.AreEqual(new HttpServerStatistics(0, 0, 0, 0, 0, 0, 0), result.Value.Statistics);
            await result.Value.DisposeAsync();
            Assert.IsNull(network.ConnectFlow(8081));
        });
    }

    [TestMethod]
    public void ListenFailureIsADeviceErrorNamingThePortAndTheError()
    {
        EventLoop.Run(async () =>
        {
            var network = new InMemoryNetwork();
            await network.ListenAsync(80);

            Result<IHttpServer, DeviceError> result = await HttpServer.ConnectAsync(network, 80, 8192, 100, 1048576, 10, 30);

            Assert.IsTrue(result.IsError);
            Assert.AreEqual("cannot listen on TCP port 80 (AddressInUse)", result.Error.Message);
        });
    }

    [TestMethod]
    [DataRow(10, 100, 1024, 10, 30, "header-limit must be at least 64 bytes")]
    [DataRow(8192, 0, 1024, 10, 30, "header-count-limit must be at least 1")]
    [DataRow(8192, 100, -1, 10, 30, "body-limit must not be negative")]
    [DataRow(8192, 100, 1024, 0, 30, "request-timeout must be at least 1 second")]
    [DataRow(8192, 100, 1024, 10, 0, "keep-alive-timeout must be at least 1 second")]
    public void InvalidParametersAreDeviceErrors(int headerLimit, int countLimit, int bodyLimit, int requestTimeout, int keepAliveTimeout, string message)
    {
        EventLoop.Run(async () =>
        {
            var network = new InMemoryNetwork();

            Result<IHttpServer, DeviceError> result =
                await HttpServer.ConnectAsync(network, 80, headerLimit, countLimit, bodyLimit, requestTimeout, keepAliveTimeout);

            Assert.AreEqual(message, result.Error.Message);
            Assert.IsNull(network.ConnectFlow(80), "nothing should listen after a parameter error");
        });
    }

    [TestMethod]
    public void CatalogDeclaresTheImplementationAndParametersInConnectAsyncOrder()
    {
        XDocument catalog = XDocument.Load(FindRepositoryFile("libs/Mirage.Http/build/Mirage.Http.props"));
        XElement implementation = catalog.Descendants("MirageImplementation").Single();
        var parameters = catalog.Descendants("MirageImplementationParameter").ToList();
        MethodInfo connect = typeof(HttpServer).GetMethod(nameof(HttpServer.ConnectAsync))!;
        ParameterInfo[] arguments = connect.GetParameters();

        Assert.AreEqual("Mirage.Http.HttpServer", (string?)implementation.Attribute("Include"));
        Assert.AreEqual("mirage-http", (string?)implementation.Attribute("Name"));
        Assert.AreEqual("http-server", (string?)implementation.Attribute("Kind"));
        Assert.AreEqual("*", (string?)implementation.Attribute("Targets"));
        Assert.AreEqual("Stack:stackv4", (string?)implementation.Attribute("Needs"));
        Assert.AreEqual("true", (string?)implementation.Attribute("Default"));
        CollectionAssert.AreEqual(
            new[] { "Port", "HeaderLimit", "HeaderCountLimit", "BodyLimit", "RequestTimeout", "KeepAliveTimeout" },
            parameters.Select(p => (string?)p.Attribute("Include")).ToArray());
        CollectionAssert.AreEqual(
            new[] { "port", "int", "int", "int", "int", "int" },
            parameters.Select(p => (string?)p.Attribute("Type")).ToArray());
        CollectionAssert.AreEqual(
            new[] { "80", "8192", "100", "1048576", "10", "30" },
            parameters.Select(p => (string?)p.Attribute("Default")).ToArray());
        Assert.IsTrue(parameters.All(p => (string?)p.Attribute("Implementation") == "Mirage.Http.HttpServer"));
        Assert.IsTrue(parameters.All(p => !string.IsNullOrWhiteSpace((string?)p.Attribute("Description"))));

        // The stack, then one argument per parameter with the C# type its catalog type maps to.
        Assert.AreEqual(typeof(IStackV4), arguments[0].ParameterType);
        CollectionAssert.AreEqual(
            new[] { typeof(ushort), typeof(int), typeof(int), typeof(int), typeof(int), typeof(int) },
            arguments.Skip(1).Select(a => a.ParameterType).ToArray());
        Assert.AreEqual(typeof(System.Threading.Tasks.ValueTask<Result<IHttpServer, DeviceError>>), connect.ReturnType);
        Assert.IsTrue(connect.IsStatic);
    }

    private static string FindRepositoryFile(string relativePath)
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, relativePath);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException(relativePath);
    }
}
