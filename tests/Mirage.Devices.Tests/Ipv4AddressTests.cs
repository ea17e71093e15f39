using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Mirage.Devices.Tests;

[TestClass]
public sealed class Ipv4AddressTests
{
    [TestMethod]
    [DataRow("0.0.0.0", 0u)]
    [DataRow("10.0.0.2", 0x0A000002u)]
    [DataRow("192.168.1.255", 0xC0A801FFu)]
    [DataRow("255.255.255.255", 0xFFFFFFFFu)]
    public void ParsesDottedQuads(string text, uint expected)
    {
        Assert.IsTrue(Ipv4Address.TryParse(text, out var address));
        Assert.AreEqual(expected, address.Value);
        Assert.AreEqual(text, address.ToString());
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("1.2.3")]
    [DataRow("1.2.3.4.5")]
    [DataRow("1.2.3.4.")]
    [DataRow(".1.2.3.4")]
    [DataRow("256.0.0.1")]
    [DataRow("1.2.3.1000")]
    [DataRow("01.2.3.4")]
    [DataRow("1.2.3.04")]
    [DataRow("1..3.4")]
    [DataRow("1.2.3.a")]
    [DataRow(" 1.2.3.4")]
    [DataRow("1.2.3.4 ")]
    [DataRow("-1.2.3.4")]
    public void RefusesOtherForms(string text) => Assert.IsFalse(Ipv4Address.TryParse(text, out _), text);

    [TestMethod]
    public void NullIsNotAnAddress() => Assert.IsFalse(Ipv4Address.TryParse(null, out _));

    [TestMethod]
    public void ParseThrowsFormatExceptionNamingTheText()
    {
        var error = Assert.ThrowsExactly<FormatException>(() => Ipv4Address.Parse("10.0.0.256"));
        Assert.Contains("10.0.0.256", error.Message);
    }

    [TestMethod]
    public void ReadsAndWritesNetworkOrder()
    {
        var address = new Ipv4Address(192, 168, 1, 20);
        var bytes = new byte[4];
        address.Write(bytes);
        CollectionAssert.AreEqual(new byte[] { 192, 168, 1, 20 }, bytes);
        Assert.AreEqual(address, Ipv4Address.Read(bytes));
    }

    [TestMethod]
    public void WellKnownAddresses()
    {
        Assert.AreEqual("0.0.0.0", Ipv4Address.Any.ToString());
        Assert.AreEqual("127.0.0.1", Ipv4Address.Loopback.ToString());
        Assert.AreEqual("255.255.255.255", Ipv4Address.Broadcast.ToString());
    }

    [TestMethod]
    public void ComparesByValue()
    {
        Assert.IsTrue(Ipv4Address.Parse("10.0.0.1") == new Ipv4Address(10, 0, 0, 1));
        Assert.IsTrue(Ipv4Address.Parse("10.0.0.1") != new Ipv4Address(10, 0, 0, 2));
        Assert.IsLessThan(0, Ipv4Address.Parse("9.255.255.255").CompareTo(Ipv4Address.Parse("10.0.0.0")));
    }
}
