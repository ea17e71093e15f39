using System;
using System.Diagnostics;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Mirage.Net.Tests.Interop;

/// <summary>
/// Linux's side of an interop test: a network namespace holding the host end of a TAP device,
/// addressed 10.77.0.1/24, so that Linux's own stack is the peer and nothing leaks into the
/// machine's real network. Names include the process id so that parallel runs do not collide.
/// </summary>
internal sealed class LinuxNamespace : IDisposable
{
    public const string HostAddress = "10.77.0.1";
    public const string StackAddress = "10.77.0.2";
    private static int s_counter;

    private LinuxNamespace(string name, string tap)
    {
        Name = name;
        Tap = tap;
    }

    public string Name { get; }

    public string Tap { get; }

    /// <summary>Creates the namespace and a persistent TAP device still in the test's namespace, for the stack to attach to.</summary>
    public static LinuxNamespace Create()
    {
        string? unavailable = HostProcess.WhyLinuxInteropIsUnavailable();
        if (unavailable is not null) Assert.Inconclusive(unavailable);
        string id = (Environment.ProcessId % 100000).ToString() + "x" + Interlocked.Increment(ref s_counter);
        var ns = new LinuxNamespace("mirnet" + id, "mtap" + id);
        Must(HostProcess.Run(TimeSpan.FromSeconds(10), "ip", "tuntap", "add", "mode", "tap", "name", ns.Tap));
        Must(HostProcess.Run(TimeSpan.FromSeconds(10), "ip", "netns", "add", ns.Name));
        return ns;
    }

    /// <summary>After the stack has attached: moves the TAP's host end into the namespace and configures it (the attached descriptor keeps working).</summary>
    public void MoveTapIn()
    {
        Must(HostProcess.Run(TimeSpan.FromSeconds(10), "ip", "link", "set", Tap, "netns", Name));
        Must(Exec(TimeSpan.FromSeconds(10), "ip", "link", "set", "lo", "up"));
        Must(Exec(TimeSpan.FromSeconds(10), "ip", "addr", "add", HostAddress + "/24", "dev", Tap));
        Must(Exec(TimeSpan.FromSeconds(10), "ip", "link", "set", Tap, "up"));
    }

    public ProcessOutcome Exec(TimeSpan timeout, params string[] command)
    {
        var arguments = new string[command.Length + 3];
        arguments[0] = "netns";
        arguments[1] = "exec";
        arguments[2] = Name;
        command.CopyTo(arguments, 3);
        return HostProcess.Run(timeout, "ip", arguments);
    }

    public Process Start(params string[] command)
    {
        var arguments = new string[command.Length + 3];
        arguments[0] = "netns";
        arguments[1] = "exec";
        arguments[2] = Name;
        command.CopyTo(arguments, 3);
        return HostProcess.Start("ip", arguments);
    }

    public void Dispose()
    {
        HostProcess.Run(TimeSpan.FromSeconds(10), "ip", "netns", "del", Name);
        HostProcess.Run(TimeSpan.FromSeconds(10), "ip", "link", "del", Tap); // if it never moved
    }

    public static void Must(ProcessOutcome outcome)
    {
        if (outcome.ExitCode != 0) Assert.Fail("command failed: " + outcome);
    }
}
