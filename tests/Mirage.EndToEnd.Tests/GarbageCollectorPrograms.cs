using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Mirage.EndToEnd.Tests;

/// <summary>
/// The garbage-collector workloads (tests/gc): copied into a test workspace, built for a target
/// and judged against the same program on unix (.NET's own GC). Lines starting with "gc:" are
/// runtime statistics: they are left out of the comparison and checked on their own.
/// </summary>
internal static class GarbageCollectorPrograms
{
    public static string CopyTo(UserWorkspace workspace, string program)
    {
        string source = Path.Combine(UserWorkspace.RepositoryRoot, "tests", "gc", program);
        string target = Path.Combine(workspace.Directory, program);
        Directory.CreateDirectory(target);
        foreach (string file in new[] { program + ".csproj", "Program.cs" })
            File.Copy(Path.Combine(source, file), Path.Combine(target, file), overwrite: true);
        return target;
    }

    /// <summary>Builds <paramref name="project"/> for a unikernel target with the domain's memory and boot arguments baked into its xl config.</summary>
    public static string Build(string project, string target, int memoryMiB, string bootArguments)
    {
        var build = UserWorkspace.Dotnet(project, "build", "-p:MirageTarget=" + target, "-p:MirageMemoryMiB=" + memoryMiB, "-p:MirageBootArguments=" + bootArguments);
        Assert.AreEqual(0, build.ExitCode, build.All);
        return Path.Combine(project, "bin", target, "Debug", "net10.0", Path.GetFileName(project) + ".xen");
    }

    public static string RunOnUnix(string project, string arguments)
    {
        var unix = UserWorkspace.Dotnet(project, "run", "--", arguments);
        Assert.AreEqual(0, unix.ExitCode, unix.All);
        return unix.Output.TrimEnd('\n');
    }

    public static string[] ComparedLines(string output) =>
        output.Split('\n').Where(l => !l.StartsWith("gc:", StringComparison.Ordinal)).ToArray();

    /// <summary>The number after <paramref name="prefix"/> on the "gc:" line that starts with it.</summary>
    public static long Statistic(string output, string prefix)
    {
        string line = output.Split('\n').FirstOrDefault(l => l.StartsWith("gc: " + prefix, StringComparison.Ordinal))
            ?? throw new AssertFailedException($"no \"gc: {prefix}\" line in:\n{output}");
        return long.Parse(Regex.Match(line.Substring(4 + prefix.Length), "-?[0-9]+").Value);
    }

    public static List<long> Samples(string output, string prefix) =>
        output.Split('\n').Where(l => l.StartsWith("gc: " + prefix, StringComparison.Ordinal))
            .Select(l => long.Parse(l.Substring(l.LastIndexOf(' ') + 1))).ToList();

    public static void AssertSameAsUnix(string unix, GuestRun run, string where)
    {
        string[] want = ComparedLines(unix);
        string[] got = ComparedLines(run.Console);
        for (int i = 0; i < Math.Min(want.Length, got.Length); i++)
            if (want[i] != got[i]) Assert.Fail($"line {i + 1} differs:\n unix: {want[i]}\n {where}: {got[i]}\n--- {where} output ---\n{run.Console}{run.Error}");
        Assert.AreEqual(want.Length, got.Length, $"line counts differ\n--- {where} output ---\n{run.Console}{run.Error}");
    }
}
