namespace Mirage.Devices;

/// <summary>The request methods of RFC 9110 and PATCH; anything else is <see cref="Other"/> (see <see cref="HttpRequest.MethodName"/>).</summary>
public enum HttpMethod
{
    Other,
    Get,
    Head,
    Post,
    Put,
    Delete,
    Options,
    Trace,
    Connect,
    Patch,
}
