using System;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Mirage.EndToEnd.Tests;

/// <summary>
/// The Linux baseline of the website's Xen benchmark (eng/bench/website-xen.sh with the domU of
/// eng/xen/linux-domu.py) keeps working: in the real-Xen harness, Debian's kernel with nginx boots
/// as a domU, its first answer to dom0 is samples/website/htdocs/index.html byte for byte, wrk
/// from dom0 gets answers without errors, and `xl shutdown` powers it off cleanly. One boot and a
/// 2-second wrk run: a check that the comparison does not rot, not a measurement.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class LinuxDomUBaselineTests
{
    [TestMethod]
    public void LinuxDomUWithNginxBootsServesTheSiteToDom0AndShutsDownCleanly()
    {
        XenMachines.RequireXenHarness();
        string work = Path.Combine(Path.GetTempPath(), "mirage-e2e", "linux-domu-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var run = ProcessRunner.Run("bash", new[]
            {
                Path.Combine(UserWorkspace.RepositoryRoot, "eng", "bench", "website-xen.sh"),
                "--only", "linux", "--runs", "1", "--duration", "2", "--keep", work,
            }, UserWorkspace.RepositoryRoot, TimeSpan.FromMinutes(10));
            Assert.AreEqual(0, run.ExitCode, "the benchmark script failed:\n" + run.All);

            // The script records a row only after the first response matched index.html byte for byte.
            var row = Regex.Match(run.Output, @"^\| Linux domU [^|]*\| 1 \| ([0-9.]+) \| ([0-9.]+) \| (\S+) \| ([0-9]+) \+ ([0-9]+) \| (\w+) \| ([^|]+) \|$", RegexOptions.Multiline);
            Assert.IsTrue(row.Success, "no result row for the Linux domU:\n" + run.All);
            double boot = double.Parse(row.Groups[1].Value, CultureInfo.InvariantCulture);
            double requestsPerSecond = double.Parse(row.Groups[2].Value, CultureInfo.InvariantCulture);
            Assert.IsGreaterThan(0.0, boot, "xl create -> first response:\n" + run.Output);
            Assert.IsGreaterThan(0.0, requestsPerSecond, "wrk's requests/s:\n" + run.Output);
            Assert.IsGreaterThan(0, int.Parse(row.Groups[4].Value, CultureInfo.InvariantCulture) + int.Parse(row.Groups[5].Value, CultureInfo.InvariantCulture),
                "Xen charged no CPU time to the guest and dom0 during wrk:\n" + run.Output);
            Assert.AreEqual("none", row.Groups[7].Value.Trim(), "wrk saw socket errors or non-2xx answers:\n" + run.Output);
            Assert.AreEqual("yes", row.Groups[6].Value, "xl shutdown did not power the domU off:\n" + run.All);
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
    }
}
