using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Runtime.Unix;

/// <summary>
/// network "tap": a Linux TAP interface (/dev/net/tun, IFF_TAP | IFF_NO_PI), so that a managed
/// stack (stackv4 "direct") exchanges Ethernet frames with the host's own stack. The interface is
/// created if it does not exist (root or CAP_NET_ADMIN) and attached if it does (a persistent TAP
/// made with <c>ip tuntap add mode tap user …</c> needs no privilege); configuring its host side
/// (up, address) is the host's business. A reader thread blocks in read() and hands frames to the
/// event loop in batches; writes are one write() each, on the loop (a TAP write never blocks).
/// With offload on (the default) the TAP is opened with IFF_VNET_HDR, as QEMU opens it for a
/// virtio NIC, and the device offers <see cref="INetworkOffload"/>: the stack may write TCP
/// segments of up to 64 KiB with a virtio_net_hdr asking the kernel to cut them at the MSS and to
/// fill in checksums, and may ask for merged segments on receive (TUNSETOFFLOAD).
/// </summary>
public sealed class TapNetwork : INetworkOffload, IAsyncDisposable
{
    private const int FrameBufferSize = 1536;
    /// <summary>A 64 KiB IPv4 packet behind an Ethernet header, and a virtio_net_hdr in front of it.</summary>
    private const int LargeBufferSize = 65600;
    private const int LargeBuffersRetained = 64;
    private const int PollIntervalMs = 200;
    private const int QueueLimit = 1024;

    private readonly int _fd;
    private readonly bool _vnetHeader;
    private readonly object _gate = new();
    private readonly Queue<(byte[] Buffer, int Offset, int Length)> _received = new();
    private readonly Stack<byte[]> _spare = new();
    private readonly Stack<byte[]> _spareLarge = new();
    private volatile bool _largeReceive;
    private TaskCompletionSource<bool>? _frameArrived;
    private volatile bool _closed;
    private Thread? _reader;
    private int _readError;

    private TapNetwork(int fd, string name, MacAddress mac, bool vnetHeader)
    {
        _fd = fd;
        _vnetHeader = vnetHeader;
        Name = name;
        Mac = mac;
    }

    /// <summary>Opens the TAP interface <paramref name="tap"/>; the arguments follow build/Mirage.Runtime.Unix.props.</summary>
    /// <param name="tap">Interface name (at most 15 characters).</param>
    /// <param name="mac">This end's Ethernet address; absent, a random locally administered one.</param>
    /// <param name="offload">Open with IFF_VNET_HDR and offer checksum and segmentation offload to the stack.</param>
    public static unsafe ValueTask<Result<INetwork, DeviceError>> ConnectAsync(string tap, MacAddress? mac, bool offload = true)
    {
        if (!OperatingSystem.IsLinux()) return Fail("TAP devices need Linux (/dev/net/tun)");
        if (string.IsNullOrEmpty(tap) || tap.Length >= TunTapInterop.InterfaceNameSize || tap.Contains('/') || tap.Contains(' '))
            return Fail($"'{tap}' is not a network interface name (1 to 15 characters, no '/' or spaces)");
        if (mac is { } given && ((given.Bits >> 40) & 1) != 0) return Fail($"mac {given} is a multicast address; a station needs a unicast one");

        int fd = TunTapInterop.open("/dev/net/tun", TunTapInterop.ORdWr | TunTapInterop.OCloExec);
        if (fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            return Fail($"cannot open /dev/net/tun: {TunTapInterop.Describe(errno)}");
        }
        byte* request = stackalloc byte[TunTapInterop.IfReqSize];
        new Span<byte>(request, TunTapInterop.IfReqSize).Clear();
        for (int i = 0; i < tap.Length; i++) request[i] = (byte)tap[i];
        *(short*)(request + TunTapInterop.InterfaceNameSize) =
            (short)(TunTapInterop.IffTap | TunTapInterop.IffNoPi | (offload ? TunTapInterop.IffVnetHdr : 0));
        if (TunTapInterop.ioctl(fd, TunTapInterop.TunSetIff, request) < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            TunTapInterop.close(fd);
            return Fail($"cannot attach TAP interface '{tap}': {TunTapInterop.Describe(errno)} (creating one needs root or CAP_NET_ADMIN; or create it beforehand with 'ip tuntap add mode tap name {tap} user <you>')");
        }
        if (offload)
        {
            int headerSize = VirtioNetHeader.Size;
            if (TunTapInterop.ioctl(fd, TunTapInterop.TunSetVnetHdrSz, (byte*)&headerSize) < 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                TunTapInterop.close(fd);
                return Fail($"cannot set the virtio header size on TAP interface '{tap}': {TunTapInterop.Describe(errno)}");
            }
        }
        return new(Result<INetwork, DeviceError>.Ok(new TapNetwork(fd, tap, mac ?? RandomLocalMac(), offload)));
    }

    public string Name { get; }

    public MacAddress Mac { get; }

    public int Mtu => 1500;

