using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Mirage.EndToEnd.Tests;

/// <summary>
/// The runtime conformance program (tests/conformance): copied into a test workspace, built for a
/// unikernel target, and judged against its own output on the unix target (real .NET), which is
/// computed once per test run.
/// </summary>
internal static class ConformanceProgram
{
    private static readonly Lazy<string> s_unixOutput = new(RunOnUnix);

    /// <summary>What the program prints on unix (trailing newlines trimmed).</summary>
    public static string UnixOutput => s_unixOutput.Value;

    public static string CopyTo(UserWorkspace workspace)
    {
        string source = Path.Combine(UserWorkspace.RepositoryRoot, "tests", "conformance");
        string target = Path.Combine(workspace.Directory, "Conformance");
        Directory.CreateDirectory(target);
        foreach (string file in new[] { "Conformance.csproj", "Program.cs" })
            File.Copy(Path.Combine(source, file), Path.Combine(target, file), overwrite: true);
        return target;
    }

    private static string RunOnUnix()
    {
        string project = CopyTo(UserWorkspace.Create("conformance-unix"));
        var unix = UserWorkspace.Dotnet(project, "run");
        Assert.AreEqual(0, unix.ExitCode, unix.All);
        return unix.Output.TrimEnd('\n');
    }

    /// <summary>Fails naming the first line where a unikernel's output differs from unix.</summary>
    public static void AssertSameOutput(string actual, string target)
    {
        string[] want = UnixOutput.Split('\n');
        string[] got = actual.Split('\n');
        for (int i = 0; i < Math.Min(want.Length, got.Length); i++)
            if (want[i] != got[i]) Assert.Fail($"line {i + 1} differs:\n unix: {want[i]}\n {target}: {got[i]}\n--- {target} output ---\n{actual}");
        Assert.AreEqual(want.Length, got.Length, $"line counts differ\n--- {target} output ---\n{actual}");
    }
}
