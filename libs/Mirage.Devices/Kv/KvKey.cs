using System.Collections.Generic;

namespace Mirage.Devices;

/// <summary>Key syntax shared by every key-value implementation, so that all of them accept and refuse the same keys.</summary>
public static class KvKey
{
    /// <summary>
    /// Splits <paramref name="key"/> into segments. Empty segments (leading, trailing or doubled <c>/</c>) are ignored;
    /// <c>.</c>, <c>..</c>, backslashes and NUL are refused so that no key can escape the store's root.
    /// </summary>
    public static bool TrySplit(string key, out List<string> segments)
    {
        segments = new List<string>();
        if (key is null) return false;
        foreach (string segment in key.Split('/'))
        {
            if (segment.Length == 0) continue;
            if (segment == "." || segment == "..") return false;
            foreach (char c in segment)
                if (c == '\\' || c == '\0') return false;
            segments.Add(segment);
        }
        return true;
    }

    /// <summary>The canonical form: segments joined by <c>/</c>, no leading or trailing slash; the root is "".</summary>
    public static bool TryNormalize(string key, out string normalized)
    {
        normalized = "";
        if (!TrySplit(key, out var segments)) return false;
        normalized = string.Join("/", segments);
        return true;
    }
}
