using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Sdk.Symbols;

namespace Mirage.Sdk.Tests;

/// <summary>Types the demangler must name (this assembly is its metadata input).</summary>
public sealed class DemanglerSubject
{
    public DemanglerSubject() { }
    public void Run() { }
    public void Run(int times) { }
    public sealed class Inner { public void Step() { } }
}

/// <summary>
/// The stack-trace symbol table of unikernel images (docs/exceptions.md): ilc's symbol names
/// turned back into .NET names from assembly metadata, and the binary table the runtime reads.
/// </summary>
[TestClass]
public sealed class SymbolTableTests
{
    private static readonly IlcNameDemangler s_demangler = new(new[] { typeof(DemanglerSubject).Assembly.Location });

    [TestMethod]
    [DataRow("Mirage_Sdk_Tests_Mirage_Sdk_Tests_DemanglerSubject__Run", "Mirage.Sdk.Tests.DemanglerSubject.Run")]
    [DataRow("Mirage_Sdk_Tests_Mirage_Sdk_Tests_DemanglerSubject__Run_1", "Mirage.Sdk.Tests.DemanglerSubject.Run")]
    [DataRow("Mirage_Sdk_Tests_Mirage_Sdk_Tests_DemanglerSubject___ctor", "Mirage.Sdk.Tests.DemanglerSubject..ctor")]
    [DataRow("Mirage_Sdk_Tests_Mirage_Sdk_Tests_DemanglerSubject_Inner__Step", "Mirage.Sdk.Tests.DemanglerSubject.Inner.Step")]
    [DataRow("Mirage_Sdk_Tests_Mirage_Sdk_Tests_DemanglerSubject__Missing", "Mirage.Sdk.Tests.DemanglerSubject.Missing")]
    [DataRow("RhpThrowEx", "RhpThrowEx")]
    public void MethodSymbolsBecomeDotNetNames(string symbol, string expected) =>
        Assert.AreEqual(expected, s_demangler.MethodName(symbol));

    [TestMethod]
    public void MethodTableSymbolsBecomeTypeNames()
    {
        Assert.AreEqual("Mirage.Sdk.Tests.DemanglerSubject", s_demangler.TypeName("_ZTV50Mirage_Sdk_Tests_Mirage_Sdk_Tests_DemanglerSubject"));
        Assert.IsNull(s_demangler.TypeName("Mirage_Sdk_Tests_Mirage_Sdk_Tests_DemanglerSubject__Run"));
    }

    [TestMethod]
    public void TheTableListsMethodsAndTypesWithTheirNames()
    {
        var methods = new List<SymbolTable.Entry> { new(0x1000, 0x20, "A.B.C"), new(0x1020, 0x10, "A.B.D") };
        var types = new List<SymbolTable.Entry> { new(0x5000, 0, "A.B") };
        byte[] table = SymbolTable.Write(methods, types);
        Assert.AreEqual(SymbolTable.Magic, System.BitConverter.ToUInt32(table, 0));
        CollectionAssert.AreEqual(new[] { (0x1000u, 0x20u), (0x1020u, 0x10u), (0x5000u, 0u) }, SymbolTable.Addresses(table).ToArray());
        uint nameOffset = System.BitConverter.ToUInt32(table, 16 + 12 + 8);
        Assert.AreEqual("A.B.D", System.Text.Encoding.UTF8.GetString(table, (int)nameOffset, 5));
        Assert.AreEqual(0, table[nameOffset + 5]);
        Assert.AreEqual(0, table.Length % 4);
    }
}
