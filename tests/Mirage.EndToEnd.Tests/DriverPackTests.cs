using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Mirage.EndToEnd.Tests;

/// <summary>
/// A third-party driver pack, made and consumed as NuGet packages: it adds a device kind and an
/// implementation through its build/*.props, and an app uses it like a built-in device.
/// </summary>
[TestClass]
public sealed class DriverPackTests
{
    private const string DriverProps = """
        <Project>
          <ItemGroup>
            <MirageDeviceKind Include="greeter" Interface="Acme.Greeter.IGreeter" />
            <MirageImplementation Include="Acme.Greeter.PoliteGreeter" Name="polite" Kind="greeter" __TARGETS__ Needs="Console:console" Default="true" />
            <MirageImplementationParameter Include="Greeting" Implementation="Acme.Greeter.PoliteGreeter" Type="string" Default="hello" Description="first word" />
          </ItemGroup>
        </Project>
        """;

    private const string DriverCode = """
        using System.Threading.Tasks;
        using Mirage;
        using Mirage.Devices;

        namespace Acme.Greeter;

        public interface IGreeter
        {
            ValueTask GreetAsync(string name);
        }

        public sealed class PoliteGreeter(IConsole console, string greeting) : IGreeter
        {
            public static ValueTask<Result<IGreeter, DeviceError>> ConnectAsync(IConsole console, string greeting) =>
                ValueTask.FromResult(Result<IGreeter, DeviceError>.Ok(new PoliteGreeter(console, greeting)));

            public async ValueTask GreetAsync(string name) => await console.WriteLineAsync($"{greeting}, {name}");
        }
        """;

    /// <summary>Packs the driver (with the given Targets metadata) into a feed of its own; returns (feed, version).</summary>
    private static (string Feed, string Version) PackDriver(string targets)
    {
        var workspace = UserWorkspace.Create("driver");
        string version = "1.0.0-t" + Guid.NewGuid().ToString("N")[..8];
        string project = workspace.WriteProject("Acme.Greeter", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Mirage.Devices" Version="0.1.0" />
                <None Include="build/**" Pack="true" PackagePath="build/" />
              </ItemGroup>
            </Project>
            """, ("Greeter.cs", DriverCode));
        Directory.CreateDirectory(Path.Combine(project, "build"));
        File.WriteAllText(Path.Combine(project, "build", "Acme.Greeter.props"), DriverProps.Replace("__TARGETS__", targets));
        string feed = Path.Combine(workspace.Directory, "feed");
        var pack = UserWorkspace.Dotnet(project, "pack", "-o", feed, "-p:Version=" + version);
        Assert.AreEqual(0, pack.ExitCode, pack.All);
        return (feed, version);
    }

    private static string App(string version) => $"""
        <Project Sdk="Mirage.Sdk">
          <ItemGroup>
            <PackageReference Include="Acme.Greeter" Version="{version}" />
            <MirageDevice Include="greeter" Kind="greeter" Greeting="hi" />
            <MirageJob Include="App.Job" Devices="greeter" />
          </ItemGroup>
        </Project>
        """;

    private const string Job = """
        namespace App;
        public sealed class Job(Acme.Greeter.IGreeter greeter)
        {
            public async Task StartAsync() => await greeter.GreetAsync("world");
        }
        """;

    [TestMethod]
    public void DriverPackAddsAKindThatAnAppUsesWithBootParameters()
    {
        var (feed, version) = PackDriver("Targets=\"unix\"");
        var workspace = UserWorkspace.Create("driver-app", feed);
        string project = workspace.WriteProject("App", App(version), ("Job.cs", Job));
        var build = UserWorkspace.Dotnet(project, "build");
        Assert.AreEqual(0, build.ExitCode, build.All);
        var run = UserWorkspace.Dotnet(project, "run", "--no-build");
        Assert.AreEqual(0, run.ExitCode, run.All);
        Assert.AreEqual("hi, world\n", run.Output);
        var overridden = UserWorkspace.Dotnet(project, "run", "--no-build", "--", "--greeter.greeting=hey");
        Assert.AreEqual("hey, world\n", overridden.Output);
    }

    [TestMethod]
    public void MalformedDriverPackIsMir0015NamingItsOwnPropsFile()
    {
        var (feed, version) = PackDriver("");
        var workspace = UserWorkspace.Create("driver-bad", feed);
        string project = workspace.WriteProject("App", App(version), ("Job.cs", Job));
        var build = UserWorkspace.Dotnet(project, "build");
        Assert.AreNotEqual(0, build.ExitCode);
        StringAssert.Contains(build.All, $"acme.greeter/{version}/build/Acme.Greeter.props(4,6): error MIR0015: Catalog entry MirageImplementation 'Acme.Greeter.PoliteGreeter' needs Targets=");
    }
}
