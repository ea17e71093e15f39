namespace Internal.Runtime.ExceptionHandling
{
    /// <summary>
    /// ARM frames from ilc's EHABI tables: .ARM.exidx (sorted {prel31 function, entry} pairs) and
    /// .ARM.extab (compact-model entries: personality 0 with three opcode bytes, personality 1/2
    /// with a count of extra opcode words, then ilc's LSDA). The opcodes undo the prologue:
    /// adjust the virtual stack pointer, pop r4-r15 and d8-d15; pc is the popped lr unless popped.
    /// </summary>
    internal static unsafe class EhabiUnwinder
    {
        private const uint CantUnwind = 1;

        private static uint* s_index;
        private static uint s_count;

        internal static void Initialize(byte* start, byte* end)
        {
            s_index = (uint*)start;
            s_count = (uint)((end - start) / 8);
        }

        private static nint Prel31(uint* field) => (nint)field + ((nint)((int)(*field << 1)) >> 1);

        internal static bool FindCode(nint pc, CodeInfo* info)
        {
            if (s_count == 0) return false;
            uint low = 0, high = s_count;
            while (high - low > 1)
            {
                uint middle = (low + high) / 2;
                if ((Prel31(s_index + middle * 2) & ~(nint)1) <= pc) low = middle; else high = middle;
            }
            uint* entry = s_index + low * 2;
            nint start = Prel31(entry) & ~(nint)1;
            if (pc < start) return false;
            nint end = low + 1 < s_count ? Prel31(s_index + (low + 1) * 2) & ~(nint)1 : nint.MaxValue;
            uint data = entry[1];
            if (data == CantUnwind) return false;
            byte* lsda = null;
            byte* opcodes;
            int count;
            if ((data & 0x80000000) != 0)
            {
                // Inline compact entry (personality 0): three opcode bytes, no LSDA.
                opcodes = (byte*)(entry + 1);
                count = 3;
            }
            else
            {
                uint* table = (uint*)Prel31(entry + 1);
                uint first = table[0];
                if ((first & 0x80000000) == 0) return false;          // a generic personality routine: not ilc's
                uint personality = (first >> 24) & 0x0F;
                if (personality == 0) { opcodes = (byte*)table; count = 3; lsda = (byte*)(table + 1); }
                else if (personality == 1 || personality == 2)
                {
                    uint extraWords = (first >> 16) & 0xFF;
                    opcodes = (byte*)table;
                    count = 2 + 4 * (int)extraWords;
                    lsda = (byte*)(table + 1 + extraWords);
                }
                else return false;
            }
            info->FunctionStart = start;
            info->FunctionEnd = end;
            info->UnwindData = opcodes;
            info->OpcodeCount = count;
            info->ReadLsda(lsda);
            return true;
        }

        /// <summary>The n-th opcode byte: opcodes are read from each word's most significant byte down; personality 0 skips the top byte, 1 and 2 the top two.</summary>
        private static byte Opcode(CodeInfo* info, int n)
        {
            uint* words = (uint*)info->UnwindData;
            int skip = info->OpcodeCount == 3 ? 1 : 2;
            int position = n + skip;
            uint word = words[position / 4];
            return (byte)(word >> (8 * (3 - position % 4)));
        }

        internal static bool Unwind(RegisterSet* registers, CodeInfo* info, nint pc)
        {
            RegisterSet caller = *registers;
            nint* r = RegisterSet.General(&caller);
            uint vsp = (uint)r[13];
            bool pcSet = false;
            nint newPc = 0;
            int count = info->OpcodeCount;
            for (int i = 0; i < count; i++)
            {
                byte op = Opcode(info, i);
                if ((op & 0xC0) == 0x00) { vsp += (uint)((op & 0x3F) << 2) + 4; continue; }
                if ((op & 0xC0) == 0x40) { vsp -= (uint)((op & 0x3F) << 2) + 4; continue; }
                if ((op & 0xF0) == 0x80)
                {
                    if (i + 1 >= count) return false;
                    uint mask = ((uint)(op & 0x0F) << 8) | Opcode(info, ++i);
                    if (mask == 0) return false;                       // refuse to unwind
                    bool popsSp = (mask & (1u << 9)) != 0;
                    for (int reg = 4; reg <= 15; reg++)
                    {
                        if ((mask & (1u << (reg - 4))) == 0) continue;
                        nint value = *(nint*)vsp;
                        vsp += 4;
                        if (reg == 15) { newPc = value; pcSet = true; } else r[reg] = value;
                    }
                    if (popsSp) vsp = (uint)r[13];
                    continue;
                }
                if ((op & 0xF0) == 0x90)
                {
                    int reg = op & 0x0F;
                    if (reg == 13 || reg == 15) return false;
                    vsp = (uint)r[reg];
                    continue;
                }
                if ((op & 0xF0) == 0xA0)
                {
                    int last = 4 + (op & 0x07);
                    for (int reg = 4; reg <= last; reg++) { r[reg] = *(nint*)vsp; vsp += 4; }
                    if ((op & 0x08) != 0) { r[14] = *(nint*)vsp; vsp += 4; }
                    continue;
                }
                if (op == 0xB0) break;                                 // finish
                if (op == 0xB1)
                {
                    uint mask = Opcode(info, ++i);
                    if (mask == 0 || (mask & 0xF0) != 0) return false;
                    for (int reg = 0; reg < 4; reg++)
                        if ((mask & (1u << reg)) != 0) { r[reg] = *(nint*)vsp; vsp += 4; }
                    continue;
                }
                if (op == 0xB2)
                {
                    uint value = 0;
                    int shift = 0;
                    byte b;
                    do { b = Opcode(info, ++i); value |= (uint)(b & 0x7F) << shift; shift += 7; } while ((b & 0x80) != 0 && i + 1 < count);
                    vsp += 0x204 + (value << 2);
                    continue;
                }
                if (op == 0xB3)
                {
                    byte spec = Opcode(info, ++i);
                    PopDoubles(&caller, ref vsp, spec >> 4, (spec & 0x0F) + 1);
                    vsp += 4;                                          // FSTMFDX's extra word
                    continue;
                }
                if ((op & 0xF8) == 0xB8) { PopDoubles(&caller, ref vsp, 8, (op & 0x07) + 1); vsp += 4; continue; }
                if (op == 0xC8) { byte spec = Opcode(info, ++i); PopDoubles(&caller, ref vsp, 16 + (spec >> 4), (spec & 0x0F) + 1); continue; }
                if (op == 0xC9) { byte spec = Opcode(info, ++i); PopDoubles(&caller, ref vsp, spec >> 4, (spec & 0x0F) + 1); continue; }
                if ((op & 0xF8) == 0xD0) { PopDoubles(&caller, ref vsp, 8, (op & 0x07) + 1); continue; }
                return false;                                          // spare or iWMMXt opcodes: ilc never writes them
            }
            r[13] = (nint)vsp;
            caller.Ip = pcSet ? newPc : r[14];
            *registers = caller;
            return true;
        }

        /// <summary>Pops d[first]..d[first+count-1]; only d8-d15 are kept (the callee-saved ones).</summary>
        private static void PopDoubles(RegisterSet* set, ref uint vsp, int first, int count)
        {
            for (int d = first; d < first + count; d++)
            {
                ulong value = *(ulong*)vsp;
                if (d >= 8 && d <= 15) set->FloatingPoint[d - 8] = value;
                vsp += 8;
            }
        }
    }
}
