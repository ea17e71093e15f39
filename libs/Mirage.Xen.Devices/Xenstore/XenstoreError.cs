namespace Mirage.Xen.Devices.Xenstore;

/// <summary>Why a xenstore operation failed: xenstored's errno names, and what the client itself detects.</summary>
public enum XenstoreError
{
    /// <summary>ENOENT: no such path.</summary>
    NotFound,

    /// <summary>EACCES / EPERM: the domain may not read or write the path.</summary>
    PermissionDenied,

    /// <summary>EAGAIN: a transaction conflicted with another writer; retry it.</summary>
    TryAgain,

    /// <summary>EINVAL, E2BIG, EQUOTA…: xenstored rejected the request.</summary>
    Rejected,

    /// <summary>A reply was malformed (bad length, wrong shape, unknown type): the connection is unusable.</summary>
    Malformed,

    /// <summary>The request itself is larger than the protocol allows (4096 bytes of payload).</summary>
    TooLarge,

    /// <summary>There is no xenstore (not on Xen), or the connection broke earlier.</summary>
    Disconnected,
}
