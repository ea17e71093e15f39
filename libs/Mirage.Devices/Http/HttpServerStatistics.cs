namespace Mirage.Devices;

/// <summary>What an HTTP server has done since it was connected.</summary>
/// <param name="Connections">Connections accepted.</param>
/// <param name="ActiveConnections">Connections open now.</param>
/// <param name="Requests">Responses sent, whatever their status.</param>
/// <param name="BadRequests">Requests refused as malformed (400).</param>
/// <param name="RejectedRequests">Requests refused for another reason before reaching the handler: limits (413, 414, 431), versions (505), codings (501).</param>
/// <param name="Timeouts">Connections closed because a request did not arrive in time (408) or a kept-alive connection stayed idle.</param>
/// <param name="HandlerFailures">Handler calls that threw.</param>
public readonly record struct HttpServerStatistics(
    long Connections,
    long ActiveConnections,
    long Requests,
    long BadRequests,
    long RejectedRequests,
    long Timeouts,
    long HandlerFailures);
