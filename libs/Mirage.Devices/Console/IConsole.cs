using System;
using System.Threading.Tasks;

namespace Mirage.Devices;

/// <summary>Device kind <c>console</c>: the platform's text console (stdout on unix, the PV console on Xen).</summary>
public interface IConsole
{
    /// <summary>Writes UTF-8 bytes as they are.</summary>
    ValueTask<Result<Unit, ConsoleError>> WriteAsync(ReadOnlyMemory<byte> utf8);

    /// <summary>Writes a line of text followed by a newline.</summary>
    ValueTask<Result<Unit, ConsoleError>> WriteLineAsync(string line);
}

public enum ConsoleError
{
    /// <summary>The console has gone away (closed stdout, disconnected ring).</summary>
    Closed,
}
