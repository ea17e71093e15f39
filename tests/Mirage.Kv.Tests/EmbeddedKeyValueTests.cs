using System;
using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Devices;

namespace Mirage.Kv.Tests;

[TestClass]
public sealed class EmbeddedKeyValueTests
{
    private static readonly DateTime s_older = new(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc);
    private static readonly DateTime s_newer = new(2025, 6, 7, 8, 9, 10, DateTimeKind.Utc);

    private static EmbeddedFile File(string path, string content, DateTime? modified = null) =>
        new(path, Encoding.UTF8.GetBytes(content), modified ?? s_older, "digest-of-" + path);

    private static async Task<IKeyValueReadOnly> ConnectSite()
    {
        var result = await EmbeddedKeyValue.ConnectAsync(new[]
        {
            File("index.html", "<h1>home</h1>"),
            File("css/site.css", "body{}", s_newer),
            File("css/print.css", "@media print{}"),
            File("img/icons/logo.svg", "<svg/>"),
            File("Zebra.txt", "upper case sorts first"),
        });
        Assert.IsTrue(result.IsOk, result.ToString());
        return result.Value;
    }

    [TestMethod]
    public async Task GetReturnsTheEmbeddedBytes()
    {
        var kv = await ConnectSite();
        var value = await kv.GetAsync("index.html");
        Assert.IsTrue(value.IsOk);
        Assert.AreEqual("<h1>home</h1>", Encoding.UTF8.GetString(value.Value.Span));
    }

    [TestMethod]
    public async Task KeysMayHaveLeadingAndDoubledSlashes()
    {
        var kv = await ConnectSite();
        var value = await kv.GetAsync("/css//site.css");
        Assert.IsTrue(value.IsOk);
        Assert.AreEqual("body{}", Encoding.UTF8.GetString(value.Value.Span));
    }

    [TestMethod]
    public async Task ExistsTellsValuesFromDictionaries()
    {
        var kv = await ConnectSite();
        Assert.AreEqual(KvEntryKind.Value, (await kv.ExistsAsync("css/site.css")).Value);
        Assert.AreEqual(KvEntryKind.Dictionary, (await kv.ExistsAsync("css")).Value);
        Assert.AreEqual(KvEntryKind.Dictionary, (await kv.ExistsAsync("img/icons")).Value);
        Assert.AreEqual(KvEntryKind.Dictionary, (await kv.ExistsAsync("")).Value);
        Assert.AreEqual(KvError.NotFound, (await kv.ExistsAsync("missing.txt")).Error);
    }

    [TestMethod]
    public async Task ListIsSortedOrdinallyWithKinds()
    {
        var kv = await ConnectSite();
        var root = await kv.ListAsync("/");
        Assert.IsTrue(root.IsOk);
        CollectionAssert.AreEqual(
            new[]
            {
                new KvEntry("Zebra.txt", KvEntryKind.Value),
                new KvEntry("css", KvEntryKind.Dictionary),
                new KvEntry("img", KvEntryKind.Dictionary),
                new KvEntry("index.html", KvEntryKind.Value),
            },
            new List<KvEntry>(root.Value));

        var css = await kv.ListAsync("css");
        CollectionAssert.AreEqual(
            new[] { new KvEntry("print.css", KvEntryKind.Value), new KvEntry("site.css", KvEntryKind.Value) },
            new List<KvEntry>(css.Value));
    }

    [TestMethod]
    public async Task ChangingAListingDoesNotChangeTheStore()
    {
        var kv = await ConnectSite();
        var first = (await kv.ListAsync("css")).Value;
        if (first is KvEntry[] array) array[0] = new KvEntry("tampered", KvEntryKind.Value);
        Assert.AreEqual("print.css", (await kv.ListAsync("css")).Value[0].Name);
    }

    [TestMethod]
    public async Task MissingKeysAreNotFound()
    {
        var kv = await ConnectSite();
        Assert.AreEqual(KvError.NotFound, (await kv.GetAsync("nope.html")).Error);
        Assert.AreEqual(KvError.NotFound, (await kv.GetAsync("css/nope.css")).Error);
        Assert.AreEqual(KvError.NotFound, (await kv.ListAsync("nope")).Error);
        Assert.AreEqual(KvError.NotFound, (await kv.SizeAsync("nope")).Error);
        Assert.AreEqual(KvError.NotFound, (await kv.DigestAsync("nope")).Error);
        Assert.AreEqual(KvError.NotFound, (await kv.LastModifiedAsync("nope")).Error);
    }

