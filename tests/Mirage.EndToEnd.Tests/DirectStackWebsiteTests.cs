using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Mirage.EndToEnd.Tests;

/// <summary>
/// The website sample built as a user would with the managed stack (<c>-p:NetImplementation=direct</c>)
/// over a TAP network device, run in a network namespace and fetched by Linux's curl: a static
/// address given at boot, an address from dnsmasq over DHCP, and a malformed address refused at boot.
/// Needs root and /dev/net/tun (inconclusive otherwise).
/// </summary>
[TestClass]
public sealed class DirectStackWebsiteTests
{
    private const string HostAddress = "10.78.0.1";
    private const string StackAddress = "10.78.0.2";
    private static string? s_app;
    private static string s_smallDigest = "", s_bigDigest = "";

    [DllImport("libc")]
    private static extern uint geteuid();

    [ClassInitialize]
    public static void BuildWebsiteWithTheDirectStack(TestContext _)
    {
        if (!OperatingSystem.IsLinux() || geteuid() != 0 || !File.Exists("/dev/net/tun")) return;
        var workspace = UserWorkspace.Create("website-direct");
        string project = workspace.CopySample("website");
        // The sample declares the network device eth for the targets whose stack is direct; on unix
        // it is connected only when the stack is chosen too. No address in the project: DHCP by default.
        StringAssert.Contains(File.ReadAllText(Path.Combine(project, "website.csproj")), "Implementation=\"$(NetImplementation)\"",
            "the sample's stack device changed; update this test");
        byte[] small = RandomBytes(1024), big = RandomBytes(10 << 20);
        File.WriteAllBytes(Path.Combine(project, "htdocs", "small.bin"), small);
        File.WriteAllBytes(Path.Combine(project, "htdocs", "big.bin"), big);
        s_smallDigest = Convert.ToHexStringLower(SHA256.HashData(small));
        s_bigDigest = Convert.ToHexStringLower(SHA256.HashData(big));
        var build = UserWorkspace.Dotnet(project, "build", "-p:NetImplementation=direct");
        Assert.AreEqual(0, build.ExitCode, build.All);
        s_app = Path.Combine(project, "bin", "Debug", "net10.0", "website.dll");
    }

    [TestMethod]
    public void ServesItsPagesToLinuxOverTapWithAStaticAddress() => InNamespace((ns, tap) =>
    {
        using Process website = StartWebsite(ns, tap, "--net.ipv4=" + StackAddress + "/24");
        using var stop = new StopAtEnd(website);
        ConfigureHostSide(ns, tap);
        string banner = ReadBanner(website);
        StringAssert.Contains(banner, $"http://{StackAddress}:80/");
        Fetch(ns, $"http://{StackAddress}/small.bin", s_smallDigest);
        Fetch(ns, $"http://{StackAddress}/big.bin", s_bigDigest);
        var ping = Run("ip", "netns", "exec", ns, "ping", "-c", "2", "-i", "0.2", "-W", "2", StackAddress);
        Assert.AreEqual(0, ping.ExitCode, ping.All);
    });

    [TestMethod]
    public void GetsItsAddressFromDnsmasqByDefault() => InNamespace((ns, tap) =>
    {
        if (!File.Exists("/usr/sbin/dnsmasq")) Assert.Inconclusive("dnsmasq is not installed (eng/setup.sh installs dnsmasq-base)");
        using Process website = StartWebsite(ns, tap);
        using var stop = new StopAtEnd(website);
        ConfigureHostSide(ns, tap);
        string leases = Path.Combine(Path.GetTempPath(), ns + ".leases");
        using Process dnsmasq = Process.Start(ProcessRunner.Prepare("ip", new[] { "netns", "exec", ns, "dnsmasq", "--no-daemon", "--conf-file=/dev/null",
            "--port=0", "--user=root", "--bind-interfaces", "--interface=" + tap, "--dhcp-range=10.78.0.50,10.78.0.59,255.255.255.0,2m",
            "--dhcp-leasefile=" + leases, "--pid-file=" }, Path.GetTempPath()))!;
        try
        {
            string banner = ReadBanner(website);
            StringAssert.Contains(banner, "http://10.78.0.5");
            string address = banner.Substring(banner.IndexOf("http://", StringComparison.Ordinal) + 7).Split(':')[0];
            Fetch(ns, $"http://{address}/small.bin", s_smallDigest);
        }
        finally
        {
            dnsmasq.Kill();
            File.Delete(leases);
        }
    });

