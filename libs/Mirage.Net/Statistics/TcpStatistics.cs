namespace Mirage.Net;

/// <summary>TCP counters.</summary>
public sealed class TcpStatistics
{
    public long SegmentsReceived;
    public long SegmentsSent;
    /// <summary>Of those, segments larger than one frame handed to the device to cut (segmentation offload).</summary>
    public long LargeSegmentsSent;
    public long Truncated;
    public long BadHeaderLength;
    public long BadChecksum;
    public long BadOptions;
    public long ActiveOpens;
    public long PassiveOpens;
    public long Established;
    /// <summary>Connection attempts the peer refused (RST to our SYN).</summary>
    public long Refused;
    public long ResetsReceived;
    public long ResetsSent;
    /// <summary>RFC 5961: an in-window RST or SYN not at the expected sequence number answered with an ACK.</summary>
    public long ChallengeAcks;
    /// <summary>Segments outside the receive window (answered with an ACK, then dropped).</summary>
    public long OutOfWindow;
    /// <summary>ACKs for data never sent, or older than the window allows (RFC 5961 §5).</summary>
    public long BadAcks;
    public long Retransmissions;
    public long RetransmissionTimeouts;
    public long FastRetransmits;
    public long OutOfOrderSegments;
    public long ZeroWindowProbes;
    public long KeepAliveProbes;
    /// <summary>Connections dropped because the peer stopped answering (retransmissions or keep-alive).</summary>
    public long TimedOut;
    /// <summary>SYNs dropped because the listener's backlog (half-open plus not yet accepted) was full.</summary>
    public long ListenOverflows;
    /// <summary>SYNs dropped because the stack's connection limit was reached.</summary>
    public long ConnectionLimit;
    /// <summary>Segments for no connection and no listener (answered with RST).</summary>
    public long NoConnection;
    public long CurrentConnections;
}
