using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Xen.Devices.Xenstore;

namespace Mirage.Xen.Devices.Tests;

[TestClass]
public sealed class XenstoreMessageReaderTests
{
    private static byte[] Message(uint type, uint id, byte[] payload, uint? claimedLength = null)
    {
        var message = new byte[16 + payload.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(message, type);
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(4), id);
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(12), claimedLength ?? (uint)payload.Length);
        payload.CopyTo(message, 16);
        return message;
    }

    private static List<(XenstoreWire.Header Header, string Payload)> FeedInPieces(XenstoreMessageReader reader, byte[] stream, int piece)
    {
        var messages = new List<(XenstoreWire.Header, string)>();
        int at = 0;
        while (at < stream.Length && !reader.IsBroken)
        {
            int n = Math.Min(piece, stream.Length - at);
            at += reader.Feed(stream.AsSpan(at, n));
            while (reader.TryTake(out var header, out var payload)) messages.Add((header, Encoding.UTF8.GetString(payload)));
        }
        return messages;
    }

    [TestMethod]
    [DataRow(1)]
    [DataRow(7)]
    [DataRow(64)]
    [DataRow(5000)]
    public void MessagesSplitAnyWayAreReassembled(int piece)
    {
        var big = new byte[4096];
        for (int i = 0; i < big.Length; i++) big[i] = (byte)('a' + i % 26);
        var stream = new List<byte>();
        stream.AddRange(Message(2, 1, Encoding.ASCII.GetBytes("00:16:3e:00:00:01")));
        stream.AddRange(Message(15, 0, Encoding.ASCII.GetBytes("backend/vbd/1/51712/state\0mirage-2\0")));
        stream.AddRange(Message(2, 2, big));
        stream.AddRange(Message(11, 3, Array.Empty<byte>()));

        var messages = FeedInPieces(new XenstoreMessageReader(), stream.ToArray(), piece);
        Assert.HasCount(4, messages);
        Assert.AreEqual("00:16:3e:00:00:01", messages[0].Payload);
        Assert.AreEqual(XenstoreMessageType.WatchEvent, messages[1].Header.Type);
        Assert.AreEqual(4096, messages[2].Payload.Length);
        Assert.AreEqual(3u, messages[3].Header.RequestId);
        Assert.AreEqual("", messages[3].Payload);
    }

    [TestMethod]
    public void OversizedReplyBreaksTheStreamWithoutReadingIt()
    {
        var reader = new XenstoreMessageReader();
        var messages = FeedInPieces(reader, Message(2, 1, new byte[100], claimedLength: 4097), 64);
        Assert.IsEmpty(messages);
        Assert.IsTrue(reader.IsBroken);
        Assert.AreEqual(0, reader.Wanted);
        Assert.AreEqual(0, reader.Feed(new byte[10]), "a broken reader takes nothing more");
    }

    [TestMethod]
    public void UnknownMessageTypeBreaksTheStream()
    {
        var reader = new XenstoreMessageReader();
        FeedInPieces(reader, Message(0xdead, 1, new byte[4]), 16);
        Assert.IsTrue(reader.IsBroken);
    }
}
