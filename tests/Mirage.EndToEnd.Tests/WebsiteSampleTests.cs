using System;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Mirage.EndToEnd.Tests;

/// <summary>The website sample served from its htdocs directory (the unix default), fetched with curl.</summary>
[TestClass]
public class WebsiteSampleTests
{
    private static WebsiteServer? s_directory;

    protected virtual WebsiteServer Server => s_directory!;

    [ClassInitialize]
    public static void StartServer(TestContext _) => s_directory = WebsiteServer.Start("website");

    [ClassCleanup]
    public static void StopServer() => s_directory?.Dispose();

    [TestMethod]
    public void EveryFileIsServedByteForByteWithItsContentType()
    {
        var files = Directory.GetFiles(Server.Htdocs, "*", SearchOption.AllDirectories);
        Assert.IsGreaterThanOrEqualTo(5, files.Length);
        foreach (string file in files)
        {
            string path = "/" + Path.GetRelativePath(Server.Htdocs, file).Replace('\\', '/');
            var (status, body) = Curl.Download(Server.BaseUrl + path);
            Assert.AreEqual(200, status, path);
            CollectionAssert.AreEqual(File.ReadAllBytes(file), body, path);
        }
        var head = Curl.Run("--include", Server.BaseUrl + "/style.css");
        StringAssert.Contains(head.Output, "Content-Type: text/css; charset=utf-8");
        var svg = Curl.Run("--include", Server.BaseUrl + "/images/logo.svg");
        StringAssert.Contains(svg.Output, "Content-Type: image/svg+xml");
    }

    [TestMethod]
    public void RootAndDirectoriesServeTheirIndex()
    {
        var (status, body) = Curl.Download(Server.BaseUrl + "/");
        Assert.AreEqual(200, status);
        CollectionAssert.AreEqual(File.ReadAllBytes(Path.Combine(Server.Htdocs, "index.html")), body);
        var (docsStatus, docsBody) = Curl.Download(Server.BaseUrl + "/docs/");
        Assert.AreEqual(200, docsStatus);
        CollectionAssert.AreEqual(File.ReadAllBytes(Path.Combine(Server.Htdocs, "docs", "index.html")), docsBody);
    }

    [TestMethod]
    public void MissingFileIs404()
    {
        var (status, _) = Curl.Download(Server.BaseUrl + "/no/such/page.html");
        Assert.AreEqual(404, status);
    }

    [TestMethod]
    public void ETagRevalidationIs304WithoutBody()
    {
        var first = Curl.Run("--include", Server.BaseUrl + "/about.html");
        var etag = Regex.Match(first.Output, "^ETag: (\"[^\"]+\")\r?$", RegexOptions.Multiline | RegexOptions.IgnoreCase);
        Assert.IsTrue(etag.Success, first.Output);
        var second = Curl.Run("--include", "--header", "If-None-Match: " + etag.Groups[1].Value, Server.BaseUrl + "/about.html");
        StringAssert.StartsWith(second.Output, "HTTP/1.1 304");
        StringAssert.Contains(second.Output, "ETag: " + etag.Groups[1].Value);
        // Over a raw connection: nothing may follow the header of a 304.
        string raw = RawExchange($"GET /about.html HTTP/1.1\r\nHost: x\r\nIf-None-Match: {etag.Groups[1].Value}\r\nConnection: close\r\n\r\n");
        StringAssert.StartsWith(raw, "HTTP/1.1 304");
        Assert.IsTrue(raw.EndsWith("\r\n\r\n", StringComparison.Ordinal), "a 304 has no body: " + raw);
        var other = Curl.Run("--include", "--header", "If-None-Match: \"something-else\"", Server.BaseUrl + "/about.html");
        StringAssert.StartsWith(other.Output, "HTTP/1.1 200");
    }

