using System.Collections.Generic;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Mirage.Devices.Tests;

[TestClass]
public sealed class KvKeyTests
{
    [TestMethod]
    [DataRow("a/b/c", "a/b/c")]
    [DataRow("/a/b/c", "a/b/c")]
    [DataRow("a//b/", "a/b")]
    [DataRow("", "")]
    [DataRow("/", "")]
    [DataRow("...", "...")]
    [DataRow(".hidden/file.txt", ".hidden/file.txt")]
    public void NormalizesValidKeys(string key, string normalized)
    {
        Assert.IsTrue(KvKey.TryNormalize(key, out string actual));
        Assert.AreEqual(normalized, actual);
    }

    [TestMethod]
    public void SplitsIntoSegments()
    {
        Assert.IsTrue(KvKey.TrySplit("/css//site.css", out List<string> segments));
        CollectionAssert.AreEqual(new[] { "css", "site.css" }, segments);
    }

    [TestMethod]
    [DataRow("..")]
    [DataRow("../etc/passwd")]
    [DataRow("a/../../b")]
    [DataRow("./a")]
    [DataRow("a/.")]
    [DataRow("a\\b")]
    [DataRow("a\0b")]
    public void RefusesKeysThatCouldEscapeTheRoot(string key)
    {
        Assert.IsFalse(KvKey.TrySplit(key, out _), key);
        Assert.IsFalse(KvKey.TryNormalize(key, out _), key);
    }

    [TestMethod]
    public void NullIsRefused() => Assert.IsFalse(KvKey.TrySplit(null!, out _));
}
