using System;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Mirage.Sdk.Symbols;

namespace Mirage.Sdk.Tasks;

/// <summary>
/// Writes the address -> name table of a unikernel image's stack traces (docs/exceptions.md) from
/// a first link of the image: its methods and MethodTables, named from the compiled assemblies,
/// as a binary table and an assembly source that puts it in the .mirage_symbols section. With
/// <see cref="VerifyOnly"/>, checks instead that the final link left every named address where the
/// table says (the table is linked after everything it names; if that ever changed, the trace
/// would name the wrong methods, so the build stops).
/// </summary>
public sealed class WriteMirageSymbolTable : Task
{
    [Required] public string ElfPath { get; set; } = "";
    [Required] public string TablePath { get; set; } = "";
    public ITaskItem[] Assemblies { get; set; } = Array.Empty<ITaskItem>();
    public string AssemblySourcePath { get; set; } = "";
    public bool VerifyOnly { get; set; }

    public override bool Execute()
    {
        var symbols = ElfSymbols.Read(ElfPath, out _);
        SymbolTable.Select(symbols, out var methods, out var types);
        if (VerifyOnly)
        {
            var expected = SymbolTable.Addresses(File.ReadAllBytes(TablePath));
            var actual = methods.Select(m => ((uint)m.Address, (uint)m.Size)).Concat(types.Select(t => ((uint)t.Address, 0u))).ToList();
            if (!expected.SequenceEqual(actual))
            {
                Log.LogError(null, "MIR0034", null, ElfPath, 0, 0, 0, 0,
                    "Linking the stack-trace symbol table into '{0}' moved the methods or types it names: the runtime pack's linker script must place .mirage_symbols after all code and data.", ElfPath);
                return false;
            }
            return true;
        }

        var demangler = new IlcNameDemangler(Assemblies.Select(a => a.GetMetadata("FullPath")).Distinct(StringComparer.Ordinal));
        var methodEntries = methods.Select(m => new SymbolTable.Entry((uint)m.Address, (uint)m.Size, demangler.MethodName(m.Name))).ToList();
        var typeEntries = types.Select(t => new SymbolTable.Entry((uint)t.Address, 0, demangler.TypeName(t.Name) ?? t.Name)).ToList();
        byte[] table = SymbolTable.Write(methodEntries, typeEntries);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(TablePath))!);
        File.WriteAllBytes(TablePath, table);
        File.WriteAllText(AssemblySourcePath,
            "/* Stack-trace names of " + Path.GetFileName(ElfPath) + ", written by Mirage.Sdk (WriteMirageSymbolTable). */\n" +
            "        .section .mirage_symbols, \"a\"\n" +
            "        .incbin \"" + Path.GetFullPath(TablePath).Replace("\\", "/") + "\"\n");
        return true;
    }
}
