using System;
using System.Runtime.InteropServices;

namespace Mirage.Runtime.Unix;

/// <summary>
/// realpath(3): the canonical path with every symbolic link resolved. .NET has no equivalent
/// (ResolveLinkTarget follows only the last component), and containment checks need one so
/// that a link anywhere along a key cannot lead outside a served directory.
/// </summary>
internal static class RealPath
{
    private const int ENOENT = 2;
    private const int ENOTDIR = 20;

    public static RealPathOutcome TryResolve(string path, out string resolved, out int errno)
    {
        resolved = "";
        errno = 0;
        IntPtr buffer = NativeRealPath(path, IntPtr.Zero);
        if (buffer == IntPtr.Zero)
        {
            errno = Marshal.GetLastPInvokeError();
            return errno is ENOENT or ENOTDIR ? RealPathOutcome.Missing : RealPathOutcome.Failed;
        }
        try
        {
            resolved = Marshal.PtrToStringUTF8(buffer) ?? "";
            return RealPathOutcome.Resolved;
        }
        finally
        {
            Free(buffer);
        }
    }

    // With a null second argument realpath allocates the result with malloc (POSIX.1-2008), so no PATH_MAX guess.
    [DllImport("libc", EntryPoint = "realpath", SetLastError = true)]
    private static extern IntPtr NativeRealPath([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);

    [DllImport("libc", EntryPoint = "free")]
    private static extern void Free(IntPtr pointer);
}

internal enum RealPathOutcome
{
    Resolved,
    /// <summary>A component does not exist or is not a directory: the key names nothing.</summary>
    Missing,
    /// <summary>Anything else (permission denied, a link loop): an I/O error.</summary>
    Failed,
}
