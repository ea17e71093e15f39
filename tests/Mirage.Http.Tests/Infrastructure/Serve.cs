using System;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Http.Tests.Infrastructure;

internal static class Serve
{
    /// <summary>Runs <paramref name="test"/> on an event loop against a server answering with <paramref name="handler"/>.</summary>
    public static void With(IHttpHandler handler, Func<ServerHarness, Task> test, HttpServerSettings? settings = null) =>
        EventLoop.Run(async () =>
        {
            await using ServerHarness harness = await ServerHarness.StartAsync(handler, settings);
            await test(harness);
        });

    /// <summary>The whole response the server sends when it refuses a request itself.</summary>
    public static string ErrorResponse(int status, string reason) =>
        "HTTP/1.1 " + status + " " + reason + "\r\n" +
        "Server: Mirage.NET\r\n" +
        "Content-Type: text/plain; charset=utf-8\r\n" +
        "Content-Length: " + (reason.Length + 1) + "\r\n" +
        "Connection: close\r\n" +
        "\r\n" +
        reason + "\n";
}
