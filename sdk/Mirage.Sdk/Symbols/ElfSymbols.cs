using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Mirage.Sdk.Symbols;

/// <summary>One defined symbol of a linked image: name, address (ARM's Thumb bit cleared), size, whether it is a function.</summary>
public readonly struct ElfSymbol
{
    public ElfSymbol(string name, ulong address, ulong size, bool isFunction) { Name = name; Address = address; Size = size; IsFunction = isFunction; }
    public string Name { get; }
    public ulong Address { get; }
    public ulong Size { get; }
    public bool IsFunction { get; }
}

/// <summary>
/// Reads the symbol table (.symtab) of a linked little-endian ELF32 or ELF64 image: all the
/// symbol table writer needs, without depending on binutils' output format.
/// </summary>
public static class ElfSymbols
{
    public static List<ElfSymbol> Read(string path, out bool isArm)
    {
        byte[] elf = File.ReadAllBytes(path);
        if (elf.Length < 52 || elf[0] != 0x7F || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException($"{path} is not an ELF file");
        bool is64 = elf[4] == 2;
        if (elf[5] != 1) throw new InvalidDataException($"{path} is not little-endian");
        ushort machine = BitConverter.ToUInt16(elf, 18);
        isArm = machine == 40;
        ulong sectionTable = is64 ? BitConverter.ToUInt64(elf, 0x28) : BitConverter.ToUInt32(elf, 0x20);
        int sectionSize = BitConverter.ToUInt16(elf, is64 ? 0x3A : 0x2E);
        int sectionCount = BitConverter.ToUInt16(elf, is64 ? 0x3C : 0x30);

        var symbols = new List<ElfSymbol>();
        for (int i = 0; i < sectionCount; i++)
        {
            int header = (int)sectionTable + i * sectionSize;
            uint type = BitConverter.ToUInt32(elf, header + 4);
            if (type != 2) continue;                                  // SHT_SYMTAB
            uint link = BitConverter.ToUInt32(elf, header + (is64 ? 0x28 : 0x18));
            ulong offset = is64 ? BitConverter.ToUInt64(elf, header + 0x18) : BitConverter.ToUInt32(elf, header + 0x10);
            ulong size = is64 ? BitConverter.ToUInt64(elf, header + 0x20) : BitConverter.ToUInt32(elf, header + 0x14);
            int stringsHeader = (int)sectionTable + (int)link * sectionSize;
            ulong strings = is64 ? BitConverter.ToUInt64(elf, stringsHeader + 0x18) : BitConverter.ToUInt32(elf, stringsHeader + 0x10);
            int entrySize = is64 ? 24 : 16;
            for (ulong entry = offset; entry + (ulong)entrySize <= offset + size; entry += (ulong)entrySize)
            {
                int e = (int)entry;
                uint nameOffset = BitConverter.ToUInt32(elf, e);
                byte info = elf[e + (is64 ? 4 : 12)];
                ushort sectionIndex = BitConverter.ToUInt16(elf, e + (is64 ? 6 : 14));
                ulong value = is64 ? BitConverter.ToUInt64(elf, e + 8) : BitConverter.ToUInt32(elf, e + 4);
                ulong symbolSize = is64 ? BitConverter.ToUInt64(elf, e + 16) : BitConverter.ToUInt32(elf, e + 8);
                if (nameOffset == 0 || sectionIndex == 0 || sectionIndex >= 0xFF00) continue;
                bool isFunction = (info & 0xF) == 2;                  // STT_FUNC
                if (isArm && isFunction) value &= ~1UL;
                symbols.Add(new ElfSymbol(ReadString(elf, (int)strings + (int)nameOffset), value, symbolSize, isFunction));
            }
        }
        return symbols;
    }

    private static string ReadString(byte[] data, int start)
    {
        int end = start;
        while (data[end] != 0) end++;
        return Encoding.UTF8.GetString(data, start, end - start);
    }
}
