using System;
using System.Runtime;
using System.Runtime.CompilerServices;

namespace Mirage.Xen.Devices.Guest;

/// <summary>
/// The unikernel runtime as the drivers see it: C symbols of the boot stub (the hypercall), of
/// Mirage.Xen (the shared-info event bits) and of Mirage.CoreLib (the event loop's poll hook, the
/// heap's fill level). Only inside a xen or xen-arm image; on .NET these throw.
/// </summary>
internal static unsafe class XenGuest
{
    [MethodImpl(MethodImplOptions.InternalCall)]
    [RuntimeImport("*", "mirage_arch_hypercall")]
    private static extern nint HypercallImport(nint op, nint a1, nint a2, nint a3, nint a4, nint a5);

    [MethodImpl(MethodImplOptions.InternalCall)]
    [RuntimeImport("*", "mirage_xen_event_take_pending")]
    internal static extern bool TakePending(uint port);

    [MethodImpl(MethodImplOptions.InternalCall)]
    [RuntimeImport("*", "mirage_xen_event_unmask")]
    internal static extern void Unmask(uint port);

    [MethodImpl(MethodImplOptions.InternalCall)]
    [RuntimeImport("*", "mirage_xen_event_mask")]
    internal static extern void Mask(uint port);

    /// <summary>Runs <paramref name="poller"/> after every wake-up of the event loop (and before it blocks).</summary>
    [MethodImpl(MethodImplOptions.InternalCall)]
    [RuntimeImport("*", "mirage_runtime_add_poller")]
    internal static extern void AddPoller(Action poller);

    public const int MemoryOp = 12;
    public const int GrantTableOp = 20;
    public const int EventChannelOp = 32;
    public const int HvmOp = 34;
    public const ushort DomidSelf = 0x7FF0;

    internal static nint Hypercall(nint op, nint a1, nint a2, nint a3 = 0) => HypercallImport(op, a1, a2, a3, 0, 0);

    /// <summary>The ABI name blkback needs for our request layout: x86_64 and 32-bit ARM share it (8-byte aligned 64-bit fields).</summary>
    internal static string BlockProtocol => IntPtr.Size == 8 ? "x86_64-abi" : "arm-abi";
}
