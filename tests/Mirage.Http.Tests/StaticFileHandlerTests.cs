using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Http.Tests.Infrastructure;

namespace Mirage.Http.Tests;

[TestClass]
public sealed class StaticFileHandlerTests
{
    private const string IndexHtml = "<h1>home</h1>";
    private const string LastModified = "Sun, 06 Nov 1994 08:49:37 GMT";
    private const string NotFoundPage =
        "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>\n";

    private static InMemoryStore Site() => new InMemoryStore()
        .Add("index.html", IndexHtml)
        .Add("style.css", "body{}")
        .Add("docs/index.html", "<h1>docs</h1>")
        .Add("docs/guide.txt", "read me")
        .Add("empty/readme.txt", "no index here")
        .Add("hello world.txt", "spaced")
        .Add("caf\u00E9.txt", "accented")
        .Add("broken.bin", "x");

    private static string ETagOf(string content) => "\"" + InMemoryStore.DigestOf(Encoding.UTF8.GetBytes(content)) + "\"";

    private static void WithSite(System.Func<ServerHarness, System.Threading.Tasks.Task> test, InMemoryStore? store = null) =>
        Serve.With(new StaticFileHandler(store ?? Site()), test);

    private static string Get(string target, string extraHeaders = "") =>
        "GET " + target + " HTTP/1.1\r\nHost: site\r\n" + extraHeaders + "\r\n";

    [TestMethod]
    public void FileIsServedWithTypeLengthETagAndLastModified()
    {
        WithSite(async server =>
        {
            TestResponse response = await server.ExchangeAsync(Get("/style.css"));

            Assert.AreEqual(
                "HTTP/1.1 200 OK\r\nServer: Mirage.NET\r\n" +
                "ETag: " + ETagOf("body{}") + "\r\n" +
                "Last-Modified: " + LastModified + "\r\n" +
                "Content-Type: text/css; charset=utf-8\r\n" +
                "Content-Length: 6\r\n\r\n",
                response.Head);
            Assert.AreEqual("body{}", response.BodyText);
        });
    }

    [TestMethod]
    public void RootServesIndexHtml()
    {
        WithSite(async server =>
        {
            TestResponse response = await server.ExchangeAsync(Get("/"));

            Assert.AreEqual(200, response.StatusCode);
            Assert.AreEqual("text/html; charset=utf-8", response.Header("Content-Type"));
            Assert.AreEqual(IndexHtml, response.BodyText);
        });
    }

    [TestMethod]
    public void DirectoryWithSlashServesItsIndexHtml()
    {
        WithSite(async server =>
        {
            TestResponse response = await server.ExchangeAsync(Get("/docs/"));

            Assert.AreEqual(200, response.StatusCode);
            Assert.AreEqual("<h1>docs</h1>", response.BodyText);
        });
    }

    [TestMethod]
    [DataRow("/docs", "/docs/")]
    [DataRow("/docs?tab=2", "/docs/?tab=2")]
    [DataRow("/empty", "/empty/")]
    public void DirectoryWithoutSlashIsRedirectedToTheSlashForm(string target, string location)
    {
        WithSite(async server =>
        {
            TestResponse response = await server.ExchangeAsync(Get(target));

            Assert.AreEqual("HTTP/1.1 301 Moved Permanently", response.StatusLine);
            Assert.AreEqual(location, response.Header("Location"));
        });
    }

    [TestMethod]
    [DataRow("/missing.html")]
    [DataRow("/docs/missing/")]
    [DataRow("/empty/")]
    [DataRow("/style.css/")]
    [DataRow("/style.css/more")]
    public void MissingFileIs404WithAnHtmlPage(string target)
    {
        WithSite(async server =>
        {
            TestResponse response = await server.ExchangeAsync(Get(target));

            Assert.AreEqual("HTTP/1.1 404 Not Found", response.StatusLine);
            Assert.AreEqual("text/html; charset=utf-8", response.Header("Content-Type"));
            Assert.IsNull(response.Header("ETag"));
            Assert.AreEqual(NotFoundPage, response.BodyText);
        });
    }

    [TestMethod]
    public void QueryIsIgnoredForTheLookup()
    {
        WithSite(async server =>
        {
            TestResponse response = await server.ExchangeAsync(Get("/docs/guide.txt?version=3&x=%2F.."));

            Assert.AreEqual(200, response.StatusCode);
            Assert.AreEqual("read me", response.BodyText);
        });
    }

    [TestMethod]
    [DataRow("/hello%20world.txt", "spaced")]
    [DataRow("/caf%C3%A9.txt", "accented")]
    [DataRow("/caf%c3%a9.txt", "accented")]
    [DataRow("/docs%2Fguide.txt", "read me")]
    [DataRow("//docs//guide.txt", "read me")]
    public void PercentEncodedPathsAreDecoded(string target, string body)
    {
        WithSite(async server =>
        {
            TestResponse response = await server.ExchangeAsync(Get(target));

            Assert.AreEqual(200, response.StatusCode);
            Assert.AreEqual(body, response.BodyText);
        });
    }

    [TestMethod]
    [DataRow("/../secret")]
    [DataRow("/docs/../index.html")]
    [DataRow("/./index.html")]
    [DataRow("/%2e%2e/secret")]
    [DataRow("/docs/%2E%2E/index.html")]
    [DataRow("/docs%2F..%2Findex.html")]
    [DataRow("/docs/..")]
    [DataRow("/a%5c..%5cb")]
    [DataRow("/index.html%00.txt")]
    [DataRow("/bad%zz")]
    [DataRow("/bad%4")]
    [DataRow("/bad%C3")]
    [DataRow("/bad%FF")]
    public void TraversalAndMalformedPathsAre400(string target)
    {
        WithSite(async server =>
        {
            TestResponse response = await server.ExchangeAsync(Get(target));

            Assert.AreEqual("HTTP/1.1 400 Bad Request", response.StatusLine);
            Assert.AreEqual("Bad Request\n", response.BodyText);
        });
    }

