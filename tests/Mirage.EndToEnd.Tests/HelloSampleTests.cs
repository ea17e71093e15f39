using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Mirage.EndToEnd.Tests;

[TestClass]
public sealed class HelloSampleTests
{
    private static string s_app = "";

    [ClassInitialize]
    public static void Build(TestContext _)
    {
        var workspace = UserWorkspace.Create("hello");
        string project = workspace.CopySample("hello");
        var build = UserWorkspace.Dotnet(project, "build");
        Assert.AreEqual(0, build.ExitCode, build.All);
        s_app = Path.Combine(project, "bin", "Debug", "net10.0", "hello.dll");
    }

    [TestMethod]
    public void PrintsFourLinesOneSecondApartAndExitsZero()
    {
        var start = ProcessRunner.Prepare("dotnet", new[] { s_app }, Path.GetDirectoryName(s_app)!);
        using var process = Process.Start(start)!;
        var lines = new List<(string Text, TimeSpan At)>();
        var clock = Stopwatch.StartNew();
        while (process.StandardOutput.ReadLine() is { } line) lines.Add((line, clock.Elapsed));
        Assert.IsTrue(process.WaitForExit(TimeSpan.FromSeconds(30)));
        Assert.AreEqual(0, process.ExitCode, process.StandardError.ReadToEnd());
        Assert.HasCount(4, lines);
        for (int i = 0; i < 4; i++) Assert.AreEqual($"hello from Mirage.NET ({i + 1}/4)", lines[i].Text);
        for (int i = 1; i < 4; i++)
        {
            var gap = lines[i].At - lines[i - 1].At;
            Assert.IsTrue(gap >= TimeSpan.FromMilliseconds(900) && gap < TimeSpan.FromSeconds(3), $"line {i + 1} came {gap.TotalMilliseconds} ms after the previous one");
        }
    }

    [TestMethod]
    public void HelpListsUsageAndExitsZero()
    {
        var run = UserWorkspace.Dotnet(Path.GetDirectoryName(s_app)!, s_app, "--help");
        Assert.AreEqual(0, run.ExitCode);
        StringAssert.StartsWith(run.Output, "Usage: hello [--<device>.<parameter>=<value>]...");
    }

    [TestMethod]
    public void UnknownBootArgumentStopsWithExitCodeTwo()
    {
        var run = UserWorkspace.Dotnet(Path.GetDirectoryName(s_app)!, s_app, "--time.speed=2");
        Assert.AreEqual(2, run.ExitCode);
        Assert.AreEqual("", run.Output, "nothing may run after a bad argument");
        StringAssert.Contains(run.Error, "'--time.speed=2'");
    }
}
