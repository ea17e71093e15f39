using System;

namespace Mirage.Boot;

/// <summary>What the generated main prints when start-up cannot go on, and the exit codes it uses.</summary>
public static class StartupReport
{
    /// <summary>Exit code for a bad boot argument (as a command-line usage error).</summary>
    public const int UsageExitCode = 2;

    /// <summary>Exit code when a device fails to connect.</summary>
    public const int DeviceFailedExitCode = 3;

    /// <summary>Reports a device that failed to connect, naming it, and returns the exit code to stop with.</summary>
    public static int DeviceFailed(string device, string kind, DeviceError error)
    {
        Console.Error.WriteLine($"mirage: device '{device}' ({kind}) failed to connect: {error.Message}");
        return DeviceFailedExitCode;
    }
}
