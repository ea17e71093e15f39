using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Mirage.Sdk.Symbols;

/// <summary>
/// The address -> name table linked into unikernel images for stack traces (docs/exceptions.md),
/// read by Mirage.CoreLib's ManagedSymbols. Every byte of it is loaded with the image, so it is
/// packed: names live once in a string pool (a method's name is its declaring type's string, '.'
/// and its own string, so a type's name serves all its methods), sorted and front-coded (each
/// string stores how many leading bytes it shares with the previous one); methods and types are
/// sorted by address and stored as variable-length differences. Every <see cref="BlockLength"/>
/// entries a block starts afresh, and an index of blocks lets the runtime binary-search and then
/// decode at most one block.
/// <code>
/// header    u32 magic "MSY2", method count, type count, string count,
///           method index offset, type index offset, string index offset, longest string length
/// indexes   methods {u32 first start, u32 data offset} per block, types {u32 first address,
///           u32 data offset} per block, strings {u32 data offset} per block
/// methods   per method: zigzag(start - end of the previous method; the block's first start for
///           the first), size, declaring type string + 1 (0: none), name string
/// types     per type: address - previous address (0 for the first of a block), name string
/// strings   per string: shared prefix length (0 for the first of a block), suffix length, suffix
/// </code>
/// Numbers in the data are unsigned LEB128; offsets are from the table's start; little-endian,
/// 32-bit addresses (every image lies below 4 GiB).
/// </summary>
public static class SymbolTable
{
    public const uint Magic = 0x3259534D; // "MSY2"
    public const int BlockLength = 32;
    private const int HeaderLength = 32;

    public sealed class Entry
    {
        public Entry(uint address, uint size, string? owner, string name) { Address = address; Size = size; Owner = owner; Name = name; }
        public uint Address { get; }
        public uint Size { get; }
        /// <summary>The declaring type's name of a method, or null (types; symbols the demangler kept whole).</summary>
        public string? Owner { get; }
        public string Name { get; }
        public string FullName => Owner == null ? Name : Owner + "." + Name;
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

    /// <summary>The table of <paramref name="methods"/> and <paramref name="types"/> (each sorted by address, addresses distinct).</summary>
    public static byte[] Write(IReadOnlyList<Entry> methods, IReadOnlyList<Entry> types)
    {
        RequireSorted(methods, "methods");
        RequireSorted(types, "types");
        var pool = methods.SelectMany(m => m.Owner == null ? new[] { m.Name } : new[] { m.Owner, m.Name })
                          .Concat(types.Select(t => t.Name))
                          .Select(s => Encoding.UTF8.GetBytes(s))
                          .Distinct(ByteStringComparer.Instance)
                          .OrderBy(s => s, ByteStringComparer.Instance)
                          .ToList();
        var poolIndex = new Dictionary<string, uint>(StringComparer.Ordinal);
        for (int i = 0; i < pool.Count; i++) poolIndex[Encoding.UTF8.GetString(pool[i])] = (uint)i;

        var methodData = new Blocks();
        uint previousEnd = 0;
        for (int i = 0; i < methods.Count; i++)
        {
            Entry method = methods[i];
            if (i % BlockLength == 0) { methodData.StartBlock(method.Address); previousEnd = method.Address; }
            long gap = (long)method.Address - previousEnd;
            methodData.WriteNumber((ulong)((gap << 1) ^ (gap >> 63)));
            methodData.WriteNumber(method.Size);
            methodData.WriteNumber(method.Owner == null ? 0 : poolIndex[method.Owner] + 1);
            methodData.WriteNumber(poolIndex[method.Name]);
            previousEnd = method.Address + method.Size;
        }
        var typeData = new Blocks();
        uint previousAddress = 0;
        for (int i = 0; i < types.Count; i++)
        {
            Entry type = types[i];
            if (i % BlockLength == 0) { typeData.StartBlock(type.Address); previousAddress = type.Address; }
            typeData.WriteNumber(type.Address - previousAddress);
            typeData.WriteNumber(poolIndex[type.Name]);
            previousAddress = type.Address;
        }
        var stringData = new Blocks();
        for (int i = 0; i < pool.Count; i++)
        {
            int shared = 0;
            if (i % BlockLength == 0) stringData.StartBlock(null);
            else
                while (shared < pool[i].Length && shared < pool[i - 1].Length && pool[i][shared] == pool[i - 1][shared]) shared++;
            stringData.WriteNumber((ulong)shared);
            stringData.WriteNumber((ulong)(pool[i].Length - shared));
            stringData.Data.Write(pool[i], shared, pool[i].Length - shared);
        }

        uint methodIndex = HeaderLength;
        uint typeIndex = methodIndex + (uint)methodData.IndexLength;
        uint stringIndex = typeIndex + (uint)typeData.IndexLength;
        uint methodStart = stringIndex + (uint)stringData.IndexLength;
        uint typeStart = methodStart + (uint)methodData.Data.Length;
        uint stringStart = typeStart + (uint)typeData.Data.Length;

        var table = new MemoryStream();
        var writer = new BinaryWriter(table);
        writer.Write(Magic);
        writer.Write((uint)methods.Count);
        writer.Write((uint)types.Count);
        writer.Write((uint)pool.Count);
        writer.Write(methodIndex);
        writer.Write(typeIndex);
        writer.Write(stringIndex);
        writer.Write((uint)pool.Select(s => s.Length).DefaultIfEmpty(0).Max());
        methodData.WriteIndex(writer, methodStart);
        typeData.WriteIndex(writer, typeStart);
        stringData.WriteIndex(writer, stringStart);
        writer.Write(methodData.Data.ToArray());
        writer.Write(typeData.Data.ToArray());
        writer.Write(stringData.Data.ToArray());
        while (table.Length % 4 != 0) writer.Write((byte)0);
        writer.Flush();
        return table.ToArray();
    }

