using System;
using Mirage.Devices;

namespace Mirage.Http;

/// <summary>
/// Parses a request line and header section (RFC 9112 §2–5) in place. Strict on purpose: lines end in CRLF,
/// single spaces separate the request line, no whitespace before a field's colon, no obs-fold, no control
/// characters. Leniency is where request smuggling lives. It runs again on the whole head each time more bytes
/// arrive, which is cheap for heads of a few hundred bytes and reports a malformed line as soon as it is complete.
/// </summary>
internal static class RequestHeadParser
{
    /// <param name="data">The received bytes, starting at offset 0 of the connection's input buffer.</param>
    /// <param name="headLength">When complete, the bytes up to and including the empty line.</param>
    /// <param name="status">When rejected, the status to answer with.</param>
    public static HeadParseOutcome Parse(ReadOnlySpan<byte> data, ConnectionRequest request, HttpServerSettings settings, out int headLength, out int status)
    {
        request.Clear();
        headLength = 0;
        status = 0;
        int position = 0;

        // RFC 9112 §2.2: a server should ignore empty lines before the request line (clients send them after bodies).
        while (position + 1 < data.Length && data[position] == HttpSyntax.CarriageReturn && data[position + 1] == HttpSyntax.LineFeed)
            position += 2;

        int lineEnd = FindLineEnd(data, position, out bool malformedEnd);
        if (malformedEnd) return Reject(400, out status);
        if (lineEnd < 0) return NeedMore(data.Length, settings, requestLineComplete: false, out status);
        if (lineEnd + 2 > settings.MaxHeaderBytes) return Reject(414, out status);

        status = ParseRequestLine(data.Slice(0, lineEnd), position, request);
        if (status != 0) return HeadParseOutcome.Rejected;
        position = lineEnd + 2;

        while (true)
        {
            lineEnd = FindLineEnd(data, position, out malformedEnd);
            if (malformedEnd) return Reject(400, out status);
            if (lineEnd < 0) return NeedMore(data.Length, settings, requestLineComplete: true, out status);
            if (lineEnd + 2 > settings.MaxHeaderBytes) return Reject(431, out status);
            if (lineEnd == position)
            {
                headLength = lineEnd + 2;
                return HeadParseOutcome.Complete;
            }
            status = ParseField(data, position, lineEnd, request);
            if (status != 0) return HeadParseOutcome.Rejected;
            position = lineEnd + 2;
        }
    }

    /// <summary>
    /// The offset of the CR of the next CRLF at or after <paramref name="start"/>, or -1 when none has arrived yet.
    /// A LF without CR before it, or a CR followed by anything but LF, is malformed.
    /// </summary>
    internal static int FindLineEnd(ReadOnlySpan<byte> data, int start, out bool malformed)
    {
        malformed = false;
        int lineFeed = data.Slice(start).IndexOf(HttpSyntax.LineFeed);
        int searchedEnd = lineFeed < 0 ? data.Length : start + lineFeed;
        int carriageReturn = data.Slice(start, searchedEnd - start).IndexOf(HttpSyntax.CarriageReturn);
        if (carriageReturn >= 0)
        {
            int at = start + carriageReturn;
            if (at + 1 < data.Length && data[at + 1] != HttpSyntax.LineFeed) malformed = true;
            return malformed || at + 1 == data.Length ? -1 : at;
        }
        if (lineFeed >= 0) malformed = true;
        return -1;
    }

    private static HeadParseOutcome NeedMore(int received, HttpServerSettings settings, bool requestLineComplete, out int status)
    {
        status = 0;
        if (received < settings.MaxHeaderBytes) return HeadParseOutcome.Incomplete;
        return Reject(requestLineComplete ? 431 : 414, out status);
    }

    private static HeadParseOutcome Reject(int code, out int status)
    {
        status = code;
        return HeadParseOutcome.Rejected;
    }

    /// <summary>method SP request-target SP HTTP-version; returns 0 or the status to refuse with.</summary>
    private static int ParseRequestLine(ReadOnlySpan<byte> data, int start, ConnectionRequest request)
    {
        ReadOnlySpan<byte> line = data.Slice(start);
        int firstSpace = line.IndexOf(HttpSyntax.Space);
        if (firstSpace <= 0) return 400;
        ReadOnlySpan<byte> method = line.Slice(0, firstSpace);
        if (!HttpSyntax.IsToken(method)) return 400;

        int targetStart = firstSpace + 1;
        int secondSpace = line.Slice(targetStart).IndexOf(HttpSyntax.Space);
        if (secondSpace <= 0) return 400;
        ReadOnlySpan<byte> target = line.Slice(targetStart, secondSpace);
        foreach (byte b in target)
            if (!HttpSyntax.IsVisibleAscii(b)) return 400;

        int versionStatus = ParseVersion(line.Slice(targetStart + secondSpace + 1), out HttpVersion version);
        if (versionStatus != 0) return versionStatus;

        request.MethodKind = MethodOf(method);
        request.MethodRange = new ByteRange(start, firstSpace);
        request.TargetRange = new ByteRange(start + targetStart, target.Length);
        request.ProtocolVersion = version;
        return ParseTarget(target, start + targetStart, request);
    }

