using System;
using System.Text;

namespace Mirage.Http;

/// <summary>Turns a request path into a key-value key, refusing anything that could name a key outside the tree.</summary>
internal static class UrlPath
{
    /// <summary>
    /// Percent-decodes <paramref name="path"/> (RFC 3986 §2.1) as UTF-8. Fails on a malformed escape, invalid UTF-8,
    /// NUL, backslash, or a "." or ".." segment, encoded or not: these are refused, never resolved.
    /// </summary>
    public static bool TryDecode(string path, out string decoded)
    {
        decoded = "";
        if (path.Length == 0 || path[0] != '/') return false;
        if (path.IndexOf('%') < 0)
        {
            decoded = path;
        }
        else
        {
            byte[] bytes = new byte[path.Length];
            int length = 0;
            for (int i = 0; i < path.Length; i++)
            {
                char c = path[i];
                if (c == '%')
                {
                    if (i + 2 >= path.Length) return false;
                    int high = HttpSyntax.HexValue((byte)path[i + 1]);
                    int low = HttpSyntax.HexValue((byte)path[i + 2]);
                    if (high < 0 || low < 0 || path[i + 1] > 0x7F || path[i + 2] > 0x7F) return false;
                    bytes[length++] = (byte)(high * 16 + low);
                    i += 2;
                }
                else
                {
                    if (c > 0x7F) return false;
                    bytes[length++] = (byte)c;
                }
            }
            if (!TryUtf8(bytes.AsSpan(0, length), out decoded)) return false;
        }
        return IsSafe(decoded);
    }

    private static bool TryUtf8(ReadOnlySpan<byte> bytes, out string text)
    {
        text = Encoding.UTF8.GetString(bytes);
        // Invalid sequences decode to U+FFFD, which would turn different byte strings into one key: refused.
        return text.IndexOf('\uFFFD') < 0;
    }

    private static bool IsSafe(string path)
    {
        int segmentStart = 0;
        for (int i = 0; i <= path.Length; i++)
        {
            if (i < path.Length)
            {
                char c = path[i];
                if (c == '\0' || c == '\\') return false;
                if (c != '/') continue;
            }
            int segmentLength = i - segmentStart;
            if (segmentLength == 1 && path[segmentStart] == '.') return false;
            if (segmentLength == 2 && path[segmentStart] == '.' && path[segmentStart + 1] == '.') return false;
            segmentStart = i + 1;
        }
        return true;
    }
}
