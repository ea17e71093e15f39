using System;
using System.Threading;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Http;

/// <summary>
/// Reads a request body framed by Content-Length or chunked transfer coding (RFC 9112 §6–7) and hands the
/// handler one contiguous, de-chunked block: in place in the input buffer when it fits, else in a pooled body buffer.
/// </summary>
internal sealed class BodyReader
{
    /// <summary>A chunk-size line with its extensions; longer ones are refused (400) rather than buffered.</summary>
    internal const int MaxChunkLineBytes = 4096;

    /// <summary>One trailer field line; longer ones are refused (431).</summary>
    internal const int MaxTrailerLineBytes = 4096;

    private readonly IFlow _flow;
    private readonly InputBuffer _input;
    private readonly BodyBuffer _body = new();
    private readonly HttpServerSettings _settings;

    public BodyReader(IFlow flow, InputBuffer input, HttpServerSettings settings)
    {
        _flow = flow;
        _input = input;
        _settings = settings;
    }

    /// <summary>Reads the body that follows a head of <paramref name="headLength"/> bytes, already consumed.</summary>
    public ValueTask<ReadStep> ReadAsync(ConnectionRequest request, int headLength, CancellationToken cancellationToken)
    {
        if (request.IsChunked) return ReadChunkedAsync(request, headLength, cancellationToken);
        if (request.ContentLength > 0) return ReadFixedAsync(request, (int)request.ContentLength, cancellationToken);
        request.SetBody(default);
        return new ValueTask<ReadStep>(ReadStep.Done);
    }

    /// <summary>Gives the body buffer back to the pool once the response is sent.</summary>
    public void Release() => _body.Release();

    private async ValueTask<ReadStep> ReadFixedAsync(ConnectionRequest request, int length, CancellationToken cancellationToken)
    {
        if (_input.Start + length <= _input.Capacity)
        {
            while (_input.Buffered < length)
            {
                FlowResult read = await _input.FillAsync(_flow, cancellationToken);
                if (!read.IsOk) return ReadStep.Stopped(read);
            }
            request.SetBody(_input.Array.AsMemory(_input.Start, length));
            _input.Consume(length);
            return ReadStep.Done;
        }

        // Too large for the input buffer: read the rest straight into the body buffer, never past the body,
        // so that a pipelined request stays in the input buffer.
        _body.Append(_input.Unread);
        _input.Consume(_input.Buffered);
        while (_body.Length < length)
        {
            FlowResult read = await InputBuffer.ReadAsync(_flow, _body.Reserve(length - _body.Length), cancellationToken);
            if (!read.IsOk) return ReadStep.Stopped(read);
            _body.Advance(read.Count);
        }
        request.SetBody(_body.Content);
        return ReadStep.Done;
    }

    private async ValueTask<ReadStep> ReadChunkedAsync(ConnectionRequest request, int headLength, CancellationToken cancellationToken)
    {
        while (true)
        {
            ReadStep line = await ReadLineAsync(headLength, MaxChunkLineBytes, 400, cancellationToken);
            if (!line.IsDone) return line;
            long size = ParseChunkSize(_input.Array.AsSpan(line.LineStart, line.LineLength), _settings.MaxBodyBytes - _body.Length);
            if (size < 0) return ReadStep.Reject(size == TooLarge ? 413 : 400);
            _input.Consume(line.LineLength + 2);
            if (size == 0) break;

            for (long remaining = size; remaining > 0;)
            {
                if (_input.Buffered == 0)
                {
                    _input.MoveUnreadTo(headLength);
                    FlowResult read = await _input.FillAsync(_flow, cancellationToken);
                    if (!read.IsOk) return ReadStep.Stopped(read);
                }
                int take = (int)Math.Min(remaining, _input.Buffered);
                _body.Append(_input.Unread.Slice(0, take));
                _input.Consume(take);
                remaining -= take;
            }

            ReadStep dataEnd = await ReadLineAsync(headLength, MaxChunkLineBytes, 400, cancellationToken);
            if (!dataEnd.IsDone) return dataEnd;
            if (dataEnd.LineLength != 0) return ReadStep.Reject(400);
            _input.Consume(2);
        }

        ReadStep trailers = await SkipTrailersAsync(headLength, cancellationToken);
        if (!trailers.IsDone) return trailers;
        request.SetBody(_body.Content);
        return ReadStep.Done;
    }

    private const long Malformed = -1;
    private const long TooLarge = -2;

    /// <summary>chunk-size [ chunk-ext ]: hexadecimal digits, then optionally ";" extensions, which are ignored.</summary>
    internal static long ParseChunkSize(ReadOnlySpan<byte> line, long allowed)
    {
        long size = 0;
        int digits = 0;
        while (digits < line.Length && HttpSyntax.HexValue(line[digits]) >= 0)
        {
            size = size * 16 + HttpSyntax.HexValue(line[digits]);
            if (size > allowed) return TooLarge;
            digits++;
        }
        if (digits == 0) return Malformed;
        ReadOnlySpan<byte> extensions = HttpSyntax.TrimWhitespace(line.Slice(digits));
        if (!extensions.IsEmpty && extensions[0] != (byte)';') return Malformed;
        foreach (byte b in extensions)
            if (!HttpSyntax.IsFieldValueByte(b)) return Malformed;
        return size;
    }

    /// <summary>The trailer section after the last chunk: checked like header fields, then dropped.</summary>
    private async ValueTask<ReadStep> SkipTrailersAsync(int headLength, CancellationToken cancellationToken)
    {
        int trailerBytes = 0;
        while (true)
        {
            ReadStep line = await ReadLineAsync(headLength, MaxTrailerLineBytes, 431, cancellationToken);
            if (!line.IsDone) return line;
            _input.Consume(line.LineLength + 2);
            if (line.LineLength == 0) return ReadStep.Done;
            trailerBytes += line.LineLength + 2;
            if (trailerBytes > _settings.MaxHeaderBytes) return ReadStep.Reject(431);
            if (!IsValidField(_input.Array.AsSpan(line.LineStart, line.LineLength))) return ReadStep.Reject(400);
        }
    }

    private static bool IsValidField(ReadOnlySpan<byte> line)
    {
        int colon = line.IndexOf((byte)':');
        if (colon <= 0 || !HttpSyntax.IsToken(line.Slice(0, colon))) return false;
        foreach (byte b in line.Slice(colon + 1))
            if (!HttpSyntax.IsFieldValueByte(b)) return false;
        return true;
    }

    /// <summary>Waits for the next CRLF-terminated line in the input buffer, keeping the head before <paramref name="headLength"/> intact.</summary>
    private async ValueTask<ReadStep> ReadLineAsync(int headLength, int maxLength, int tooLongStatus, CancellationToken cancellationToken)
    {
        while (true)
        {
            int end = RequestHeadParser.FindLineEnd(_input.Array.AsSpan(0, _input.End), _input.Start, out bool malformed);
            if (malformed) return ReadStep.Reject(400);
            if (end >= 0)
            {
                int length = end - _input.Start;
                return length > maxLength ? ReadStep.Reject(tooLongStatus) : ReadStep.Line(_input.Start, length);
            }
            if (_input.Buffered > maxLength) return ReadStep.Reject(tooLongStatus);
            if (_input.IsFull) _input.MoveUnreadTo(headLength);
            FlowResult read = await _input.FillAsync(_flow, cancellationToken);
            if (!read.IsOk) return ReadStep.Stopped(read);
        }
    }
}
