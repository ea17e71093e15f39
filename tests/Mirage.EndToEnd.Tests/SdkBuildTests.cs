using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Mirage.EndToEnd.Tests;

/// <summary>Throwaway projects built with the real SDK: targets, errors as MSBuild reports them, plain programs, incrementality.</summary>
[TestClass]
public sealed class SdkBuildTests
{
    private const string Job = """
        using Mirage.Devices;
        namespace App;
        public sealed class Job(IConsole console)
        {
            public async Task<int> StartAsync()
            {
                await console.WriteLineAsync("job ran");
                return 7;
            }
        }
        """;

    private static string Project(string items) => $"""
        <Project Sdk="Mirage.Sdk">
          <ItemGroup>
        {items}
          </ItemGroup>
        </Project>
        """;

    [TestMethod]
    public void JobExitCodeBecomesTheProcessExitCode()
    {
        var workspace = UserWorkspace.Create("job");
        string project = workspace.WriteProject("App", Project("""    <MirageJob Include="App.Job" Devices="console" />"""), ("Job.cs", Job));
        var build = UserWorkspace.Dotnet(project, "build");
        Assert.AreEqual(0, build.ExitCode, build.All);
        var run = UserWorkspace.Dotnet(project, "run", "--no-build");
        Assert.AreEqual("job ran\n", run.Output);
        Assert.AreEqual(7, run.ExitCode);
    }

    [TestMethod]
    public void UnknownTargetIsMir0001()
    {
        var workspace = UserWorkspace.Create("bogus");
        string project = workspace.WriteProject("App", Project("""    <MirageJob Include="App.Job" Devices="console" />"""), ("Job.cs", Job));
        var build = UserWorkspace.Dotnet(project, "build", "-p:MirageTarget=kvm");
        Assert.AreNotEqual(0, build.ExitCode);
        StringAssert.Contains(build.All, "error MIR0001: MirageTarget 'kvm' is not a known target");
    }

    [TestMethod]
    public void GraphErrorNamesTheProjectFileAndLineOfTheItem()
    {
        var workspace = UserWorkspace.Create("badport");
        string project = workspace.WriteProject("App", Project("""
                <MirageDevice Include="net" Kind="stackv4" />
                <MirageDevice Include="http" Kind="http-server" Port="eighty" />
                <MirageJob Include="App.Job" Devices="console" />
            """), ("Job.cs", Job));
        var build = UserWorkspace.Dotnet(project, "build");
        Assert.AreNotEqual(0, build.ExitCode);
        StringAssert.Contains(build.All, Path.Combine(project, "App.csproj") + "(4,6): error MIR0011: Device 'http' sets Port=\"eighty\"");
    }

    [TestMethod]
    public void JobConstructorMismatchIsReportedAgainstTheProjectNotGeneratedCode()
    {
        var workspace = UserWorkspace.Create("mismatch");
        string project = workspace.WriteProject("App", Project("""    <MirageJob Include="App.Job" Devices="time" />"""), ("Job.cs", Job));
        var build = UserWorkspace.Dotnet(project, "build");
        Assert.AreNotEqual(0, build.ExitCode);
        StringAssert.Contains(build.All, Path.Combine(project, "App.csproj") + "(3,6): error MIR0017: MirageJob 'App.Job' passes devices (time: time Mirage.Devices.ITime)");
        Assert.DoesNotContain(".g.cs", build.All, "no error may point into generated code");
    }

    [TestMethod]
    public void PlainProgramWithoutJobsKeepsItsOwnMain()
    {
        var workspace = UserWorkspace.Create("plain");
        string project = workspace.WriteProject("Plain", """<Project Sdk="Mirage.Sdk" />""",
            ("Program.cs", "Console.WriteLine($\"plain {args.Length} {1 + 2}\");\nreturn 4;\n"));
        var run = UserWorkspace.Dotnet(project, "run", "--", "a", "b");
        Assert.AreEqual("plain 2 3\n", run.Output, run.All);
        Assert.AreEqual(4, run.ExitCode);
    }

    [TestMethod]
    public void NoOpRebuildDoesNotRewriteGeneratedCode()
    {
        var workspace = UserWorkspace.Create("incremental");
        string project = workspace.WriteProject("App", Project("""    <MirageJob Include="App.Job" Devices="console" />"""), ("Job.cs", Job));
        Assert.AreEqual(0, UserWorkspace.Dotnet(project, "build").ExitCode);
        string generated = Path.Combine(project, "obj", "mirage", "unix", "MirageMain.g.cs");
        string assembly = Path.Combine(project, "bin", "Debug", "net10.0", "App.dll");
        var generatedTime = File.GetLastWriteTimeUtc(generated);
        var assemblyTime = File.GetLastWriteTimeUtc(assembly);
        var rebuild = UserWorkspace.Dotnet(project, "build");
        Assert.AreEqual(0, rebuild.ExitCode);
        Assert.AreEqual(generatedTime, File.GetLastWriteTimeUtc(generated), "MirageMain.g.cs was rewritten");
        Assert.AreEqual(assemblyTime, File.GetLastWriteTimeUtc(assembly), "the app was recompiled on a no-op build");
    }
}
