using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Boot;

namespace Mirage.Devices.Tests;

[TestClass]
public sealed class ParameterSyntaxTests
{
    [TestMethod]
    [DataRow("0", 0)]
    [DataRow("42", 42)]
    [DataRow("-7", -7)]
    [DataRow("2147483647", int.MaxValue)]
    [DataRow("-2147483648", int.MinValue)]
    public void IntAcceptsDecimalWithinRange(string text, int expected)
    {
        Assert.IsTrue(ParameterSyntax.TryParseInt(text, out int value));
        Assert.AreEqual(expected, value);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("-")]
    [DataRow("+1")]
    [DataRow(" 1")]
    [DataRow("1.5")]
    [DataRow("0x10")]
    [DataRow("2147483648")]
    [DataRow("-2147483649")]
    [DataRow("99999999999")]
    public void IntRefusesOtherForms(string text) => Assert.IsFalse(ParameterSyntax.TryParseInt(text, out _));

    [TestMethod]
    public void BoolIsExactlyTrueOrFalse()
    {
        Assert.IsTrue(ParameterSyntax.TryParseBool("true", out bool yes));
        Assert.IsTrue(yes);
        Assert.IsTrue(ParameterSyntax.TryParseBool("false", out bool no));
        Assert.IsFalse(no);
        Assert.IsFalse(ParameterSyntax.TryParseBool("True", out _));
        Assert.IsFalse(ParameterSyntax.TryParseBool("1", out _));
        Assert.IsFalse(ParameterSyntax.TryParseBool("yes", out _));
    }

    [TestMethod]
    [DataRow("1", (ushort)1)]
    [DataRow("80", (ushort)80)]
    [DataRow("65535", (ushort)65535)]
    public void PortAcceptsOneTo65535(string text, ushort expected)
    {
        Assert.IsTrue(ParameterSyntax.TryParsePort(text, out ushort port));
        Assert.AreEqual(expected, port);
    }

    [TestMethod]
    [DataRow("0")]
    [DataRow("65536")]
    [DataRow("-1")]
    [DataRow("http")]
    public void PortRefusesOutOfRange(string text) => Assert.IsFalse(ParameterSyntax.TryParsePort(text, out _));

    [TestMethod]
    [DataRow("string", "")]
    [DataRow("string", "anything at all")]
    [DataRow("path", "./htdocs")]
    [DataRow("int", "-3")]
    [DataRow("bool", "true")]
    [DataRow("port", "8080")]
    [DataRow("ipv4", "10.0.0.2")]
    [DataRow("ipv4-cidr", "10.0.0.2/24")]
    [DataRow("mac", "02:00:00:00:00:01")]
    public void CheckAcceptsValidValuesOfEachType(string type, string text) =>
        Assert.IsTrue(ParameterSyntax.TryCheck(type, text, out _));

    [TestMethod]
    [DataRow("path", "", "a non-empty path")]
    [DataRow("path", "a\0b", "a non-empty path")]
    [DataRow("int", "ten", "a decimal integer")]
    [DataRow("bool", "on", "true or false")]
    [DataRow("port", "0", "a port number from 1 to 65535")]
    [DataRow("ipv4", "10.0.0", "an IPv4 address (a.b.c.d)")]
    [DataRow("ipv4-cidr", "10.0.0.2", "an IPv4 address with prefix length (a.b.c.d/n)")]
    [DataRow("mac", "02:00:00:00:00", "a MAC address (aa:bb:cc:dd:ee:ff)")]
    [DataRow("colour", "red", "a known parameter type")]
    public void CheckRefusesInvalidValuesAndSaysWhatWasExpected(string type, string text, string expected)
    {
        Assert.IsFalse(ParameterSyntax.TryCheck(type, text, out string said));
        Assert.AreEqual(expected, said);
    }

    [TestMethod]
    public void KnownTypesAreTheBootParameterTypes()
    {
        foreach (string type in new[] { "string", "int", "bool", "port", "ipv4", "ipv4-cidr", "mac", "path" })
            Assert.IsTrue(ParameterSyntax.IsKnownType(type), type);
        Assert.IsFalse(ParameterSyntax.IsKnownType("float"));
        // Files compiled in at build time are not a boot parameter.
        Assert.IsFalse(ParameterSyntax.IsKnownType("embedded-dir"));
    }
}
