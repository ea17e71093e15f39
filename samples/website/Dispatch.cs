using Mirage.Devices;
using Mirage.Http;

namespace Website;

/// <summary>Serves the files of <c>htdocs</c> until the process is stopped.</summary>
public sealed class Dispatch(IConsole console, IKeyValueReadOnly htdocs, IHttpServer http)
{
    public async Task<int> StartAsync()
    {
        await console.WriteLineAsync($"website: serving htdocs on http://{http.LocalEndpoint}/");
        await http.ServeAsync(new StaticFileHandler(htdocs));
        return 0;
    }
}
