using System;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Devices;

namespace Mirage.Runtime.Unix.Tests;

/// <summary>
/// The virtio_net_hdr a TAP opened with IFF_VNET_HDR puts in front of every frame: headers that do
/// not describe their frame are refused (TapNetwork drops and counts them), partial checksums are
/// completed so the stack sees frames whose checksums hold, and sent headers carry what was asked.
/// </summary>
[TestClass]
public sealed class VirtioNetHeaderTests
{
    private const int Mtu = 1500;
    private const int MaximumFrame = 14 + 65535;

    [TestMethod]
    public void APlainFrameUpToTheMtuIsAccepted()
    {
        byte[] frame = TcpFrame(1460);
        Assert.AreEqual(14 + 1500, frame.Length);
        Assert.AreEqual(VirtioNetHeader.Outcome.Ok, Check(Header(0, VirtioNetHeader.GsoNone), frame, largeReceive: false));
    }

    [TestMethod]
    public void APlainFrameAboveTheMtuIsRefusedEvenWithLargeReceive()
    {
        byte[] frame = TcpFrame(1461);
        Assert.AreEqual(VirtioNetHeader.Outcome.Oversized, Check(Header(0, VirtioNetHeader.GsoNone), frame, largeReceive: true));
    }

    [TestMethod]
    public void AMergedTcpSegmentIsAcceptedOnlyWhenLargeReceiveWasAskedFor()
    {
        byte[] frame = TcpFrame(30000);
        byte[] header = Header(0, VirtioNetHeader.GsoTcpV4, gsoSize: 1460);
        Assert.AreEqual(VirtioNetHeader.Outcome.Ok, Check(header, frame, largeReceive: true));
        Assert.AreEqual(VirtioNetHeader.Outcome.UnsupportedType, Check(header, frame, largeReceive: false));
    }

    [TestMethod]
    public void MergedFramesThatAreNotTcpOverIpv4OrTooLargeAreRefused()
    {
        byte[] udp = TcpFrame(30000);
        udp[14 + 9] = 17;
        Assert.AreEqual(VirtioNetHeader.Outcome.Oversized, Check(Header(0, VirtioNetHeader.GsoTcpV4, gsoSize: 1460), udp, largeReceive: true));
        byte[] arp = TcpFrame(30000);
        arp[12] = 0x08;
        arp[13] = 0x06;
        Assert.AreEqual(VirtioNetHeader.Outcome.Oversized, Check(Header(0, VirtioNetHeader.GsoTcpV4, gsoSize: 1460), arp, largeReceive: true));
        byte[] huge = new byte[MaximumFrame + 1];
        TcpFrame(1000).CopyTo(huge, 0);
        Assert.AreEqual(VirtioNetHeader.Outcome.Oversized, Check(Header(0, VirtioNetHeader.GsoTcpV4, gsoSize: 1460), huge, largeReceive: true));
        Assert.AreEqual(VirtioNetHeader.Outcome.Oversized, Check(Header(0, VirtioNetHeader.GsoTcpV4, gsoSize: 0), TcpFrame(30000), largeReceive: true));
    }

    [TestMethod]
    public void SegmentationTypesAndFlagsNeverAskedForAreRefused()
    {
        byte[] frame = TcpFrame(1000);
        foreach (byte gso in new byte[] { 3, 4, 5, 0x81 }) // UDP, TCPV6, UDP_L4, TCPV4 with ECN
            Assert.AreEqual(VirtioNetHeader.Outcome.UnsupportedType, Check(Header(0, gso, gsoSize: 1460), frame, largeReceive: true), "gso type " + gso);
        Assert.AreEqual(VirtioNetHeader.Outcome.UnsupportedType, Check(Header(4, VirtioNetHeader.GsoNone), frame, largeReceive: true), "RSC_INFO flag");
    }

    [TestMethod]
    public void AChecksumPositionOutsideTheFrameIsRefused()
    {
        byte[] frame = TcpFrame(100);
        Assert.AreEqual(VirtioNetHeader.Outcome.BadChecksumPosition,
            Check(Header(VirtioNetHeader.FlagNeedsChecksum, VirtioNetHeader.GsoNone, checksumStart: 34, checksumOffset: (ushort)(frame.Length - 34 - 1)), frame, largeReceive: false));
        Assert.AreEqual(VirtioNetHeader.Outcome.BadChecksumPosition,
            Check(Header(VirtioNetHeader.FlagNeedsChecksum, VirtioNetHeader.GsoNone, checksumStart: 6, checksumOffset: 0), frame, largeReceive: false));
        Assert.AreEqual(VirtioNetHeader.Outcome.BadChecksumPosition,
            Check(Header(VirtioNetHeader.FlagNeedsChecksum, VirtioNetHeader.GsoNone, checksumStart: 60000, checksumOffset: 16), frame, largeReceive: false));
        Assert.AreEqual(VirtioNetHeader.Outcome.Truncated, Check(Header(0, VirtioNetHeader.GsoNone), new byte[13], largeReceive: false));
    }

