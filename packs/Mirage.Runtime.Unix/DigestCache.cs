using System.Collections.Generic;

namespace Mirage.Runtime.Unix;

/// <summary>
/// Remembers the SHA-256 of files by (path, size, modification time), so that serving an ETag
/// does not re-read an unchanged file. One entry per file ever digested: a served directory is
/// bounded, and its files rarely change while the unikernel runs.
/// </summary>
internal sealed class DigestCache
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (long Size, long ModifiedTicks, string Digest)> _entries = new(System.StringComparer.Ordinal);

    public bool TryGet(string path, long size, long modifiedTicks, out string digest)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(path, out var entry) && entry.Size == size && entry.ModifiedTicks == modifiedTicks)
            {
                digest = entry.Digest;
                return true;
            }
        }
        digest = "";
        return false;
    }

    public void Store(string path, long size, long modifiedTicks, string digest)
    {
        lock (_gate) _entries[path] = (size, modifiedTicks, digest);
    }
}
