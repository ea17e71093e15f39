using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Sdk.Codegen;

namespace Mirage.Sdk.Tests;

/// <summary>What the resolver generates, per target, kept as golden files reviewed like code.</summary>
[TestClass]
public sealed class GoldenTests
{
    private const string Website = CatalogFixture.WebsiteProject;

    [TestMethod]
    public void HelloMainForUnix()
    {
        var (graph, diagnostics) = CatalogFixture.Resolve("""<MirageJob Include="Hello.Unikernel" Devices="console;time" />""");
        Assert.IsEmpty(diagnostics);
        GoldenFile.AssertMatches("hello.unix.MirageMain.g.cs", MainSourceWriter.Write(graph!, "hello", "hello.csproj", "Mirage.Runtime.Unix.UnixPlatform.Run"));
    }

    [TestMethod]
    public void WebsiteMainForUnix()
    {
        var (graph, diagnostics) = CatalogFixture.Resolve(Website);
        Assert.IsEmpty(diagnostics);
        GoldenFile.AssertMatches("website.unix.MirageMain.g.cs", MainSourceWriter.Write(graph!, "website", "website.csproj", "Mirage.Runtime.Unix.UnixPlatform.Run"));
        GoldenFile.AssertMatches("website.unix.mirage.jobs", JobsManifestWriter.Write(graph!).Replace("App.csproj", "website.csproj"));
    }

    [TestMethod]
    public void ParametersAreReadFromBootArgumentsByType()
    {
        var (graph, _) = CatalogFixture.Resolve(Website);
        string main = MainSourceWriter.Write(graph!, "website", "website.csproj", "P.Run");
        StringAssert.Contains(main, "boot.GetPort(\"http\", \"port\")");
        StringAssert.Contains(main, "boot.GetPath(\"htdocs\", \"source\")");
        StringAssert.Contains(main, "boot.GetIpv4(\"net\", \"listen\")");
    }

    [TestMethod]
    public void CrunchedWebsiteEmbedsItsFiles()
    {
        string project = Directory.CreateTempSubdirectory().FullName;
        string htdocs = Path.Combine(project, "htdocs");
        Directory.CreateDirectory(Path.Combine(htdocs, "css"));
        File.WriteAllText(Path.Combine(htdocs, "index.html"), "<h1>hi</h1>\n");
        File.WriteAllBytes(Path.Combine(htdocs, "css", "a.css"), new byte[] { 0x62, 0x7b, 0x7d, 0x00, 0xff });
        var fixedTime = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(Path.Combine(htdocs, "index.html"), fixedTime);
        File.SetLastWriteTimeUtc(Path.Combine(htdocs, "css", "a.css"), fixedTime);

        var (graph, diagnostics) = CatalogFixture.Resolve(Website.Replace("Kind=\"kv-ro\"", "Kind=\"kv-ro\" Implementation=\"crunch\""), "unix", project);
        Assert.IsEmpty(diagnostics, string.Join("\n", diagnostics));
        GoldenFile.AssertMatches("website-crunch.unix.MirageMain.g.cs", MainSourceWriter.Write(graph!, "website", "website.csproj", "Mirage.Runtime.Unix.UnixPlatform.Run"));
        GoldenFile.AssertMatches("website-crunch.unix.MirageEmbedded.g.cs", EmbeddedSourceWriter.Write(graph!, project));
    }

    [TestMethod]
    public void EmbeddedDigestIsSha256OfTheBytes()
    {
        Assert.AreEqual("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", EmbeddedSourceWriter.Sha256Hex(Array.Empty<byte>()));
    }
}
