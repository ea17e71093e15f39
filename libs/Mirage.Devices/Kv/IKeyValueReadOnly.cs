using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Mirage.Devices;

/// <summary>
/// Device kind <c>kv-ro</c>: a read-only tree of values addressed by <c>/</c>-separated keys
/// (a leading <c>/</c> is optional; <c>.</c> and <c>..</c> segments are refused as <see cref="KvError.InvalidKey"/>).
/// Served from a directory, from files compiled into the image ("crunch"), or from a FAT disk.
/// </summary>
public interface IKeyValueReadOnly
{
    /// <summary>Whether <paramref name="key"/> names a value or a dictionary; <see cref="KvError.NotFound"/> when neither.</summary>
    ValueTask<Result<KvEntryKind, KvError>> ExistsAsync(string key);

    /// <summary>The whole value.</summary>
    ValueTask<Result<ReadOnlyMemory<byte>, KvError>> GetAsync(string key);

    /// <summary>The entries of a dictionary, sorted by name.</summary>
    ValueTask<Result<IReadOnlyList<KvEntry>, KvError>> ListAsync(string key);

    /// <summary>Size of a value in bytes.</summary>
    ValueTask<Result<long, KvError>> SizeAsync(string key);

    ValueTask<Result<DateTime, KvError>> LastModifiedAsync(string key);

    /// <summary>A digest of the value's content, stable across restarts: what an HTTP ETag is made of.</summary>
    ValueTask<Result<string, KvError>> DigestAsync(string key);
}

public enum KvEntryKind
{
    Value,
    Dictionary,
}

public readonly record struct KvEntry(string Name, KvEntryKind Kind);

public enum KvError
{
    NotFound,
    /// <summary>The key names a dictionary where a value was asked for.</summary>
    ValueExpected,
    /// <summary>The key names a value where a dictionary was asked for.</summary>
    DictionaryExpected,
    InvalidKey,
    IoError,
}
