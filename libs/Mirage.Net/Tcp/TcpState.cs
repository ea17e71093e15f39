namespace Mirage.Net.Tcp;

/// <summary>The connection states of RFC 9293 §3.3.2 (LISTEN is the <see cref="TcpListener"/>).</summary>
public enum TcpState
{
    Closed,
    SynSent,
    SynReceived,
    Established,
    FinWait1,
    FinWait2,
    CloseWait,
    Closing,
    LastAck,
    TimeWait,
}
