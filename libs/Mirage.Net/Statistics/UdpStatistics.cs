namespace Mirage.Net;

/// <summary>UDP counters.</summary>
public sealed class UdpStatistics
{
    public long DatagramsReceived;
    public long DatagramsDelivered;
    public long DatagramsSent;
    public long Truncated;
    public long BadLength;
    public long BadChecksum;
    /// <summary>No socket on the destination port (answered with ICMP port unreachable).</summary>
    public long NoPort;
    /// <summary>The socket's queue was full: the application is not reading fast enough.</summary>
    public long QueueOverflows;
}
