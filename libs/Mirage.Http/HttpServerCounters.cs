using Mirage.Devices;

namespace Mirage.Http;

/// <summary>The server's running counts; plain fields because everything runs on one event loop.</summary>
internal sealed class HttpServerCounters
{
    public long Connections;
    public long ActiveConnections;
    public long Requests;
    public long BadRequests;
    public long RejectedRequests;
    public long Timeouts;
    public long HandlerFailures;

    public HttpServerStatistics Snapshot() =>
        new(Connections, ActiveConnections, Requests, BadRequests, RejectedRequests, Timeouts, HandlerFailures);
}
