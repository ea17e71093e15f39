using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Mirage.Boot;

namespace Mirage.Runtime.Xen;

/// <summary>
/// The entry point of a unikernel built for xen. The generated main is
/// <c>static int Main(string[] args) =&gt; XenPlatform.Run("app", args, s_parameters, StartAsync);</c>
/// where <paramref name="args"/> are the words of the domain's command line (xl's <c>extra=</c>).
/// </summary>
public static class XenPlatform
{
    /// <summary>Boot parameters on Xen are bare words: <c>http.port=8080</c>.</summary>
    public const string ArgumentPrefix = "";

    /// <summary>
    /// Parses the boot arguments, then runs <paramref name="start"/> on the runtime's event loop
    /// until its task completes. The result becomes the domain's shutdown reason: 0 powers off,
    /// anything else crashes (<see cref="StartupReport"/>'s codes for bad arguments and devices).
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
                Console.Out.WriteLine($"{program}: {message}");
                Console.Out.Flush();
                return StartupReport.UsageExitCode;
        }

        int result = start(boot!).GetAwaiter().GetResult();
        Console.Out.Flush();
        return result;
    }
}
