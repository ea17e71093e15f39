namespace Mirage.Net;

/// <summary>Address resolution counters.</summary>
public sealed class ArpStatistics
{
    public long RequestsReceived;
    public long RepliesReceived;
    public long RequestsSent;
    public long RepliesSent;
    /// <summary>Shorter than an ARP packet for IPv4 over Ethernet.</summary>
    public long Truncated;
    /// <summary>Not IPv4-over-Ethernet, or an unknown operation.</summary>
    public long Malformed;
    /// <summary>Another station claims one of this host's addresses.</summary>
    public long Conflicts;
    /// <summary>Addresses that did not answer in time; the packets waiting for them are dropped.</summary>
    public long ResolutionTimeouts;
    /// <summary>Packets dropped because too many were already waiting for the same address.</summary>
    public long QueueOverflows;
    public long CacheEntries;
}
