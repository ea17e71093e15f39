using System;
using System.Text;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Http;

/// <summary>
/// Serves the values of a read-only key-value store as files: GET and HEAD of <c>/a/b.css</c> answer the value
/// at key <c>a/b.css</c>; a path ending in '/' answers that directory's <c>index.html</c>, and a directory named
/// without its slash is redirected (301) to the slash form. Responses carry Content-Type (by extension),
/// an ETag made of the store's digest, and Last-Modified; If-None-Match is answered 304. The query is ignored.
/// </summary>
public sealed class StaticFileHandler : IHttpHandler
{
    private const string IndexName = "index.html";
    private const string AllowedMethods = "GET, HEAD";
    private const string TextType = "text/plain; charset=utf-8";

    private static readonly byte[] NotFoundPage = Encoding.UTF8.GetBytes(
        "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>\n");
    private static readonly byte[] BadRequestText = Encoding.UTF8.GetBytes("Bad Request\n");
    private static readonly byte[] MethodNotAllowedText = Encoding.UTF8.GetBytes("Method Not Allowed\n");
    private static readonly byte[] ServerErrorText = Encoding.UTF8.GetBytes("Internal Server Error\n");
    private static readonly byte[] MovedText = Encoding.UTF8.GetBytes("Moved Permanently\n");

    private readonly IKeyValueReadOnly _store;

    public StaticFileHandler(IKeyValueReadOnly store)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
    }

    public async ValueTask HandleAsync(HttpRequest request, HttpResponse response)
    {
        if (request.Method != HttpMethod.Get && request.Method != HttpMethod.Head)
        {
            response.SetHeader("Allow", AllowedMethods);
            Answer(response, 405, TextType, MethodNotAllowedText);
            return;
        }

        string path = request.Path;
        if (!UrlPath.TryDecode(path, out string decoded))
        {
            Answer(response, 400, TextType, BadRequestText);
            return;
        }

        string key;
        if (decoded[decoded.Length - 1] == '/')
        {
            key = decoded.Substring(1) + IndexName;
        }
        else
        {
            key = decoded.Substring(1);
            Result<KvEntryKind, KvError> kind = await _store.ExistsAsync(key);
            if (!kind.TryGetValue(out KvEntryKind entry, out KvError error))
            {
                AnswerError(response, error);
                return;
            }
            if (entry == KvEntryKind.Dictionary)
            {
                // Relative links in the directory's index resolve against the slash form only.
                string query = request.Query;
                response.SetHeader("Location", query.Length == 0 ? path + "/" : path + "/?" + query);
                Answer(response, 301, TextType, MovedText);
                return;
            }
        }
        await ServeValueAsync(request, response, key);
    }

    private async ValueTask ServeValueAsync(HttpRequest request, HttpResponse response, string key)
    {
        Result<string, KvError> digest = await _store.DigestAsync(key);
        if (!digest.TryGetValue(out string digestText, out KvError error))
        {
            AnswerError(response, error);
            return;
        }
        string etag = "\"" + digestText + "\"";

        Result<DateTime, KvError> modified = await _store.LastModifiedAsync(key);
        if (!modified.IsOk && modified.Error == KvError.IoError)
        {
            AnswerError(response, KvError.IoError);
            return;
        }

        bool notModified = request.TryGetHeader("If-None-Match", out ReadOnlyMemory<byte> ifNoneMatch) &&
                           EntityTags.Matches(ifNoneMatch.Span, etag);
        if (notModified)
        {
            response.StatusCode = 304;
        }
        else if (request.Method == HttpMethod.Head)
        {
            // HEAD announces the length without reading the value.
            Result<long, KvError> size = await _store.SizeAsync(key);
            if (!size.TryGetValue(out long length, out error))
            {
                AnswerError(response, error);
                return;
            }
            response.ContentLength = length;
        }
        else
        {
            Result<ReadOnlyMemory<byte>, KvError> value = await _store.GetAsync(key);
            if (!value.TryGetValue(out ReadOnlyMemory<byte> content, out error))
            {
                AnswerError(response, error);
                return;
            }
            response.Body = content;
        }

        response.SetHeader("ETag", etag);
        if (modified.TryGetValue(out DateTime lastModified)) response.SetHeader("Last-Modified", HttpDate.Format(lastModified));
        if (!notModified) response.SetHeader("Content-Type", ContentTypes.ForKey(key));
    }

    /// <summary>A store failure: missing (or unusable) keys are 404, I/O errors 500.</summary>
    private static void AnswerError(HttpResponse response, KvError error)
    {
        if (error == KvError.IoError) Answer(response, 500, TextType, ServerErrorText);
        else Answer(response, 404, "text/html; charset=utf-8", NotFoundPage);
    }

    private static void Answer(HttpResponse response, int status, string contentType, byte[] body)
    {
        response.StatusCode = status;
        response.SetHeader("Content-Type", contentType);
        response.Body = body;
    }
}