    [TestMethod]
    public void HeadHasTheHeadersOfGetAndNoBody()
    {
        var head = Curl.Run("--head", Server.BaseUrl + "/index.html");
        StringAssert.StartsWith(head.Output, "HTTP/1.1 200");
        long size = new FileInfo(Path.Combine(Server.Htdocs, "index.html")).Length;
        StringAssert.Contains(head.Output, $"Content-Length: {size}");
        // Over a raw connection: no body bytes may follow the header of a HEAD response.
        string raw = RawExchange("HEAD /index.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        Assert.IsTrue(raw.EndsWith("\r\n\r\n", StringComparison.Ordinal), raw);
    }

    [TestMethod]
    public void SeveralRequestsShareOneKeptAliveConnection()
    {
        var result = Curl.Run("--verbose", "--output", "/dev/null", "--output", "/dev/null", "--output", "/dev/null",
            Server.BaseUrl + "/", Server.BaseUrl + "/style.css", Server.BaseUrl + "/about.html");
        Assert.AreEqual(0, result.ExitCode, result.All);
        Assert.AreEqual(1, Regex.Matches(result.Error, "Connected to 127.0.0.1").Count, result.Error);
        Assert.AreEqual(2, Regex.Matches(result.Error, "Re-using existing connection").Count, result.Error);
    }

    [TestMethod]
    public void PipelinedRequestsAreAnsweredInOrder()
    {
        string raw = RawExchange("GET /style.css HTTP/1.1\r\nHost: x\r\n\r\nGET /nope HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        var statuses = Regex.Matches(raw, "^HTTP/1.1 (\\d{3})", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToArray();
        CollectionAssert.AreEqual(new[] { "200", "404", "200" }, statuses, raw);
    }

    [TestMethod]
    public void MalformedRequestLineIs400()
    {
        string raw = RawExchange("GARBAGE\r\n\r\n");
        StringAssert.StartsWith(raw, "HTTP/1.1 400");
        Assert.IsFalse(Server.HasExited);
        var (status, _) = Curl.Download(Server.BaseUrl + "/");
        Assert.AreEqual(200, status, "the server keeps serving after a bad request");
    }

    [TestMethod]
    public void OtherMethodsAre405WithAllow()
    {
        var result = Curl.Run("--include", "--request", "DELETE", Server.BaseUrl + "/index.html");
        StringAssert.StartsWith(result.Output, "HTTP/1.1 405");
        StringAssert.Contains(result.Output, "Allow: GET, HEAD");
    }

    [TestMethod]
    public void DeviceThatCannotConnectStopsStartUpNamingIt()
    {
        // 192.0.2.1 (TEST-NET-1) is never an address of this host, so the socket stack cannot bind it.
        var run = UserWorkspace.Dotnet(Path.GetTempPath(), Server.App, "--net.listen=192.0.2.1", "--http.port=1");
        Assert.AreEqual(3, run.ExitCode, run.All);
        StringAssert.Contains(run.Error, "device 'net' (stackv4) failed to connect");
        StringAssert.Contains(run.Error, "192.0.2.1");
    }

    [TestMethod]
    public void MalformedBootArgumentStopsStartUpWithExitCodeTwo()
    {
        var run = UserWorkspace.Dotnet(Path.GetTempPath(), Server.App, "--http.port=http");
        Assert.AreEqual(2, run.ExitCode, run.All);
        StringAssert.Contains(run.Error, "'--http.port=http'");
        StringAssert.Contains(run.Error, "port number");
    }

    /// <summary>Sends bytes as they are and reads until the server closes the connection.</summary>
    private string RawExchange(string request)
    {
        using var client = new TcpClient("127.0.0.1", Server.Port);
        client.ReceiveTimeout = 10000;
        var stream = client.GetStream();
        stream.Write(Encoding.ASCII.GetBytes(request));
        var response = new MemoryStream();
        var buffer = new byte[4096];
        int read;
        while ((read = stream.Read(buffer)) > 0) response.Write(buffer, 0, read);
        return Encoding.ASCII.GetString(response.ToArray());
    }
}

/// <summary>The same checks with htdocs compiled into the application (Implementation="crunch").</summary>
[TestClass]
public sealed class CrunchedWebsiteSampleTests : WebsiteSampleTests
{
    private static WebsiteServer? s_crunch;

    protected override WebsiteServer Server => s_crunch!;

    [ClassInitialize(InheritanceBehavior.None)]
    public static void StartCrunched(TestContext _) => s_crunch = WebsiteServer.Start("website-crunch", "-p:HtdocsImplementation=crunch");

    [ClassCleanup(InheritanceBehavior.None)]
    public static void StopCrunched() => s_crunch?.Dispose();
}
