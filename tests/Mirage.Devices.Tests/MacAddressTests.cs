using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Mirage.Devices.Tests;

[TestClass]
public sealed class MacAddressTests
{
    [TestMethod]
    [DataRow("02:00:00:00:00:01", 0x0200_0000_0001UL)]
    [DataRow("AA-BB-cc-dd-EE-ff", 0xAABB_CCDD_EEFFUL)]
    [DataRow("ff:ff:ff:ff:ff:ff", 0xFFFF_FFFF_FFFFUL)]
    public void ParsesColonOrDashSeparatedHex(string text, ulong bits)
    {
        Assert.IsTrue(MacAddress.TryParse(text, out var mac));
        Assert.AreEqual(bits, mac.Bits);
    }

    [TestMethod]
    public void PrintsLowercaseWithColons() =>
        Assert.AreEqual("aa:bb:cc:dd:ee:ff", MacAddress.TryParse("AA-BB-CC-DD-EE-FF", out var mac) ? mac.ToString() : "unparsed");

    [TestMethod]
    [DataRow("")]
    [DataRow("02:00:00:00:00")]
    [DataRow("02:00:00:00:00:01:02")]
    [DataRow("02:00:00:00:00:0g")]
    [DataRow("02.00.00.00.00.01")]
    [DataRow("0200.0000.0001")]
    [DataRow("2:0:0:0:0:1")]
    public void RefusesOtherForms(string text) => Assert.IsFalse(MacAddress.TryParse(text, out _), text);

    [TestMethod]
    public void ReadsAndWritesSixOctets()
    {
        var octets = new byte[] { 0x02, 0x11, 0x22, 0x33, 0x44, 0x55 };
        var mac = MacAddress.Read(octets);
        Assert.AreEqual("02:11:22:33:44:55", mac.ToString());
        var written = new byte[6];
        mac.Write(written);
        CollectionAssert.AreEqual(octets, written);
    }

    [TestMethod]
    public void KeepsOnly48Bits()
    {
        Assert.AreEqual(MacAddress.Broadcast, new MacAddress(ulong.MaxValue));
        Assert.AreEqual("ff:ff:ff:ff:ff:ff", MacAddress.Broadcast.ToString());
    }
}
