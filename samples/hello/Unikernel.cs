using Mirage.Devices;

namespace Hello;

/// <summary>Prints a line every second, four times, then exits 0.</summary>
public sealed class Unikernel(IConsole console, ITime time)
{
    public async Task<int> StartAsync()
    {
        for (int i = 1; i <= 4; i++)
        {
            await console.WriteLineAsync($"hello from Mirage.NET ({i}/4)");
            if (i < 4) await time.SleepAsync(TimeSpan.FromSeconds(1));
        }
        return 0;
    }
}
