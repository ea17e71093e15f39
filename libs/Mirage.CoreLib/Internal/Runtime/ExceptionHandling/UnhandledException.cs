using System;
using Internal.Platform;

namespace Internal.Runtime.ExceptionHandling
{
    /// <summary>
    /// An exception no clause took: printed as .NET prints it (type, message, one "   at" line
    /// per frame, here without parameter lists and source lines; ilc's startup code, named
    /// "&lt;Module&gt;.*", is left out as .NET leaves its host out). The dispatcher then runs the
    /// finally blocks and ends the unikernel with the crash code (134, .NET's abort).
    /// </summary>
    internal static unsafe class UnhandledException
    {
        private const int MaximumFrames = 200;

        internal static void Report(object exception, RegisterSet* context, bool isExact, DispatchRecord* olderDispatches)
        {
            RuntimeDiagnostics.Write("Unhandled exception. ");
            Exception e = exception as Exception;
            if (e == null)
            {
                RuntimeDiagnostics.Write("(not an Exception)\n");
            }
            else
            {
                RuntimeDiagnostics.Write(e.DisplayTypeName);
                string message = e.Message;
                if ((object)message != null && message.Length != 0) { RuntimeDiagnostics.Write(": "); RuntimeDiagnostics.Write(message); }
                RuntimeDiagnostics.Write("\n");
            }
            StackFrameIterator frames = default;
            frames.Initialize(context, isExact, olderDispatches);
            byte* name = stackalloc byte[ManagedSymbols.NameBufferLength];
            for (int count = 0; frames.IsValid && !frames.AtFilterHelper && count < MaximumFrames; frames.Next(), count++)
            {
                int length = ManagedSymbols.MethodName(frames.LookupPc, name);
                if (length >= 8 && name[0] == (byte)'<' && name[1] == (byte)'M' && name[7] == (byte)'>') continue;   // "<Module>."
                RuntimeDiagnostics.Write("   at ");
                if (length >= 0)
                {
                    Platform.Platform.ConsoleWrite(name, length);
                }
                else
                {
                    RuntimeDiagnostics.Write("0x");
                    RuntimeDiagnostics.WriteHex((ulong)frames.LookupPc);
                }
                RuntimeDiagnostics.Write("\n");
            }
        }
    }
}
