using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Mirage.EndToEnd.Tests;

/// <summary>The website sample built from the local feed and running on a free loopback port.</summary>
public sealed class WebsiteServer : IDisposable
{
    private readonly Process _process;

    public int Port { get; }

    public string Htdocs { get; }

    /// <summary>The built application (website.dll).</summary>
    public string App { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    private WebsiteServer(Process process, int port, string htdocs, string app)
    {
        _process = process;
        Port = port;
        Htdocs = htdocs;
        App = app;
    }

    /// <summary>Builds samples/website (optionally with another kv-ro implementation) and starts it.</summary>
    public static WebsiteServer Start(string name, params string[] buildProperties)
    {
        var workspace = UserWorkspace.Create(name);
        string project = workspace.CopySample("website");
        var arguments = new System.Collections.Generic.List<string> { "build" };
        arguments.AddRange(buildProperties);
        var build = UserWorkspace.Dotnet(project, arguments.ToArray());
        Assert.AreEqual(0, build.ExitCode, build.All);

        int port = FreePort();
        string app = Path.Combine(project, "bin", "Debug", "net10.0", "website.dll");
        // Started from another directory: the app must find its htdocs next to itself, not in the current directory.
        var start = ProcessRunner.Prepare("dotnet", new[] { app, $"--http.port={port}", "--net.listen=127.0.0.1" }, Path.GetTempPath());
        var process = Process.Start(start)!;
        string? first = process.StandardOutput.ReadLine();
        if (first is null || !first.StartsWith("website: serving", StringComparison.Ordinal))
        {
            process.Kill(true);
            Assert.Fail($"website did not start: '{first}' {process.StandardError.ReadToEnd()}");
        }
        return new WebsiteServer(process, port, Path.Combine(project, "htdocs"), app);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public bool HasExited => _process.HasExited;

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(true);
        _process.Dispose();
    }
}
