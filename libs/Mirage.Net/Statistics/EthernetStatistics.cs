namespace Mirage.Net;

/// <summary>Frames seen by the Ethernet layer. Every dropped frame is counted once, under the first reason found.</summary>
public sealed class EthernetStatistics
{
    public long FramesReceived;
    public long FramesSent;
    /// <summary>Of the frames received, merged TCP segments larger than the MTU (large receive offload).</summary>
    public long LargeFramesReceived;
    /// <summary>Shorter than an Ethernet header.</summary>
    public long Truncated;
    /// <summary>Longer than the MTU allows.</summary>
    public long Oversized;
    /// <summary>Addressed to another station (or a multicast group this host is not in).</summary>
    public long NotForUs;
    /// <summary>An EtherType the stack does not speak (IPv6, VLAN tags, …).</summary>
    public long UnknownType;
    /// <summary>The network device refused a frame.</summary>
    public long SendErrors;
}
