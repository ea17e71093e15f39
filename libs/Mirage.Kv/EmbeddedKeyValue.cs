using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Kv;

/// <summary>
/// kv-ro "crunch": serves files compiled into the application (a parameter of type
/// <c>embedded-dir</c>) from memory. Portable, so it is what a unikernel without a disk uses.
/// Every answer is computed synchronously; the tasks only satisfy <see cref="IKeyValueReadOnly"/>.
/// </summary>
public sealed class EmbeddedKeyValue : IKeyValueReadOnly
{
    private readonly EmbeddedNode _root;

    private EmbeddedKeyValue(EmbeddedNode root) => _root = root;

    /// <summary>
    /// Builds the tree from the files' paths. Fails when a path is not a valid key, appears twice,
    /// or is used both as a file and as a directory, since such a table cannot be served consistently.
    /// </summary>
    public static ValueTask<Result<IKeyValueReadOnly, DeviceError>> ConnectAsync(EmbeddedFile[] files)
    {
        if (files is null) return Fail("no embedded files were given");
        var root = EmbeddedNode.NewDictionary();
        foreach (var file in files)
        {
            if (file is null) return Fail("the embedded file table contains a null entry");
            if (!KvKey.TrySplit(file.Path, out var segments) || segments.Count == 0)
                return Fail($"embedded file path '{file.Path}' is not a valid key");

            var parent = root;
            for (int i = 0; i < segments.Count - 1; i++)
            {
                if (!parent.TryGetChild(segments[i], out var next))
                {
                    next = EmbeddedNode.NewDictionary();
                    parent.AddChild(segments[i], next);
                }
                else if (next.Kind == KvEntryKind.Value)
                {
                    return Fail($"embedded path '{Join(segments, i + 1)}' is both a file and a directory");
                }
                parent = next;
            }

            string name = segments[segments.Count - 1];
            if (parent.TryGetChild(name, out var existing))
            {
                return Fail(existing.Kind == KvEntryKind.Value
                    ? $"embedded path '{Join(segments, segments.Count)}' appears twice"
                    : $"embedded path '{Join(segments, segments.Count)}' is both a file and a directory");
            }
            parent.AddChild(name, EmbeddedNode.NewValue(file));
        }
        root.Seal();
        return new ValueTask<Result<IKeyValueReadOnly, DeviceError>>(
            Result<IKeyValueReadOnly, DeviceError>.Ok(new EmbeddedKeyValue(root)));
    }

    public ValueTask<Result<KvEntryKind, KvError>> ExistsAsync(string key) =>
        Answer(TryFind(key, out var node, out var error) ? Result<KvEntryKind, KvError>.Ok(node.Kind) : Result<KvEntryKind, KvError>.Fail(error));

    public ValueTask<Result<ReadOnlyMemory<byte>, KvError>> GetAsync(string key) =>
        Answer(TryFindValue(key, out var file, out var error)
            ? Result<ReadOnlyMemory<byte>, KvError>.Ok(file.Data)
            : Result<ReadOnlyMemory<byte>, KvError>.Fail(error));

    public ValueTask<Result<IReadOnlyList<KvEntry>, KvError>> ListAsync(string key)
    {
        if (!TryFind(key, out var node, out var error)) return Answer(Result<IReadOnlyList<KvEntry>, KvError>.Fail(error));
        if (node.Kind == KvEntryKind.Value) return Answer(Result<IReadOnlyList<KvEntry>, KvError>.Fail(KvError.DictionaryExpected));
        // A copy, so that a caller casting the list back to an array cannot change later answers.
        var entries = new KvEntry[node.Entries.Length];
        for (int i = 0; i < entries.Length; i++) entries[i] = node.Entries[i];
        return Answer(Result<IReadOnlyList<KvEntry>, KvError>.Ok(entries));
    }

    public ValueTask<Result<long, KvError>> SizeAsync(string key) =>
        Answer(TryFindValue(key, out var file, out var error)
            ? Result<long, KvError>.Ok(file.Data.Length)
            : Result<long, KvError>.Fail(error));

    /// <summary>A value's build-time modification time; for a dictionary, the newest time beneath it.</summary>
    public ValueTask<Result<DateTime, KvError>> LastModifiedAsync(string key) =>
        Answer(TryFind(key, out var node, out var error)
            ? Result<DateTime, KvError>.Ok(node.LastModifiedUtc)
            : Result<DateTime, KvError>.Fail(error));

    /// <summary>The SHA-256 the SDK computed at build time: no hashing at run time.</summary>
    public ValueTask<Result<string, KvError>> DigestAsync(string key) =>
        Answer(TryFindValue(key, out var file, out var error)
            ? Result<string, KvError>.Ok(file.Digest)
            : Result<string, KvError>.Fail(error));

    /// <summary>Walks the tree; a key that goes through a value is not found, as on a file system.</summary>
    private bool TryFind(string key, out EmbeddedNode node, out KvError error)
    {
        node = _root;
        error = default;
        if (key is null || !KvKey.TrySplit(key, out var segments))
        {
            error = KvError.InvalidKey;
            return false;
        }
        foreach (string segment in segments)
        {
            if (!node.TryGetChild(segment, out var child))
            {
                error = KvError.NotFound;
                return false;
            }
            node = child;
        }
        return true;
    }

    private bool TryFindValue(string key, out EmbeddedFile file, out KvError error)
    {
        file = null!;
        if (!TryFind(key, out var node, out error)) return false;
        if (node.File is null)
        {
            error = KvError.ValueExpected;
            return false;
        }
        file = node.File;
        return true;
    }

    private static string Join(List<string> segments, int count)
    {
        string joined = segments[0];
        for (int i = 1; i < count; i++) joined = joined + "/" + segments[i];
        return joined;
    }

    private static ValueTask<T> Answer<T>(T result) => new(result);

    private static ValueTask<Result<IKeyValueReadOnly, DeviceError>> Fail(string message) =>
        new(Result<IKeyValueReadOnly, DeviceError>.Fail(new DeviceError(message)));
}
