using System;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Mirage.EndToEnd.Tests;

/// <summary>
/// The exception programs: tests/exceptions (the suite of every handling form, whose output must
/// be the same on every target) and tests/exceptions-unhandled (an exception nobody catches).
/// Copied into a test workspace; their unix-target runs (real .NET) are computed once per test run.
/// </summary>
internal static class ExceptionPrograms
{
    private static readonly Lazy<string> s_suiteOnUnix = new(() =>
    {
        string project = CopySuite(UserWorkspace.Create("exceptions-unix"));
        var unix = UserWorkspace.Dotnet(project, "run");
        Assert.AreEqual(0, unix.ExitCode, unix.All);
        return unix.Output.TrimEnd('\n');
    });

    private static readonly Lazy<ProcessResult> s_unhandledOnUnix = new(() =>
        UserWorkspace.Dotnet(CopyUnhandled(UserWorkspace.Create("unhandled-unix")), "run"));

    /// <summary>What the suite prints on unix (trailing newlines trimmed).</summary>
    public static string SuiteOnUnix => s_suiteOnUnix.Value;

    /// <summary>The unhandled-exception program's run on unix: .NET's report on stderr, exit code 134 (SIGABRT).</summary>
    public static ProcessResult UnhandledOnUnix => s_unhandledOnUnix.Value;

    public static string CopySuite(UserWorkspace workspace) => Copy(workspace, "exceptions", "Exceptions", "Exceptions.csproj");

    public static string CopyUnhandled(UserWorkspace workspace) => Copy(workspace, "exceptions-unhandled", "Crash", "Crash.csproj");

    private static string Copy(UserWorkspace workspace, string folder, string name, string projectFile)
    {
        string source = Path.Combine(UserWorkspace.RepositoryRoot, "tests", folder);
        string target = Path.Combine(workspace.Directory, name);
        Directory.CreateDirectory(target);
        foreach (string file in new[] { projectFile, "Program.cs" })
            File.Copy(Path.Combine(source, file), Path.Combine(target, file), overwrite: true);
        return target;
    }

    /// <summary>Fails naming the first line where a unikernel's output differs from the suite's on unix.</summary>
    public static void AssertSameOutputAsUnix(string actual, string target)
    {
        string[] want = SuiteOnUnix.Split('\n');
        string[] got = actual.Split('\n');
        for (int i = 0; i < Math.Min(want.Length, got.Length); i++)
            if (want[i] != got[i]) Assert.Fail($"line {i + 1} differs:\n unix: {want[i]}\n {target}: {got[i]}\n--- {target} output ---\n{actual}");
        Assert.AreEqual(want.Length, got.Length, $"line counts differ\n--- {target} output ---\n{actual}");
    }

    /// <summary>
    /// The unhandled-exception program on a unikernel target prints what .NET prints on unix:
    /// its own line, the report's first line (type and message), one "   at" line per method from
    /// the throwing one to Main (.NET's lines without the parameter list and source location),
    /// then the output of the finally block .NET runs after the report.
    /// </summary>
    public static void AssertUnhandledReportLikeUnix(string console, string target)
    {
        var unix = UnhandledOnUnix;
        Assert.AreEqual(134, unix.ExitCode, "unix: .NET aborts on an unhandled exception\n" + unix.All);
        var unixReport = unix.Error.Split('\n').Where(l => l.Length > 0).ToList();
        StringAssert.StartsWith(unixReport[0], "Unhandled exception. Crash.ConfigurationError: no value for 'port' in app.conf", unix.All);
        var expected = new[] { "loading settings", unixReport[0] }
            .Concat(unixReport.Skip(1).Select(l => l.Substring(0, l.IndexOf('('))))
            .Append("closing app.conf")
            .ToList();
        CollectionAssert.AreEqual(new[] { "   at Crash.Settings.Parse", "   at Crash.Settings.Load", "   at Crash.Program.Main" }, expected.Skip(2).Take(3).ToList(), "unix's own trace:\n" + unix.All);
        var lines = console.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        CollectionAssert.AreEqual(expected, lines, $"{target} console:\n{console}\nunix:\n{unix.All}");
    }
}
