using System;

namespace Mirage.Devices;

/// <summary>
/// A file compiled into the application at build time: what a parameter of type <c>embedded-dir</c>
/// becomes (MirageOS's "crunch"). The SDK generates the table; the data is a static array that
/// the unikernel link places in the read-only image.
/// </summary>
public sealed class EmbeddedFile
{
    public EmbeddedFile(string path, byte[] data, DateTime lastModifiedUtc, string digest)
    {
        Path = path;
        Data = data;
        LastModifiedUtc = lastModifiedUtc;
        Digest = digest;
    }

    /// <summary>Path relative to the embedded directory, <c>/</c>-separated, no leading slash.</summary>
    public string Path { get; }

    public byte[] Data { get; }

    public DateTime LastModifiedUtc { get; }

    /// <summary>Lowercase hexadecimal SHA-256 of <see cref="Data"/>, computed at build time.</summary>
    public string Digest { get; }
}