    [TestMethod]
    public void AMalformedAddressStopsTheBootNamingTheDevice() => InNamespace((ns, tap) =>
    {
        using Process website = StartWebsite(ns, tap, "--net.ipv4=10.78.0.0/24");
        using var stop = new StopAtEnd(website);
        Assert.IsTrue(website.WaitForExit(30_000));
        string error = website.StandardError.ReadToEnd() + website.StandardOutput.ReadToEnd();
        Assert.AreEqual(3, website.ExitCode, error);
        StringAssert.Contains(error, "net");
        StringAssert.Contains(error, "network's own address");
    });

    private static void InNamespace(Action<string, string> test)
    {
        if (!OperatingSystem.IsLinux() || geteuid() != 0 || !File.Exists("/dev/net/tun"))
            Assert.Inconclusive("the direct stack over TAP needs Linux, root and /dev/net/tun");
        Assert.IsNotNull(s_app, "the website was not built");
        string id = (Environment.ProcessId % 100000).ToString() + "w" + Interlocked.Increment(ref s_counter);
        string ns = "mirweb" + id, tap = "wtap" + id;
        var created = Run("ip", "netns", "add", ns);
        Assert.AreEqual(0, created.ExitCode, created.All);
        try
        {
            test(ns, tap);
        }
        finally
        {
            Run("ip", "netns", "del", ns);
        }
    }

    private static int s_counter;

    /// <summary>
    /// Stops the website when a test ends, passed or failed: it serves until told to stop, and
    /// disposing a Process object does not end the process (deleting the namespace neither).
    /// </summary>
    private sealed class StopAtEnd(Process website) : IDisposable
    {
        public void Dispose()
        {
            if (!website.HasExited) website.Kill(true);
            website.WaitForExit(10_000);
        }
    }

    /// <summary>Starts the website inside the namespace; it creates the TAP device there.</summary>
    private static Process StartWebsite(string ns, string tap, params string[] extra)
    {
        var arguments = new System.Collections.Generic.List<string> { "netns", "exec", ns, "dotnet", s_app!, "--eth.tap=" + tap, "--http.port=80", "--net.dhcp-timeout=20" };
        arguments.AddRange(extra);
        return Process.Start(ProcessRunner.Prepare("ip", arguments, Path.GetTempPath()))!;
    }

    /// <summary>Once the application has created its TAP device, gives Linux's end an address and brings it up.</summary>
    private static void ConfigureHostSide(string ns, string tap)
    {
        var clock = Stopwatch.StartNew();
        while (Run("ip", "-n", ns, "link", "show", tap).ExitCode != 0)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60)) Assert.Fail("the website never created its TAP device " + tap);
            Thread.Sleep(100);
        }
        Assert.AreEqual(0, Run("ip", "-n", ns, "addr", "add", HostAddress + "/24", "dev", tap).ExitCode);
        Assert.AreEqual(0, Run("ip", "-n", ns, "link", "set", tap, "up").ExitCode);
    }

    private static string ReadBanner(Process website)
    {
        string? banner = website.StandardOutput.ReadLine();
        if (banner is null || !banner.StartsWith("website: serving", StringComparison.Ordinal))
        {
            if (!website.HasExited) website.Kill(true);
            Assert.Fail($"website did not start: '{banner}' {website.StandardError.ReadToEnd()}");
        }
        return banner!;
    }

    private static void Fetch(string ns, string url, string digest)
    {
        string file = Path.Combine(Path.GetTempPath(), "direct-" + Guid.NewGuid().ToString("N"));
        var curl = Run("ip", "netns", "exec", ns, "curl", "-sS", "--fail", "--max-time", "60", "-o", file, url);
        Assert.AreEqual(0, curl.ExitCode, curl.All);
        Assert.AreEqual(digest, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))), url);
        File.Delete(file);
    }

    private static ProcessResult Run(params string[] command) =>
        ProcessRunner.Run(command[0], command[1..], Path.GetTempPath(), TimeSpan.FromSeconds(90));

    private static byte[] RandomBytes(int length)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);
        return data;
    }
}
