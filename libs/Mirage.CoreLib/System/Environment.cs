using Internal.Runtime;

namespace System
{
    public static class Environment
    {
        public static string NewLine => "\n";

        /// <summary>Milliseconds since boot, from the platform's monotonic clock.</summary>
        public static long TickCount64 => Internal.Platform.Platform.MonotonicNanoseconds() / 1000000;
        public static int TickCount => (int)TickCount64;
        public static int ProcessorCount => 1;
        public static bool Is64BitProcess => IntPtr.Size == 8;
        public static bool Is64BitOperatingSystem => IntPtr.Size == 8;
        public static int CurrentManagedThreadId => 1;
        public static bool HasShutdownStarted => false;
        public static int ExitCode { get; set; }

        /// <summary>Ends the unikernel: exit code 0 powers the domain off, anything else crashes it.</summary>
        public static void Exit(int exitCode)
        {
            Console.Out.Flush();
            Internal.Platform.Platform.Exit(exitCode);
        }

        public static void FailFast(string message) => RuntimeDiagnostics.FailFast(message);
        public static void FailFast(string message, Exception exception) => RuntimeDiagnostics.FailFast(message + (exception == null ? "" : " " + exception.ToString()));

        public static string GetEnvironmentVariable(string variable)
        {
            if (variable == null) throw new ArgumentNullException(nameof(variable));
            return null;
        }

        public static string[] GetCommandLineArgs()
        {
            unsafe
            {
                return Internal.Runtime.CompilerHelpers.CommandLine.Split(Internal.Platform.Platform.CommandLine());
            }
        }
    }
}
