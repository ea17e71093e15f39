using System;
using System.Runtime;
using System.Runtime.CompilerServices;

namespace Internal.Runtime.ExceptionHandling
{
    /// <summary>
    /// .NET's two-pass exception dispatch. Pass 1 walks the frames from the throw site and asks
    /// each clause covering the frame's code whether it takes the exception: typed clauses by
    /// the exception's type (its class or a base class), filter clauses by running the filter.
    /// Nothing is unwound yet. If no clause takes it, the exception is unhandled: its type,
    /// message and stack trace are printed, the finally blocks run (as .NET does) and the
    /// unikernel ends with the crash code. Otherwise
    /// pass 2 walks the same frames again, running the finally and fault funclets up to the
    /// catching clause, then calls the catch funclet and continues the catching frame where it
    /// says (native/*/exceptions.S). See docs/exceptions.md.
    /// </summary>
    internal static unsafe class ExceptionDispatcher
    {
        /// <summary>The innermost exception in flight (a DispatchRecord*), null when none.</summary>
        private static nint s_head;

        private static DispatchRecord* Head => (DispatchRecord*)s_head;

        private static bool s_reportingFault;
        private static int s_faultsWhileReporting;
        private static bool s_reportingUnhandled;

        [RuntimeExport("mirage_eh_throw")]
        private static void Throw(object exception, RegisterSet* context)
        {
            Dispatch(exception ?? new NullReferenceException(), context, isExact: false);
        }

        [RuntimeExport("mirage_eh_rethrow")]
        private static void Rethrow(RegisterSet* context)
        {
            DispatchRecord* handled = Head;
            while (handled != null && handled->FuncletKind != DispatchRecord.CatchFunclet) handled = handled->Previous;
            if (handled == null) RuntimeDiagnostics.FailFast("'throw;' outside a catch block");
            nint address = handled->Exception;
            Dispatch(Unsafe.As<nint, object>(ref address), context, isExact: false);
        }

        /// <summary>
        /// A CPU exception (native/*/exceptions.S). A null-page access or (x64) a divide error in
        /// managed code is dispatched as the exception .NET raises for it; anything else returns,
        /// and the platform binding reports the fault and stops.
        /// </summary>
        [RuntimeExport("mirage_eh_cpu_fault")]
        private static void CpuFault(nint kind, nint address, RegisterSet* context)
        {
            if (s_reportingFault)
            {
                if (s_faultsWhileReporting++ > 0) while (true) { }    // even the console faults: nothing left to try
                // The platform's report of a fault faulted itself (too early in boot, say): stop here.
                RuntimeDiagnostics.Write("\nfatal: CPU exception ");
                RuntimeDiagnostics.WriteDecimal((ulong)kind);
                RuntimeDiagnostics.Write(" at 0x");
                RuntimeDiagnostics.WriteHex((ulong)context->Ip);
                RuntimeDiagnostics.Write(" while reporting a CPU exception\n");
                Internal.Platform.Platform.Exit(RuntimeDiagnostics.CrashExitCode);
            }
            if (!CodeMap.IsManagedCode(RegisterSet.CodeAddress(context->Ip)) || s_reportingUnhandled) { s_reportingFault = true; return; }
            Exception exception;
            if (RegisterSet.Is64Bit)
            {
                if (kind == 14 && (nuint)address < 4096) exception = new NullReferenceException();
                else if (kind == 0) exception = new DivideByZeroException();
                else { s_reportingFault = true; return; }
            }
            else
            {
                if (kind == 4 && (nuint)address < 0x100000) exception = new NullReferenceException();
                else { s_reportingFault = true; return; }
            }
            Dispatch(exception, context, isExact: true);
        }

