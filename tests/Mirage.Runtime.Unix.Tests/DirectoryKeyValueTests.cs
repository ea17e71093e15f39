using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Devices;

namespace Mirage.Runtime.Unix.Tests;

[TestClass]
public sealed class DirectoryKeyValueTests
{
    private TempDirectory _site = null!;
    private TempDirectory _outside = null!;

    [TestInitialize]
    public void CreateSite()
    {
        _site = new TempDirectory();
        _site.Write("index.html", "<h1>home</h1>");
        _site.Write("css/site.css", "body{}");
        _site.Write("css/print.css", "@media print{}");
        _site.Write(".well-known/security.txt", "Contact: mailto:security@example.com");
        _site.Write("Zebra.txt", "upper case sorts first");
        Directory.CreateDirectory(Path.Combine(_site.Path, "empty"));
        _outside = new TempDirectory();
        _outside.Write("secret.txt", "not for the web");
    }

    [TestCleanup]
    public void DeleteSite()
    {
        _site.Dispose();
        _outside.Dispose();
    }

    private async Task<IKeyValueReadOnly> Connect()
    {
        var result = await DirectoryKeyValue.ConnectAsync(_site.Path);
        Assert.IsTrue(result.IsOk, result.ToString());
        return result.Value;
    }

    [TestMethod]
    public async Task GetReturnsTheFileContent()
    {
        var kv = await Connect();
        var value = await kv.GetAsync("css/site.css");
        Assert.IsTrue(value.IsOk, value.ToString());
        Assert.AreEqual("body{}", Encoding.UTF8.GetString(value.Value.Span));
        Assert.AreEqual("<h1>home</h1>", Encoding.UTF8.GetString((await kv.GetAsync("/index.html")).Value.Span));
    }

    [TestMethod]
    public async Task ChangesOnDiskAreSeen()
    {
        var kv = await Connect();
        _site.Write("news.txt", "fresh");
        Assert.AreEqual("fresh", Encoding.UTF8.GetString((await kv.GetAsync("news.txt")).Value.Span));
    }

    [TestMethod]
    public async Task CachedFilesStillShowChangesAndDeletionsAtOnce()
    {
        var kv = await Connect();
        Assert.AreEqual("body{}", Encoding.UTF8.GetString((await kv.GetAsync("css/site.css")).Value.Span));
        string digestBefore = (await kv.DigestAsync("css/site.css")).Value;

        string full = _site.Write("css/site.css", "body{color:red}");
        File.SetLastWriteTimeUtc(full, DateTime.UtcNow.AddMinutes(1));
        Assert.AreEqual("body{color:red}", Encoding.UTF8.GetString((await kv.GetAsync("css/site.css")).Value.Span));
        Assert.AreNotEqual(digestBefore, (await kv.DigestAsync("css/site.css")).Value);

        File.Delete(full);
        var gone = await kv.GetAsync("css/site.css");
        Assert.IsFalse(gone.IsOk);
        Assert.AreEqual(KvError.NotFound, gone.Error);
    }

    [TestMethod]
    public async Task ListIsSortedOrdinallyWithKinds()
    {
        var kv = await Connect();
        var root = await kv.ListAsync("");
        Assert.IsTrue(root.IsOk, root.ToString());
        CollectionAssert.AreEqual(
            new[]
            {
                new KvEntry(".well-known", KvEntryKind.Dictionary),
                new KvEntry("Zebra.txt", KvEntryKind.Value),
                new KvEntry("css", KvEntryKind.Dictionary),
                new KvEntry("empty", KvEntryKind.Dictionary),
                new KvEntry("index.html", KvEntryKind.Value),
            },
            new List<KvEntry>(root.Value));
        Assert.AreEqual(0, (await kv.ListAsync("empty")).Value.Count);
    }

