using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace Mirage.Xen.Devices.Xenstore;

/// <summary>
/// The xenstore wire format (xen/include/public/io/xs_wire.h): a 16-byte header
/// { type, req_id, tx_id, len } (little-endian, as both ends of the ring are the same machine's)
/// and at most 4096 bytes of payload, whose shape depends on the type: NUL-terminated strings,
/// a value without terminator, an errno name. Every parser here rejects what does not have the
/// shape, so a bad reply is an error value, never an exception or an out-of-range read.
/// </summary>
public static class XenstoreWire
{
    public const int HeaderSize = 16;
    public const int MaxPayload = 4096;

    /// <summary>The highest message type xs_wire.h defines (XS_TYPE_COUNT - 1 in Xen 4.17); anything above is garbage.</summary>
    public const uint HighestType = 20;

    public readonly record struct Header(XenstoreMessageType Type, uint RequestId, uint TransactionId, uint Length);

    public static Header ReadHeader(ReadOnlySpan<byte> header) => new(
        (XenstoreMessageType)BinaryPrimitives.ReadUInt32LittleEndian(header),
        BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(4)),
        BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(8)),
        BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(12)));

    /// <summary>A request: header then the parts, each followed by a NUL except the last when <paramref name="terminateLast"/> is false (WRITE's value).</summary>
    public static Result<byte[], XenstoreError> Request(XenstoreMessageType type, uint requestId, uint transactionId, IReadOnlyList<string> parts, bool terminateLast = true)
    {
        int length = 0;
        for (int i = 0; i < parts.Count; i++) length += Encoding.UTF8.GetByteCount(parts[i]) + (i < parts.Count - 1 || terminateLast ? 1 : 0);
        if (length > MaxPayload) return Result<byte[], XenstoreError>.Fail(XenstoreError.TooLarge);
        var message = new byte[HeaderSize + length];
        BinaryPrimitives.WriteUInt32LittleEndian(message, (uint)type);
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(4), requestId);
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(8), transactionId);
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(12), (uint)length);
        int at = HeaderSize;
        for (int i = 0; i < parts.Count; i++)
        {
            at += Encoding.UTF8.GetBytes(parts[i], 0, parts[i].Length, message, at);
            if (i < parts.Count - 1 || terminateLast) message[at++] = 0;
        }
        return Result<byte[], XenstoreError>.Ok(message);
    }

    /// <summary>The error an ERROR reply names ("ENOENT\0"…).</summary>
    public static XenstoreError ParseError(ReadOnlySpan<byte> payload)
    {
        if (payload.Length > 0 && payload[payload.Length - 1] == 0) payload = payload.Slice(0, payload.Length - 1);
        if (payload.SequenceEqual("ENOENT"u8)) return XenstoreError.NotFound;
        if (payload.SequenceEqual("EACCES"u8) || payload.SequenceEqual("EPERM"u8)) return XenstoreError.PermissionDenied;
        if (payload.SequenceEqual("EAGAIN"u8)) return XenstoreError.TryAgain;
        for (int i = 0; i < payload.Length; i++)
            if ((payload[i] < (byte)'A' || payload[i] > (byte)'Z') && (payload[i] < (byte)'0' || payload[i] > (byte)'9')) return XenstoreError.Malformed;
        return payload.Length > 1 && payload[0] == (byte)'E' ? XenstoreError.Rejected : XenstoreError.Malformed;
    }

    /// <summary>A READ reply: the value's bytes as UTF-8 (xenstored sends no terminator; a stray trailing NUL is dropped).</summary>
    public static Result<string, XenstoreError> ParseValue(ReadOnlySpan<byte> payload)
    {
        if (payload.Length > 0 && payload[payload.Length - 1] == 0) payload = payload.Slice(0, payload.Length - 1);
        if (payload.IndexOf((byte)0) >= 0) return Result<string, XenstoreError>.Fail(XenstoreError.Malformed);
        return Result<string, XenstoreError>.Ok(Encoding.UTF8.GetString(payload));
    }

    /// <summary>A DIRECTORY reply: NUL-terminated names; an empty payload is an empty directory.</summary>
    public static Result<string[], XenstoreError> ParseNames(ReadOnlySpan<byte> payload)
    {
        if (payload.Length == 0) return Result<string[], XenstoreError>.Ok(Array.Empty<string>());
        if (payload[payload.Length - 1] != 0) return Result<string[], XenstoreError>.Fail(XenstoreError.Malformed);
        var names = new List<string>();
        while (payload.Length > 0)
        {
            int end = payload.IndexOf((byte)0);
            if (end == 0) return Result<string[], XenstoreError>.Fail(XenstoreError.Malformed);
            names.Add(Encoding.UTF8.GetString(payload.Slice(0, end)));
            payload = payload.Slice(end + 1);
        }
        return Result<string[], XenstoreError>.Ok(names.ToArray());
    }

    /// <summary>A WATCH_EVENT: "path\0token\0".</summary>
    public static Result<(string Path, string Token), XenstoreError> ParseWatchEvent(ReadOnlySpan<byte> payload)
    {
        var names = ParseNames(payload);
        if (names.IsError || names.Value.Length != 2) return Result<(string, string), XenstoreError>.Fail(XenstoreError.Malformed);
        return Result<(string, string), XenstoreError>.Ok((names.Value[0], names.Value[1]));
    }

    /// <summary>A TRANSACTION_START reply: the id in decimal, NUL-terminated; 0 is not a transaction.</summary>
    public static Result<uint, XenstoreError> ParseTransactionId(ReadOnlySpan<byte> payload)
    {
        if (payload.Length > 0 && payload[payload.Length - 1] == 0) payload = payload.Slice(0, payload.Length - 1);
        if (payload.Length == 0 || payload.Length > 10) return Result<uint, XenstoreError>.Fail(XenstoreError.Malformed);
        ulong id = 0;
        foreach (byte b in payload)
        {
            if (b < (byte)'0' || b > (byte)'9') return Result<uint, XenstoreError>.Fail(XenstoreError.Malformed);
            id = id * 10 + (ulong)(b - (byte)'0');
        }
        if (id == 0 || id > uint.MaxValue) return Result<uint, XenstoreError>.Fail(XenstoreError.Malformed);
        return Result<uint, XenstoreError>.Ok((uint)id);
    }

    /// <summary>The "OK" reply of WRITE, WATCH, TRANSACTION_END… ("OK\0").</summary>
    public static bool IsOk(ReadOnlySpan<byte> payload) => payload.SequenceEqual("OK\0"u8) || payload.SequenceEqual("OK"u8);
}
