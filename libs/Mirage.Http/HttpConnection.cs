using System;
using System.Threading;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Http;

/// <summary>
/// One client connection: reads requests one after the other (pipelined ones are already buffered and are
/// answered in order), passes each to the handler and writes its response, until the client or the server
/// ends it. Its buffers and request/response objects are reused for every request.
/// </summary>
internal sealed class HttpConnection
{
    /// <summary>Room after the largest head for body bytes and pipelined requests, and for chunk-size and trailer lines.</summary>
    private const int InputSlack = 8192;

    /// <summary>The most a refused client may still send while its error response is read, before the connection is dropped.</summary>
    private const int LingerMaxBytes = 1 << 20;

    private readonly IFlow _flow;
    private readonly IHttpHandler _handler;
    private readonly HttpServerSettings _settings;
    private readonly HttpServerCounters _counters;
    private readonly CancellationToken _serverStopping;
    private readonly CancellationTokenSource _deadline;
    private readonly InputBuffer _input;
    private readonly BodyReader _bodyReader;
    private readonly ConnectionRequest _request;
    private readonly ConnectionResponse _response;

    public HttpConnection(IFlow flow, IHttpHandler handler, HttpServerSettings settings, HttpServerCounters counters, CancellationToken serverStopping)
    {
        _flow = flow;
        _handler = handler;
        _settings = settings;
        _counters = counters;
        _serverStopping = serverStopping;
        // One token for every read: cancelled by the server stopping or by the timer of the current phase.
        _deadline = CancellationTokenSource.CreateLinkedTokenSource(serverStopping);
        _input = new InputBuffer(settings.MaxHeaderBytes + InputSlack);
        _bodyReader = new BodyReader(flow, _input, settings);
        _request = new ConnectionRequest(_input.Array, settings.MaxHeaderCount);
        _response = new ConnectionResponse(flow);
    }

    public async Task RunAsync()
    {
        try
        {
            bool first = true;
            while (await ServeNextRequestAsync(first)) first = false;
        }
        finally
        {
            _deadline.Dispose();
            _bodyReader.Release();
            _response.Release();
            _input.Release();
            await _flow.CloseAsync();
        }
    }

    /// <summary>Reads, answers and sends one request; false when the connection must close.</summary>
    private async ValueTask<bool> ServeNextRequestAsync(bool first)
    {
        _input.MoveUnreadTo(0);
        bool idle = _input.Buffered == 0;
        // A new connection gets the request timeout for its first byte; a kept-alive one may idle longer.
        _deadline.CancelAfter(idle && !first ? _settings.KeepAliveTimeoutMilliseconds : _settings.RequestTimeoutMilliseconds);

        int headLength;
        while (true)
        {
            HeadParseOutcome outcome = RequestHeadParser.Parse(_input.Unread, _request, _settings, out headLength, out int status);
            if (outcome == HeadParseOutcome.Complete) break;
            if (outcome == HeadParseOutcome.Rejected) return await RejectAsync(status);

            FlowResult read = await _input.FillAsync(_flow, _deadline.Token);
            if (!read.IsOk) return await StopReadingAsync(read, idle);
            if (idle)
            {
                idle = false;
                _deadline.CancelAfter(_settings.RequestTimeoutMilliseconds);
            }
        }
        _input.Consume(headLength);

        int framingStatus = RequestFraming.Analyze(_request, _settings);
        if (framingStatus != 0) return await RejectAsync(framingStatus);

        bool bodyExpected = _request.IsChunked || _request.ContentLength > 0;
        if (_request.ExpectsContinue && bodyExpected && _input.Buffered == 0) await _response.SendContinueAsync();
        ReadStep body = await _bodyReader.ReadAsync(_request, headLength, _deadline.Token);
        if (body.RejectStatus != 0) return await RejectAsync(body.RejectStatus);
        if (!body.IsDone) return await StopReadingAsync(body.Flow, idle: false);
        // The handler's time is not the client's: no timer runs until the next request.
        _deadline.CancelAfter(Timeout.Infinite);

        bool keepAlive = await RespondAsync();
        _bodyReader.Release();
        return keepAlive && !_serverStopping.IsCancellationRequested;
    }

    private async ValueTask<bool> RespondAsync()
    {
        _response.Reset(_request.Method, _request.Version, _request.KeepAlive);
        try
        {
            await _handler.HandleAsync(_request, _response);
            _response.CheckConsistent();
        }
        catch (Exception)
        {
            // A handler bug costs its request, not the server: 500 if nothing was sent yet, else the connection.
            _counters.HandlerFailures++;
            _counters.Requests++;
            if (!_response.HasStarted) await _response.SendErrorAsync(500, _request.Method == HttpMethod.Head);
            return false;
        }
        await _response.CompleteAsync();
        _counters.Requests++;
        return _response.KeepAlive;
    }

    /// <summary>A read ended: the server is stopping, a timer fired, or the client left.</summary>
    private async ValueTask<bool> StopReadingAsync(FlowResult read, bool idle)
    {
        if (read.Status != FlowStatus.Cancelled && read.Status != FlowStatus.TimedOut) return false;
        if (_serverStopping.IsCancellationRequested) return false;
        _counters.Timeouts++;
        // An idle connection just closes; a client caught mid-request is told why.
        if (!idle)
        {
            _counters.Requests++;
            await _response.SendErrorAsync(408, headOnly: false);
            await _flow.ShutdownWriteAsync();
        }
        return false;
    }

    /// <summary>Answers a request the server refuses before the handler sees it, then ends the connection.</summary>
    private async ValueTask<bool> RejectAsync(int status)
    {
        _counters.Requests++;
        if (status == 400) _counters.BadRequests++;
        else _counters.RejectedRequests++;
        await _response.SendErrorAsync(status, _request.Method == HttpMethod.Head && status != 400);
        await LingerAsync();
        return false;
    }

    /// <summary>
    /// Reads and drops what the client still sends for a short while before closing: closing with unread data
    /// makes TCP reset the connection, and the client could lose the error response it has not read yet.
    /// </summary>
    private async ValueTask LingerAsync()
    {
        if (_response.ClientGone || _deadline.IsCancellationRequested) return;
        FlowResult shutdown = await _flow.ShutdownWriteAsync();
        if (!shutdown.IsOk) return;
        _deadline.CancelAfter(Math.Min(_settings.RequestTimeoutMilliseconds, 2000));
        int dropped = 0;
        while (dropped < LingerMaxBytes)
        {
            FlowResult read = await InputBuffer.ReadAsync(_flow, _input.Array.AsMemory(), _deadline.Token);
            if (!read.IsOk) return;
            dropped += read.Count;
        }
    }
}