    public NetworkStatistics Statistics { get; } = new();

    public NetworkOffloads SupportedOffloads =>
        _vnetHeader ? NetworkOffloads.TransmitChecksum | NetworkOffloads.TcpSegmentation | NetworkOffloads.LargeReceive : NetworkOffloads.None;

    public NetworkOffloads EnabledOffloads { get; private set; }

    public int MaximumFrameLength => _vnetHeader ? 14 + 65535 : 14 + Mtu;

    public unsafe NetworkOffloads EnableOffloads(NetworkOffloads wanted)
    {
        wanted &= SupportedOffloads;
        if ((wanted & NetworkOffloads.LargeReceive) != 0 && !_largeReceive)
        {
            // What the kernel may now send this end: partial checksums and merged TCP/IPv4 segments.
            if (TunTapInterop.ioctl(_fd, TunTapInterop.TunSetOffload, (nuint)(TunTapInterop.TunFCsum | TunTapInterop.TunFTso4)) < 0)
                wanted &= ~NetworkOffloads.LargeReceive;
            else
                _largeReceive = true;
        }
        EnabledOffloads |= wanted;
        return EnabledOffloads;
    }

    public ValueTask<Result<Unit, NetworkError>> WriteAsync(ReadOnlyMemory<byte> frame)
    {
        if (frame.Length > 14 + Mtu) return new(Result<Unit, NetworkError>.Fail(NetworkError.FrameTooLarge));
        return Write(frame, default);
    }

    public ValueTask<Result<Unit, NetworkError>> WriteAsync(ReadOnlyMemory<byte> frame, TransmitOffload offload)
    {
        bool allowed =
            (!offload.HasPartialChecksum || (EnabledOffloads & NetworkOffloads.TransmitChecksum) != 0) &&
            (!offload.IsSegmented || ((EnabledOffloads & NetworkOffloads.TcpSegmentation) != 0 && offload.HasPartialChecksum));
        if (!allowed) return new(Result<Unit, NetworkError>.Fail(NetworkError.IoError));
        if (frame.Length > (offload.IsSegmented ? MaximumFrameLength : 14 + Mtu))
            return new(Result<Unit, NetworkError>.Fail(NetworkError.FrameTooLarge));
        if (offload.HasPartialChecksum && offload.ChecksumStart + offload.ChecksumOffset + 2 > frame.Length)
            return new(Result<Unit, NetworkError>.Fail(NetworkError.IoError));
        return Write(frame, offload);
    }

    private unsafe ValueTask<Result<Unit, NetworkError>> Write(ReadOnlyMemory<byte> frame, in TransmitOffload offload)
    {
        if (_closed) return new(Result<Unit, NetworkError>.Fail(NetworkError.Disconnected));
        nint written;
        int expected = frame.Length;
        fixed (byte* data = frame.Span)
        {
            if (_vnetHeader)
            {
                byte* header = stackalloc byte[VirtioNetHeader.Size];
                VirtioNetHeader.Write(new Span<byte>(header, VirtioNetHeader.Size), offload);
                TunTapInterop.IoVec* parts = stackalloc TunTapInterop.IoVec[2];
                parts[0] = new TunTapInterop.IoVec { Base = header, Length = VirtioNetHeader.Size };
                parts[1] = new TunTapInterop.IoVec { Base = data, Length = (nuint)frame.Length };
                expected += VirtioNetHeader.Size;
                do written = TunTapInterop.writev(_fd, parts, 2);
                while (written < 0 && Marshal.GetLastPInvokeError() == TunTapInterop.EIntr);
            }
            else
            {
                do written = TunTapInterop.write(_fd, data, (nuint)frame.Length);
                while (written < 0 && Marshal.GetLastPInvokeError() == TunTapInterop.EIntr);
            }
        }
        if (written != expected)
        {
            // EIO while the host side is down: the frame is lost, as on a cable nobody listens to.
            Statistics.FramesDropped++;
            return new(Result<Unit, NetworkError>.Fail(NetworkError.IoError));
        }
        Statistics.FramesSent++;
        Statistics.BytesSent += frame.Length;
        return new(Result.Ok<NetworkError>());
    }

