using System;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Boot;

namespace Mirage.Runtime.Unix.Tests;

[TestClass]
public sealed class UnixPlatformTests
{
    private static readonly BootParameter[] s_parameters =
    {
        new("http", "port", "port", "80", false, "TCP port to listen on"),
        new("stack", "listen", "ipv4", "0.0.0.0", false, "host address the sockets bind to"),
        new("auth", "token", "string", null, false, "bearer token"),
    };

    private static Task<int> NeverStarted(BootArguments boot) => throw new AssertFailedException("start must not run");

    [TestMethod]
    public void HelpPrintsEveryParameterAndReturnsZero()
    {
        using var console = new ConsoleCapture();
        int exit = UnixPlatform.Run("web", new[] { "--help" }, s_parameters, NeverStarted);
        Assert.AreEqual(0, exit);
        Assert.StartsWith("Usage: web [--<device>.<parameter>=<value>]...", console.Out);
        Assert.Contains("--http.port=<port>", console.Out);
        Assert.Contains("TCP port to listen on (default: 80)", console.Out);
        Assert.Contains("--stack.listen=<ipv4>", console.Out);
        Assert.Contains("(default: 0.0.0.0)", console.Out);
        Assert.Contains("--auth.token=<string>", console.Out);
        Assert.AreEqual("", console.Error);
    }

    [TestMethod]
    public void AnUnknownArgumentReturnsTwoAndIsNamed()
    {
        using var console = new ConsoleCapture();
        int exit = UnixPlatform.Run("web", new[] { "--x.y=1" }, s_parameters, NeverStarted);
        Assert.AreEqual(StartupReport.UsageExitCode, exit);
        Assert.AreEqual(2, exit);
        Assert.StartsWith("web: ", console.Error);
        Assert.Contains("'x.y'", console.Error);
        Assert.Contains("--x.y=1", console.Error);
        Assert.AreEqual("", console.Out);
    }

    [TestMethod]
    public void AMalformedValueReturnsTwo()
    {
        using var console = new ConsoleCapture();
        int exit = UnixPlatform.Run("web", new[] { "--http.port=99999" }, s_parameters, NeverStarted);
        Assert.AreEqual(2, exit);
        Assert.Contains("--http.port=99999", console.Error);
        Assert.Contains("a port number from 1 to 65535", console.Error);
    }

    [TestMethod]
    public void StartSeesTheParsedArgumentsAndItsResultIsTheExitCode()
    {
        using var console = new ConsoleCapture();
        ushort seenPort = 0;
        int exit = UnixPlatform.Run("web", new[] { "--http.port=8080" }, s_parameters, async boot =>
        {
            seenPort = boot.GetPort("http", "port");
            await Task.Delay(10);
            return 42;
        });
        Assert.AreEqual(42, exit);
        Assert.AreEqual((ushort)8080, seenPort);
    }

    [TestMethod]
    public void AnExceptionFromStartReturnsSeventyAndIsPrinted()
    {
        using var console = new ConsoleCapture();
        int exit = UnixPlatform.Run("web", Array.Empty<string>(), s_parameters, async boot =>
        {
            await Task.Delay(1);
            throw new InvalidOperationException("the disk is on fire");
        });
        Assert.AreEqual(UnixPlatform.UnhandledExceptionExitCode, exit);
        Assert.AreEqual(70, exit);
        Assert.StartsWith("web: unhandled exception: System.InvalidOperationException: the disk is on fire", console.Error);
    }

    [TestMethod]
    public void ASynchronousThrowFromStartReturnsSeventy()
    {
        using var console = new ConsoleCapture();
        int exit = UnixPlatform.Run("web", Array.Empty<string>(), s_parameters, _ => throw new NotSupportedException("no"));
        Assert.AreEqual(70, exit);
        Assert.Contains("NotSupportedException", console.Error);
    }

    [TestMethod]
    public void AnAsyncVoidCrashStopsTheApplicationWithSeventy()
    {
        using var console = new ConsoleCapture();
        int exit = UnixPlatform.Run("web", Array.Empty<string>(), s_parameters, async _ =>
        {
            CrashLater();
            await Task.Delay(TimeSpan.FromSeconds(30));
            return 0;
        });
        Assert.AreEqual(70, exit);
        Assert.Contains("background job failed", console.Error);
    }

    private static async void CrashLater()
    {
        await Task.Delay(5);
        throw new InvalidOperationException("background job failed");
    }

    [TestMethod]
    public void ARelativeDefaultPathResolvesNextToTheApplication()
    {
        var parameters = new[] { new BootParameter("htdocs", "source", "path", "site", true, "files") };
        string? seen = null;
        int exit = UnixPlatform.Run("web", Array.Empty<string>(), parameters, boot =>
        {
            seen = boot.GetPath("htdocs", "source");
            return Task.FromResult(0);
        });
        Assert.AreEqual(0, exit);
        Assert.AreEqual(System.IO.Path.Combine(AppContext.BaseDirectory, "site"), seen);
    }
}
