namespace Mirage.Net.Tcp;

/// <summary>TCP's tunables. The defaults follow Linux where the RFCs leave room (see docs/tcpip.md).</summary>
public sealed class TcpSettings
{
    public int ReceiveBufferBytes { get; set; } = 256 * 1024;
    public int SendBufferBytes { get; set; } = 256 * 1024;
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