    public async Task<Result<Unit, NetworkError>> ListenAsync(Func<ReadOnlyMemory<byte>, ValueTask> onFrame, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onFrame);
        if (_reader is not null) throw new InvalidOperationException("The TAP device already has a listener.");
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "tap " + Name };
        _reader.Start();
        using CancellationTokenRegistration stop = cancellationToken.Register(static state => ((TapNetwork)state!).Wake(), this);
        while (true)
        {
            Task<bool>? wait = null;
            (byte[] Buffer, int Offset, int Length) frame = default;
            bool have = false;
            lock (_gate)
            {
                if (_received.Count > 0)
                {
                    frame = _received.Dequeue();
                    have = true;
                }
                else if (!_closed && !cancellationToken.IsCancellationRequested && _readError == 0)
                {
                    _frameArrived = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                    wait = _frameArrived.Task;
                }
            }
            if (have)
            {
                Statistics.FramesReceived++;
                Statistics.BytesReceived += frame.Length;
                await onFrame(new ReadOnlyMemory<byte>(frame.Buffer, frame.Offset, frame.Length));
                lock (_gate)
                {
                    if (frame.Buffer!.Length == FrameBufferSize) _spare.Push(frame.Buffer);
                    else if (_spareLarge.Count < LargeBuffersRetained) _spareLarge.Push(frame.Buffer);
                }
                continue;
            }
            if (wait is null) break;
            await wait;
        }
        if (cancellationToken.IsCancellationRequested || _closed) return Result.Ok<NetworkError>();
        return Result<Unit, NetworkError>.Fail(NetworkError.IoError);
    }

    public ValueTask DisposeAsync()
    {
        if (_closed) return default;
        _closed = true;
        // The reader notices within one poll interval and the descriptor is closed after it stops.
        _reader?.Join(TimeSpan.FromSeconds(2));
        TunTapInterop.close(_fd);
        Wake();
        return default;
    }

    private unsafe void ReadLoop()
    {
        var poll = new TunTapInterop.PollFd { Fd = _fd, Events = TunTapInterop.PollIn };
        byte[]? buffer = null;
        while (!_closed)
        {
            int ready = TunTapInterop.poll(&poll, 1, PollIntervalMs);
            if (ready == 0) continue;
            if (ready < 0)
            {
                if (Marshal.GetLastPInvokeError() == TunTapInterop.EIntr) continue;
                Fail(Marshal.GetLastPInvokeError());
                return;
            }
            // With a virtio header any frame may be a merged 64 KiB one: read into a large buffer and
            // copy the (usual) small frames out, so the queue does not hold 64 KiB per ACK.
            buffer ??= _vnetHeader ? TakeLarge() : TakeSmall();
            nint count;
            fixed (byte* data = buffer) count = TunTapInterop.read(_fd, data, (nuint)buffer.Length);
            if (count < 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                if (errno is TunTapInterop.EIntr or TunTapInterop.EAgain) continue;
                Fail(errno);
                return;
            }
            if (count == 0) continue;
            byte[] queued = buffer;
            int offset = 0, length = (int)count;
            if (_vnetHeader)
            {
                VirtioNetHeader.Outcome outcome = length < VirtioNetHeader.Size
                    ? VirtioNetHeader.Outcome.Truncated
                    : VirtioNetHeader.CheckAndComplete(buffer.AsSpan(0, VirtioNetHeader.Size), buffer.AsSpan(VirtioNetHeader.Size, length - VirtioNetHeader.Size),
                        Mtu, _largeReceive, MaximumFrameLength);
                if (outcome != VirtioNetHeader.Outcome.Ok)
                {
                    lock (_gate) Statistics.FramesMalformed++;
                    continue;
                }
                offset = VirtioNetHeader.Size;
                length -= VirtioNetHeader.Size;
                if (length <= FrameBufferSize)
                {
                    queued = TakeSmall();
                    buffer.AsSpan(offset, length).CopyTo(queued);
                    offset = 0;
                }
            }
            TaskCompletionSource<bool>? wake;
            lock (_gate)
            {
                if (_received.Count >= QueueLimit)
                {
                    // The loop is not keeping up: drop at the door, as a NIC drops when its ring is full.
                    Statistics.FramesDropped++;
                    if (queued != buffer) _spare.Push(queued);
                    continue;
                }
                _received.Enqueue((queued, offset, length));
                if (queued == buffer) buffer = null;
                wake = _frameArrived;
                _frameArrived = null;
            }
            wake?.TrySetResult(true);
        }
    }

    private byte[] TakeSmall()
    {
        lock (_gate) if (_spare.Count > 0) return _spare.Pop();
        return new byte[FrameBufferSize];
    }

    private byte[] TakeLarge()
    {
        lock (_gate) if (_spareLarge.Count > 0) return _spareLarge.Pop();
        return new byte[LargeBufferSize];
    }

    private void Fail(int errno)
    {
        if (_closed) return;
        _readError = errno == 0 ? -1 : errno;
        Wake();
    }

    private void Wake()
    {
        TaskCompletionSource<bool>? wake;
        lock (_gate)
        {
            wake = _frameArrived;
            _frameArrived = null;
        }
        wake?.TrySetResult(true);
    }

    /// <summary>A random unicast, locally administered address (02:xx:…), so it never collides with a vendor's.</summary>
    private static MacAddress RandomLocalMac()
    {
        Span<byte> bytes = stackalloc byte[6];
        RandomNumberGenerator.Fill(bytes);
        bytes[0] = (byte)((bytes[0] & 0xFE) | 0x02);
        return MacAddress.Read(bytes);
    }

    private static ValueTask<Result<INetwork, DeviceError>> Fail(string message) =>
        new(Result<INetwork, DeviceError>.Fail(new DeviceError(message)));
}
