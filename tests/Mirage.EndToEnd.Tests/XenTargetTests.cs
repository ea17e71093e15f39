using System;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Mirage.EndToEnd.Tests;

/// <summary>
/// The xen target end to end: dotnet build -p:MirageTarget=xen of real projects (the samples, the
/// runtime conformance program, a program using an API the core library lacks), booted on plain
/// QEMU and on real Xen, their output compared with the same program on the unix target.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class XenTargetTests
{
    private static UserWorkspace s_workspace = null!;
    private static string s_hello = "";
    private static string s_conformance = "";

    [ClassInitialize]
    public static void Build(TestContext _)
    {
        s_workspace = UserWorkspace.Create("xen");
        s_hello = s_workspace.CopySample("hello");
        var hello = UserWorkspace.Dotnet(s_hello, "build", "-p:MirageTarget=xen");
        Assert.AreEqual(0, hello.ExitCode, hello.All);

        s_conformance = ConformanceProgram.CopyTo(s_workspace);
        var xen = UserWorkspace.Dotnet(s_conformance, "build", "-p:MirageTarget=xen");
        Assert.AreEqual(0, xen.ExitCode, xen.All);
    }

    private static string Image(string project, string name) => Path.Combine(project, "bin", "xen", "Debug", "net10.0", name + ".xen");

    [TestMethod]
    public void BuildWritesAPvhImageAndItsXlConfig()
    {
        string image = Image(s_hello, "hello");
        byte[] bytes = File.ReadAllBytes(image);
        CollectionAssert.AreEqual(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F', 2 }, bytes.Take(5).ToArray(), "an ELF64 file");
        // The Xen PVH entry note (type 18, name "Xen") must be in the image.
        Assert.IsTrue(IndexOf(bytes, new byte[] { 4, 0, 0, 0, 8, 0, 0, 0, 18, 0, 0, 0, (byte)'X', (byte)'e', (byte)'n', 0 }) >= 0, "XEN_ELFNOTE_PHYS32_ENTRY note");
        string xl = File.ReadAllText(Path.ChangeExtension(image, ".xl"));
        StringAssert.Contains(xl, "type = \"pvh\"");
        StringAssert.Contains(xl, "kernel = \"hello.xen\"");
        StringAssert.Contains(xl, "name = \"hello\"");
        StringAssert.Contains(xl, "memory = 64");
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle)) return i;
        return -1;
    }

    [TestMethod]
    public void HelloOnPlainQemuPrintsItsFourLinesAndExitsZero()
    {
        var run = XenMachines.RunOnQemu(Image(s_hello, "hello"));
        Assert.AreEqual(0, run.ExitCode, run.Console + run.Error);
        CollectionAssert.AreEqual(Enumerable.Range(1, 4).Select(i => $"hello from Mirage.NET ({i}/4)").ToList(), run.Lines.Select(l => l.Text).ToList(), run.Console);
    }

    [TestMethod]
    public void ConformanceOnPlainQemuMatchesUnix()
    {
        var run = XenMachines.RunOnQemu(Image(s_conformance, "Conformance"));
        Assert.AreEqual(0, run.ExitCode, run.Console + run.Error);
        ConformanceProgram.AssertSameOutput(run.Console, "xen");
    }

    [TestMethod]
    public void HelloOnRealXenPrintsFourLinesOneSecondApartAndPowersOff()
    {
        string image = Image(s_hello, "hello");
        var run = XenMachines.RunOnXen(image, Path.ChangeExtension(image, ".xl"));
        Assert.AreEqual(0, run.ExitCode, "poweroff expected:\n" + run.Console + run.Error);
        XenMachines.AssertHelloSleptOneSecondPerLine(run);
    }

    [TestMethod]
    public void ConformanceOnRealXenMatchesUnix()
    {
        string image = Image(s_conformance, "Conformance");
        var run = XenMachines.RunOnXen(image, Path.ChangeExtension(image, ".xl"));
        Assert.AreEqual(0, run.ExitCode, run.Console + run.Error);
        ConformanceProgram.AssertSameOutput(run.Console, "xen");
    }

    [TestMethod]
    public void AnUnsupportedApiFailsTheBuildNamingTheCallerAndTheMember()
    {
        string project = s_workspace.WriteProject("UsesFiles", """
            <Project Sdk="Mirage.Sdk" />
            """, ("Program.cs", """
            namespace UsesFiles;
            public static class Program
            {
                public static int Main() => ReadConfig().Length;
                private static string ReadConfig() => System.IO.File.ReadAllText("/etc/app.conf");
            }
            """));
        var build = UserWorkspace.Dotnet(project, "build", "-p:MirageTarget=xen");
        Assert.AreNotEqual(0, build.ExitCode, build.All);
        StringAssert.Contains(build.Output, "error MIR0031");
        StringAssert.Contains(build.Output, "UsesFiles.Program.ReadConfig (in UsesFiles) uses type 'System.IO.File'");
        Assert.IsFalse(File.Exists(Image(project, "UsesFiles")), "no image may be produced");
    }

    [TestMethod]
    public void CodeGenerationOptionsReachIlcAndBadOnesStopTheBuild()
    {
        string image = Image(s_hello, "hello");
        string arguments = Path.Combine(s_hello, "obj", "xen", "Debug", "net10.0", "mirage-link", "ilc.rsp");
        var bad = UserWorkspace.Dotnet(s_hello, "build", "-p:MirageTarget=xen", "-p:MirageMethodBodyFolding=some");
        Assert.AreNotEqual(0, bad.ExitCode, bad.All);
        StringAssert.Contains(bad.Output, "error MIR0035: MirageMethodBodyFolding is 'some': target 'xen' accepts generic (the default), all or none.");
        CollectionAssert.IsSubsetOf(new[] { "--Os", "--methodbodyfolding:generic" }, File.ReadAllLines(arguments), "the defaults");
        try
        {
            // Changed arguments alone run ilc again.
            var speed = UserWorkspace.Dotnet(s_hello, "build", "-p:MirageTarget=xen", "-p:OptimizationPreference=Speed", "-p:MirageMethodBodyFolding=none", "-v:d");
            Assert.AreEqual(0, speed.ExitCode, speed.All);
            Assert.IsFalse(speed.Output.Contains("Skipping target \"MirageCompileNative\""), speed.Output);
            string[] used = File.ReadAllLines(arguments);
            CollectionAssert.IsSubsetOf(new[] { "--Ot", "--methodbodyfolding:none" }, used);
            CollectionAssert.DoesNotContain(used, "--Os");
        }
        finally
        {
            var back = UserWorkspace.Dotnet(s_hello, "build", "-p:MirageTarget=xen");
            Assert.AreEqual(0, back.ExitCode, back.All);
        }
        Assert.IsTrue(File.Exists(image));
    }

    [TestMethod]
    public void ANoOpRebuildRunsNeitherIlcNorTheLinker()
    {
        string image = Image(s_hello, "hello");
        DateTime before = File.GetLastWriteTimeUtc(image);
        var rebuild = UserWorkspace.Dotnet(s_hello, "build", "-p:MirageTarget=xen", "-v:d");
        Assert.AreEqual(0, rebuild.ExitCode, rebuild.All);
        StringAssert.Contains(rebuild.Output, "Skipping target \"MirageCompileNative\" because all output files are up-to-date");
        StringAssert.Contains(rebuild.Output, "Skipping target \"MirageNativeLink\" because all output files are up-to-date");
        Assert.AreEqual(before, File.GetLastWriteTimeUtc(image));
    }
}
