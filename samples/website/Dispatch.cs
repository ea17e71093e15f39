using Mirage.Devices;
using Mirage.Http;

namespace Website;

/// <summary>Serves the files of <c>htdocs</c> until the platform asks the unikernel to stop.</summary>
public sealed class Dispatch(IConsole console, IKeyValueReadOnly htdocs, IHttpServer http, ILifecycle lifecycle)
{
    public async Task<int> StartAsync()
    {
        await console.WriteLineAsync($"website: serving htdocs on http://{http.LocalEndpoint}/");
        await http.ServeAsync(new StaticFileHandler(htdocs), lifecycle.ShutdownRequested);
        var served = http.Statistics;
        await console.WriteLineAsync($"website: stopped after {served.Requests} requests on {served.Connections} connections " +
            $"({served.BadRequests} malformed, {served.RejectedRequests} refused, {served.Timeouts} timed out, {served.HandlerFailures} handler failures)");
        await console.WriteLineAsync(MemoryReport.Describe());
        return 0;
    }
}
