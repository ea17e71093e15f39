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
    public T Pick<T, TOther>(T first, TOther second) => first;
}

public struct DemanglerSubjectValue { public int Read() => 0; }
public sealed class DemanglerSubjectBox<T> { public void Put(T item) { } }

public class DemanglerSubjectError : System.Exception { }
public sealed class DemanglerSubjectDerivedError : DemanglerSubjectError { }
public class DemanglerSubjectGenericError<T> : System.InvalidOperationException { }
public sealed class DemanglerSubjectInstantiatedError : DemanglerSubjectGenericError<int> { }

/// <summary>
/// The stack-trace symbol table of unikernel images (docs/exceptions.md): ilc's symbol names
/// turned back into .NET names from assembly metadata, and the binary table the runtime reads.
/// </summary>
[TestClass]
public sealed class SymbolTableTests
{
    // The test assembly and the core library its exceptions derive from (as an image's compiled assemblies).
    private static readonly IlcNameDemangler s_demangler = new(new[] { typeof(DemanglerSubject).Assembly.Location, typeof(object).Assembly.Location });

    [TestMethod]
    [DataRow("Mirage_Sdk_Tests_Mirage_Sdk_Tests_DemanglerSubject__Run", "Mirage.Sdk.Tests.DemanglerSubject.Run")]
    [DataRow("Mirage_Sdk_Tests_Mirage_Sdk_Tests_DemanglerSubject__Run_1", "Mirage.Sdk.Tests.DemanglerSubject.Run")]
    [DataRow("Mirage_Sdk_Tests_Mirage_Sdk_Tests_DemanglerSubject___ctor", "Mirage.Sdk.Tests.DemanglerSubject..ctor")]
    [DataRow("Mirage_Sdk_Tests_Mirage_Sdk_Tests_DemanglerSubject_Inner__Step", "Mirage.Sdk.Tests.DemanglerSubject.Inner.Step")]
    [DataRow("Mirage_Sdk_Tests_Mirage_Sdk_Tests_DemanglerSubject__Missing", "Mirage.Sdk.Tests.DemanglerSubject.Missing")]
    [DataRow("Mirage_Sdk_Tests_Mirage_Sdk_Tests_DemanglerSubject__Pick<Int32__System___Canon>", "Mirage.Sdk.Tests.DemanglerSubject.Pick[T,TOther]")]
    [DataRow("Mirage_Sdk_Tests_Mirage_Sdk_Tests_DemanglerSubjectBox_1<Mirage_Sdk_Tests_Mirage_Sdk_Tests_DemanglerSubjectBox_1<Int32>>__Put", "Mirage.Sdk.Tests.DemanglerSubjectBox`1.Put")]
    [DataRow("<Boxed>Mirage_Sdk_Tests_Mirage_Sdk_Tests_DemanglerSubjectValue<Int32>__<unbox>Mirage_Sdk_Tests_Mirage_Sdk_Tests_DemanglerSubjectValue__Read", "Mirage.Sdk.Tests.DemanglerSubjectValue.Read")]
    [DataRow("unbox_Mirage_Sdk_Tests_Mirage_Sdk_Tests_DemanglerSubjectValue__Read", "Mirage.Sdk.Tests.DemanglerSubjectValue.Read")]
    [DataRow("unbox_Mirage_Sdk_Tests_Mirage_Sdk_Tests_Unknown__Read", "unbox_Mirage_Sdk_Tests_Mirage_Sdk_Tests_Unknown__Read")]
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
    public void MethodSymbolsSplitIntoDeclaringTypeAndMethod()
    {
        Assert.AreEqual("Step", s_demangler.MethodNameParts("Mirage_Sdk_Tests_Mirage_Sdk_Tests_DemanglerSubject_Inner__Step", out string? typeName));
        Assert.AreEqual("Mirage.Sdk.Tests.DemanglerSubject.Inner", typeName);
        Assert.AreEqual("RhpThrowEx", s_demangler.MethodNameParts("RhpThrowEx", out typeName));
        Assert.IsNull(typeName);
    }

    [TestMethod]
    [DataRow("_ZTV55Mirage_Sdk_Tests_Mirage_Sdk_Tests_DemanglerSubjectError", true)]
    [DataRow("_ZTV62Mirage_Sdk_Tests_Mirage_Sdk_Tests_DemanglerSubjectDerivedError", true)]
    [DataRow("_ZTV67Mirage_Sdk_Tests_Mirage_Sdk_Tests_DemanglerSubjectInstantiatedError", true)]
    [DataRow("_ZTV63Mirage_Sdk_Tests_Mirage_Sdk_Tests_DemanglerSubjectGenericError_1<Int32>", true)]
    [DataRow("_ZTV33System_Private_CoreLib_System_Exception", true)]
    [DataRow("_ZTV50Mirage_Sdk_Tests_Mirage_Sdk_Tests_DemanglerSubject", false)]
    [DataRow("_ZTV30System_Private_CoreLib_System_Object", false)]
    [DataRow("_ZTV20Boxed_UnknownThing", false)]
    [DataRow("Mirage_Sdk_Tests_Mirage_Sdk_Tests_DemanglerSubjectError___ctor", false)]
    public void ExceptionTypesAreRecognizedThroughTheirBaseTypes(string symbol, bool isException) =>
        Assert.AreEqual(isException, s_demangler.IsExceptionType(symbol), symbol);

