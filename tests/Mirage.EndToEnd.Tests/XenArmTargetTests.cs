using System;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Mirage.EndToEnd.Tests;

/// <summary>
/// The xen-arm target end to end: dotnet build -p:MirageTarget=xen-arm on this x64 machine
/// (cross-compiled), the zImage booted on plain QEMU boards (virt: Cortex-A15 with a device tree;
/// cubieboard: Allwinner A10, Cortex-A8, ATAGs) and on real Xen on ARM, its output compared with
/// the same program on the unix target.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class XenArmTargetTests
{
    private static UserWorkspace s_workspace = null!;
    private static string s_hello = "";
    private static string s_conformance = "";

    private static readonly string[] s_helloLines = Enumerable.Range(1, 4).Select(i => $"hello from Mirage.NET ({i}/4)").ToArray();

    [ClassInitialize]
    public static void Build(TestContext _)
    {
        s_workspace = UserWorkspace.Create("xen-arm");
        s_hello = s_workspace.CopySample("hello");
        var hello = UserWorkspace.Dotnet(s_hello, "build", "-p:MirageTarget=xen-arm");
        Assert.AreEqual(0, hello.ExitCode, hello.All);
        s_conformance = ConformanceProgram.CopyTo(s_workspace);
        var conformance = UserWorkspace.Dotnet(s_conformance, "build", "-p:MirageTarget=xen-arm");
        Assert.AreEqual(0, conformance.ExitCode, conformance.All);
    }

    private static string Image(string project, string name) => Path.Combine(project, "bin", "xen-arm", "Debug", "net10.0", name + ".xen");

    [TestMethod]
    public void BuildWritesAZImageAndAnXlConfigWithoutAGuestType()
    {
        string image = Image(s_hello, "hello");
        byte[] bytes = File.ReadAllBytes(image);
        // Linux ARM zImage header: magic at 0x24, start (0 = position independent) at 0x28, end at 0x2C.
        Assert.AreEqual(0x016F2818u, BitConverter.ToUInt32(bytes, 0x24), "zImage magic");
        Assert.AreEqual(0u, BitConverter.ToUInt32(bytes, 0x28), "zImage start (loadable anywhere)");
        Assert.AreEqual((uint)bytes.Length, BitConverter.ToUInt32(bytes, 0x2C), "zImage end = image size");
        // The first word is an ARM instruction (mov r0, r0), not an ELF header.
        Assert.AreEqual(0xE1A00000u, BitConverter.ToUInt32(bytes, 0), "ARM-state entry");
        string xl = File.ReadAllText(Path.ChangeExtension(image, ".xl"));
        StringAssert.Contains(xl, "kernel = \"hello.xen\"");
        StringAssert.Contains(xl, "name = \"hello\"");
        Assert.IsFalse(xl.Contains("type ="), "xl on ARM knows one guest type; a type line would be refused:\n" + xl);
    }

    [TestMethod]
    [DataRow("virt")]
    [DataRow("cubieboard")]
    public void HelloOnPlainQemuPrintsItsFourLinesAndExitsZero(string machine)
    {
        var run = XenMachines.RunOnQemuArm(Image(s_hello, "hello"), machine);
        Assert.AreEqual(0, run.ExitCode, run.Console + run.Error);
        CollectionAssert.AreEqual(s_helloLines, run.Lines.Select(l => l.Text).ToList(), run.Console);
        var span = run.Lines[3].At - run.Lines[0].At;
        Assert.IsTrue(span >= TimeSpan.FromMilliseconds(2700), $"three one-second sleeps took {span.TotalMilliseconds:F0} ms");
    }

    [TestMethod]
    [DataRow("virt")]
    [DataRow("cubieboard")]
    public void ConformanceOnPlainQemuMatchesUnix(string machine)
    {
        var run = XenMachines.RunOnQemuArm(Image(s_conformance, "Conformance"), machine);
        Assert.AreEqual(0, run.ExitCode, run.Console + run.Error);
        ConformanceProgram.AssertSameOutput(run.Console, "xen-arm on " + machine);
    }

    [TestMethod]
    public void BootArgumentsComeFromTheCommandLineAndABadOneStopsBootNamingIt()
    {
        string image = Image(s_hello, "hello");
        var help = XenMachines.RunOnQemuArm(image, "virt", "help");
        Assert.AreEqual(0, help.ExitCode, help.Console + help.Error);
        StringAssert.StartsWith(help.Console, "Usage: hello [<device>.<parameter>=<value>]...");

        var bad = XenMachines.RunOnQemuArm(image, "virt", "time.speed=2");
        Assert.AreEqual(2, bad.ExitCode, bad.Console + bad.Error);
        StringAssert.Contains(bad.Console, "'time.speed=2'");
        Assert.IsFalse(bad.Console.Contains("hello from"), "nothing may run after a bad argument:\n" + bad.Console);
    }

    [TestMethod]
    public void ANullReadIsANullReferenceExceptionReportedWithTheCrashCode()
    {
        // The data abort on the unmapped first MiB becomes .NET's exception (docs/exceptions.md);
        // nothing catches it, so the unhandled-exception report names it and the method.
        string project = s_workspace.WriteProject("Faulty", """
            <Project Sdk="Mirage.Sdk" />
            """, ("Program.cs", """
            namespace Faulty;
            public static unsafe class Program
            {
                public static int Main()
                {
                    System.Console.WriteLine("about to read address 16");
                    int* p = (int*)16;
                    return *p;
                }
            }
            """));
        var build = UserWorkspace.Dotnet(project, "build", "-p:MirageTarget=xen-arm", "-p:AllowUnsafeBlocks=true");
        Assert.AreEqual(0, build.ExitCode, build.All);
        var run = XenMachines.RunOnQemuArm(Image(project, "Faulty"), "virt");
        Assert.AreEqual(134, run.ExitCode, run.Console + run.Error);
        StringAssert.Contains(run.Console, "about to read address 16");
        StringAssert.Contains(run.Console, "Unhandled exception. System.NullReferenceException: Object reference not set to an instance of an object.");
        StringAssert.Contains(run.Console, "   at Faulty.Program.Main");
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
        ConformanceProgram.AssertSameOutput(run.Console, "xen-arm on Xen");
    }

    [TestMethod]
    public void DotnetRunBootsTheImageOnXenStreamsItsConsoleAndReturnsItsExitStatus()
    {
        XenMachines.RequireXenHarness();
        var run = UserWorkspace.Dotnet(s_hello, "run", "-p:MirageTarget=xen-arm", "--no-build");
        Assert.AreEqual(0, run.ExitCode, run.All);
        CollectionAssert.AreEqual(s_helloLines, run.Output.TrimEnd('\n').Split('\n'), run.All);

        string project = s_workspace.WriteProject("ExitsThree", """
            <Project Sdk="Mirage.Sdk" />
            """, ("Program.cs", """
            System.Console.WriteLine("returning 3");
            return 3;
            """));
        var crash = UserWorkspace.Dotnet(project, "run", "-p:MirageTarget=xen-arm");
        // Xen conveys poweroff or crash, not a number: a non-zero exit is a crash, status 1.
        Assert.AreEqual(1, crash.ExitCode, crash.All);
        StringAssert.Contains(crash.Output, "returning 3");
    }

    [TestMethod]
    public void ANoOpRebuildRunsNeitherIlcNorTheLinkerNorObjcopy()
    {
        string image = Image(s_hello, "hello");
        DateTime before = File.GetLastWriteTimeUtc(image);
        var rebuild = UserWorkspace.Dotnet(s_hello, "build", "-p:MirageTarget=xen-arm", "-v:d");
        Assert.AreEqual(0, rebuild.ExitCode, rebuild.All);
        StringAssert.Contains(rebuild.Output, "Skipping target \"MirageCompileNative\" because all output files are up-to-date");
        StringAssert.Contains(rebuild.Output, "Skipping target \"MirageNativeLink\" because all output files are up-to-date");
        StringAssert.Contains(rebuild.Output, "Skipping target \"MirageMakeImage\" because all output files are up-to-date");
        Assert.AreEqual(before, File.GetLastWriteTimeUtc(image));
    }
}
