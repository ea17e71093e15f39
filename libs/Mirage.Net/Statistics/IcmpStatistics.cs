namespace Mirage.Net;

/// <summary>ICMPv4 counters.</summary>
public sealed class IcmpStatistics
{
    public long MessagesReceived;
    public long EchoRequestsReceived;
    public long EchoRepliesSent;
    public long DestinationUnreachableReceived;
    public long DestinationUnreachableSent;
    public long Truncated;
    public long BadChecksum;
    /// <summary>Error messages not sent because of the rate limit.</summary>
    public long RateLimited;
    public long OtherTypes;
}