    [TestMethod]
    public async Task ExistsTellsValuesFromDictionaries()
    {
        var kv = await Connect();
        Assert.AreEqual(KvEntryKind.Value, (await kv.ExistsAsync("css/print.css")).Value);
        Assert.AreEqual(KvEntryKind.Dictionary, (await kv.ExistsAsync("css/")).Value);
        Assert.AreEqual(KvEntryKind.Dictionary, (await kv.ExistsAsync("/")).Value);
        Assert.AreEqual(KvError.NotFound, (await kv.ExistsAsync("css/missing.css")).Error);
    }

    [TestMethod]
    public async Task MissingKeysAreNotFound()
    {
        var kv = await Connect();
        Assert.AreEqual(KvError.NotFound, (await kv.GetAsync("missing.html")).Error);
        Assert.AreEqual(KvError.NotFound, (await kv.GetAsync("missing/dir/file")).Error);
        Assert.AreEqual(KvError.NotFound, (await kv.GetAsync("index.html/below-a-file")).Error);
        Assert.AreEqual(KvError.NotFound, (await kv.ListAsync("missing")).Error);
        Assert.AreEqual(KvError.NotFound, (await kv.SizeAsync("missing")).Error);
        Assert.AreEqual(KvError.NotFound, (await kv.DigestAsync("missing")).Error);
        Assert.AreEqual(KvError.NotFound, (await kv.LastModifiedAsync("missing")).Error);
    }

    [TestMethod]
    public async Task DictionariesAndValuesAreNotInterchangeable()
    {
        var kv = await Connect();
        Assert.AreEqual(KvError.ValueExpected, (await kv.GetAsync("css")).Error);
        Assert.AreEqual(KvError.ValueExpected, (await kv.SizeAsync("css")).Error);
        Assert.AreEqual(KvError.ValueExpected, (await kv.DigestAsync("")).Error);
        Assert.AreEqual(KvError.DictionaryExpected, (await kv.ListAsync("index.html")).Error);
    }

    [TestMethod]
    [DataRow("../secret.txt")]
    [DataRow("css/../../secret.txt")]
    [DataRow("..")]
    [DataRow("./index.html")]
    [DataRow("css\\site.css")]
    public async Task TraversalIsRefused(string key)
    {
        var kv = await Connect();
        Assert.AreEqual(KvError.InvalidKey, (await kv.GetAsync(key)).Error);
        Assert.AreEqual(KvError.InvalidKey, (await kv.ListAsync(key)).Error);
        Assert.AreEqual(KvError.InvalidKey, (await kv.ExistsAsync(key)).Error);
    }

    [TestMethod]
    public async Task LinksLeadingOutsideAreNotServed()
    {
        File.CreateSymbolicLink(Path.Combine(_site.Path, "leak.txt"), Path.Combine(_outside.Path, "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(_site.Path, "css", "elsewhere"), _outside.Path);
        var kv = await Connect();
        Assert.AreEqual(KvError.NotFound, (await kv.GetAsync("leak.txt")).Error);
        Assert.AreEqual(KvError.NotFound, (await kv.GetAsync("css/elsewhere/secret.txt")).Error);
        Assert.AreEqual(KvError.NotFound, (await kv.ListAsync("css/elsewhere")).Error);
        Assert.AreEqual(KvError.NotFound, (await kv.DigestAsync("leak.txt")).Error);
        var root = (await kv.ListAsync("")).Value;
        foreach (var entry in root) Assert.AreNotEqual("leak.txt", entry.Name);
        Assert.HasCount(2, (await kv.ListAsync("css")).Value);
    }

    [TestMethod]
    public async Task LinksInsideTheDirectoryAreFollowed()
    {
        File.CreateSymbolicLink(Path.Combine(_site.Path, "home.html"), "index.html");
        Directory.CreateSymbolicLink(Path.Combine(_site.Path, "styles"), "css");
        var kv = await Connect();
        Assert.AreEqual("<h1>home</h1>", Encoding.UTF8.GetString((await kv.GetAsync("home.html")).Value.Span));
        Assert.AreEqual("body{}", Encoding.UTF8.GetString((await kv.GetAsync("styles/site.css")).Value.Span));
        var root = new List<KvEntry>((await kv.ListAsync("")).Value);
        CollectionAssert.Contains(root, new KvEntry("styles", KvEntryKind.Dictionary));
        CollectionAssert.Contains(root, new KvEntry("home.html", KvEntryKind.Value));
    }

    [TestMethod]
    public async Task ABrokenLinkIsNotFoundAndNotListed()
    {
        File.CreateSymbolicLink(Path.Combine(_site.Path, "dangling"), "nowhere.txt");
        var kv = await Connect();
        Assert.AreEqual(KvError.NotFound, (await kv.GetAsync("dangling")).Error);
        foreach (var entry in (await kv.ListAsync("")).Value) Assert.AreNotEqual("dangling", entry.Name);
    }

    [TestMethod]
    public async Task DigestIsTheSha256OfTheBytes()
    {
        var kv = await Connect();
        byte[] bytes = File.ReadAllBytes(Path.Combine(_site.Path, "css/site.css"));
        string expected = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.AreEqual(expected, (await kv.DigestAsync("css/site.css")).Value);
        _site.Write("empty.txt", "");
        Assert.AreEqual("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", (await kv.DigestAsync("empty.txt")).Value);
    }

    [TestMethod]
    public async Task DigestFollowsAChangedFile()
    {
        var kv = await Connect();
        string path = _site.Write("data.txt", "one");
        string first = (await kv.DigestAsync("data.txt")).Value;
        File.WriteAllText(path, "three");
        string second = (await kv.DigestAsync("data.txt")).Value;
        Assert.AreNotEqual(first, second);
        Assert.AreEqual(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("three"))), second);
    }

