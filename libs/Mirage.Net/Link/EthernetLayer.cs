using System;
using System.Threading.Tasks;
using Mirage.Devices;
using Mirage.Net.Buffers;
using Mirage.Net.Wire;

namespace Mirage.Net.Link;

/// <summary>
/// Ethernet II over a <see cref="INetwork"/>: checks and strips the header of each received frame
/// and hands IPv4 and ARP payloads up; frames outgoing packets, which every layer builds in place
/// in a pooled buffer with room for the header in front. When the device offers offloads
/// (<see cref="INetworkOffload"/>) it turns them all on: transport checksums left to the device,
/// TCP segments up to 64 KiB cut by the device, merged TCP segments received.
/// </summary>
internal sealed class EthernetLayer : IEthernet
{
    public const int HeaderLength = 14;

    private readonly INetwork _network;
    private readonly INetworkOffload? _offload;
    private readonly FramePool _pool;
    private readonly EthernetStatistics _stats;

    public EthernetLayer(INetwork network, FramePool pool, EthernetStatistics stats)
    {
        _network = network;
        _pool = pool;
        _stats = stats;
        Mac = network.Mac;
        Mtu = network.Mtu is > 68 and <= 1500 ? network.Mtu : 1500;
        if (network is INetworkOffload offload && offload.SupportedOffloads != NetworkOffloads.None)
        {
            Offloads = offload.EnableOffloads(NetworkOffloads.TransmitChecksum | NetworkOffloads.TcpSegmentation | NetworkOffloads.LargeReceive);
            if ((Offloads & NetworkOffloads.TcpSegmentation) != 0 && (Offloads & NetworkOffloads.TransmitChecksum) == 0)
                Offloads &= ~NetworkOffloads.TcpSegmentation; // a segmented frame's checksums are the device's to fill
            _offload = Offloads == NetworkOffloads.None ? null : offload;
            MaximumFrame = Math.Min(offload.MaximumFrameLength, FramePool.LargeBufferSize);
        }
        else
        {
            MaximumFrame = HeaderLength + Mtu;
        }
    }

    /// <summary>The offloads in use (none when the device offers none).</summary>
    public NetworkOffloads Offloads { get; }

    /// <summary>The largest frame sent or received: 14 + MTU, or up to a 64 KiB packet with segmentation offload or large receive.</summary>
    public int MaximumFrame { get; }

    public bool ChecksumOffload => (Offloads & NetworkOffloads.TransmitChecksum) != 0;

    public bool SegmentationOffload => (Offloads & NetworkOffloads.TcpSegmentation) != 0;

    public MacAddress Mac { get; }

    public int Mtu { get; }

    public Arp.ArpLayer? Arp { get; set; }

    public Ip.Ipv4Layer? Ipv4 { get; set; }

    public void Receive(ReadOnlySpan<byte> frame)
    {
        _stats.FramesReceived++;
        if (frame.Length < HeaderLength)
        {
            _stats.Truncated++;
            return;
        }
        if (frame.Length > HeaderLength + Mtu)
        {
            if (!IsLargeReceive(frame))
            {
                _stats.Oversized++;
                return;
            }
            _stats.LargeFramesReceived++;
        }
        // Destination: this station or broadcast. Other group addresses (bit 0 of the first octet) are not joined.
        bool forUs = MacAddress.Read(frame).Equals(Mac) || IsBroadcast(frame);
        if (!forUs)
        {
            _stats.NotForUs++;
            return;
        }
        MacAddress source = MacAddress.Read(frame.Slice(6));
        ushort type = NetworkOrder.ReadUInt16(frame, 12);
        ReadOnlySpan<byte> payload = frame.Slice(HeaderLength);
        switch (type)
        {
            case (ushort)EtherType.Ipv4:
                Ipv4!.Receive(payload, source);
                break;
            case (ushort)EtherType.Arp:
                Arp!.Receive(payload);
                break;
            default:
                _stats.UnknownType++;
                break;
        }
    }

    public void WriteHeader(Span<byte> frame, MacAddress destination, EtherType type)
    {
        destination.Write(frame);
        Mac.Write(frame.Slice(6));
        NetworkOrder.WriteUInt16(frame, 12, (ushort)type);
    }

    /// <summary>
    /// Sends the first <paramref name="length"/> bytes of <paramref name="buffer"/> (header written), with the
    /// work <paramref name="offload"/> asks of the device, and takes the buffer back into the pool once the device has it.
    /// </summary>
    public void Transmit(byte[] buffer, int length, in TransmitOffload offload = default)
    {
        var frame = new ReadOnlyMemory<byte>(buffer, 0, length);
        ValueTask<Result<Unit, NetworkError>> write = offload == default || _offload is null
            ? _network.WriteAsync(frame)
            : _offload.WriteAsync(frame, offload);
        if (write.IsCompleted)
        {
            Finish(write.Result, buffer);
            return;
        }
        _ = FinishLaterAsync(write, buffer);
    }

    /// <summary>IEthernet: frames a payload given by the application (copied; the caller keeps its memory).</summary>
    public ValueTask<Result<Unit, NetworkError>> WriteAsync(MacAddress destination, EtherType type, ReadOnlyMemory<byte> payload)
    {
        if (payload.Length > Mtu) return new(Result<Unit, NetworkError>.Fail(NetworkError.FrameTooLarge));
        byte[] buffer = _pool.Rent();
        WriteHeader(buffer, destination, type);
        payload.Span.CopyTo(buffer.AsSpan(HeaderLength));
        Transmit(buffer, HeaderLength + payload.Length);
        return new(Result.Ok<NetworkError>());
    }

    /// <summary>A merged TCP/IPv4 segment, the only kind of frame above the MTU a device with large receive may deliver.</summary>
    private bool IsLargeReceive(ReadOnlySpan<byte> frame) =>
        (Offloads & NetworkOffloads.LargeReceive) != 0 && frame.Length <= MaximumFrame && frame.Length >= HeaderLength + 20 &&
        NetworkOrder.ReadUInt16(frame, 12) == (ushort)EtherType.Ipv4 && frame[HeaderLength + 9] == (byte)IpProtocol.Tcp;

    private static bool IsBroadcast(ReadOnlySpan<byte> frame) =>
        frame[0] == 0xFF && frame[1] == 0xFF && frame[2] == 0xFF && frame[3] == 0xFF && frame[4] == 0xFF && frame[5] == 0xFF;

    private async Task FinishLaterAsync(ValueTask<Result<Unit, NetworkError>> write, byte[] buffer) => Finish(await write, buffer);

    private void Finish(Result<Unit, NetworkError> result, byte[] buffer)
    {
        if (result.IsOk) _stats.FramesSent++;
        else _stats.SendErrors++;
        _pool.Return(buffer);
    }
}
