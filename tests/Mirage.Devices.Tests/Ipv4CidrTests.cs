using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Mirage.Devices.Tests;

[TestClass]
public sealed class Ipv4CidrTests
{
    [TestMethod]
    public void ParsesAddressAndPrefix()
    {
        Assert.IsTrue(Ipv4Cidr.TryParse("10.0.0.2/24", out var cidr));
        Assert.AreEqual(new Ipv4Address(10, 0, 0, 2), cidr.Address);
        Assert.AreEqual(24, cidr.PrefixLength);
        Assert.AreEqual("10.0.0.2/24", cidr.ToString());
    }

    [TestMethod]
    [DataRow("0.0.0.0/0", "0.0.0.0", "0.0.0.0", "255.255.255.255")]
    [DataRow("10.0.0.2/24", "255.255.255.0", "10.0.0.0", "10.0.0.255")]
    [DataRow("172.16.5.4/12", "255.240.0.0", "172.16.0.0", "172.31.255.255")]
    [DataRow("192.168.1.7/32", "255.255.255.255", "192.168.1.7", "192.168.1.7")]
    public void DerivesNetmaskNetworkAndBroadcast(string text, string netmask, string network, string broadcast)
    {
        var cidr = Ipv4Cidr.Parse(text);
        Assert.AreEqual(netmask, cidr.Netmask.ToString());
        Assert.AreEqual(network, cidr.Network.ToString());
        Assert.AreEqual(broadcast, cidr.BroadcastAddress.ToString());
    }

    [TestMethod]
    public void ContainsAddressesOfItsNetworkOnly()
    {
        var cidr = Ipv4Cidr.Parse("10.0.0.2/24");
        Assert.IsTrue(cidr.Contains(Ipv4Address.Parse("10.0.0.254")));
        Assert.IsTrue(cidr.Contains(Ipv4Address.Parse("10.0.0.0")));
        Assert.IsFalse(cidr.Contains(Ipv4Address.Parse("10.0.1.1")));
        Assert.IsTrue(Ipv4Cidr.Parse("0.0.0.0/0").Contains(Ipv4Address.Parse("8.8.8.8")));
    }

    [TestMethod]
    [DataRow("10.0.0.2")]
    [DataRow("10.0.0.2/")]
    [DataRow("10.0.0.2/33")]
    [DataRow("10.0.0.2/024")]
    [DataRow("10.0.0.2/08")]
    [DataRow("10.0.0.2/-1")]
    [DataRow("10.0.0.2/2a")]
    [DataRow("10.0.0/24")]
    [DataRow("/24")]
    public void RefusesOtherForms(string text) => Assert.IsFalse(Ipv4Cidr.TryParse(text, out _), text);

    [TestMethod]
    public void ConstructorRefusesPrefixBeyond32() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Ipv4Cidr(Ipv4Address.Any, 33));

    [TestMethod]
    public void ParseThrowsFormatException() =>
        Assert.ThrowsExactly<FormatException>(() => Ipv4Cidr.Parse("10.0.0.2/40"));
}
