using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Mirage.EndToEnd.Tests;

/// <summary>curl, the real HTTP client the website is checked with (eng/setup.sh installs it).</summary>
internal static class Curl
{
    public static ProcessResult Run(params string[] arguments)
    {
        if (!File.Exists("/usr/bin/curl") && !File.Exists("/usr/local/bin/curl"))
            Assert.Inconclusive("curl is not installed on this machine (eng/setup.sh installs it): skipped, not passed.");
        var all = new List<string> { "--silent", "--show-error", "--max-time", "20" };
        all.AddRange(arguments);
        return ProcessRunner.Run("curl", all, Path.GetTempPath(), TimeSpan.FromSeconds(30));
    }

    /// <summary>GET to a file; returns (status code, body bytes).</summary>
    public static (int Status, byte[] Body) Download(string url, params string[] extra)
    {
        string file = Path.GetTempFileName();
        var arguments = new List<string> { "--output", file, "--write-out", "%{http_code}" };
        arguments.AddRange(extra);
        arguments.Add(url);
        var result = Run(arguments.ToArray());
        Assert.AreEqual(0, result.ExitCode, result.All);
        byte[] body = File.ReadAllBytes(file);
        File.Delete(file);
        return (int.Parse(result.Output.Trim()), body);
    }
}
