using System;
using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Xen.Devices.Xenstore;

namespace Mirage.Xen.Devices.Tests;

[TestClass]
public sealed class XenstoreWireTests
{
    [TestMethod]
    public void WriteRequestHasHeaderPathNulAndValueWithoutTerminator()
    {
        byte[] message = XenstoreWire.Request(XenstoreMessageType.Write, 7, 3, new[] { "device/vif/0/state", "4" }, terminateLast: false).Value;
        var header = XenstoreWire.ReadHeader(message);
        Assert.AreEqual(XenstoreMessageType.Write, header.Type);
        Assert.AreEqual(7u, header.RequestId);
        Assert.AreEqual(3u, header.TransactionId);
        Assert.AreEqual((uint)"device/vif/0/state\04".Length, header.Length);
        Assert.AreEqual("device/vif/0/state\04", Encoding.UTF8.GetString(message, 16, message.Length - 16));
    }

    [TestMethod]
    public void RequestOverTheProtocolLimitIsTooLarge()
    {
        var request = XenstoreWire.Request(XenstoreMessageType.Write, 1, 0, new[] { "p", new string('x', 4095) }, terminateLast: false);
        Assert.IsTrue(request.IsError);
        Assert.AreEqual(XenstoreError.TooLarge, request.Error);
        Assert.IsTrue(XenstoreWire.Request(XenstoreMessageType.Write, 1, 0, new[] { "p", new string('x', 4094) }, terminateLast: false).IsOk);
    }

    [TestMethod]
    [DataRow("ENOENT\0", XenstoreError.NotFound)]
    [DataRow("EACCES\0", XenstoreError.PermissionDenied)]
    [DataRow("EAGAIN\0", XenstoreError.TryAgain)]
    [DataRow("EINVAL\0", XenstoreError.Rejected)]
    [DataRow("E2BIG", XenstoreError.Rejected)]
    [DataRow("enoent\0", XenstoreError.Malformed)]
    [DataRow("", XenstoreError.Malformed)]
    [DataRow("\u00ff\u00fe", XenstoreError.Malformed)]
    public void ErrorRepliesNameTheirErrno(string payload, XenstoreError expected)
        => Assert.AreEqual(expected, XenstoreWire.ParseError(Encoding.Latin1.GetBytes(payload)));

    [TestMethod]
    public void DirectoryNamesAreNulTerminated()
    {
        CollectionAssert.AreEqual(new[] { "0", "1", "51712" }, XenstoreWire.ParseNames("0\01\051712\0"u8).Value);
        Assert.IsEmpty(XenstoreWire.ParseNames(ReadOnlySpan<byte>.Empty).Value);
        Assert.AreEqual(XenstoreError.Malformed, XenstoreWire.ParseNames("0\01"u8).Error, "unterminated last name");
        Assert.AreEqual(XenstoreError.Malformed, XenstoreWire.ParseNames("0\0\0"u8).Error, "empty name");
    }

    [TestMethod]
    public void ValueWithAnEmbeddedNulIsMalformed()
    {
        Assert.AreEqual("00:16:3e:00:00:01", XenstoreWire.ParseValue("00:16:3e:00:00:01"u8).Value);
        Assert.AreEqual("4", XenstoreWire.ParseValue("4\0"u8).Value);
        Assert.AreEqual(XenstoreError.Malformed, XenstoreWire.ParseValue("4\05"u8).Error);
    }

    [TestMethod]
    public void WatchEventIsPathAndToken()
    {
        var ok = XenstoreWire.ParseWatchEvent("backend/vif/1/0/state\0mirage-1\0"u8);
        Assert.AreEqual(("backend/vif/1/0/state", "mirage-1"), ok.Value);
        Assert.IsTrue(XenstoreWire.ParseWatchEvent("backend/vif/1/0/state\0"u8).IsError);
        Assert.IsTrue(XenstoreWire.ParseWatchEvent("a\0b\0c\0"u8).IsError);
    }

    [TestMethod]
    [DataRow("17\0", 17u)]
    [DataRow("4294967295", 4294967295u)]
    public void TransactionIdIsDecimal(string payload, uint expected)
        => Assert.AreEqual(expected, XenstoreWire.ParseTransactionId(Encoding.ASCII.GetBytes(payload)).Value);

    [TestMethod]
    [DataRow("0\0")]
    [DataRow("4294967296")]
    [DataRow("12a\0")]
    [DataRow("")]
    [DataRow("-1\0")]
    public void BadTransactionIdIsMalformed(string payload)
        => Assert.AreEqual(XenstoreError.Malformed, XenstoreWire.ParseTransactionId(Encoding.ASCII.GetBytes(payload)).Error);

    [TestMethod]
    public void OkReplies()
    {
        Assert.IsTrue(XenstoreWire.IsOk("OK\0"u8));
        Assert.IsFalse(XenstoreWire.IsOk("KO\0"u8));
    }
}
