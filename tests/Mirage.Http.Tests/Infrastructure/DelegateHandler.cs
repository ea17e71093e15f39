using System;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Http.Tests.Infrastructure;

internal sealed class DelegateHandler : IHttpHandler
{
    private readonly Func<HttpRequest, HttpResponse, ValueTask> _handle;

    public DelegateHandler(Func<HttpRequest, HttpResponse, ValueTask> handle)
    {
        _handle = handle;
    }

    public DelegateHandler(Action<HttpRequest, HttpResponse> handle)
        : this((request, response) =>
        {
            handle(request, response);
            return ValueTask.CompletedTask;
        })
    {
    }

    public ValueTask HandleAsync(HttpRequest request, HttpResponse response) => _handle(request, response);
}
