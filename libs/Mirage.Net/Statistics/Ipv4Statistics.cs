namespace Mirage.Net;

/// <summary>IPv4 counters, reassembly included.</summary>
public sealed class Ipv4Statistics
{
    public long PacketsReceived;
    public long PacketsDelivered;
    public long PacketsSent;
    public long Truncated;
    public long BadVersion;
    public long BadHeaderLength;
    public long BadTotalLength;
    public long BadChecksum;
    /// <summary>A broadcast, multicast or zero source address.</summary>
    public long BadSource;
    /// <summary>Addressed to a host this is not (the stack does not forward).</summary>
    public long NotForUs;
    public long UnknownProtocol;
    public long NoRoute;
    public long FragmentsReceived;
    public long Reassembled;
    /// <summary>Fragments that overlap an earlier fragment of the same datagram with different bounds: the whole datagram is dropped.</summary>
    public long FragmentOverlaps;
    /// <summary>A fragment that is misaligned, reaches past 65535 bytes, or contradicts the datagram's known end.</summary>
    public long BadFragments;
    /// <summary>Datagrams whose fragments did not all arrive in time.</summary>
    public long ReassemblyTimeouts;
    /// <summary>Fragments dropped because every reassembly slot was busy, or a datagram had too many pieces.</summary>
    public long ReassemblyOverflows;
    public long FragmentsSent;
}
