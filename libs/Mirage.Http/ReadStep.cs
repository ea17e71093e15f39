using Mirage.Devices;

namespace Mirage.Http;

/// <summary>How reading part of a request went: done, refused with a status, or the flow stopped (end, reset, timeout).</summary>
internal readonly struct ReadStep
{
    private ReadStep(int status, FlowResult flow, int lineStart, int lineLength)
    {
        RejectStatus = status;
        Flow = flow;
        LineStart = lineStart;
        LineLength = lineLength;
    }

    /// <summary>The status to refuse the request with; 0 when not refused.</summary>
    public int RejectStatus { get; }

    /// <summary>The failed read when the flow stopped; Ok otherwise.</summary>
    public FlowResult Flow { get; }

    /// <summary>For a line read: where it starts in the input buffer, and its length without CRLF.</summary>
    public int LineStart { get; }

    public int LineLength { get; }

    public bool IsDone => RejectStatus == 0 && Flow.IsOk;

    public static ReadStep Done => new(0, FlowResult.Ok(0), 0, 0);

    public static ReadStep Line(int start, int length) => new(0, FlowResult.Ok(0), start, length);

    public static ReadStep Reject(int status) => new(status, FlowResult.Ok(0), 0, 0);

    public static ReadStep Stopped(FlowResult flow) => new(0, flow, 0, 0);
}