    [TestMethod]
    public async Task SizeAndLastModifiedComeFromTheFile()
    {
        var kv = await Connect();
        string path = Path.Combine(_site.Path, "index.html");
        var stamp = new DateTime(2023, 5, 6, 7, 8, 9, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, stamp);
        Assert.AreEqual(13L, (await kv.SizeAsync("index.html")).Value);
        Assert.AreEqual(stamp, (await kv.LastModifiedAsync("index.html")).Value);
        Assert.AreEqual(Directory.GetLastWriteTimeUtc(Path.Combine(_site.Path, "css")), (await kv.LastModifiedAsync("css")).Value);
    }

    [TestMethod]
    public async Task AnUnresolvableEntryIsAnIoError()
    {
        // A link loop cannot be read by anyone, root included (unlike a file without permissions).
        File.CreateSymbolicLink(Path.Combine(_site.Path, "loop-a"), "loop-b");
        File.CreateSymbolicLink(Path.Combine(_site.Path, "loop-b"), "loop-a");
        var kv = await Connect();
        Assert.AreEqual(KvError.IoError, (await kv.GetAsync("loop-a")).Error);
        Assert.AreEqual(KvError.IoError, (await kv.ExistsAsync("loop-b")).Error);
    }

    [TestMethod]
    public async Task ConnectingToAMissingDirectoryFailsWithItsName()
    {
        string missing = Path.Combine(_site.Path, "no-such-dir");
        var result = await DirectoryKeyValue.ConnectAsync(missing);
        Assert.IsTrue(result.IsError);
        Assert.Contains(missing, result.Error.Message);
        Assert.Contains("does not exist", result.Error.Message);
    }

    [TestMethod]
    public async Task ConnectingToAFileFails()
    {
        var result = await DirectoryKeyValue.ConnectAsync(Path.Combine(_site.Path, "index.html"));
        Assert.IsTrue(result.IsError);
        Assert.Contains("not a directory", result.Error.Message);
    }

    [TestMethod]
    public async Task ARelativeSourceIsRelativeToTheCurrentDirectory()
    {
        string previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = _site.Path;
        try
        {
            var result = await DirectoryKeyValue.ConnectAsync("css");
            Assert.IsTrue(result.IsOk, result.ToString());
            Assert.AreEqual("body{}", Encoding.UTF8.GetString((await result.Value.GetAsync("site.css")).Value.Span));
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }
}
