using System;
using System.Runtime.InteropServices;

namespace Mirage.Runtime.Unix;

/// <summary>The Linux system calls behind <see cref="TapNetwork"/>: /dev/net/tun and its ioctls (linux/if_tun.h).</summary>
internal static unsafe class TunTapInterop
{
    public const int ORdWr = 2;
    public const int OCloExec = 0x80000;
    public const uint TunSetIff = 0x400454CA;
    public const short IffTap = 0x0002;
    public const short IffNoPi = 0x1000;
    /// <summary>Every frame read or written is preceded by a struct virtio_net_hdr.</summary>
    public const short IffVnetHdr = 0x4000;
    public const uint TunSetOffload = 0x400454D0;
    public const uint TunSetVnetHdrSz = 0x400454D8;
    /// <summary>TUNSETOFFLOAD: this end takes frames with partial checksums (needed for the others)…</summary>
    public const uint TunFCsum = 0x01;
    /// <summary>…and merged TCP/IPv4 segments.</summary>
    public const uint TunFTso4 = 0x02;
    public const short PollIn = 0x0001;
    public const int EIntr = 4;
    public const int EAgain = 11;
    /// <summary>struct ifreq: a 16-byte name then a union, of which only the flags (a short) are used here.</summary>
    public const int IfReqSize = 40;
    public const int InterfaceNameSize = 16;

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct IoVec
    {
        public byte* Base;
        public nuint Length;
    }

    [DllImport("libc", SetLastError = true)]
    public static extern nint writev(int fd, IoVec* vectors, int count);

    [DllImport("libc", SetLastError = true)]
    public static extern int ioctl(int fd, nuint request, nuint argument);

    [DllImport("libc", SetLastError = true)]
    public static extern int open([MarshalAs(UnmanagedType.LPStr)] string path, int flags);

    [DllImport("libc", SetLastError = true)]
    public static extern int ioctl(int fd, nuint request, byte* argument);

    [DllImport("libc", SetLastError = true)]
    public static extern nint read(int fd, byte* buffer, nuint count);

    [DllImport("libc", SetLastError = true)]
    public static extern nint write(int fd, byte* buffer, nuint count);

    [DllImport("libc", SetLastError = true)]
    public static extern int poll(PollFd* fds, nuint count, int timeoutMs);

    [DllImport("libc", SetLastError = true)]
    public static extern int close(int fd);

    [DllImport("libc")]
    public static extern nint strerror(int errno);

    public static string Describe(int errno) => Marshal.PtrToStringAnsi(strerror(errno)) ?? ("errno " + errno);
}
