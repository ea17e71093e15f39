using System;
using System.Runtime.CompilerServices;

namespace Crash;

public sealed class ConfigurationError : Exception
{
    public ConfigurationError(string message) : base(message) { }
}

public static class Settings
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Load(string name)
    {
        try { return Parse(name); }
        finally { Console.WriteLine("closing " + name); }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Parse(string name) => throw new ConfigurationError("no value for 'port' in " + name);
}

public static class Program
{
    public static int Main()
    {
        Console.WriteLine("loading settings");
        int port = Settings.Load("app.conf");
        Console.WriteLine("port " + port);
        return 0;
    }
}
