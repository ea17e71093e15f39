using System.Collections.Generic;
using System.Text;
using Mirage.Devices;

namespace Mirage.Http.Tests.Infrastructure;

/// <summary>A copy of what a handler saw, taken while the request was valid.</summary>
internal sealed class RecordedRequest
{
    public RecordedRequest(HttpRequest request)
    {
        Method = request.Method;
        MethodName = request.MethodName;
        Version = request.Version;
        Target = Encoding.Latin1.GetString(request.Target.Span);
        Path = request.Path;
        Query = request.Query;
        Body = Encoding.Latin1.GetString(request.Body.Span);
        for (int i = 0; i < request.HeaderCount; i++)
        {
            HttpHeader header = request.GetHeader(i);
            Headers.Add(Encoding.Latin1.GetString(header.Name.Span) + "=" + Encoding.Latin1.GetString(header.Value.Span));
        }
    }

    public HttpMethod Method { get; }
    public string MethodName { get; }
    public HttpVersion Version { get; }
    public string Target { get; }
    public string Path { get; }
    public string Query { get; }
    public string Body { get; }
    public List<string> Headers { get; } = new();

    /// <summary>A handler that records each request and answers 200 "ok".</summary>
    public static IHttpHandler Recorder(List<RecordedRequest> into) => new DelegateHandler((request, response) =>
    {
        into.Add(new RecordedRequest(request));
        response.Body = Encoding.ASCII.GetBytes("ok");
    });
}
