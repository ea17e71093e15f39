using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Net.Tests.Infrastructure;

namespace Mirage.Net.Tests.Interop;

/// <summary>
/// The managed stack against Linux's own stack, over a real TAP device into a network namespace:
/// ping (fragmented too), curl downloads and an upload with checksums, 100 concurrent connections,
/// UDP both ways, DHCP from dnsmasq, and the TCP transfers again on an impaired link.
/// Needs root and /dev/net/tun; otherwise every test here is inconclusive.
/// </summary>
[TestClass]
public sealed class LinuxInteropTests
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(30);
    private static string s_htdocs = null!;
    private static string s_smallDigest = null!, s_bigDigest = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static void CreatePages(TestContext _)
    {
        s_htdocs = Path.Combine(Path.GetTempPath(), "mirage-net-interop-" + Environment.ProcessId);
        Directory.CreateDirectory(s_htdocs);
        byte[] small = Lab.Pattern(1024, 1), big = Lab.Pattern(10 << 20, 2);
        File.WriteAllBytes(Path.Combine(s_htdocs, "small.bin"), small);
        File.WriteAllBytes(Path.Combine(s_htdocs, "big.bin"), big);
        File.WriteAllText(Path.Combine(s_htdocs, "index.html"), "<html><body>managed stack</body></html>");
        s_smallDigest = Convert.ToHexStringLower(SHA256.HashData(small));
        s_bigDigest = Convert.ToHexStringLower(SHA256.HashData(big));
    }

    [ClassCleanup]
    public static void RemovePages()
    {
        if (s_htdocs is not null && Directory.Exists(s_htdocs)) Directory.Delete(s_htdocs, recursive: true);
    }

    [TestMethod]
    public void LinuxPingsTheStackWithSmallAndFragmentedPackets() => WithStack(null, (ns, server, host) =>
    {
        ProcessOutcome small = ns.Exec(Short, "ping", "-c", "5", "-i", "0.2", "-W", "2", LinuxNamespace.StackAddress);
        Assert.AreEqual(0, small.ExitCode, small.ToString());
        StringAssert.Contains(small.StandardOutput, "5 received");
        // 4000 bytes of data: Linux fragments the request, the stack reassembles it and fragments its reply.
        ProcessOutcome large = ns.Exec(Short, "ping", "-c", "3", "-i", "0.2", "-W", "2", "-s", "4000", "-M", "dont", LinuxNamespace.StackAddress);
        Assert.AreEqual(0, large.ExitCode, large.ToString());
        StringAssert.Contains(large.StandardOutput, "4008 bytes from");
        StringAssert.Contains(large.StandardOutput, "3 received");
        long reassembled = host.Run(() => System.Threading.Tasks.Task.FromResult(server.Stack.Statistics.Ipv4.Reassembled), Short);
        Assert.AreEqual(3, reassembled);
    });

    /// <summary>
    /// With the TAP's offload on (its default): the stack hands Linux 64 KiB segments that the kernel
    /// cuts at the MSS, and takes Linux's merged segments whole; the data arrives byte for byte.
    /// </summary>
    [TestMethod]
    public void CurlDownloadsSmallAndLargePagesAndUploadsWithMatchingChecksums() => WithStack(null, (ns, server, host) =>
    {
        Transfers(ns, TimeSpan.FromSeconds(120));
        OffloadCounters counters = Counters(server, host);
        TestContext.WriteLine(counters.ToString());
        Assert.IsTrue(counters.LargeSegmentsSent > 0, "the download went out in segments the kernel cut");
        Assert.IsTrue(counters.LargeFramesReceived > 0, "the upload came in merged segments");
        Assert.AreEqual(0, counters.Malformed, "virtio headers refused by the device");
        Assert.AreEqual(0, counters.Oversized, "frames the stack found too large");
    });

    /// <summary>The same transfers with the TAP's offload off: plain frames of at most 1514 bytes both ways.</summary>
    [TestMethod]
    public void TransfersMatchWithOffloadOff() => WithStack(false, null, null, (ns, server, host) =>
    {
        Transfers(ns, TimeSpan.FromSeconds(120));
        OffloadCounters counters = Counters(server, host);
        TestContext.WriteLine(counters.ToString());
        Assert.AreEqual(0, counters.LargeSegmentsSent);
        Assert.AreEqual(0, counters.LargeFramesReceived);
        Assert.AreEqual(0, counters.Oversized);
    }, offload: false);

    private sealed record OffloadCounters(long LargeSegmentsSent, long LargeFramesReceived, long Malformed, long Oversized);

    private static OffloadCounters Counters(InteropServer server, StackHost host) => host.Run(() => System.Threading.Tasks.Task.FromResult(
        new OffloadCounters(server.Stack.Statistics.Tcp.LargeSegmentsSent, server.Stack.Statistics.Ethernet.LargeFramesReceived,
            server.Tap.Statistics.FramesMalformed, server.Stack.Statistics.Ethernet.Oversized)), Short);

    [TestMethod]
    public void AHundredConcurrentConnectionsAreServed() => WithStack(null, (ns, server, host) =>
        HundredConnections(ns, server, host, TimeSpan.FromSeconds(60)));

    [TestMethod]
    public void UdpWorksBothWays() => WithStack(null, (ns, server, host) =>
    {
        // Linux client → stack echo, sizes up to a fragmented 8000-byte datagram.
        ProcessOutcome client = ns.Exec(Short, "python3", "-c", PythonUdpClient, LinuxNamespace.StackAddress, InteropServer.UdpEchoPort.ToString());
        Assert.AreEqual(0, client.ExitCode, client.ToString());
        Assert.AreEqual("1 1000 1472 4000 8000", client.StandardOutput.Trim());

        // Stack client → Linux echo server.
        using Process echo = ns.Start("python3", "-c", PythonUdpEcho, LinuxNamespace.HostAddress, "9000");
        // Datagrams sent before the socket is bound are lost (port unreachable): wait for its word.
        var ready = echo.StandardOutput.ReadLineAsync();
        if (!ready.Wait(TimeSpan.FromSeconds(30)) || ready.Result != "ready")
        {
            echo.Kill();
            Assert.Fail("the Linux UDP echo server did not start: " + echo.StandardError.ReadToEnd());
        }
        string result = host.Run(async () =>
        {
            var socket = (await server.Stack.Udp.BindAsync(0)).Value;
            var destination = new Mirage.Devices.Ipv4Endpoint(Mirage.Devices.Ipv4Address.Parse(LinuxNamespace.HostAddress), 9000);
            var sizes = new System.Collections.Generic.List<int>();
            foreach (int size in new[] { 1, 1400, 3000 })
            {
                byte[] datagram = Lab.Pattern(size, size);
                await socket.SendAsync(destination, datagram);
                var buffer = new byte[4000];
                using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(5));
                var received = await socket.ReceiveAsync(buffer, timeout.Token);
                if (received.IsOk && received.Value.Count == size && buffer.AsSpan(0, size).SequenceEqual(datagram)) sizes.Add(size);
            }
            return string.Join(" ", sizes);
        }, Short);
        echo.Kill();
        Assert.AreEqual("1 1400 3000", result);
    });

    [TestMethod]
    public void DnsmasqGivesTheStackItsAddress()
    {
        if (HostProcess.Which("dnsmasq") is null && HostProcess.WhyLinuxInteropIsUnavailable() is null)
            Assert.Inconclusive("dnsmasq is not installed (eng/setup.sh installs dnsmasq-base)");
        WithStack(dhcp: true, inbound: null, outbound: null, (ns, server, host) =>
        {
            string address = host.Run(() => System.Threading.Tasks.Task.FromResult(server.Stack.Addresses[0].ToString() + " via " + server.Stack.Gateway), Short);
            TestContext.WriteLine("lease: " + address);
            StringAssert.StartsWith(address, "10.77.0.5");
            StringAssert.Contains(address, "/24 via 10.77.0.1");
            string leased = address.Split('/')[0];
            ProcessOutcome ping = ns.Exec(Short, "ping", "-c", "2", "-i", "0.2", "-W", "2", leased);
            Assert.AreEqual(0, ping.ExitCode, ping.ToString());
            ProcessOutcome curl = ns.Exec(Short, "curl", "-sS", "--max-time", "20", $"http://{leased}/small.bin", "-o", "-");
            Assert.AreEqual(0, curl.ExitCode, curl.ToString());
            long acks = host.Run(() => System.Threading.Tasks.Task.FromResult(server.Stack.Statistics.Dhcp.Acks), Short);
            Assert.AreEqual(1, acks);
        });
    }

    /// <summary>
    /// The same transfers under the kernel's own <c>tc netem</c> (loss 5%, duplication 1%, 50 ms
    /// delay, 25% reordering) on Linux's side of the TAP link. Kernels built without sch_netem
    /// (this machine's) refuse the qdisc: the test then says so and is skipped, and the user-space
    /// impairment test below covers the behaviour.
    /// </summary>
    [TestMethod]
    public void TransfersCompleteUnderTcNetem() => WithStack(null, (ns, server, host) =>
    {
        ProcessOutcome qdisc = ns.Exec(Short, "tc", "qdisc", "add", "dev", ns.Tap, "root", "netem",
            "loss", "5%", "duplicate", "1%", "delay", "50ms", "reorder", "25%");
        if (qdisc.ExitCode != 0)
            Assert.Inconclusive("tc netem is not available in this kernel (" + qdisc.StandardError.Trim() + "): the netem transfers cannot run here; TransfersCompleteOnALinkWithLossReorderingDuplicationAndDelay impairs the link in user space instead.");
        Transfers(ns, TimeSpan.FromSeconds(420));
        var stats = host.Run(() => System.Threading.Tasks.Task.FromResult(server.Stack.Statistics.Tcp), Short);
        TestContext.WriteLine($"retransmissions {stats.Retransmissions}, fast {stats.FastRetransmits}, out of order {stats.OutOfOrderSegments}");
        Assert.IsTrue(stats.OutOfOrderSegments > 0, "netem's reordering reached the stack");
    });

    /// <summary>
    /// netem's "loss 5% duplicate 1% delay 50ms reorder 25%" on what Linux sends (as a netem qdisc on
    /// its TAP interface would do), and 5% loss on what the stack sends too, so that both ends' loss
    /// recovery is exercised against the other's.
    /// </summary>
    [TestMethod]
    public void TransfersCompleteOnALinkWithLossReorderingDuplicationAndDelay() =>
        WithStack(false, new Impairment(Loss: 0.05, Duplicate: 0.01, Delay: TimeSpan.FromMilliseconds(50), Reorder: 0.25), new Impairment(Loss: 0.05), (ns, server, host) =>
        {
            ProcessOutcome ping = ns.Exec(TimeSpan.FromSeconds(60), "ping", "-c", "20", "-i", "0.2", "-W", "2", LinuxNamespace.StackAddress);
            TestContext.WriteLine(ping.StandardOutput.Split('\n').LastOrDefault(l => l.Contains("received")));
            Assert.IsTrue(ping.StandardOutput.Contains(" received"), ping.ToString());
            var clock = Stopwatch.StartNew();
            Transfers(ns, TimeSpan.FromSeconds(420));
            TestContext.WriteLine($"transfers on the impaired link: {clock.Elapsed.TotalSeconds:F1} s");
            HundredConnections(ns, server, host, TimeSpan.FromSeconds(120));
            var stats = host.Run(() => System.Threading.Tasks.Task.FromResult(server.Stack.Statistics.Tcp), Short);
            TestContext.WriteLine($"retransmissions {stats.Retransmissions}, fast {stats.FastRetransmits}, timeouts {stats.RetransmissionTimeouts}, out of order {stats.OutOfOrderSegments}");
            Assert.IsTrue(stats.Retransmissions > 0);
        });

    private void Transfers(LinuxNamespace ns, TimeSpan timeout)
    {
        string url = $"http://{LinuxNamespace.StackAddress}";
        Assert.AreEqual(s_smallDigest, Fetch(ns, url + "/small.bin", timeout), "1 KiB page");
        var clock = Stopwatch.StartNew();
        Assert.AreEqual(s_bigDigest, Fetch(ns, url + "/big.bin", timeout), "10 MiB page");
        TestContext.WriteLine($"10 MiB download: {clock.Elapsed.TotalSeconds:F2} s");

        string upload = Path.Combine(s_htdocs, "upload-" + Guid.NewGuid().ToString("N"));
        byte[] body = Lab.Pattern(5 << 20, 3);
        File.WriteAllBytes(upload, body);
        clock.Restart();
        ProcessOutcome posted = ns.Exec(timeout, "curl", "-sS", "--max-time", ((int)timeout.TotalSeconds).ToString(), "-H", "Expect:",
            "--data-binary", "@" + upload, url + "/upload");
        File.Delete(upload);
        Assert.AreEqual(0, posted.ExitCode, posted.ToString());
        Assert.AreEqual(Convert.ToHexStringLower(SHA256.HashData(body)), posted.StandardOutput.Trim(), "5 MiB upload");
        TestContext.WriteLine($"5 MiB upload: {clock.Elapsed.TotalSeconds:F2} s");
    }

    private static string Fetch(LinuxNamespace ns, string url, TimeSpan timeout)
    {
        string file = Path.Combine(s_htdocs, "fetched-" + Guid.NewGuid().ToString("N"));
        ProcessOutcome curl = ns.Exec(timeout, "curl", "-sS", "--fail", "--max-time", ((int)timeout.TotalSeconds).ToString(), "-o", file, url);
        Assert.AreEqual(0, curl.ExitCode, curl.ToString());
        string digest = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
        File.Delete(file);
        return digest;
    }

    private void HundredConnections(LinuxNamespace ns, InteropServer server, StackHost host, TimeSpan timeout)
    {
        long opensBefore = host.Run(() => System.Threading.Tasks.Task.FromResult(server.Stack.Statistics.Tcp.PassiveOpens), Short);
        ProcessOutcome clients = ns.Exec(timeout, "python3", "-c", PythonConcurrentClients, LinuxNamespace.StackAddress, "100", ((int)timeout.TotalSeconds).ToString());
        Assert.AreEqual(0, clients.ExitCode, clients.ToString());
        string[] lines = clients.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.AreEqual(100, lines.Length, clients.ToString());
        foreach (string line in lines) Assert.AreEqual("HTTP/1.1 200 OK " + s_smallDigest, line);
        long opens = host.Run(() => System.Threading.Tasks.Task.FromResult(server.Stack.Statistics.Tcp.PassiveOpens), Short) - opensBefore;
        Assert.AreEqual(100, opens, "one connection each, all open at once");
    }

    private void WithStack(Impairment? impairment, Action<LinuxNamespace, InteropServer, StackHost> test) => WithStack(false, impairment, null, test);

    private void WithStack(bool dhcp, Impairment? inbound, Impairment? outbound, Action<LinuxNamespace, InteropServer, StackHost> test, bool offload = true)
    {
        using LinuxNamespace ns = LinuxNamespace.Create();
        using var host = new StackHost();
        InteropServer server = host.Run(() => InteropServer.AttachAsync(ns.Tap, inbound, outbound, offload), Short);
        ns.MoveTapIn();
        Process? dnsmasq = null;
        string leases = Path.Combine(Path.GetTempPath(), ns.Name + ".leases");
        try
        {
            if (dhcp)
            {
                dnsmasq = ns.Start("dnsmasq", "--no-daemon", "--conf-file=/dev/null", "--port=0", "--user=root", "--bind-interfaces",
                    "--interface=" + ns.Tap, "--dhcp-range=10.77.0.50,10.77.0.59,255.255.255.0,2m", "--dhcp-option=3,10.77.0.1",
                    "--dhcp-leasefile=" + leases, "--pid-file=", "--log-dhcp");
                System.Threading.Thread.Sleep(300);
            }
            string? failed = host.Run(() => server.StartAsync(dhcp ? null : LinuxNamespace.StackAddress + "/24", s_htdocs), TimeSpan.FromSeconds(40));
            if (failed is not null)
            {
                string log = "";
                if (dnsmasq is not null)
                {
                    dnsmasq.Kill();
                    log = "\ndnsmasq: " + dnsmasq.StandardError.ReadToEnd();
                }
                Assert.Fail("the stack did not start: " + failed + log);
            }
            test(ns, server, host);
            long errors = host.Run(() => System.Threading.Tasks.Task.FromResult(server.Stack.Statistics.InternalErrors), Short);
            Assert.AreEqual(0, errors, "internal errors in the stack");
        }
        finally
        {
            if (dnsmasq is not null && !dnsmasq.HasExited) dnsmasq.Kill();
            dnsmasq?.Dispose();
            File.Delete(leases);
            host.Run(async () => { server.Stack?.Stop(); await server.Tap.DisposeAsync(); return 0; }, Short);
        }
    }

    private const string PythonUdpClient = """
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(3)
ok = []
for size in (1, 1000, 1472, 4000, 8000):
    data = bytes((i * 7 + size) % 256 for i in range(size))
    for attempt in range(3):
        s.sendto(data, (sys.argv[1], int(sys.argv[2])))
        try:
            echoed, _ = s.recvfrom(65536)
        except socket.timeout:
            continue
        if echoed == data:
            ok.append(str(size))
        break
print(" ".join(ok))
""";

    private const string PythonUdpEcho = """
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind((sys.argv[1], int(sys.argv[2])))
print("ready", flush=True)
while True:
    data, peer = s.recvfrom(65536)
    s.sendto(data, peer)
""";

    // Opens every connection first, then requests on each, so all are open at the same time.
    private const string PythonConcurrentClients = """
import socket, hashlib, sys
host, n, timeout = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
socks = [socket.create_connection((host, 80), timeout=timeout) for _ in range(n)]
for s in socks:
    s.sendall(b"GET /small.bin HTTP/1.1\r\nHost: stack\r\nConnection: close\r\n\r\n")
for s in socks:
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    print(head.split(b"\r\n")[0].decode(), hashlib.sha256(body).hexdigest())
    s.close()
""";
}
