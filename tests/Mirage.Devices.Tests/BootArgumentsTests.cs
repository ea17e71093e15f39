using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Boot;

namespace Mirage.Devices.Tests;

[TestClass]
public sealed class BootArgumentsTests
{
    private static readonly BootParameter[] s_parameters =
    {
        new("http", "port", "port", "80", false, "TCP port to listen on"),
        new("http", "header-limit", "int", "8192", false, "largest request header in bytes"),
        new("net", "ip", "ipv4-cidr", "10.0.0.2/24", false, "interface address"),
        new("net", "gateway", "ipv4", null, false, "default route"),
        new("net", "mac", "mac", "02:00:00:00:00:01", false, "hardware address"),
        new("log", "verbose", "bool", "false", false, "log every request"),
        new("site", "source", "path", "htdocs", false, "files to serve"),
        new("motd", "text", "string", "", false, "message of the day"),
    };

    private static readonly BootParameter s_requiredSecret = new("auth", "secret", "string", null, true, "shared secret");

    [TestCleanup]
    public void ResetPathBase() => BootArguments.DefaultPathBase = null;

    private static BootArguments ParseOk(params string[] words)
    {
        var outcome = BootArguments.Parse(words, s_parameters, "--", out var arguments, out string message);
        Assert.AreEqual(BootParseOutcome.Ok, outcome, message);
        Assert.IsNotNull(arguments);
        return arguments;
    }

    private static string ParseError(BootParameter[] parameters, params string[] words)
    {
        var outcome = BootArguments.Parse(words, parameters, "--", out var arguments, out string message);
        Assert.AreEqual(BootParseOutcome.Error, outcome);
        Assert.IsNull(arguments);
        return message;
    }

    [TestMethod]
    public void WithoutArgumentsEveryParameterHasItsDefault()
    {
        var boot = ParseOk();
        Assert.AreEqual((ushort)80, boot.GetPort("http", "port"));
        Assert.AreEqual(8192, boot.GetInt("http", "header-limit"));
        Assert.AreEqual(Ipv4Cidr.Parse("10.0.0.2/24"), boot.GetIpv4Cidr("net", "ip"));
        Assert.AreEqual(0x0200_0000_0001UL, boot.GetMac("net", "mac").Bits);
        Assert.IsFalse(boot.GetBool("log", "verbose"));
        Assert.AreEqual("", boot.GetString("motd", "text"));
        Assert.IsFalse(boot.Has("net", "gateway"));
        Assert.IsNull(boot.GetText("net", "gateway"));
    }

    [TestMethod]
    public void ArgumentsOverrideDefaults()
    {
        var boot = ParseOk("--http.port=8080", "--net.gateway=10.0.0.1", "--log.verbose=true", "--motd.text=a=b c");
        Assert.AreEqual((ushort)8080, boot.GetPort("http", "port"));
        Assert.AreEqual(new Ipv4Address(10, 0, 0, 1), boot.GetIpv4("net", "gateway"));
        Assert.IsTrue(boot.GetBool("log", "verbose"));
        // Only the first '=' separates the key: the value may contain more.
        Assert.AreEqual("a=b c", boot.GetString("motd", "text"));
        Assert.IsTrue(boot.IsOverridden("http", "port"));
        Assert.IsFalse(boot.IsOverridden("http", "header-limit"));
    }

    [TestMethod]
    public void TheLastOccurrenceWins() =>
        Assert.AreEqual((ushort)2, ParseOk("--http.port=1", "--http.port=2").GetPort("http", "port"));

    [TestMethod]
    public void AnEmptyValueOverridesAStringDefault() =>
        Assert.AreEqual("", ParseOk("--motd.text=").GetString("motd", "text"));

    [TestMethod]
    public void ARequiredParameterWithoutValueStopsTheBoot()
    {
        string message = ParseError(new[] { s_requiredSecret });
        Assert.Contains("--auth.secret=<string>", message);
        Assert.Contains("missing required", message);
    }

    [TestMethod]
    public void ARequiredParameterGivenAtBootIsAccepted()
    {
        var outcome = BootArguments.Parse(new[] { "--auth.secret=s3cret" }, new[] { s_requiredSecret }, "--", out var boot, out _);
        Assert.AreEqual(BootParseOutcome.Ok, outcome);
        Assert.AreEqual("s3cret", boot!.GetString("auth", "secret"));
    }

    [TestMethod]
    [DataRow("--help")]
    [DataRow("-h")]
    public void HelpIsReported(string word)
    {
        var outcome = BootArguments.Parse(new[] { "--http.port=1", word }, s_parameters, "--", out var boot, out _);
        Assert.AreEqual(BootParseOutcome.HelpRequested, outcome);
        Assert.IsNull(boot);
    }

    [TestMethod]
    public void HelpWinsOverAMissingRequiredParameter() =>
        Assert.AreEqual(BootParseOutcome.HelpRequested,
            BootArguments.Parse(new[] { "--help" }, new[] { s_requiredSecret }, "--", out _, out _));

