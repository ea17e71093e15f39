namespace Mirage.Net.Tcp;

/// <summary>TCP's tunables. The defaults follow Linux where the RFCs leave room (see docs/tcpip.md).</summary>
public sealed class TcpSettings
{
    /// <summary>The most a connection's receive buffer grows to (and so its largest window).</summary>
    public int ReceiveBufferBytes { get; set; } = 256 * 1024;
    /// <summary>The most a connection's send buffer grows to.</summary>
    public int SendBufferBytes { get; set; } = 256 * 1024;
    /// <summary>
    /// Both buffers start at this size and double when traffic needs more, up to the maxima above:
    /// the send buffer when the application writes more than fits, the receive buffer each time it
    /// has taken in its own size since it last grew. Idle and request/response connections stay small.
    /// </summary>
    public int InitialBufferBytes { get; set; } = 16 * 1024;
    /// <summary>Bytes of closed connections' buffers kept for new connections instead of freed.</summary>
    public int RetainedBufferBytes { get; set; } = 4 * 1024 * 1024;
    /// <summary>RFC 6298 says 1 s; Linux uses 200 ms, which suits LAN and TAP round trips.</summary>
    public int MinimumRtoMs { get; set; } = 200;
    public int MaximumRtoMs { get; set; } = 60_000;
    public int InitialRtoMs { get; set; } = 1_000;
    public int DelayedAckMs { get; set; } = 40;
    /// <summary>Retransmissions of one segment before the connection is given up as timed out.</summary>
    public int MaximumRetransmissions { get; set; } = 12;
    public int SynRetries { get; set; } = 5;
    public int SynAckRetries { get; set; } = 4;
    /// <summary>Maximum segment lifetime; TIME-WAIT lasts twice this.</summary>
    public int MslMs { get; set; } = 30_000;
    /// <summary>How long a connection closed by the application waits in FIN-WAIT-2 for the peer's FIN.</summary>
    public int FinWait2TimeoutMs { get; set; } = 60_000;
    /// <summary>Idle time before keep-alive probes; 0 turns keep-alive off (the default, as on Linux sockets).</summary>
    public int KeepAliveIdleMs { get; set; }
    public int KeepAliveIntervalMs { get; set; } = 75_000;
    public int KeepAliveProbes { get; set; } = 9;
    /// <summary>Connections of every state together, half-open ones included.</summary>
    public int MaximumConnections { get; set; } = 4096;
    /// <summary>Challenge ACKs (RFC 5961 §7) per second, stack-wide.</summary>
    public int ChallengeAcksPerSecond { get; set; } = 100;
}
