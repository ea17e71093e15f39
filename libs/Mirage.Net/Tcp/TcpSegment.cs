using System;
using Mirage.Net.Wire;

namespace Mirage.Net.Tcp;

/// <summary>A received segment, header and options checked (RFC 9293 §3.1, RFC 7323, RFC 2018).</summary>
internal ref struct TcpSegment
{
    public const int HeaderLength = 20;
    public const int MaximumHeaderLength = 60;
    public const int MaximumSackBlocks = 4;

    public ushort SourcePort;
    public ushort DestinationPort;
    public uint Seq;
    public uint Ack;
    public byte Flags;
    public ushort Window;
    public ReadOnlySpan<byte> Payload;
    /// <summary>0 when absent.</summary>
    public ushort Mss;
    /// <summary>-1 when absent.</summary>
    public int WindowScale;
    public bool SackPermitted;
    public int SackCount;
    public uint Sack0Start, Sack0End, Sack1Start, Sack1End, Sack2Start, Sack2End, Sack3Start, Sack3End;

    public bool Has(byte flag) => (Flags & flag) != 0;

    /// <summary>The sequence space the segment occupies: data, plus one each for SYN and FIN.</summary>
    public int SequenceLength => Payload.Length + (Has(TcpFlags.Syn) ? 1 : 0) + (Has(TcpFlags.Fin) ? 1 : 0);

    public void GetSack(int index, out uint start, out uint end)
    {
        switch (index)
        {
            case 0: start = Sack0Start; end = Sack0End; break;
            case 1: start = Sack1Start; end = Sack1End; break;
            case 2: start = Sack2Start; end = Sack2End; break;
            default: start = Sack3Start; end = Sack3End; break;
        }
    }

    public enum ParseOutcome
    {
        Ok,
        Truncated,
        BadHeaderLength,
        BadOptions,
    }

    /// <summary>Parses <paramref name="data"/> (checksum already verified); every length is checked against the buffer.</summary>
    public static ParseOutcome TryParse(ReadOnlySpan<byte> data, out TcpSegment segment)
    {
        segment = default;
        segment.WindowScale = -1;
        if (data.Length < HeaderLength) return ParseOutcome.Truncated;
        int headerLength = (data[12] >> 4) * 4;
        if (headerLength < HeaderLength || headerLength > data.Length) return ParseOutcome.BadHeaderLength;
        segment.SourcePort = NetworkOrder.ReadUInt16(data, 0);
        segment.DestinationPort = NetworkOrder.ReadUInt16(data, 2);
        segment.Seq = NetworkOrder.ReadUInt32(data, 4);
        segment.Ack = NetworkOrder.ReadUInt32(data, 8);
        segment.Flags = (byte)(data[13] & 0x3F);
        segment.Window = NetworkOrder.ReadUInt16(data, 14);
        segment.Payload = data.Slice(headerLength);

        ReadOnlySpan<byte> options = data.Slice(HeaderLength, headerLength - HeaderLength);
        int i = 0;
        while (i < options.Length)
        {
            byte kind = options[i];
            if (kind == 0) break;
            if (kind == 1)
            {
                i++;
                continue;
            }
            if (i + 1 >= options.Length) return ParseOutcome.BadOptions;
            int length = options[i + 1];
            if (length < 2 || i + length > options.Length) return ParseOutcome.BadOptions;
            switch (kind)
            {
                case 2:
                    if (length != 4) return ParseOutcome.BadOptions;
                    segment.Mss = NetworkOrder.ReadUInt16(options, i + 2);
                    break;
                case 3:
                    if (length != 3) return ParseOutcome.BadOptions;
                    segment.WindowScale = Math.Min((int)options[i + 2], 14);
                    break;
                case 4:
                    if (length != 2) return ParseOutcome.BadOptions;
                    segment.SackPermitted = true;
                    break;
                case 5:
                    if ((length - 2) % 8 != 0 || length == 2) return ParseOutcome.BadOptions;
                    int blocks = Math.Min((length - 2) / 8, MaximumSackBlocks);
                    for (int b = 0; b < blocks; b++)
                        segment.SetSack(b, NetworkOrder.ReadUInt32(options, i + 2 + 8 * b), NetworkOrder.ReadUInt32(options, i + 6 + 8 * b));
                    segment.SackCount = blocks;
                    break;
                default:
                    break; // timestamps and the rest: skipped by their length
            }
            i += length;
        }
        return ParseOutcome.Ok;
    }

    private void SetSack(int index, uint start, uint end)
    {
        switch (index)
        {
            case 0: Sack0Start = start; Sack0End = end; break;
            case 1: Sack1Start = start; Sack1End = end; break;
            case 2: Sack2Start = start; Sack2End = end; break;
            default: Sack3Start = start; Sack3End = end; break;
        }
    }
}
