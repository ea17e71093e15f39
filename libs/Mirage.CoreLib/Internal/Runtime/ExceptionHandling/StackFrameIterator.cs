namespace Internal.Runtime.ExceptionHandling
{
    /// <summary>
    /// Walks managed frames from a throw or fault towards Main. Funclets are frames of their own;
    /// leaving one through the assembly helper that called it continues in the frame it belongs
    /// to (recorded by the dispatch that called it), past its clause, skipping the frames of the
    /// dispatch that were between them. Leaving a funclet its own method called directly (the
    /// normal path of a finally) continues in that method past the funclet's clause too. The walk
    /// stops at a filter helper (an exception escaping a filter makes the filter say no) and at
    /// the first address outside ilc's code.
    /// </summary>
    internal unsafe struct StackFrameIterator
    {
        internal RegisterSet Registers;
        internal CodeInfo Code;
        /// <summary>The instruction pointer is the faulting instruction (a CPU fault), not a return address.</summary>
        internal bool IsExact;
        internal uint SkipClausesUpTo;
        internal bool AtFilterHelper;
        internal bool IsValid;
        private DispatchRecord* _olderDispatches;

        internal void Initialize(RegisterSet* start, bool isExact, DispatchRecord* olderDispatches)
        {
            Registers = *start;
            IsExact = isExact;
            SkipClausesUpTo = ClauseSkipper.None;
            AtFilterHelper = false;
            _olderDispatches = olderDispatches;
            fixed (CodeInfo* code = &Code) IsValid = CodeMap.FindCode(LookupPc, code);
        }

        /// <summary>The address whose code the frame is executing: a return address minus one lies in the call instruction.</summary>
        internal nint LookupPc => RegisterSet.CodeAddress(Registers.Ip) - (IsExact ? 0 : 1);

        internal uint CodeOffset => (uint)(LookupPc - Code.MethodStart);

        internal nint StackPointer { get { fixed (RegisterSet* r = &Registers) return RegisterSet.StackPointer(r); } }

        internal bool Next()
        {
            if (!IsValid || AtFilterHelper) return IsValid = false;
            bool leavingFunclet = Code.IsFunclet;
            nint methodStart = Code.MethodStart;
            uint funcletOffset = (uint)(Code.FunctionStart - Code.MethodStart);
            byte* methodEHInfo = Code.EHInfo;
            fixed (RegisterSet* registers = &Registers)
            fixed (CodeInfo* code = &Code)
            {
                if (!CodeMap.Unwind(registers, code, LookupPc)) return IsValid = false;
                IsExact = false;
                SkipClausesUpTo = ClauseSkipper.None;
                nint ip = RegisterSet.CodeAddress(Registers.Ip);
                NativeLayout* layout = CodeMap.Layout;
                if (ip == layout->FuncletReturn || ip == layout->CatchReturn)
                {
                    DispatchRecord* owner = _olderDispatches;
                    while (owner != null && owner->FuncletKind == DispatchRecord.NoFunclet) owner = owner->Previous;
                    if (owner == null) return IsValid = false;
                    _olderDispatches = owner->Previous;
                    if (owner->FuncletKind == DispatchRecord.FilterFunclet)
                    {
                        AtFilterHelper = true;
                        return IsValid = true;
                    }
                    Registers = owner->FuncletParent;
                    IsExact = owner->FuncletParentIsExact;
                    SkipClausesUpTo = owner->FuncletClause;
                    return IsValid = CodeMap.FindCode(LookupPc, code);
                }
                if (!CodeMap.FindCode(LookupPc, code)) return IsValid = false;
                if (leavingFunclet && Code.MethodStart == methodStart)
                    SkipClausesUpTo = ClauseOfFunclet(methodEHInfo, funcletOffset);
                return IsValid = true;
            }
        }

        /// <summary>The clause whose handler (or filter) is the funclet at <paramref name="offset"/>.</summary>
        private static uint ClauseOfFunclet(byte* ehInfo, uint offset)
        {
            var reader = new EHClauseReader(ehInfo);
            uint index = 0;
            while (reader.Next(out EHClause clause))
            {
                if (clause.TryEnd != clause.TryStart && (clause.HandlerOffset == offset || (clause.Kind == EHClause.Filter && clause.FilterOffset == offset)))
                    return index;
                index++;
            }
            return ClauseSkipper.None;
        }
    }
}
