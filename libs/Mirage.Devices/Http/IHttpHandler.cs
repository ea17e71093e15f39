using System.Threading.Tasks;

namespace Mirage.Devices;

/// <summary>
/// The application's answer to requests. The server calls it once per request, in order on each connection,
/// with objects it reuses for the connection's next request: keep nothing from them after returning.
/// </summary>
public interface IHttpHandler
{
    /// <summary>Fills <paramref name="response"/> (or streams it); the server sends it when this completes.</summary>
    ValueTask HandleAsync(HttpRequest request, HttpResponse response);
}
