using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Mirage.Boot;

namespace Mirage.Runtime.Unix;

/// <summary>
/// The entry point of a unikernel built for unix. The generated main is
/// <c>static int Main(string[] args) =&gt; UnixPlatform.Run("app", args, s_parameters, StartAsync);</c>
/// </summary>
public static class UnixPlatform
{
    /// <summary>The boot-argument prefix on unix: parameters are ordinary long options.</summary>
    public const string ArgumentPrefix = "--";

    /// <summary>
    /// Exit code when an exception escapes the application: EX_SOFTWARE from sysexits.h
    /// ("internal software error"), distinct from the usage (2) and device (3) codes of
    /// <see cref="StartupReport"/> so that a supervisor can tell a crash from a misconfiguration.
    /// </summary>
    public const int UnhandledExceptionExitCode = 70;

    /// <summary>
    /// Parses <paramref name="args"/> as boot arguments, then runs <paramref name="start"/> on a
    /// <see cref="SingleThreadedLoop"/> on the calling thread until its task completes.
    /// Returns the process exit code: 0 after <c>--help</c>, <see cref="StartupReport.UsageExitCode"/>
    /// for a bad argument, <paramref name="start"/>'s result, or <see cref="UnhandledExceptionExitCode"/>.
    /// </summary>
    public static int Run(string program, string[] args, IReadOnlyList<BootParameter> parameters, Func<BootArguments, Task<int>> start)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(start);

        switch (BootArguments.Parse(args, parameters, ArgumentPrefix, out var boot, out string message))
        {
            case BootParseOutcome.HelpRequested:
                Console.Out.Write(BootArguments.Usage(program, parameters, ArgumentPrefix));
                Console.Out.Flush();
                return 0;
            case BootParseOutcome.Error:
                Console.Error.WriteLine($"{program}: {message}");
                return StartupReport.UsageExitCode;
        }

        // The build copies relative path defaults (a kv-ro's Source) next to the application.
        BootArguments.DefaultPathBase = AppContext.BaseDirectory;
        try
        {
            return SingleThreadedLoop.Run(() => start(boot!));
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"{program}: unhandled exception: {e}");
            return UnhandledExceptionExitCode;
        }
        finally
        {
            Console.Out.Flush();
        }
    }
}