    [TestMethod]
    [DataRow("POST")]
    [DataRow("PUT")]
    [DataRow("DELETE")]
    [DataRow("OPTIONS")]
    [DataRow("BREW")]
    public void MethodsOtherThanGetAndHeadAre405WithAllow(string method)
    {
        WithSite(async server =>
        {
            TestResponse response = await server.ExchangeAsync(method + " /index.html HTTP/1.1\r\nHost: site\r\nContent-Length: 0\r\n\r\n");

            Assert.AreEqual("HTTP/1.1 405 Method Not Allowed", response.StatusLine);
            Assert.AreEqual("GET, HEAD", response.Header("Allow"));
            Assert.AreEqual("Method Not Allowed\n", response.BodyText);
        });
    }

    [TestMethod]
    public void HeadAnnouncesTheLengthWithoutReadingTheValue()
    {
        InMemoryStore store = Site();
        WithSite(async server =>
        {
            await using TestClient client = server.Connect();
            await client.SendAsync("HEAD /docs/guide.txt HTTP/1.1\r\nHost: site\r\nConnection: close\r\n\r\n");

            Assert.AreEqual(
                "HTTP/1.1 200 OK\r\nServer: Mirage.NET\r\n" +
                "ETag: " + ETagOf("read me") + "\r\n" +
                "Last-Modified: " + LastModified + "\r\n" +
                "Content-Type: text/plain; charset=utf-8\r\n" +
                "Content-Length: 7\r\nConnection: close\r\n\r\n",
                await client.ReadToEndAsync());
            Assert.AreEqual(0, store.GetCalls);
        }, store);
    }

    [TestMethod]
    [DataRow("\"{0}\"")]
    [DataRow("W/\"{0}\"")]
    [DataRow("\"other\", \"{0}\"")]
    [DataRow("\"other\",W/\"{0}\" , \"third\"")]
    [DataRow("*")]
    public void MatchingIfNoneMatchIs304WithTheETagAndNoBody(string ifNoneMatch)
    {
        string etag = ETagOf("body{}");
        string header = ifNoneMatch.Replace("\"{0}\"", etag);
        WithSite(async server =>
        {
            await using TestClient client = server.Connect();
            await client.SendAsync(Get("/style.css", "If-None-Match: " + header + "\r\nConnection: close\r\n"));

            Assert.AreEqual(
                "HTTP/1.1 304 Not Modified\r\nServer: Mirage.NET\r\n" +
                "ETag: " + etag + "\r\nLast-Modified: " + LastModified + "\r\nConnection: close\r\n\r\n",
                await client.ReadToEndAsync());
        });
    }

    [TestMethod]
    [DataRow("\"stale\"")]
    [DataRow("\"stale\", W/\"older\"")]
    [DataRow("garbage")]
    public void NonMatchingIfNoneMatchIsAFull200(string ifNoneMatch)
    {
        WithSite(async server =>
        {
            TestResponse response = await server.ExchangeAsync(Get("/style.css", "If-None-Match: " + ifNoneMatch + "\r\n"));

            Assert.AreEqual(200, response.StatusCode);
            Assert.AreEqual("body{}", response.BodyText);
        });
    }

    [TestMethod]
    public void StoreFailureIs500()
    {
        WithSite(async server =>
        {
            TestResponse response = await server.ExchangeAsync(Get("/broken.bin"));

            Assert.AreEqual("HTTP/1.1 500 Internal Server Error", response.StatusLine);
            Assert.IsNull(response.Header("ETag"));
            Assert.AreEqual("Internal Server Error\n", response.BodyText);
        }, Site().Failing("broken.bin"));
    }

    [TestMethod]
    [DataRow("a.html", "text/html; charset=utf-8")]
    [DataRow("a.htm", "text/html; charset=utf-8")]
    [DataRow("a.css", "text/css; charset=utf-8")]
    [DataRow("a.js", "text/javascript; charset=utf-8")]
    [DataRow("a.mjs", "text/javascript; charset=utf-8")]
    [DataRow("a.json", "application/json; charset=utf-8")]
    [DataRow("a.txt", "text/plain; charset=utf-8")]
    [DataRow("a.svg", "image/svg+xml; charset=utf-8")]
    [DataRow("a.xml", "application/xml; charset=utf-8")]
    [DataRow("a.png", "image/png")]
    [DataRow("a.jpg", "image/jpeg")]
    [DataRow("a.jpeg", "image/jpeg")]
    [DataRow("a.gif", "image/gif")]
    [DataRow("a.webp", "image/webp")]
    [DataRow("a.ico", "image/x-icon")]
    [DataRow("a.wasm", "application/wasm")]
    [DataRow("a.pdf", "application/pdf")]
    [DataRow("a.woff", "font/woff")]
    [DataRow("a.woff2", "font/woff2")]
    [DataRow("A.PNG", "image/png")]
    [DataRow("archive.tar.gz", "application/octet-stream")]
    [DataRow("Makefile", "application/octet-stream")]
    [DataRow("v1.2/README", "application/octet-stream")]
    public void ContentTypeFollowsTheExtension(string key, string contentType)
    {
        WithSite(async server =>
        {
            TestResponse response = await server.ExchangeAsync(Get("/" + key));

            Assert.AreEqual(200, response.StatusCode);
            Assert.AreEqual(contentType, response.Header("Content-Type"));
        }, new InMemoryStore().Add(key, "content"));
    }
}
