using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Http.Tests.Infrastructure;

/// <summary>A kv-ro store in a dictionary; dictionaries are implied by the values' keys, as in a crunched tree.</summary>
internal sealed class InMemoryStore : IKeyValueReadOnly
{
    public static readonly DateTime Modified = new(1994, 11, 6, 8, 49, 37, DateTimeKind.Utc);

    private readonly Dictionary<string, byte[]> _values = new();
    private readonly HashSet<string> _failing = new();

    public int GetCalls { get; private set; }

    public InMemoryStore Add(string key, string content) => Add(key, Encoding.UTF8.GetBytes(content));

    public InMemoryStore Add(string key, byte[] content)
    {
        _values[key] = content;
        return this;
    }

    /// <summary>Makes every operation on <paramref name="key"/> fail with an I/O error.</summary>
    public InMemoryStore Failing(string key)
    {
        _values[key] = Array.Empty<byte>();
        _failing.Add(key);
        return this;
    }

    public static string DigestOf(byte[] content) => "sha256-" + Convert.ToHexStringLower(SHA256.HashData(content)).Substring(0, 16);

    public ValueTask<Result<KvEntryKind, KvError>> ExistsAsync(string key) =>
        Lookup(key, out string normalized, out byte[]? value) is { } error ? Fail<KvEntryKind>(error)
        : value is not null ? Ok(KvEntryKind.Value)
        : IsDictionary(normalized) ? Ok(KvEntryKind.Dictionary)
        : Fail<KvEntryKind>(KvError.NotFound);

    public ValueTask<Result<ReadOnlyMemory<byte>, KvError>> GetAsync(string key)
    {
        GetCalls++;
        return WithValue(key, value => (ReadOnlyMemory<byte>)value);
    }

    public ValueTask<Result<IReadOnlyList<KvEntry>, KvError>> ListAsync(string key) =>
        throw new NotSupportedException("The static-file handler never lists.");

    public ValueTask<Result<long, KvError>> SizeAsync(string key) => WithValue(key, value => (long)value.Length);

    public ValueTask<Result<DateTime, KvError>> LastModifiedAsync(string key) => WithValue(key, _ => Modified);

    public ValueTask<Result<string, KvError>> DigestAsync(string key) => WithValue(key, DigestOf);

    private ValueTask<Result<T, KvError>> WithValue<T>(string key, Func<byte[], T> select)
    {
        if (Lookup(key, out string normalized, out byte[]? value) is { } error) return Fail<T>(error);
        if (value is not null) return Ok(select(value));
        return Fail<T>(IsDictionary(normalized) ? KvError.ValueExpected : KvError.NotFound);
    }

    private KvError? Lookup(string key, out string normalized, out byte[]? value)
    {
        value = null;
        if (!KvKey.TryNormalize(key, out normalized)) return KvError.InvalidKey;
        if (_failing.Contains(normalized)) return KvError.IoError;
        _values.TryGetValue(normalized, out value);
        return null;
    }

    private bool IsDictionary(string normalized)
    {
        if (normalized.Length == 0) return true;
        foreach (string key in _values.Keys)
            if (key.StartsWith(normalized + "/", StringComparison.Ordinal)) return true;
        return false;
    }

    private static ValueTask<Result<T, KvError>> Ok<T>(T value) => new(Result<T, KvError>.Ok(value));

    private static ValueTask<Result<T, KvError>> Fail<T>(KvError error) => new(Result<T, KvError>.Fail(error));
}
