using System;
using System.IO;

namespace Mirage.Runtime.Unix.Tests;

/// <summary>Redirects Console.Out and Console.Error to strings for the duration of a test.</summary>
internal sealed class ConsoleCapture : IDisposable
{
    private readonly TextWriter _previousOut = Console.Out;
    private readonly TextWriter _previousError = Console.Error;
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    public ConsoleCapture()
    {
        Console.SetOut(_out);
        Console.SetError(_error);
    }

    public string Out => _out.ToString();

    public string Error => _error.ToString();

    public void Dispose()
    {
        Console.SetOut(_previousOut);
        Console.SetError(_previousError);
    }
}
