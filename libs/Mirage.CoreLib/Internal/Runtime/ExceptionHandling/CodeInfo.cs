namespace Internal.Runtime.ExceptionHandling
{
    /// <summary>
    /// What the unwind tables say about the function (method body or funclet) an address is in.
    /// ilc's language-specific data (the LSDA of an FDE on x64, the bytes after the EHABI opcodes
    /// on ARM) starts with a flags byte. A method's main body then has an optional rel32 to
    /// "associated data" and a rel32 to its clause list (__ehinfo_*) when it has clauses; a
    /// funclet (handler or filter) has a rel32 to its method's LSDA and its offset from the
    /// method's start, since clause offsets count from there.
    /// </summary>
    internal unsafe struct CodeInfo
    {
        internal const byte FuncletKindMask = 0x03;      // 1 handler, 2 filter, 0 the method's main body
        internal const byte HasEHInfoFlag = 0x04;
        internal const byte HasAssociatedDataFlag = 0x10;

        /// <summary>Start of this function (the method's body or one of its funclets), Thumb bit clear.</summary>
        internal nint FunctionStart;
        /// <summary>End (exclusive) of this function, as far as the tables say.</summary>
        internal nint FunctionEnd;
        /// <summary>Start of the method's main body: clause offsets count from here.</summary>
        internal nint MethodStart;
        /// <summary>The method's clause list, null when it has none.</summary>
        internal byte* EHInfo;
        /// <summary>Architecture-specific unwind data: the FDE (x64) or the EHABI opcodes' word (ARM).</summary>
        internal byte* UnwindData;
        /// <summary>ARM: number of opcode bytes and where they start.</summary>
        internal int OpcodeCount;

        internal bool IsFunclet => FunctionStart != MethodStart;

        internal static int ReadInt32(byte* p) => p[0] | (p[1] << 8) | (p[2] << 16) | (p[3] << 24);

        /// <summary>Reads ilc's LSDA of the function starting at <see cref="FunctionStart"/>.</summary>
        internal void ReadLsda(byte* lsda)
        {
            MethodStart = FunctionStart;
            EHInfo = null;
            if (lsda == null) return;
            byte flags = lsda[0];
            byte* main = lsda;
            if ((flags & FuncletKindMask) != 0)
            {
                main = lsda + 1 + ReadInt32(lsda + 1);
                MethodStart = FunctionStart - ReadInt32(lsda + 5);
            }
            byte mainFlags = main[0];
            byte* next = main + 1;
            if ((mainFlags & HasAssociatedDataFlag) != 0) next += 4;
            if ((mainFlags & HasEHInfoFlag) != 0) EHInfo = next + ReadInt32(next);
        }
    }
}
