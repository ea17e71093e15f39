namespace Mirage.Net;

/// <summary>
/// Per-layer counters of a <see cref="DirectStackV4"/>: what was received, sent and dropped, and why.
/// Read them from the application (<c>((DirectStackV4)stack).Statistics</c>) when packets go missing.
/// They are plain fields updated on the event loop, so read them there too.
/// </summary>
public sealed class StackStatistics
{
    public EthernetStatistics Ethernet { get; } = new();
    public ArpStatistics Arp { get; } = new();
    public Ipv4Statistics Ipv4 { get; } = new();
    public IcmpStatistics Icmp { get; } = new();
    public UdpStatistics Udp { get; } = new();
    public TcpStatistics Tcp { get; } = new();
    public DhcpStatistics Dhcp { get; } = new();

    /// <summary>
    /// Exceptions caught at the stack's boundary (a frame's processing, a timer): bugs, never expected.
    /// The stack drops what it was doing and carries on, so no input can take it down.
    /// </summary>
    public long InternalErrors;
}
