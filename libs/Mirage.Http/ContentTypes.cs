namespace Mirage.Http;

/// <summary>Media types by file extension, for the static-file handler; text types declare UTF-8.</summary>
internal static class ContentTypes
{
    public const string Default = "application/octet-stream";

    /// <summary>The Content-Type for <paramref name="key"/>, from the extension of its last segment (case-insensitive).</summary>
    public static string ForKey(string key)
    {
        int dot = key.LastIndexOf('.');
        if (dot < 0 || dot < key.LastIndexOf('/')) return Default;
        string extension = key.Substring(dot + 1);
        return Lower(extension) switch
        {
            "html" or "htm" => "text/html; charset=utf-8",
            "css" => "text/css; charset=utf-8",
            "js" or "mjs" => "text/javascript; charset=utf-8",
            "json" => "application/json; charset=utf-8",
            "txt" => "text/plain; charset=utf-8",
            "xml" => "application/xml; charset=utf-8",
            "svg" => "image/svg+xml; charset=utf-8",
            "png" => "image/png",
            "jpg" or "jpeg" => "image/jpeg",
            "gif" => "image/gif",
            "webp" => "image/webp",
            "ico" => "image/x-icon",
            "wasm" => "application/wasm",
            "pdf" => "application/pdf",
            "woff" => "font/woff",
            "woff2" => "font/woff2",
            _ => Default,
        };
    }

    private static string Lower(string text)
    {
        foreach (char c in text)
            if ((uint)(c - 'A') <= 'Z' - 'A') return string.Create(text.Length, text, static (chars, source) =>
            {
                for (int i = 0; i < source.Length; i++) chars[i] = HttpSyntax.ToLowerAscii(source[i]);
            });
        return text;
    }
}
