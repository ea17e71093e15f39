using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Mirage.Sdk.Symbols;

/// <summary>
/// The address -> name table linked into unikernel images for stack traces (docs/exceptions.md),
/// read by Mirage.CoreLib's ManagedSymbols. Little-endian, 32-bit addresses (every image lies
/// below 4 GiB): a 16-byte header ("MSYM", method count, type count, 0), the methods sorted by
/// start {start, size, name offset}, the MethodTables sorted by address {address, name offset},
/// then the names as NUL-terminated UTF-8 (offsets from the table's start).
/// </summary>
public static class SymbolTable
{
    public const uint Magic = 0x4D59534D; // "MSYM"

    public sealed class Entry
    {
        public Entry(uint address, uint size, string name) { Address = address; Size = size; Name = name; }
        public uint Address { get; }
        public uint Size { get; }
        public string Name { get; }
    }

    /// <summary>The methods (functions inside ilc's code) and MethodTables of a linked image, before naming.</summary>
    public static void Select(List<ElfSymbol> symbols, out List<ElfSymbol> methods, out List<ElfSymbol> types)
    {
        ulong start = symbols.FirstOrDefault(s => s.Name == "__managed_code_start").Address;
        ulong end = symbols.FirstOrDefault(s => s.Name == "__managed_code_end").Address;
        methods = symbols.Where(s => s.IsFunction && s.Address >= start && s.Address < end)
                         .GroupBy(s => s.Address).Select(g => g.First()).OrderBy(s => s.Address).ToList();
        types = symbols.Where(s => s.Name.StartsWith("_ZTV", StringComparison.Ordinal))
                       .GroupBy(s => s.Address).Select(g => g.First()).OrderBy(s => s.Address).ToList();
    }

    public static byte[] Write(IReadOnlyList<Entry> methods, IReadOnlyList<Entry> types)
    {
        var names = new MemoryStream();
        var nameOffsets = new Dictionary<string, uint>(StringComparer.Ordinal);
        uint namesStart = (uint)(16 + methods.Count * 12 + types.Count * 8);
        uint NameOffset(string name)
        {
            if (nameOffsets.TryGetValue(name, out uint offset)) return offset;
            offset = namesStart + (uint)names.Length;
            byte[] bytes = Encoding.UTF8.GetBytes(name);
            names.Write(bytes, 0, bytes.Length);
            names.WriteByte(0);
            nameOffsets[name] = offset;
            return offset;
        }
        var table = new MemoryStream();
        var writer = new BinaryWriter(table);
        writer.Write(Magic);
        writer.Write((uint)methods.Count);
        writer.Write((uint)types.Count);
        writer.Write(0u);
        foreach (Entry method in methods) { writer.Write(method.Address); writer.Write(method.Size); writer.Write(NameOffset(method.Name)); }
        foreach (Entry type in types) { writer.Write(type.Address); writer.Write(NameOffset(type.Name)); }
        writer.Write(names.ToArray());
        while (table.Length % 4 != 0) writer.Write((byte)0);
        writer.Flush();
        return table.ToArray();
    }

    /// <summary>The addresses a table names (methods then types), to check that a relink moved none of them.</summary>
    public static List<(uint Address, uint Size)> Addresses(byte[] table)
    {
        var result = new List<(uint, uint)>();
        if (table.Length < 16 || BitConverter.ToUInt32(table, 0) != Magic) throw new InvalidDataException("not a Mirage symbol table");
        int methods = (int)BitConverter.ToUInt32(table, 4), types = (int)BitConverter.ToUInt32(table, 8);
        for (int i = 0; i < methods; i++) result.Add((BitConverter.ToUInt32(table, 16 + i * 12), BitConverter.ToUInt32(table, 20 + i * 12)));
        for (int i = 0; i < types; i++) result.Add((BitConverter.ToUInt32(table, 16 + methods * 12 + i * 8), 0));
        return result;
    }
}
