using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Net.Arp;

/// <summary>One cache entry: resolved (with an expiry) or pending (requests sent, packets waiting).</summary>
internal sealed class ArpEntry
{
    public const int QueueLimit = 4;

    public Ipv4Address Address;
    public MacAddress Mac;
    public bool Resolved;
    /// <summary>Resolved: when it must be asked again. Pending: when the next request goes out.</summary>
    public long DeadlineMs;
    public int RequestsSent;
    public readonly byte[]?[] Queued = new byte[QueueLimit][];
    public readonly int[] QueuedLengths = new int[QueueLimit];
    /// <summary>What each waiting frame asks of the device (a partial checksum, segmentation).</summary>
    public readonly TransmitOffload[] QueuedOffloads = new TransmitOffload[QueueLimit];
    public int QueuedCount;
    /// <summary>Applications waiting in <see cref="ArpLayer.QueryAsync"/>; created only for them.</summary>
    public TaskCompletionSource<bool>? Waiters;
}
