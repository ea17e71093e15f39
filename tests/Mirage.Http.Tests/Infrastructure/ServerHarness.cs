using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Devices;

namespace Mirage.Http.Tests.Infrastructure;

/// <summary>A server on an in-memory network, serving one handler until the test disposes it.</summary>
internal sealed class ServerHarness : IAsyncDisposable
{
    public const ushort Port = 8080;

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    private ServerHarness(InMemoryNetwork network, InMemoryListener listener, HttpServer server, IHttpHandler handler)
    {
        Network = network;
        Listener = listener;
        Server = server;
        _serving = server.ServeAsync(handler, _stop.Token);
    }

    public InMemoryNetwork Network { get; }

    public InMemoryListener Listener { get; }

    public HttpServer Server { get; }

    public HttpServerStatistics Statistics => Server.Statistics;

    public static HttpServerSettings Settings(
        int maxHeaderBytes = 8192,
        int maxHeaderCount = 100,
        int maxBodyBytes = 1048576,
        int requestTimeoutMilliseconds = 5000,
        int keepAliveTimeoutMilliseconds = 5000) =>
        new(maxHeaderBytes, maxHeaderCount, maxBodyBytes, requestTimeoutMilliseconds, keepAliveTimeoutMilliseconds);

    public static async Task<ServerHarness> StartAsync(IHttpHandler handler, HttpServerSettings? settings = null)
    {
        var network = new InMemoryNetwork();
        var listening = await network.Tcp.ListenAsync(Port);
        var listener = (InMemoryListener)listening.Value;
        return new ServerHarness(network, listener, new HttpServer(listener, settings ?? Settings()), handler);
    }

    public TestClient Connect()
    {
        InMemoryFlow? flow = Network.ConnectFlow(Port);
        Assert.IsNotNull(flow, "nothing listens on the test port");
        return new TestClient(flow);
    }

    /// <summary>Sends <paramref name="request"/> on a new connection and returns everything until the server closes it.</summary>
    public async Task<string> ExchangeUntilCloseAsync(string request)
    {
        await using TestClient client = Connect();
        await client.SendAsync(request);
        return await client.ReadToEndAsync();
    }

    /// <summary>Sends <paramref name="request"/> on a new connection and reads one response.</summary>
    public async Task<TestResponse> ExchangeAsync(string request, bool toHead = false)
    {
        await using TestClient client = Connect();
        await client.SendAsync(request);
        return await client.ReadResponseAsync(toHead);
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        Task finished = await Task.WhenAny(_serving, Task.Delay(TimeSpan.FromSeconds(5)));
        Assert.AreSame(_serving, finished, "ServeAsync did not return after cancellation");
        await _serving;
        await Server.DisposeAsync();
        _stop.Dispose();
    }
}
