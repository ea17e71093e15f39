using System.Collections.Generic;

namespace Mirage.Runtime.Unix;

/// <summary>
/// Keeps the bytes of small files by (path, size, modification time), so that a website served
/// from a directory does not go to the file system (and through the thread pool and back to the
/// event loop) for every request. A change to a file changes its size or time and misses the cache.
/// Bounded: files over <see cref="MaxFileBytes"/> are never kept, and nothing more is added once
/// <see cref="MaxTotalBytes"/> are held.
/// </summary>
internal sealed class ContentCache
{
    public const int MaxFileBytes = 256 * 1024;
    public const long MaxTotalBytes = 32L * 1024 * 1024;

    private readonly object _gate = new();
    private readonly Dictionary<string, (long Size, long ModifiedTicks, byte[] Data)> _entries = new(System.StringComparer.Ordinal);
    private long _totalBytes;

    public bool TryGet(string path, long size, long modifiedTicks, out byte[] data)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(path, out var entry) && entry.Size == size && entry.ModifiedTicks == modifiedTicks)
            {
                data = entry.Data;
                return true;
            }
        }
        data = System.Array.Empty<byte>();
        return false;
    }

    public void Store(string path, long modifiedTicks, byte[] data)
    {
        if (data.Length > MaxFileBytes) return;
        lock (_gate)
        {
            long previous = _entries.TryGetValue(path, out var old) ? old.Data.Length : 0;
            if (_totalBytes - previous + data.Length > MaxTotalBytes) return;
            _entries[path] = (data.Length, modifiedTicks, data);
            _totalBytes += data.Length - previous;
        }
    }
}