    /// <summary>"HTTP/1.1" and "HTTP/1.0"; a later 1.x is answered as 1.1 (RFC 9110 §6.2), another major version is 505.</summary>
    private static int ParseVersion(ReadOnlySpan<byte> text, out HttpVersion version)
    {
        version = HttpVersion.Http11;
        if (text.Length != 8 || !text.StartsWith("HTTP/"u8) || text[6] != (byte)'.') return 400;
        int major = text[5] - '0';
        int minor = text[7] - '0';
        if ((uint)major > 9 || (uint)minor > 9) return 400;
        if (major != 1) return 505;
        version = minor == 0 ? HttpVersion.Http10 : HttpVersion.Http11;
        return 0;
    }

    private static HttpMethod MethodOf(ReadOnlySpan<byte> method)
    {
        if (method.SequenceEqual("GET"u8)) return HttpMethod.Get;
        if (method.SequenceEqual("HEAD"u8)) return HttpMethod.Head;
        if (method.SequenceEqual("POST"u8)) return HttpMethod.Post;
        if (method.SequenceEqual("PUT"u8)) return HttpMethod.Put;
        if (method.SequenceEqual("DELETE"u8)) return HttpMethod.Delete;
        if (method.SequenceEqual("OPTIONS"u8)) return HttpMethod.Options;
        if (method.SequenceEqual("TRACE"u8)) return HttpMethod.Trace;
        if (method.SequenceEqual("CONNECT"u8)) return HttpMethod.Connect;
        if (method.SequenceEqual("PATCH"u8)) return HttpMethod.Patch;
        return HttpMethod.Other;
    }

    /// <summary>The four request-target forms of RFC 9112 §3.2; the path and query of origin and absolute forms.</summary>
    private static int ParseTarget(ReadOnlySpan<byte> target, int offset, ConnectionRequest request)
    {
        int pathStart;
        if (target[0] == (byte)'/')
        {
            pathStart = 0;
        }
        else if (StartsWithIgnoreCase(target, "http://"u8) || StartsWithIgnoreCase(target, "https://"u8))
        {
            int authorityStart = target.IndexOf((byte)':') + 3;
            int authorityLength = target.Slice(authorityStart).IndexOfAny((byte)'/', (byte)'?');
            if (authorityLength < 0) authorityLength = target.Length - authorityStart;
            if (authorityLength == 0) return 400;
            pathStart = authorityStart + authorityLength;
            if (pathStart == target.Length || target[pathStart] == (byte)'?') request.PathIsRoot = true;
        }
        else if (target.Length == 1 && target[0] == (byte)'*')
        {
            if (request.MethodKind != HttpMethod.Options) return 400;
            request.PathRange = new ByteRange(offset, 1);
            return 0;
        }
        else
        {
            // authority-form ("host:port") belongs to CONNECT only; the handler sees an empty path.
            return request.MethodKind == HttpMethod.Connect ? 0 : 400;
        }

        int question = target.Slice(pathStart).IndexOf((byte)'?');
        int pathLength = question < 0 ? target.Length - pathStart : question;
        request.PathRange = new ByteRange(offset + pathStart, pathLength);
        if (question >= 0)
        {
            int queryStart = pathStart + question + 1;
            request.QueryRange = new ByteRange(offset + queryStart, target.Length - queryStart);
        }
        return 0;
    }

    /// <summary>field-name ":" OWS field-value OWS; returns 0 or the status to refuse with.</summary>
    private static int ParseField(ReadOnlySpan<byte> data, int start, int end, ConnectionRequest request)
    {
        ReadOnlySpan<byte> line = data.Slice(start, end - start);
        // A line starting with whitespace is obs-fold (or hides a field from some parsers): refused (RFC 9112 §5.2).
        if (HttpSyntax.IsWhitespace(line[0])) return 400;
        int colon = line.IndexOf((byte)':');
        if (colon <= 0 || !HttpSyntax.IsToken(line.Slice(0, colon))) return 400;

        int valueStart = colon + 1;
        int valueEnd = line.Length;
        for (int i = valueStart; i < valueEnd; i++)
            if (!HttpSyntax.IsFieldValueByte(line[i])) return 400;
        while (valueStart < valueEnd && HttpSyntax.IsWhitespace(line[valueStart])) valueStart++;
        while (valueEnd > valueStart && HttpSyntax.IsWhitespace(line[valueEnd - 1])) valueEnd--;

        if (request.FieldCount == request.FieldCapacity) return 431;
        request.AddField(start, colon, start + valueStart, valueEnd - valueStart);
        return 0;
    }

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowerPrefix)
    {
        if (text.Length < lowerPrefix.Length) return false;
        for (int i = 0; i < lowerPrefix.Length; i++)
            if ((text[i] | 0x20) != lowerPrefix[i] && text[i] != lowerPrefix[i]) return false;
        return true;
    }
}
