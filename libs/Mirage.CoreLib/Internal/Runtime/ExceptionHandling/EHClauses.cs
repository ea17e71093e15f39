namespace Internal.Runtime.ExceptionHandling
{
    /// <summary>One exception-handling clause of a method, offsets from the method's start.</summary>
    internal unsafe struct EHClause
    {
        internal const byte Typed = 0, Fault = 1, Filter = 2;   // finally clauses are fault clauses: both run when unwinding

        internal uint TryStart, TryEnd;
        internal byte Kind;
        internal uint HandlerOffset;
        internal uint FilterOffset;
        internal MethodTable* CatchType;

        internal bool Contains(uint codeOffset) => codeOffset >= TryStart && codeOffset < TryEnd;
    }

    /// <summary>
    /// Reads ilc's clause list (__ehinfo_*, NativeFormat): the clause count, then per clause its try
    /// start, (try length &lt;&lt; 2 | kind), the handler offset, and a rel32 to the caught type's
    /// MethodTable (typed) or the filter's offset (filter). Clauses come innermost first. A clause
    /// with an empty try, kind fault and handler 0 separates two different try blocks that happen
    /// to cover the same code.
    /// </summary>
    internal unsafe struct EHClauseReader
    {
        private byte* _next;
        private uint _remaining;

        internal EHClauseReader(byte* ehInfo)
        {
            _next = ehInfo;
            _remaining = ehInfo == null ? 0 : DecodeUnsigned(ref _next);
        }

        internal bool Next(out EHClause clause)
        {
            clause = default;
            if (_remaining == 0) return false;
            _remaining--;
            clause.TryStart = DecodeUnsigned(ref _next);
            uint lengthAndKind = DecodeUnsigned(ref _next);
            clause.Kind = (byte)(lengthAndKind & 3);
            clause.TryEnd = clause.TryStart + (lengthAndKind >> 2);
            clause.HandlerOffset = DecodeUnsigned(ref _next);
            if (clause.Kind == EHClause.Typed)
            {
                clause.CatchType = (MethodTable*)(_next + CodeInfo.ReadInt32(_next));
                _next += 4;
            }
            else if (clause.Kind == EHClause.Filter)
            {
                clause.FilterOffset = DecodeUnsigned(ref _next);
            }
            return true;
        }

        /// <summary>NativeFormat's variable-length unsigned integer: the low bits of the first byte say how many bytes follow.</summary>
        internal static uint DecodeUnsigned(ref byte* p)
        {
            uint first = p[0];
            if ((first & 1) == 0) { p += 1; return first >> 1; }
            if ((first & 2) == 0) { uint v = (first >> 2) | ((uint)p[1] << 6); p += 2; return v; }
            if ((first & 4) == 0) { uint v = (first >> 3) | ((uint)p[1] << 5) | ((uint)p[2] << 13); p += 3; return v; }
            if ((first & 8) == 0) { uint v = (first >> 4) | ((uint)p[1] << 4) | ((uint)p[2] << 12) | ((uint)p[3] << 20); p += 4; return v; }
            uint value = (uint)CodeInfo.ReadInt32(p + 1);
            p += 5;
            return value;
        }
    }

    /// <summary>
    /// Which clauses of a frame may still act. A frame continued past one of its funclets (an
    /// exception escaped a catch, finally or filter) must not reconsider that clause, the clauses
    /// before it (nested inside it) or the other handlers of the same try block: only the enclosing ones.
    /// </summary>
    internal struct ClauseSkipper
    {
        internal const uint None = uint.MaxValue;
        private uint _skipUpTo;
        private uint _lastTryStart, _lastTryEnd;

        internal ClauseSkipper(uint skipUpTo) { _skipUpTo = skipUpTo; _lastTryStart = 0; _lastTryEnd = 0; }

        internal bool Skips(uint index, in EHClause clause)
        {
            if (_skipUpTo == None) return false;
            if (index <= _skipUpTo) { _lastTryStart = clause.TryStart; _lastTryEnd = clause.TryEnd; return true; }
            if (clause.TryStart == _lastTryStart && clause.TryEnd == _lastTryEnd) return true;
            _skipUpTo = None;
            return false;
        }
    }
}
