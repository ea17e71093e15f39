using System;

namespace Mirage.Http;

/// <summary>If-None-Match evaluation (RFC 9110 §13.1.2): "*" or a list of entity-tags compared weakly.</summary>
internal static class EntityTags
{
    /// <summary>Whether <paramref name="ifNoneMatch"/> matches <paramref name="etag"/> (a quoted tag such as "\"abc\"").</summary>
    public static bool Matches(ReadOnlySpan<byte> ifNoneMatch, string etag)
    {
        ReadOnlySpan<byte> rest = HttpSyntax.TrimWhitespace(ifNoneMatch);
        if (rest.Length == 1 && rest[0] == (byte)'*') return true;
        while (!rest.IsEmpty)
        {
            rest = HttpSyntax.TrimWhitespace(rest);
            if (!rest.IsEmpty && rest[0] == (byte)',')
            {
                rest = rest.Slice(1);
                continue;
            }
            // Weak comparison: W/"x" matches "x".
            if (rest.Length >= 2 && rest[0] == (byte)'W' && rest[1] == (byte)'/') rest = rest.Slice(2);
            if (rest.IsEmpty || rest[0] != (byte)'"') return false;
            int closing = rest.Slice(1).IndexOf((byte)'"');
            if (closing < 0) return false;
            ReadOnlySpan<byte> tag = rest.Slice(0, closing + 2);
            if (SameTag(tag, etag)) return true;
            rest = rest.Slice(closing + 2);
        }
        return false;
    }

    private static bool SameTag(ReadOnlySpan<byte> tag, string etag)
    {
        if (tag.Length != etag.Length) return false;
        for (int i = 0; i < tag.Length; i++)
            if (tag[i] != etag[i]) return false;
        return true;
    }
}