    /// <summary>A table small enough to check byte by byte against the format (SymbolTable's comment).</summary>
    [TestMethod]
    public void TheTableIsEncodedAsDocumented()
    {
        var methods = new List<SymbolTable.Entry>
        {
            new(0x1000, 0x20, "Ns.Type", "C"),
            new(0x1020, 0x10, "Ns.Type", "D"),
            new(0x1040, 0x08, null, "Rhp"),
        };
        var types = new List<SymbolTable.Entry> { new(0x5000, 0, null, "Ns.TypeError") };
        byte[] expected =
        {
            0x4D, 0x53, 0x59, 0x32,  3, 0, 0, 0,  1, 0, 0, 0,  5, 0, 0, 0,       // "MSY2", 3 methods, 1 type, 5 strings
            32, 0, 0, 0,  40, 0, 0, 0,  48, 0, 0, 0,  12, 0, 0, 0,             // indexes at 32, 40, 48; longest string 12
            0x00, 0x10, 0, 0,  52, 0, 0, 0,                                    // method block 0: first start 0x1000, data at 52
            0x00, 0x50, 0, 0,  64, 0, 0, 0,                                    // type block 0: first address 0x5000, data at 64
            66, 0, 0, 0,                                                       // string block 0: data at 66
            0x00, 0x20, 3, 0,                                                  // C: gap 0, size 0x20, owner "Ns.Type" (string 2) + 1, name "C" (string 0)
            0x00, 0x10, 3, 1,                                                  // D: touches C (gap 0), size 0x10, owner, name "D" (1)
            0x20, 0x08, 0, 4,                                                  // Rhp: gap 0x10 (zigzag 0x20), size 8, no owner, name "Rhp" (4)
            0x00, 3,                                                           // Ns.TypeError: the block's first address + 0, name (3)
            0, 1, (byte)'C',
            0, 1, (byte)'D',
            0, 7, (byte)'N', (byte)'s', (byte)'.', (byte)'T', (byte)'y', (byte)'p', (byte)'e',
            7, 5, (byte)'E', (byte)'r', (byte)'r', (byte)'o', (byte)'r',      // shares "Ns.Type" with the previous string
            0, 3, (byte)'R', (byte)'h', (byte)'p',
            0, 0, 0,                                                           // padding to a multiple of 4 bytes
        };
        CollectionAssert.AreEqual(expected, SymbolTable.Write(methods, types));
    }

    [TestMethod]
    public void EveryEntryComesBackWithItsName()
    {
        // Several blocks of each kind, gaps and touching methods, owners shared and absent, prefixes shared.
        var methods = new List<SymbolTable.Entry>();
        uint address = 0x100000;
        for (int i = 0; i < 3 * SymbolTable.BlockLength + 5; i++)
        {
            uint size = (uint)(1 + i * 7 % 300);
            methods.Add(new SymbolTable.Entry(address, size, i % 5 == 0 ? null : "Ns.Type" + i % 9, "Method" + i));
            address += size + (uint)(i % 3 == 0 ? 0 : i * 13);
        }
        var types = Enumerable.Range(0, 2 * SymbolTable.BlockLength + 1)
                              .Select(i => new SymbolTable.Entry(0x200000 + (uint)i * 0x58, 0, null, "Ns.Type" + i % 9 + "Error")).ToList();
        SymbolTable.Read(SymbolTable.Write(methods, types), out var readMethods, out var readTypes);
        CollectionAssert.AreEqual(methods.Select(m => (m.Address, m.Size, m.FullName)).ToList(), readMethods.Select(m => (m.Address, m.Size, m.FullName)).ToList());
        CollectionAssert.AreEqual(types.Select(t => (t.Address, t.Name)).ToList(), readTypes.Select(t => (t.Address, t.Name)).ToList());
    }

    [TestMethod]
    public void UnsortedEntriesAreRefused()
    {
        var methods = new List<SymbolTable.Entry> { new(0x2000, 4, null, "B"), new(0x1000, 4, null, "A") };
        Assert.ThrowsExactly<System.ArgumentException>(() => SymbolTable.Write(methods, new List<SymbolTable.Entry>()));
    }
}
