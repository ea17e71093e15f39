using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Mirage.EndToEnd.Tests;

/// <summary>
/// Exceptions on the unikernel targets (docs/exceptions.md): the exception suite (tests/exceptions)
/// prints exactly what it prints on unix, on the xen fast path (QEMU x86), the xen-arm fast path
/// (QEMU virt) and real Xen on both; an unhandled exception (tests/exceptions-unhandled) prints the
/// type, message and a symbolized trace and ends with the crash code; a CPU fault outside managed
/// code is still a fault report, not an exception.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ExceptionTests
{
    private static UserWorkspace s_workspace = null!;
    private static string s_suite = "";
    private static string s_unhandled = "";

    [ClassInitialize]
    public static void Build(TestContext _)
    {
        s_workspace = UserWorkspace.Create("exceptions");
        s_suite = ExceptionPrograms.CopySuite(s_workspace);
        s_unhandled = ExceptionPrograms.CopyUnhandled(s_workspace);
        foreach (string project in new[] { s_suite, s_unhandled })
            foreach (string target in new[] { "xen", "xen-arm" })
            {
                var build = UserWorkspace.Dotnet(project, "build", "-p:MirageTarget=" + target);
                Assert.AreEqual(0, build.ExitCode, build.All);
            }
    }

    private static string Image(string project, string target) =>
        Path.Combine(project, "bin", target, "Debug", "net10.0", Path.GetFileName(project) + ".xen");

    [TestMethod]
    public void SuiteOnXenFastPathMatchesUnix()
    {
        var run = XenMachines.RunOnQemu(Image(s_suite, "xen"));
        Assert.AreEqual(0, run.ExitCode, run.Console + run.Error);
        ExceptionPrograms.AssertSameOutputAsUnix(run.Console, "xen on QEMU");
    }

    [TestMethod]
    public void SuiteOnXenArmFastPathMatchesUnix()
    {
        var run = XenMachines.RunOnQemuArm(Image(s_suite, "xen-arm"), "virt");
        Assert.AreEqual(0, run.ExitCode, run.Console + run.Error);
        ExceptionPrograms.AssertSameOutputAsUnix(run.Console, "xen-arm on QEMU virt");
    }

    [TestMethod]
    public void SuiteOnRealXenMatchesUnix()
    {
        string image = Image(s_suite, "xen");
        var run = XenMachines.RunOnXen(image, Path.ChangeExtension(image, ".xl"));
        Assert.AreEqual(0, run.ExitCode, run.Console + run.Error);
        ExceptionPrograms.AssertSameOutputAsUnix(run.Console, "xen on real Xen");
    }

    [TestMethod]
    public void SuiteOnRealXenArmMatchesUnix()
    {
        XenMachines.RequireQemuArm();
        string image = Image(s_suite, "xen-arm");
        var run = XenMachines.RunOnXen(image, Path.ChangeExtension(image, ".xl"));
        Assert.AreEqual(0, run.ExitCode, run.Console + run.Error);
        ExceptionPrograms.AssertSameOutputAsUnix(run.Console, "xen-arm on real Xen");
    }

    [TestMethod]
    public void UnhandledOnXenFastPathPrintsTheTraceAndCrashes()
    {
        var run = XenMachines.RunOnQemu(Image(s_unhandled, "xen"));
        // isa-debug-exit carries 7 bits: the platform clamps the crash code 134 to 127 there.
        Assert.AreEqual(127, run.ExitCode, run.Console + run.Error);
        ExceptionPrograms.AssertUnhandledReportLikeUnix(run.Console, "xen on QEMU");
    }

    [TestMethod]
    public void UnhandledOnXenArmFastPathPrintsTheTraceAndExitsWithTheCrashCode()
    {
        var run = XenMachines.RunOnQemuArm(Image(s_unhandled, "xen-arm"), "virt");
        Assert.AreEqual(134, run.ExitCode, run.Console + run.Error);
        ExceptionPrograms.AssertUnhandledReportLikeUnix(run.Console, "xen-arm on QEMU virt");
    }

    [TestMethod]
    public void UnhandledOnRealXenPrintsTheTraceAndCrashesTheDomain()
    {
        string image = Image(s_unhandled, "xen");
        var run = XenMachines.RunOnXen(image, Path.ChangeExtension(image, ".xl"));
        Assert.AreEqual(1, run.ExitCode, "the harness reports a crashed domain as 1:\n" + run.Console + run.Error);
        ExceptionPrograms.AssertUnhandledReportLikeUnix(run.Console, "xen on real Xen");
    }

    [TestMethod]
    public void UnhandledOnRealXenArmPrintsTheTraceAndCrashesTheDomain()
    {
        XenMachines.RequireQemuArm();
        string image = Image(s_unhandled, "xen-arm");
        var run = XenMachines.RunOnXen(image, Path.ChangeExtension(image, ".xl"));
        Assert.AreEqual(1, run.ExitCode, "the harness reports a crashed domain as 1:\n" + run.Console + run.Error);
        ExceptionPrograms.AssertUnhandledReportLikeUnix(run.Console, "xen-arm on real Xen");
    }

    [TestMethod]
    [DataRow("xen")]
    [DataRow("xen-arm")]
    public void AJumpOutsideCodeIsAFaultReportNotAnException(string target)
    {
        string project = s_workspace.WriteProject("JumpsToSixteen" + target.Replace("-", ""), """
            <Project Sdk="Mirage.Sdk">
              <PropertyGroup><AllowUnsafeBlocks>true</AllowUnsafeBlocks></PropertyGroup>
            </Project>
            """, ("Program.cs", """
            namespace JumpsToSixteen;
            public static unsafe class Program
            {
                public static int Main()
                {
                    System.Console.WriteLine("about to call address 16");
                    try { ((delegate*<void>)16)(); }
                    catch (System.Exception) { System.Console.WriteLine("wrong: caught"); }
                    return 0;
                }
            }
            """));
        var build = UserWorkspace.Dotnet(project, "build", "-p:MirageTarget=" + target);
        Assert.AreEqual(0, build.ExitCode, build.All);
        string image = Path.Combine(project, "bin", target, "Debug", "net10.0", "JumpsToSixteen" + target.Replace("-", "") + ".xen");
        var run = target == "xen" ? XenMachines.RunOnQemu(image) : XenMachines.RunOnQemuArm(image, "virt");
        Assert.AreEqual(target == "xen" ? 127 : 134, run.ExitCode, run.Console + run.Error);
        StringAssert.Contains(run.Console, "about to call address 16");
        StringAssert.Contains(run.Console, target == "xen" ? "fatal: CPU exception page fault" : "fatal: CPU exception: prefetch abort");
        Assert.IsFalse(run.Console.Contains("caught"), run.Console);
    }
}
