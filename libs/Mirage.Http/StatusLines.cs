using System.Collections.Generic;

namespace Mirage.Http;

/// <summary>Reason phrases, and status lines encoded once per status code so that responses do not re-encode them.</summary>
internal static class StatusLines
{
    private static readonly Dictionary<int, byte[]> Encoded = new();

    /// <summary>"HTTP/1.1 404 Not Found\r\n": a server answers in its own highest version whatever the request's.</summary>
    public static byte[] For(int statusCode)
    {
        if (Encoded.TryGetValue(statusCode, out byte[]? line)) return line;
        string reason = ReasonPhrase(statusCode);
        line = new byte[13 + reason.Length + 2];
        "HTTP/1.1 "u8.CopyTo(line);
        line[9] = (byte)('0' + statusCode / 100);
        line[10] = (byte)('0' + statusCode / 10 % 10);
        line[11] = (byte)('0' + statusCode % 10);
        line[12] = (byte)' ';
        for (int i = 0; i < reason.Length; i++) line[13 + i] = (byte)reason[i];
        line[^2] = (byte)'\r';
        line[^1] = (byte)'\n';
        Encoded[statusCode] = line;
        return line;
    }

    /// <summary>The phrase of RFC 9110 §15; empty (which the grammar allows) for codes it does not name.</summary>
    public static string ReasonPhrase(int statusCode) => statusCode switch
    {
        100 => "Continue",
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        206 => "Partial Content",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "Length Required",
        412 => "Precondition Failed",
        413 => "Content Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        416 => "Range Not Satisfiable",
        417 => "Expectation Failed",
        422 => "Unprocessable Content",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        _ => "",
    };
}
