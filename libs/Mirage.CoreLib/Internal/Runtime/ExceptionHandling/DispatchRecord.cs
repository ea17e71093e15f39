namespace Internal.Runtime.ExceptionHandling
{
    /// <summary>
    /// One exception being dispatched, on the dispatcher's stack, linked to the older ones still in
    /// flight (an exception thrown inside a catch, finally or filter funclet of another). While a
    /// funclet runs, the record says which frame it belongs to and which clause it is, so that an
    /// exception leaving the funclet continues in that frame, past that clause.
    /// </summary>
    internal unsafe struct DispatchRecord
    {
        internal const byte NoFunclet = 0, FilterFunclet = 1, FinallyFunclet = 2, CatchFunclet = 3;

        internal DispatchRecord* Previous;
        /// <summary>The exception object's address (objects never move: there is no compacting collector).</summary>
        internal nint Exception;
        internal byte FuncletKind;
        internal bool FuncletParentIsExact;
        internal uint FuncletClause;
        /// <summary>The registers of the frame the running funclet belongs to.</summary>
        internal RegisterSet FuncletParent;
    }
}
