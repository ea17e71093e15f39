using System.Text;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Http.Tests.Infrastructure;

/// <summary>Answers with what it understood of the request, so tests can see the parser's result on the wire.</summary>
internal sealed class EchoHandler : IHttpHandler
{
    public ValueTask HandleAsync(HttpRequest request, HttpResponse response)
    {
        string text = request.MethodName + " " + request.Path + " " + Encoding.Latin1.GetString(request.Body.Span);
        response.SetHeader("Content-Type", "text/plain");
        response.Body = Encoding.Latin1.GetBytes(text);
        return ValueTask.CompletedTask;
    }
}
