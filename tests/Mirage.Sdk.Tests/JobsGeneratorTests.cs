using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Sdk.Generators;

namespace Mirage.Sdk.Tests;

/// <summary>The jobs source generator, run by Roslyn's own driver over a small compilation.</summary>
[TestClass]
public sealed class JobsGeneratorTests
{
    private const string MainDeclaration = """
        namespace Mirage.Generated;
        internal static partial class MirageMain
        {
            private static partial global::System.Threading.Tasks.Task<int> RunJobsAsync(global::Mirage.Devices.IConsole console, global::Mirage.Devices.IKeyValueReadOnly htdocs);
        }
        """;

    private const string Manifest = "# mirage.jobs v1\nApp.Job\t/src/App.csproj\t7\t6\tconsole|console|console|Mirage.Devices.IConsole\thtdocs|htdocs|kv-ro|Mirage.Devices.IKeyValueReadOnly\n";

    private sealed class ManifestText(string text) : AdditionalText
    {
        public override string Path => "/obj/mirage/unix/mirage.jobs";

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private static (ImmutableArray<Diagnostic> Diagnostics, string? Generated, ImmutableArray<Diagnostic> CompileErrors) Run(string appSource, string manifest = Manifest)
    {
        var references = Basic.References();
        var compilation = CSharpCompilation.Create("App",
            new[] { CSharpSyntaxTree.ParseText(MainDeclaration), CSharpSyntaxTree.ParseText(appSource) },
            references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var driver = CSharpGeneratorDriver.Create(new[] { new JobsGenerator().AsSourceGenerator() }, new[] { new ManifestText(manifest) },
            (CSharpParseOptions)compilation.SyntaxTrees[0].Options);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var generated = output.SyntaxTrees.FirstOrDefault(t => t.FilePath.EndsWith("MirageJobs.g.cs"))?.ToString();
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        return (diagnostics, generated, errors);
    }

    private static class Basic
    {
        public static MetadataReference[] References()
        {
            string runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            return new[] { "System.Private.CoreLib.dll", "System.Runtime.dll", "System.Threading.Tasks.dll", "netstandard.dll" }
                .Select(f => Path.Combine(runtime, f)).Where(File.Exists)
                .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))
                .Append(MetadataReference.CreateFromFile(typeof(Mirage.Devices.IConsole).Assembly.Location))
                .ToArray();
        }
    }

    [TestMethod]
    public void MatchingJobIsConstructedAndStarted()
    {
        var (diagnostics, generated, errors) = Run("""
            namespace App;
            public sealed class Job(Mirage.Devices.IConsole console, Mirage.Devices.IKeyValueReadOnly store)
            {
                public System.Threading.Tasks.Task<int> StartAsync() => System.Threading.Tasks.Task.FromResult(0);
            }
            """);
        Assert.IsEmpty(diagnostics);
        Assert.IsEmpty(errors, string.Join("\n", errors));
        GoldenFile.AssertMatches("job.MirageJobs.g.cs", generated!);
    }

    [TestMethod]
    public void ConstructorTakingABaseTypeIsAccepted()
    {
        var (diagnostics, _, errors) = Run("""
            namespace App;
            public sealed class Job(object console, Mirage.Devices.IKeyValueReadOnly store)
            {
                public System.Threading.Tasks.Task StartAsync() => System.Threading.Tasks.Task.CompletedTask;
            }
            """);
        Assert.IsEmpty(diagnostics);
        Assert.IsEmpty(errors, string.Join("\n", errors));
    }

    [TestMethod]
    public void ConstructorMismatchIsMir0017AtTheJobItem()
    {
        var (diagnostics, _, errors) = Run("""
            namespace App;
            public sealed class Job(Mirage.Devices.IConsole console, Mirage.Devices.IBlock disk)
            {
                public System.Threading.Tasks.Task<int> StartAsync() => System.Threading.Tasks.Task.FromResult(0);
            }
            """);
        var error = diagnostics.Single();
        Assert.AreEqual("MIR0017", error.Id);
        var span = error.Location.GetLineSpan();
        Assert.AreEqual("/src/App.csproj", span.Path);
        Assert.AreEqual(6, span.StartLinePosition.Line, "line 7, zero-based");
        StringAssert.Contains(error.GetMessage(), "htdocs: kv-ro Mirage.Devices.IKeyValueReadOnly");
        StringAssert.Contains(error.GetMessage(), "Job(Mirage.Devices.IConsole console, Mirage.Devices.IBlock disk)");
        Assert.IsEmpty(errors.Where(e => e.Id != "MIR0017"), "no error inside generated code: " + string.Join("\n", errors));
    }

    [TestMethod]
    public void MissingJobTypeIsMir0018()
    {
        var (diagnostics, _, _) = Run("namespace App; public sealed class Other { }");
        Assert.AreEqual("MIR0018", diagnostics.Single().Id);
        StringAssert.Contains(diagnostics.Single().GetMessage(), "App.Job");
    }

    [TestMethod]
    public void JobWithoutStartAsyncIsMir0019()
    {
        var (diagnostics, _, _) = Run("""
            namespace App;
            public sealed class Job(Mirage.Devices.IConsole console, Mirage.Devices.IKeyValueReadOnly store)
            {
                public void Start() { }
            }
            """);
        Assert.AreEqual("MIR0019", diagnostics.Single().Id);
    }

    [TestMethod]
    public void SeveralJobsRunSideBySide()
    {
        string manifest = Manifest + "App.Other\t/src/App.csproj\t8\t6\tconsole|console|console|Mirage.Devices.IConsole\n";
        var (diagnostics, generated, errors) = Run("""
            namespace App;
            public sealed class Job(Mirage.Devices.IConsole console, Mirage.Devices.IKeyValueReadOnly store)
            {
                public System.Threading.Tasks.Task<int> StartAsync() => System.Threading.Tasks.Task.FromResult(0);
            }
            public sealed class Other(Mirage.Devices.IConsole console)
            {
                public System.Threading.Tasks.ValueTask StartAsync() => default;
            }
            """, manifest);
        Assert.IsEmpty(diagnostics);
        Assert.IsEmpty(errors, string.Join("\n", errors));
        StringAssert.Contains(generated!, "global::Mirage.Boot.JobCompletion.All(");
        StringAssert.Contains(generated!, "var job1 = new global::App.Other(console);");
    }
}