    [TestMethod]
    public async Task AKeyThroughAValueIsNotFound()
    {
        var kv = await ConnectSite();
        Assert.AreEqual(KvError.NotFound, (await kv.GetAsync("index.html/more")).Error);
    }

    [TestMethod]
    public async Task DictionariesAndValuesAreNotInterchangeable()
    {
        var kv = await ConnectSite();
        Assert.AreEqual(KvError.ValueExpected, (await kv.GetAsync("css")).Error);
        Assert.AreEqual(KvError.ValueExpected, (await kv.SizeAsync("css")).Error);
        Assert.AreEqual(KvError.ValueExpected, (await kv.DigestAsync("/")).Error);
        Assert.AreEqual(KvError.DictionaryExpected, (await kv.ListAsync("index.html")).Error);
    }

    [TestMethod]
    [DataRow("../etc/passwd")]
    [DataRow("css/../index.html")]
    [DataRow("./index.html")]
    [DataRow("css\\site.css")]
    [DataRow("index.html\0")]
    public async Task TraversalKeysAreInvalid(string key)
    {
        var kv = await ConnectSite();
        Assert.AreEqual(KvError.InvalidKey, (await kv.GetAsync(key)).Error);
        Assert.AreEqual(KvError.InvalidKey, (await kv.ExistsAsync(key)).Error);
        Assert.AreEqual(KvError.InvalidKey, (await kv.ListAsync(key)).Error);
    }

    [TestMethod]
    public async Task SizeDigestAndTimeComeFromTheEmbeddedFile()
    {
        var kv = await ConnectSite();
        Assert.AreEqual(6L, (await kv.SizeAsync("css/site.css")).Value);
        Assert.AreEqual("digest-of-css/site.css", (await kv.DigestAsync("css/site.css")).Value);
        Assert.AreEqual(s_newer, (await kv.LastModifiedAsync("css/site.css")).Value);
        Assert.AreEqual(s_older, (await kv.LastModifiedAsync("index.html")).Value);
    }

    [TestMethod]
    public async Task ADictionaryIsAsRecentAsItsNewestContent()
    {
        var kv = await ConnectSite();
        Assert.AreEqual(s_newer, (await kv.LastModifiedAsync("css")).Value);
        Assert.AreEqual(s_newer, (await kv.LastModifiedAsync("")).Value);
        Assert.AreEqual(s_older, (await kv.LastModifiedAsync("img")).Value);
    }

    [TestMethod]
    public async Task AnEmptyTableIsAnEmptyRoot()
    {
        var result = await EmbeddedKeyValue.ConnectAsync(Array.Empty<EmbeddedFile>());
        Assert.IsTrue(result.IsOk);
        var list = await result.Value.ListAsync("");
        Assert.IsTrue(list.IsOk);
        Assert.AreEqual(0, list.Value.Count);
        Assert.AreEqual(KvError.NotFound, (await result.Value.GetAsync("index.html")).Error);
    }

    [TestMethod]
    public async Task AnEmptyFileIsAnEmptyValue()
    {
        var result = await EmbeddedKeyValue.ConnectAsync(new[] { File("empty.txt", "") });
        var value = await result.Value.GetAsync("empty.txt");
        Assert.IsTrue(value.IsOk);
        Assert.AreEqual(0, value.Value.Length);
    }

    [TestMethod]
    public async Task APathUsedAsFileAndDirectoryIsRefused()
    {
        var fileFirst = await EmbeddedKeyValue.ConnectAsync(new[] { File("docs", "a file"), File("docs/readme.txt", "inside") });
        Assert.IsTrue(fileFirst.IsError);
        Assert.Contains("'docs'", fileFirst.Error.Message);

        var directoryFirst = await EmbeddedKeyValue.ConnectAsync(new[] { File("docs/readme.txt", "inside"), File("docs", "a file") });
        Assert.IsTrue(directoryFirst.IsError);
        Assert.Contains("'docs'", directoryFirst.Error.Message);
    }

    [TestMethod]
    public async Task ADuplicatePathIsRefused()
    {
        var result = await EmbeddedKeyValue.ConnectAsync(new[] { File("a/b.txt", "1"), File("a//b.txt", "2") });
        Assert.IsTrue(result.IsError);
        Assert.Contains("a/b.txt", result.Error.Message);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("/")]
    [DataRow("../outside.txt")]
    public async Task AnInvalidPathIsRefused(string path)
    {
        var result = await EmbeddedKeyValue.ConnectAsync(new[] { File(path, "x") });
        Assert.IsTrue(result.IsError);
        Assert.Contains("not a valid key", result.Error.Message);
    }
}
