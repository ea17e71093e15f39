using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;

namespace Mirage.Net.Tests.Interop;

internal sealed record ProcessOutcome(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"exit {ExitCode}\nstdout: {StandardOutput}\nstderr: {StandardError}";
}

/// <summary>Runs Linux commands (ip, ping, curl, python3, dnsmasq) for the interop tests.</summary>
internal static class HostProcess
{
    [DllImport("libc")]
    private static extern uint geteuid();

    public static ProcessOutcome Run(TimeSpan timeout, string file, params string[] arguments)
    {
        using Process process = Start(file, arguments);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            process.WaitForExit();
            return new ProcessOutcome(-1, stdout.Result, stderr.Result + $"\n(killed after {timeout.TotalSeconds} s)");
        }
        return new ProcessOutcome(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static Process Start(string file, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (string argument in arguments) info.ArgumentList.Add(argument);
        return Process.Start(info) ?? throw new InvalidOperationException("cannot start " + file);
    }

    /// <summary>Why the interop tests cannot run here, or null when they can.</summary>
    public static string? WhyLinuxInteropIsUnavailable()
    {
        if (!OperatingSystem.IsLinux()) return "interop tests need Linux (TAP, network namespaces)";
        if (geteuid() != 0) return "interop tests need root (network namespaces, TAP devices)";
        if (!File.Exists("/dev/net/tun")) return "interop tests need /dev/net/tun (the tun module)";
        foreach (string tool in new[] { "ip", "ping", "curl", "python3" })
            if (Which(tool) is null) return $"interop tests need '{tool}' (eng/setup.sh installs it)";
        return null;
    }

    public static string? Which(string tool)
    {
        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        {
            string candidate = Path.Combine(directory, tool);
            if (File.Exists(candidate)) return candidate;
        }
        foreach (string directory in new[] { "/usr/sbin", "/sbin" })
            if (File.Exists(Path.Combine(directory, tool))) return Path.Combine(directory, tool);
        return null;
    }
}