    [TestMethod]
    public void APartialChecksumIsCompletedToTheTcpChecksum()
    {
        foreach (int payload in new[] { 0, 1, 7, 1460, 30001 })
        {
            byte[] frame = TcpFrame(payload);
            int tcpLength = frame.Length - 34;
            ushort expected = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(34 + 16));
            // As the kernel leaves it: the pseudo-header's folded sum, not complemented, in the checksum field.
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(34 + 16), Fold(PseudoHeader(frame, tcpLength)));
            byte[] header = Header(VirtioNetHeader.FlagNeedsChecksum, payload > 1460 ? VirtioNetHeader.GsoTcpV4 : VirtioNetHeader.GsoNone,
                gsoSize: 1460, checksumStart: 34, checksumOffset: 16);
            Assert.AreEqual(VirtioNetHeader.Outcome.Ok, Check(header, frame, largeReceive: true));
            Assert.AreEqual(expected, BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(34 + 16)), "payload " + payload);
        }
    }

    [TestMethod]
    public void ASentHeaderCarriesTheOffloadAskedFor()
    {
        var header = new byte[VirtioNetHeader.Size];
        VirtioNetHeader.Write(header, new TransmitOffload(34, 16, 1448, 66));
        Assert.AreEqual(VirtioNetHeader.FlagNeedsChecksum, header[0]);
        Assert.AreEqual(VirtioNetHeader.GsoTcpV4, header[1]);
        Assert.AreEqual((ushort)66, MemoryMarshal.Read<ushort>(header.AsSpan(2)));
        Assert.AreEqual((ushort)1448, MemoryMarshal.Read<ushort>(header.AsSpan(4)));
        Assert.AreEqual((ushort)34, MemoryMarshal.Read<ushort>(header.AsSpan(6)));
        Assert.AreEqual((ushort)16, MemoryMarshal.Read<ushort>(header.AsSpan(8)));
        VirtioNetHeader.Write(header, default);
        CollectionAssert.AreEqual(new byte[VirtioNetHeader.Size], header);
    }

    private static VirtioNetHeader.Outcome Check(byte[] header, byte[] frame, bool largeReceive) =>
        VirtioNetHeader.CheckAndComplete(header, frame, Mtu, largeReceive, MaximumFrame);

    private static byte[] Header(byte flags, byte gsoType, ushort gsoSize = 0, ushort checksumStart = 0, ushort checksumOffset = 0)
    {
        var header = new byte[VirtioNetHeader.Size];
        header[0] = flags;
        header[1] = gsoType;
        MemoryMarshal.Write(header.AsSpan(2), (ushort)54);
        MemoryMarshal.Write(header.AsSpan(4), gsoSize);
        MemoryMarshal.Write(header.AsSpan(6), checksumStart);
        MemoryMarshal.Write(header.AsSpan(8), checksumOffset);
        return header;
    }

    /// <summary>An Ethernet/IPv4/TCP frame with <paramref name="payload"/> bytes of data and a complete, correct TCP checksum (computed the slow way).</summary>
    private static byte[] TcpFrame(int payload)
    {
        var frame = new byte[14 + 20 + 20 + payload];
        frame[12] = 0x08;
        frame[14] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(16), (ushort)Math.Min(65535, 40 + payload));
        frame[14 + 8] = 64;
        frame[14 + 9] = 6;
        new byte[] { 10, 79, 0, 1 }.CopyTo(frame, 26);
        new byte[] { 10, 79, 0, 2 }.CopyTo(frame, 30);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(34), 80);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(36), 49999);
        frame[34 + 12] = 5 << 4;
        frame[34 + 13] = 0x18;
        for (int i = 0; i < payload; i++) frame[54 + i] = (byte)(i * 31 + payload);
        int tcpLength = frame.Length - 34;
        ulong sum = PseudoHeader(frame, tcpLength);
        for (int i = 34; i < frame.Length; i += 2) sum += (uint)(frame[i] << 8 | (i + 1 < frame.Length ? frame[i + 1] : 0));
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(34 + 16), (ushort)~Fold(sum));
        return frame;
    }

    private static ulong PseudoHeader(byte[] frame, int tcpLength) =>
        (ulong)BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(26)) + BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(28)) +
        BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(30)) + BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(32)) + 6u + (uint)tcpLength;

    private static ushort Fold(ulong sum)
    {
        while (sum >> 16 != 0) sum = (sum & 0xFFFF) + (sum >> 16);
        return (ushort)sum;
    }
}
