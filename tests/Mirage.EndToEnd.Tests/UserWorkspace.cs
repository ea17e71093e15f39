using System;
using System.IO;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Mirage.EndToEnd.Tests;

/// <summary>
/// A directory outside the repository set up as a user's would be: a NuGet.config naming the
/// local feed and a global.json pinning Mirage.Sdk — nothing else from the repository applies.
/// </summary>
internal sealed class UserWorkspace
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Feed => Path.Combine(RepositoryRoot, "artifacts", "feed");

    public string Directory { get; }

    private UserWorkspace(string directory) => Directory = directory;

    public static UserWorkspace Create(string name, string? extraFeed = null)
    {
        if (!File.Exists(Path.Combine(Feed, "Mirage.Sdk.0.1.0.nupkg")))
            Assert.Fail($"The local feed {Feed} has no Mirage.Sdk package: run ./build.sh pack (./build.sh test does) first.");
        string directory = Path.Combine(Path.GetTempPath(), "mirage-e2e", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(directory);
        // Share the repository's package cache (pack.sh clears the Mirage.* entries on every pack) to avoid re-downloading.
        string packages = Path.Combine(RepositoryRoot, "artifacts", "packages");
        File.WriteAllText(Path.Combine(directory, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{packages}" /></config>
              <packageSources>
                <clear />
                <add key="mirage-local" value="{Feed}" />{(extraFeed is null ? "" : $"\n    <add key=\"extra\" value=\"{extraFeed}\" />")}
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        string repoGlobalJson = File.ReadAllText(Path.Combine(RepositoryRoot, "global.json"));
        string version = Regex.Match(repoGlobalJson, "\"Mirage.Sdk\"\\s*:\\s*\"([^\"]+)\"").Groups[1].Value;
        File.WriteAllText(Path.Combine(directory, "global.json"), $$"""{ "msbuild-sdks": { "Mirage.Sdk": "{{version}}" } }""");
        return new UserWorkspace(directory);
    }

    /// <summary>Copies a sample (its sources, not its bin/obj) into the workspace.</summary>
    public string CopySample(string sample)
    {
        string source = Path.Combine(RepositoryRoot, "samples", sample);
        string target = Path.Combine(Directory, sample);
        foreach (string file in System.IO.Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("bin" + Path.DirectorySeparatorChar) || relative.StartsWith("obj" + Path.DirectorySeparatorChar)) continue;
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative));
        }
        return target;
    }

    public string WriteProject(string name, string projectXml, params (string File, string Content)[] sources)
    {
        string project = Path.Combine(Directory, name);
        System.IO.Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, name + ".csproj"), projectXml);
        foreach (var (file, content) in sources) File.WriteAllText(Path.Combine(project, file), content);
        return project;
    }

    public static ProcessResult Dotnet(string workingDirectory, params string[] arguments) =>
        ProcessRunner.Run("dotnet", arguments, workingDirectory, TimeSpan.FromMinutes(5));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Mirage.sln"))) return dir.FullName;
        throw new InvalidOperationException("Mirage.sln not found above " + AppContext.BaseDirectory);
    }
}