    /// <summary>Decodes a whole table: its methods and types with their names.</summary>
    public static void Read(byte[] table, out List<Entry> methods, out List<Entry> types)
    {
        if (table.Length < HeaderLength || Header(table, 0) != Magic) throw new InvalidDataException("not a Mirage symbol table");
        int methodCount = (int)Header(table, 1), typeCount = (int)Header(table, 2), stringCount = (int)Header(table, 3);
        var strings = new List<string>(stringCount);
        byte[] current = Array.Empty<byte>();
        int cursor = 0;
        for (int i = 0; i < stringCount; i++)
        {
            if (i % BlockLength == 0) cursor = (int)IndexEntry(table, Header(table, 6), i / BlockLength, 1, 0);
            int shared = (int)ReadNumber(table, ref cursor), suffix = (int)ReadNumber(table, ref cursor);
            var next = new byte[shared + suffix];
            Array.Copy(current, next, shared);
            Array.Copy(table, cursor, next, shared, suffix);
            cursor += suffix;
            current = next;
            strings.Add(Encoding.UTF8.GetString(current));
        }
        methods = new List<Entry>(methodCount);
        long end = 0;
        for (int i = 0; i < methodCount; i++)
        {
            if (i % BlockLength == 0)
            {
                end = IndexEntry(table, Header(table, 4), i / BlockLength, 2, 0);
                cursor = (int)IndexEntry(table, Header(table, 4), i / BlockLength, 2, 1);
            }
            ulong zigzag = ReadNumber(table, ref cursor);
            long start = end + ((long)(zigzag >> 1) ^ -(long)(zigzag & 1));
            uint size = (uint)ReadNumber(table, ref cursor);
            uint owner = (uint)ReadNumber(table, ref cursor);
            string name = strings[(int)ReadNumber(table, ref cursor)];
            methods.Add(new Entry((uint)start, size, owner == 0 ? null : strings[(int)owner - 1], name));
            end = start + size;
        }
        types = new List<Entry>(typeCount);
        uint address = 0;
        for (int i = 0; i < typeCount; i++)
        {
            if (i % BlockLength == 0)
            {
                address = IndexEntry(table, Header(table, 5), i / BlockLength, 2, 0);
                cursor = (int)IndexEntry(table, Header(table, 5), i / BlockLength, 2, 1);
            }
            address += (uint)ReadNumber(table, ref cursor);
            types.Add(new Entry(address, 0, null, strings[(int)ReadNumber(table, ref cursor)]));
        }
    }

    private static void RequireSorted(IReadOnlyList<Entry> entries, string what)
    {
        for (int i = 1; i < entries.Count; i++)
            if (entries[i].Address <= entries[i - 1].Address)
                throw new ArgumentException($"the {what} of a symbol table must be sorted by address, without duplicates", what);
    }

    private static uint Header(byte[] table, int field) => BitConverter.ToUInt32(table, field * 4);

    private static uint IndexEntry(byte[] table, uint index, int block, int fields, int field) =>
        BitConverter.ToUInt32(table, (int)index + (block * fields + field) * 4);

    private static ulong ReadNumber(byte[] table, ref int cursor)
    {
        ulong value = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = table[cursor++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
    }

    /// <summary>One section of entries in blocks: their bytes, and per block its first address (if any) and start.</summary>
    private sealed class Blocks
    {
        private readonly List<(uint? First, int Offset)> _blocks = new();
        public MemoryStream Data { get; } = new();
        public int IndexLength => _blocks.Sum(b => b.First.HasValue ? 8 : 4);
        public void StartBlock(uint? first) => _blocks.Add((first, (int)Data.Length));
        public void WriteNumber(ulong value)
        {
            while (value >= 0x80) { Data.WriteByte((byte)(value | 0x80)); value >>= 7; }
            Data.WriteByte((byte)value);
        }
        public void WriteIndex(BinaryWriter writer, uint dataStart)
        {
            foreach (var (first, offset) in _blocks)
            {
                if (first.HasValue) writer.Write(first.Value);
                writer.Write(dataStart + (uint)offset);
            }
        }
    }

    /// <summary>Ordinal order and equality of UTF-8 strings (the order front coding shares the most in).</summary>
    private sealed class ByteStringComparer : IComparer<byte[]>, IEqualityComparer<byte[]>
    {
        public static readonly ByteStringComparer Instance = new();
        public int Compare(byte[]? x, byte[]? y)
        {
            for (int i = 0; i < x!.Length && i < y!.Length; i++)
                if (x[i] != y[i]) return x[i] - y[i];
            return x.Length - y!.Length;
        }
        public bool Equals(byte[]? x, byte[]? y) => Compare(x, y) == 0;
        public int GetHashCode(byte[] bytes)
        {
            int hash = 17;
            foreach (byte b in bytes) hash = hash * 31 + b;
            return hash;
        }
    }
}