    [TestMethod]
    public void AnUnknownParameterIsNamed()
    {
        string message = ParseError(s_parameters, "--http.prot=8080");
        Assert.Contains("unknown parameter 'http.prot'", message);
        Assert.Contains("--help", message);
    }

    [TestMethod]
    public void AKeyWithoutDeviceIsExplained() =>
        Assert.Contains("'port' is not <device>.<parameter>", ParseError(s_parameters, "--port=80"));

    [TestMethod]
    public void AWordWithoutPrefixIsRefused() =>
        Assert.Contains("unexpected argument 'http.port=80'", ParseError(s_parameters, "http.port=80"));

    [TestMethod]
    public void ThePrefixAloneIsRefused() =>
        Assert.Contains("unexpected argument '--'", ParseError(s_parameters, "--"));

    [TestMethod]
    public void AWordWithoutValueIsRefused() =>
        Assert.Contains("--http.port=<value>", ParseError(s_parameters, "--http.port"));

    [TestMethod]
    [DataRow("--http.port=0", "a port number from 1 to 65535")]
    [DataRow("--http.port=65536", "a port number from 1 to 65535")]
    [DataRow("--http.header-limit=lots", "a decimal integer")]
    [DataRow("--net.ip=10.0.0.2", "an IPv4 address with prefix length")]
    [DataRow("--net.gateway=10.0.0.256", "an IPv4 address")]
    [DataRow("--net.mac=02:00:00:00:00", "a MAC address")]
    [DataRow("--log.verbose=yes", "true or false")]
    [DataRow("--site.source=", "a non-empty path")]
    public void AMalformedValueNamesTheArgumentAndTheExpectedForm(string word, string expected)
    {
        string message = ParseError(s_parameters, word);
        Assert.Contains($"argument '{word}'", message);
        Assert.Contains(expected, message);
    }

    [TestMethod]
    public void AnEmptyPrefixReadsXenStyleWords()
    {
        var outcome = BootArguments.Parse(new[] { "http.port=8443" }, s_parameters, "", out var boot, out string message);
        Assert.AreEqual(BootParseOutcome.Ok, outcome, message);
        Assert.AreEqual((ushort)8443, boot!.GetPort("http", "port"));
        Assert.AreEqual(BootParseOutcome.HelpRequested, BootArguments.Parse(new[] { "help" }, s_parameters, "", out _, out _));
    }

    [TestMethod]
    public void AskingForAnUndeclaredParameterIsABug() =>
        Assert.ThrowsExactly<ArgumentException>(() => ParseOk().GetText("http", "nope"));

    [TestMethod]
    public void ARelativeDefaultPathIsResolvedAgainstTheBase()
    {
        BootArguments.DefaultPathBase = "/opt/app/";
        Assert.AreEqual("/opt/app/htdocs", ParseOk().GetPath("site", "source"));
        BootArguments.DefaultPathBase = "/opt/app";
        Assert.AreEqual("/opt/app/htdocs", ParseOk().GetPath("site", "source"));
    }

    [TestMethod]
    public void APathGivenAtBootIsUsedAsGiven()
    {
        BootArguments.DefaultPathBase = "/opt/app";
        Assert.AreEqual("public", ParseOk("--site.source=public").GetPath("site", "source"));
        Assert.AreEqual("/srv/www", ParseOk("--site.source=/srv/www").GetPath("site", "source"));
    }

    [TestMethod]
    public void UsageListsEveryParameterWithTypeDescriptionAndDefault()
    {
        string usage = BootArguments.Usage("web", s_parameters, "--");
        string[] lines = usage.Split('\n');
        Assert.AreEqual("Usage: web [--<device>.<parameter>=<value>]...", lines[0]);
        Assert.AreEqual("Device parameters:", lines[1]);
        StringAssert.Matches(lines[2], new System.Text.RegularExpressions.Regex(@"^  --http\.port=<port> +TCP port to listen on \(default: 80\)$"));
        Assert.Contains("--net.gateway=<ipv4>", usage);
        Assert.Contains("--motd.text=<string>", usage);
        Assert.Contains("(default: \"\")", usage);
        // Descriptions line up in one column.
        Assert.AreEqual(lines[2].IndexOf("TCP port", StringComparison.Ordinal), lines[3].IndexOf("largest", StringComparison.Ordinal));
    }

    [TestMethod]
    public void UsageMarksRequiredParameters() =>
        Assert.Contains("--auth.secret=<string>  shared secret (required)", BootArguments.Usage("web", new[] { s_requiredSecret }, "--"));

    [TestMethod]
    public void UsageSaysWhenThereAreNoParameters() =>
        Assert.Contains("no device parameters", BootArguments.Usage("hello", Array.Empty<BootParameter>(), "--"));
}