        private static void Dispatch(object exception, RegisterSet* context, bool isExact)
        {
            DispatchRecord record = default;
            record.Previous = Head;
            record.Exception = Unsafe.As<object, nint>(ref exception);
            s_head = (nint)(&record);

            // Pass 1: find the handler.
            StackFrameIterator frames = default;
            frames.Initialize(context, isExact, record.Previous);
            int handlingFrame = 0;
            uint handlingClause = 0;
            nint handler = 0;
            bool found = false;
            for (; frames.IsValid; frames.Next(), handlingFrame++)
            {
                if (frames.AtFilterHelper) { found = true; break; }
                if (FindHandler(&frames, &record, exception, out handlingClause, out handler)) { found = true; break; }
            }
            if (!found)
            {
                if (s_reportingUnhandled) RuntimeDiagnostics.FailFast("exception while reporting an unhandled exception");
                s_reportingUnhandled = true;
                UnhandledException.Report(exception, context, isExact, record.Previous);
                // As .NET does after its report: run the finally blocks of every frame, then stop.
                frames = default;
                frames.Initialize(context, isExact, record.Previous);
                for (; frames.IsValid && !frames.AtFilterHelper; frames.Next()) RunFinallys(&frames, &record, exception, uint.MaxValue);
                Internal.Platform.Platform.Exit(RuntimeDiagnostics.CrashExitCode);
            }

            // Pass 2: unwind to it, running finally and fault funclets on the way.
            frames = default;
            frames.Initialize(context, isExact, record.Previous);
            for (int frame = 0; ; frame++)
            {
                if (frame == handlingFrame && frames.AtFilterHelper) break;
                RunFinallys(&frames, &record, exception, frame == handlingFrame ? handlingClause : uint.MaxValue);
                if (frame == handlingFrame) break;
                frames.Next();
            }

            nint stackPointer = frames.StackPointer;
            DispatchRecord* survivor = Head;
            while (survivor != null && (nint)survivor <= stackPointer) survivor = survivor->Previous;
            if (frames.AtFilterHelper)
            {
                // The exception left a filter: the filter says no, and its caller continues.
                s_head = (nint)survivor;
                NativePrimitives.Resume(&frames.Registers, 0);
            }
            record.FuncletKind = DispatchRecord.CatchFunclet;
            record.FuncletClause = handlingClause;
            record.FuncletParent = frames.Registers;
            record.FuncletParentIsExact = frames.IsExact;
            NativePrimitives.CallCatch(exception, CodeMap.CallableAddress(handler), &frames.Registers, (void**)Unsafe.AsPointer(ref s_head), survivor);
        }

        private static bool FindHandler(StackFrameIterator* frame, DispatchRecord* record, object exception, out uint clauseIndex, out nint handler)
        {
            clauseIndex = 0;
            handler = 0;
            if (frame->Code.EHInfo == null) return false;
            uint offset = frame->CodeOffset;
            var reader = new EHClauseReader(frame->Code.EHInfo);
            var skipper = new ClauseSkipper(frame->SkipClausesUpTo);
            for (uint index = 0; reader.Next(out EHClause clause); index++)
            {
                if (skipper.Skips(index, clause) || !clause.Contains(offset)) continue;
                bool takes = false;
                if (clause.Kind == EHClause.Typed)
                {
                    takes = IsInstanceOf(exception, clause.CatchType);
                }
                else if (clause.Kind == EHClause.Filter)
                {
                    RegisterSet copy = frame->Registers;
                    record->FuncletKind = DispatchRecord.FilterFunclet;
                    record->FuncletClause = index;
                    record->FuncletParent = frame->Registers;
                    record->FuncletParentIsExact = frame->IsExact;
                    takes = (int)NativePrimitives.CallFunclet(exception, CodeMap.CallableAddress(frame->Code.MethodStart + (nint)clause.FilterOffset), &copy) != 0;
                    record->FuncletKind = DispatchRecord.NoFunclet;
                }
                if (takes)
                {
                    clauseIndex = index;
                    handler = frame->Code.MethodStart + (nint)clause.HandlerOffset;
                    return true;
                }
            }
            return false;
        }

        private static void RunFinallys(StackFrameIterator* frame, DispatchRecord* record, object exception, uint beforeClause)
        {
            if (frame->Code.EHInfo == null) return;
            uint offset = frame->CodeOffset;
            var reader = new EHClauseReader(frame->Code.EHInfo);
            var skipper = new ClauseSkipper(frame->SkipClausesUpTo);
            for (uint index = 0; index < beforeClause && reader.Next(out EHClause clause); index++)
            {
                if (skipper.Skips(index, clause) || clause.Kind != EHClause.Fault || !clause.Contains(offset)) continue;
                record->FuncletKind = DispatchRecord.FinallyFunclet;
                record->FuncletClause = index;
                record->FuncletParent = frame->Registers;
                record->FuncletParentIsExact = frame->IsExact;
                NativePrimitives.CallFunclet(exception, CodeMap.CallableAddress(frame->Code.MethodStart + (nint)clause.HandlerOffset), &frame->Registers);
                record->FuncletKind = DispatchRecord.NoFunclet;
            }
        }

        private static bool IsInstanceOf(object exception, MethodTable* type)
        {
            for (MethodTable* t = exception.GetMethodTable(); t != null; t = t->BaseType)
                if (t == type) return true;
            return false;
        }
    }
}
