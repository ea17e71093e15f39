using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Runtime.Unix;

/// <summary>
/// console "stdout": the process's standard output. Writes go straight to the file descriptor and
/// are flushed every time, so that output appears line by line even through a pipe, and
/// interleaves correctly with <see cref="Console.Out"/> (which flushes each write too).
/// </summary>
public sealed class UnixConsole : IConsole
{
    private readonly Stream _output;

    internal UnixConsole(Stream output) => _output = output;

    public static ValueTask<Result<IConsole, DeviceError>> ConnectAsync() =>
        new(Result<IConsole, DeviceError>.Ok(new UnixConsole(Console.OpenStandardOutput())));

    /// <summary>
    /// Writes synchronously: a console write is short, and doing it before returning keeps the
    /// output in the order the single-threaded application produced it.
    /// </summary>
    public ValueTask<Result<Unit, ConsoleError>> WriteAsync(ReadOnlyMemory<byte> utf8) => new(Write(utf8.Span));

    /// <summary>Encodes the line and its newline into one write, so that concurrent writers never split a line.</summary>
    public ValueTask<Result<Unit, ConsoleError>> WriteLineAsync(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        byte[] bytes = new byte[Encoding.UTF8.GetByteCount(line) + 1];
        Encoding.UTF8.GetBytes(line, bytes);
        bytes[^1] = (byte)'\n';
        return new(Write(bytes));
    }

    private Result<Unit, ConsoleError> Write(ReadOnlySpan<byte> bytes)
    {
        try
        {
            _output.Write(bytes);
            _output.Flush();
            return Result.Ok<ConsoleError>();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or NotSupportedException)
        {
            // EPIPE from a reader that went away, or a closed stdout.
            return Result<Unit, ConsoleError>.Fail(ConsoleError.Closed);
        }
    }
}
