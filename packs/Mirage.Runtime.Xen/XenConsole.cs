using System;
using System.Text;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Runtime.Xen;

/// <summary>The domain's PV console (the runtime's Console.Out is bound to it by the platform).</summary>
public sealed class XenConsole : IConsole
{
    private XenConsole()
    {
    }

    public static ValueTask<Result<IConsole, DeviceError>> ConnectAsync() =>
        new(Result<IConsole, DeviceError>.Ok(new XenConsole()));

    public ValueTask<Result<Unit, ConsoleError>> WriteAsync(ReadOnlyMemory<byte> utf8)
    {
        Console.Out.Write(Encoding.UTF8.GetString(utf8.Span));
        Console.Out.Flush();
        return new(Result.Ok<ConsoleError>());
    }

    public ValueTask<Result<Unit, ConsoleError>> WriteLineAsync(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        Console.Out.WriteLine(line);
        Console.Out.Flush();
        return new(Result.Ok<ConsoleError>());
    }
}
