using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Mirage.Sdk.Symbols;

namespace Mirage.Sdk.Tasks;

/// <summary>
/// Writes the address -> name table of a unikernel image's stack traces (docs/exceptions.md) from
/// a first link of the image: its methods and the MethodTables of its exception types (the only
/// types the runtime names), named from the compiled assemblies, as a binary table and an assembly source that puts it in the .mirage_symbols section. With
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
            SymbolTable.Read(File.ReadAllBytes(TablePath), out var tableMethods, out var tableTypes);
            var typeAddresses = new HashSet<ulong>(types.Select(t => t.Address));
            bool moved = !tableMethods.Select(m => (m.Address, m.Size)).SequenceEqual(methods.Select(m => ((uint)m.Address, (uint)m.Size)))
                         || !tableTypes.All(t => typeAddresses.Contains(t.Address));
            if (moved)
            {
                Log.LogError(null, "MIR0034", null, ElfPath, 0, 0, 0, 0,
                    "Linking the stack-trace symbol table into '{0}' moved the methods or types it names: the runtime pack's linker script must place .mirage_symbols after all code and data.", ElfPath);
                return false;
            }
            return true;
        }

        var demangler = new IlcNameDemangler(Assemblies.Select(a => a.GetMetadata("FullPath")).Distinct(StringComparer.Ordinal));
        var methodEntries = methods.Select(m =>
        {
            string name = demangler.MethodNameParts(m.Name, out string? typeName);
            return new SymbolTable.Entry((uint)m.Address, (uint)m.Size, typeName, name);
        }).ToList();
        var typeEntries = types.Where(t => demangler.IsExceptionType(t.Name))
                               .Select(t => new SymbolTable.Entry((uint)t.Address, 0, null, demangler.TypeName(t.Name)!)).ToList();
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
