using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Mirage.Sdk.Tests;

/// <summary>
/// Compares generated text with a golden file in Golden/. Set MIRAGE_UPDATE_GOLDEN=1 to rewrite the
/// golden files after an intended change, then review the diff like any code change.
/// </summary>
internal static class GoldenFile
{
    public static void AssertMatches(string name, string actual)
    {
        string path = RepositoryFiles.Golden(name);
        if (Environment.GetEnvironmentVariable("MIRAGE_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.IsTrue(File.Exists(path), $"golden file {path} is missing; run with MIRAGE_UPDATE_GOLDEN=1 to create it");
        Assert.AreEqual(File.ReadAllText(path), actual, $"generated text differs from {path}");
    }
}
