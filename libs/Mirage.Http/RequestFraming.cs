using System;
using Mirage.Devices;

namespace Mirage.Http;

/// <summary>
/// Reads the headers that decide how the message is delimited and whether the connection stays open
/// (Host, Content-Length, Transfer-Encoding, Connection, Expect), refusing the ambiguous combinations
/// of RFC 9112 §6.3 that let two parsers see different requests.
/// </summary>
internal static class RequestFraming
{
    /// <summary>Fills the framing fields of <paramref name="request"/>; returns 0 or the status to refuse it with.</summary>
    public static int Analyze(ConnectionRequest request, HttpServerSettings settings)
    {
        int hostCount = 0;
        bool hasContentLength = false;
        long contentLength = 0;
        bool hasTransferEncoding = false;
        bool chunkedLast = false;
        bool unknownCoding = false;
        bool closeRequested = false;
        bool keepAliveRequested = false;
        bool expectsContinue = false;

        for (int i = 0; i < request.FieldCount; i++)
        {
            ReadOnlySpan<byte> name = request.FieldNameSpan(i);
            ReadOnlySpan<byte> value = request.FieldValueSpan(i);
            if (HttpHeader.AsciiEqualsIgnoreCase(name, "Host"))
            {
                hostCount++;
            }
            else if (HttpHeader.AsciiEqualsIgnoreCase(name, "Content-Length"))
            {
                if (!HttpSyntax.TryParseDecimal(value, settings.MaxBodyBytes, out long length)) return 400;
                // Repeated Content-Length fields must agree, or the body's end is ambiguous.
                if (hasContentLength && length != contentLength) return 400;
                hasContentLength = true;
                contentLength = length;
            }
            else if (HttpHeader.AsciiEqualsIgnoreCase(name, "Transfer-Encoding"))
            {
                hasTransferEncoding = true;
                int position = 0;
                while ((position = HttpSyntax.NextListElement(value, position, out ReadOnlySpan<byte> coding)) >= 0)
                {
                    // chunked must be the last coding, once (RFC 9112 §6.1).
                    if (chunkedLast) return 400;
                    if (HttpHeader.AsciiEqualsIgnoreCase(coding, "chunked")) chunkedLast = true;
                    else if (HttpSyntax.IsToken(coding)) unknownCoding = true;
                    else return 400;
                }
            }
            else if (HttpHeader.AsciiEqualsIgnoreCase(name, "Connection"))
            {
                int position = 0;
                while ((position = HttpSyntax.NextListElement(value, position, out ReadOnlySpan<byte> option)) >= 0)
                {
                    if (HttpHeader.AsciiEqualsIgnoreCase(option, "close")) closeRequested = true;
                    else if (HttpHeader.AsciiEqualsIgnoreCase(option, "keep-alive")) keepAliveRequested = true;
                }
            }
            else if (HttpHeader.AsciiEqualsIgnoreCase(name, "Expect"))
            {
                expectsContinue = HttpHeader.AsciiEqualsIgnoreCase(value, "100-continue");
            }
        }

        bool http11 = request.ProtocolVersion == HttpVersion.Http11;
        if (hostCount > 1 || (http11 && hostCount == 0)) return 400;
        if (hasTransferEncoding)
        {
            // A 1.0 message cannot be chunked, and both framings at once is the classic smuggling vector.
            if (!http11 || hasContentLength || !chunkedLast) return 400;
            if (unknownCoding) return 501;
        }
        if (contentLength > settings.MaxBodyBytes) return 413;

        request.KeepAlive = !closeRequested && (http11 || keepAliveRequested);
        request.ContentLength = contentLength;
        request.IsChunked = hasTransferEncoding;
        request.ExpectsContinue = expectsContinue && http11;
        return 0;
    }
}
