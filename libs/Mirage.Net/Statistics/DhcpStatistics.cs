namespace Mirage.Net;

/// <summary>DHCP client counters and the current lease.</summary>
public sealed class DhcpStatistics
{
    public long Discovers;
    public long Offers;
    public long Requests;
    public long Acks;
    public long Naks;
    public long Declines;
    public long Renewals;
    /// <summary>Messages on the client port that are not a well-formed reply to this client's transaction.</summary>
    public long Ignored;
    public long LeasesLost;
}
