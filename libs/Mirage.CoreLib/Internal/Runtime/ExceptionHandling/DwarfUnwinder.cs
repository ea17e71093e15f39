namespace Internal.Runtime.ExceptionHandling
{
    /// <summary>
    /// x64 frames from ilc's DWARF call-frame information (.eh_frame, CIE augmentation "zLR").
    /// The CFA rules of the instruction at the frame's address give the caller's stack pointer,
    /// return address and the callee-saved registers the frame saved; the others keep their values.
    /// <para>The index of functions is built at boot from .eh_frame itself, in permanent heap
    /// memory, rather than linked into the image as ld's .eh_frame_hdr: that table cost 14 KB of
    /// the loadable image (8 bytes per function), against a walk over the FDEs that takes well under
    /// a millisecond.</para>
    /// </summary>
    internal static unsafe class DwarfUnwinder
    {
        private const int ReturnAddressColumn = 16;
        private const int ColumnCount = 17;

        // Register rules.
        private const byte RuleSameValue = 0, RuleOffset = 1, RuleRegister = 2, RuleUndefined = 3, RuleValueOffset = 4;

        private struct Row
        {
            internal int CfaRegister;
            internal nint CfaOffset;
            internal fixed byte Rules[ColumnCount];
            internal fixed long Values[ColumnCount];
        }

        private struct Cie
        {
            internal byte* Instructions, End;
            internal nint CodeAlign, DataAlign;
            internal byte FdeEncoding, LsdaEncoding;
            internal bool HasAugmentationData;
        }

        /// <summary>One function of the index: where it starts and its FDE, both as offsets from the start of .eh_frame.</summary>
        private struct IndexEntry
        {
            internal int Start;
            internal int Fde;
        }

        private static byte* s_frames;
        private static IndexEntry* s_index;
        private static uint s_count;

        /// <summary>Indexes the FDEs of .eh_frame (from <paramref name="frames"/> to <paramref name="end"/>) by function start.</summary>
        internal static void Initialize(byte* frames, byte* end)
        {
            uint capacity = 0;
            for (byte* entry = frames; NextEntry(entry, end, out uint length); entry += 4 + length)
                if (*(uint*)(entry + 4) != 0) capacity++;                  // CIE id 0 marks a CIE, anything else is an FDE
            if (capacity == 0) return;
            IndexEntry* index = (IndexEntry*)GarbageCollection.GcHeap.AllocatePermanent(capacity * (nuint)sizeof(IndexEntry));
            uint count = 0;
            for (byte* entry = frames; NextEntry(entry, end, out uint length); entry += 4 + length)
            {
                if (*(uint*)(entry + 4) == 0) continue;
                Cie cie;
                if (!ReadCie(entry, &cie)) continue;
                byte* p = entry + 8;
                nint begin = ReadEncoded(ref p, cie.FdeEncoding, null);
                nint range = ReadEncoded(ref p, (byte)(cie.FdeEncoding & 0x0F), null);
                if (range == 0) continue;                                  // a function the linker dropped
                IndexEntry added = new IndexEntry { Start = (int)(begin - (nint)frames), Fde = (int)(entry - frames) };
                // Insertion sort: ld lays the FDEs out in code order, so this is one pass in practice.
                uint at = count;
                while (at > 0 && index[at - 1].Start > added.Start) { index[at] = index[at - 1]; at--; }
                index[at] = added;
                count++;
            }
            s_frames = frames;
            s_index = index;
            s_count = count;
        }

        /// <summary>Whether an entry (CIE or FDE) starts at <paramref name="entry"/>; a zero length ends the section.</summary>
        private static bool NextEntry(byte* entry, byte* end, out uint length)
        {
            length = 0;
            if (end - entry < 8) return false;
            length = *(uint*)entry;
            // 0: the terminator; 0xFFFFFFFF: 64-bit DWARF, which ilc never writes.
            return length != 0 && length != 0xFFFFFFFF && (nint)length <= end - entry - 4;
        }

        internal static bool FindCode(nint pc, CodeInfo* info)
        {
            if (s_count == 0) return false;
            // Binary search: the last function whose start is <= pc.
            uint low = 0, high = s_count;
            while (high - low > 1)
            {
                uint middle = (low + high) / 2;
                if ((nint)(s_frames + s_index[middle].Start) <= pc) low = middle; else high = middle;
            }
            nint start = (nint)(s_frames + s_index[low].Start);
            if (pc < start) return false;
            byte* fde = s_frames + s_index[low].Fde;
            Cie cie;
            if (!ReadCie(fde, &cie)) return false;
            byte* p = fde + 8;
            nint begin = ReadEncoded(ref p, cie.FdeEncoding, null);
            nint range = ReadEncoded(ref p, (byte)(cie.FdeEncoding & 0x0F), null);
            if (pc >= begin + range) return false;
            byte* lsda = null;
            if (cie.HasAugmentationData)
            {
                nuint length = ReadUnsigned(ref p);
                byte* data = p;
                if (cie.LsdaEncoding != 0xFF && length != 0) lsda = (byte*)ReadEncoded(ref data, cie.LsdaEncoding, null);
            }
            info->FunctionStart = begin;
            info->FunctionEnd = begin + range;
            info->UnwindData = fde;
            info->ReadLsda(lsda);
            return true;
        }

        /// <summary>Replaces <paramref name="registers"/> with the caller's, for the frame executing at <paramref name="pc"/>.</summary>
        internal static bool Unwind(RegisterSet* registers, CodeInfo* info, nint pc)
        {
            byte* fde = info->UnwindData;
            Cie cie;
            if (!ReadCie(fde, &cie)) return false;
            byte* p = fde + 8;
            nint location = ReadEncoded(ref p, cie.FdeEncoding, null);
            ReadEncoded(ref p, (byte)(cie.FdeEncoding & 0x0F), null);
            if (cie.HasAugmentationData) { nuint length = ReadUnsigned(ref p); p += length; }
            byte* end = fde + 4 + *(uint*)fde;

            Row row = default;
            Row initial = default;
            if (!Execute(cie.Instructions, cie.End, &cie, &row, null, ref location, nint.MaxValue)) return false;
            initial = row;
            if (!Execute(p, end, &cie, &row, &initial, ref location, pc)) return false;

            nint* general = RegisterSet.General(registers);
            nint cfa = general[row.CfaRegister] + row.CfaOffset;
            RegisterSet caller = *registers;
            nint* callerGeneral = RegisterSet.General(&caller);
            nint returnAddress = 0;
            for (int column = 0; column < ColumnCount; column++)
            {
                nint value;
                switch (row.Rules[column])
                {
                    case RuleOffset: value = *(nint*)(cfa + (nint)row.Values[column]); break;
                    case RuleValueOffset: value = cfa + (nint)row.Values[column]; break;
                    case RuleRegister: value = general[(int)row.Values[column]]; break;
                    case RuleUndefined: value = 0; break;
                    default: continue;
                }
                if (column == ReturnAddressColumn) returnAddress = value; else callerGeneral[column] = value;
            }
            if (row.Rules[ReturnAddressColumn] == RuleSameValue) return false;
            callerGeneral[RegisterSet.StackPointerIndex] = cfa;
            caller.Ip = returnAddress;
            *registers = caller;
            return true;
        }

        private static bool ReadCie(byte* fde, Cie* cie)
        {
            if (*(uint*)fde == 0xFFFFFFFF) return false;                   // 64-bit DWARF: ilc never writes it
            byte* cieStart = fde + 4 - CodeInfo.ReadInt32(fde + 4);
            uint length = *(uint*)cieStart;
            byte* p = cieStart + 8;
            byte version = *p++;
            byte* augmentation = p;
            while (*p != 0) p++;
            p++;
            cie->CodeAlign = (nint)ReadUnsigned(ref p);
            cie->DataAlign = ReadSigned(ref p);
            if (version == 1) p++; else ReadUnsigned(ref p);              // return address column (16)
            cie->FdeEncoding = 0;
            cie->LsdaEncoding = 0xFF;
            cie->HasAugmentationData = augmentation[0] == (byte)'z';
            if (cie->HasAugmentationData)
            {
                nuint dataLength = ReadUnsigned(ref p);
                byte* data = p;
                for (byte* a = augmentation + 1; *a != 0; a++)
                {
                    if (*a == (byte)'L') cie->LsdaEncoding = *data++;
                    else if (*a == (byte)'R') cie->FdeEncoding = *data++;
                    else if (*a == (byte)'P') { byte encoding = *data++; ReadEncoded(ref data, encoding, null); }
                    else if (*a == (byte)'S') { }
                    else return false;
                }
                p += dataLength;
            }
            cie->Instructions = p;
            cie->End = cieStart + 4 + length;
            return true;
        }

        /// <summary>Runs call-frame instructions until the row that applies at <paramref name="pc"/>.</summary>
        private static bool Execute(byte* p, byte* end, Cie* cie, Row* row, Row* initial, ref nint location, nint pc)
        {
            Row* saved = stackalloc Row[4];
            int savedCount = 0;
            while (p < end)
            {
                byte op = *p++;
                int high = op & 0xC0, low = op & 0x3F;
                if (high == 0x40) { location += low * cie->CodeAlign; if (location > pc) return true; continue; }
                if (high == 0x80) { SetRule(row, low, RuleOffset, (nint)ReadUnsigned(ref p) * cie->DataAlign); continue; }
                if (high == 0xC0) { if (!Restore(row, initial, low)) return false; continue; }
                switch (op)
                {
                    case 0x00: break;                                                          // nop
                    case 0x01: location = ReadEncoded(ref p, cie->FdeEncoding, null); if (location > pc) return true; break;
                    case 0x02: location += *p++ * cie->CodeAlign; if (location > pc) return true; break;
                    case 0x03: location += *(ushort*)p * cie->CodeAlign; p += 2; if (location > pc) return true; break;
                    case 0x04: location += (nint)(*(uint*)p) * cie->CodeAlign; p += 4; if (location > pc) return true; break;
                    case 0x05: { int r = (int)ReadUnsigned(ref p); SetRule(row, r, RuleOffset, (nint)ReadUnsigned(ref p) * cie->DataAlign); break; }
                    case 0x06: if (!Restore(row, initial, (int)ReadUnsigned(ref p))) return false; break;
                    case 0x07: SetRule(row, (int)ReadUnsigned(ref p), RuleUndefined, 0); break;
                    case 0x08: SetRule(row, (int)ReadUnsigned(ref p), RuleSameValue, 0); break;
                    case 0x09: { int r = (int)ReadUnsigned(ref p); SetRule(row, r, RuleRegister, (nint)ReadUnsigned(ref p)); break; }
                    case 0x0A: if (savedCount == 4) return false; saved[savedCount++] = *row; break;
                    case 0x0B: if (savedCount == 0) return false; *row = saved[--savedCount]; break;
                    case 0x0C: row->CfaRegister = (int)ReadUnsigned(ref p); row->CfaOffset = (nint)ReadUnsigned(ref p); break;
                    case 0x0D: row->CfaRegister = (int)ReadUnsigned(ref p); break;
                    case 0x0E: row->CfaOffset = (nint)ReadUnsigned(ref p); break;
                    case 0x11: { int r = (int)ReadUnsigned(ref p); SetRule(row, r, RuleOffset, ReadSigned(ref p) * cie->DataAlign); break; }
                    case 0x12: row->CfaRegister = (int)ReadUnsigned(ref p); row->CfaOffset = ReadSigned(ref p) * cie->DataAlign; break;
                    case 0x13: row->CfaOffset = ReadSigned(ref p) * cie->DataAlign; break;
                    case 0x14: { int r = (int)ReadUnsigned(ref p); SetRule(row, r, RuleValueOffset, (nint)ReadUnsigned(ref p) * cie->DataAlign); break; }
                    case 0x15: { int r = (int)ReadUnsigned(ref p); SetRule(row, r, RuleValueOffset, ReadSigned(ref p) * cie->DataAlign); break; }
                    case 0x2E: ReadUnsigned(ref p); break;                                     // GNU_args_size
                    default: return false;                                                     // expressions: ilc does not write them
                }
            }
            return true;
        }

        private static void SetRule(Row* row, int column, byte rule, nint value)
        {
            if ((uint)column >= ColumnCount) return;
            row->Rules[column] = rule;
            row->Values[column] = value;
        }

        private static bool Restore(Row* row, Row* initial, int column)
        {
            if (initial == null || (uint)column >= ColumnCount) return false;
            row->Rules[column] = initial->Rules[column];
            row->Values[column] = initial->Values[column];
            return true;
        }

        private static nuint ReadUnsigned(ref byte* p)
        {
            nuint value = 0;
            int shift = 0;
            byte b;
            do { b = *p++; value |= (nuint)(b & 0x7F) << shift; shift += 7; } while ((b & 0x80) != 0);
            return value;
        }

        private static nint ReadSigned(ref byte* p)
        {
            nint value = 0;
            int shift = 0;
            byte b;
            do { b = *p++; value |= (nint)(b & 0x7F) << shift; shift += 7; } while ((b & 0x80) != 0);
            if (shift < sizeof(nint) * 8 && (b & 0x40) != 0) value |= -((nint)1 << shift);
            return value;
        }

        /// <summary>A DWARF exception-header pointer encoding (DW_EH_PE_*): format in the low nibble, base in the high one.</summary>
        private static nint ReadEncoded(ref byte* p, byte encoding, byte* dataBase)
        {
            if (encoding == 0xFF) return 0;
            byte* field = p;
            nint value;
            switch (encoding & 0x0F)
            {
                case 0x00: value = *(nint*)p; p += sizeof(nint); break;
                case 0x01: value = (nint)ReadUnsigned(ref p); break;
                case 0x02: value = *(ushort*)p; p += 2; break;
                case 0x03: value = (nint)(*(uint*)p); p += 4; break;
                case 0x04: value = (nint)(*(ulong*)p); p += 8; break;
                case 0x09: value = ReadSigned(ref p); break;
                case 0x0A: value = *(short*)p; p += 2; break;
                case 0x0B: value = CodeInfo.ReadInt32(p); p += 4; break;
                case 0x0C: value = (nint)(*(long*)p); p += 8; break;
                default: return 0;
            }
            switch (encoding & 0x70)
            {
                case 0x10: value += (nint)field; break;       // pcrel
                case 0x30: value += (nint)dataBase; break;    // datarel
            }
            return value;
        }
    }
}
