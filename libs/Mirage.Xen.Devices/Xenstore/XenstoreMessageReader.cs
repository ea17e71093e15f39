using System;

namespace Mirage.Xen.Devices.Xenstore;

/// <summary>
/// Reassembles messages from the bytes of the response ring, which arrive in arbitrary pieces
/// (the ring holds 1 KiB; a message may hold 4 KiB). A header announcing more than 4096 bytes, or
/// a type the protocol does not have, makes the stream unusable: <see cref="IsBroken"/>, and every
/// later call reports nothing.
/// </summary>
public sealed class XenstoreMessageReader
{
    private readonly byte[] _buffer = new byte[XenstoreWire.HeaderSize + XenstoreWire.MaxPayload];
    private int _filled;
    private XenstoreWire.Header _header;

    public bool IsBroken { get; private set; }

    /// <summary>How many more bytes the current message needs (header first).</summary>
    public int Wanted => IsBroken ? 0 : _filled < XenstoreWire.HeaderSize ? XenstoreWire.HeaderSize - _filled : XenstoreWire.HeaderSize + (int)_header.Length - _filled;

    /// <summary>Takes up to <see cref="Wanted"/> bytes; returns how many it took.</summary>
    public int Feed(ReadOnlySpan<byte> bytes)
    {
        int take = Math.Min(bytes.Length, Wanted);
        bytes.Slice(0, take).CopyTo(_buffer.AsSpan(_filled));
        _filled += take;
        if (_filled == XenstoreWire.HeaderSize && take > 0)
        {
            _header = XenstoreWire.ReadHeader(_buffer);
            if (_header.Length > XenstoreWire.MaxPayload || (uint)_header.Type > XenstoreWire.HighestType) IsBroken = true;
        }
        return take;
    }

    /// <summary>When a whole message is in: its header and payload (valid until the next <see cref="Feed"/>), and the reader starts over.</summary>
    public bool TryTake(out XenstoreWire.Header header, out ReadOnlySpan<byte> payload)
    {
        header = default;
        payload = default;
        if (IsBroken || _filled < XenstoreWire.HeaderSize || _filled < XenstoreWire.HeaderSize + (int)_header.Length) return false;
        header = _header;
        payload = _buffer.AsSpan(XenstoreWire.HeaderSize, (int)_header.Length);
        _filled = 0;
        return true;
    }
}
