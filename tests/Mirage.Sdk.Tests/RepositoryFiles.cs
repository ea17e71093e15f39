using System;
using System.IO;

namespace Mirage.Sdk.Tests;

/// <summary>Paths in the repository the tests read: the real catalog files and the golden files.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    /// <summary>Golden files live in the source tree so that MIRAGE_UPDATE_GOLDEN=1 can rewrite them.</summary>
    public static string Golden(string name) => Path(System.IO.Path.Combine("tests", "Mirage.Sdk.Tests", "Golden", name));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Mirage.sln"))) return dir.FullName;
        throw new InvalidOperationException("Mirage.sln not found above " + AppContext.BaseDirectory);
    }
}
