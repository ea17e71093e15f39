using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Runtime.Unix;

/// <summary>
/// kv-ro "directory": serves a host directory as it is now (files changed while running are seen).
/// Keys go through <see cref="KvKey.TrySplit"/>, and every path is resolved with realpath(3) and
/// must stay inside the directory: a symbolic link leading outside is treated as absent, so the
/// store exposes no more than the tree it was given. Only the owner of the directory could race a
/// link in between the check and the read; it is not a boundary against them.
/// </summary>
public sealed class DirectoryKeyValue : IKeyValueReadOnly
{
    private static readonly EnumerationOptions s_everyEntry = new()
    {
        // Dot files are content too (.well-known/); unreadable entries must surface, not vanish.
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        RecurseSubdirectories = false,
        ReturnSpecialDirectories = false,
    };

    private readonly string _root;
    private readonly string _rootWithSlash;
    private readonly DigestCache _digests = new();
    private readonly ContentCache _contents = new();

    private DirectoryKeyValue(string root)
    {
        _root = root;
        _rootWithSlash = root.EndsWith('/') ? root : root + "/";
    }

    /// <summary>Opens <paramref name="source"/> (relative to the current directory); fails when it is not an existing directory.</summary>
    public static ValueTask<Result<IKeyValueReadOnly, DeviceError>> ConnectAsync(string source)
    {
        if (string.IsNullOrEmpty(source)) return Fail("no directory was given");
        string full = Path.GetFullPath(source);
        switch (RealPath.TryResolve(full, out string root, out int errno))
        {
            case RealPathOutcome.Missing:
                return Fail($"directory '{full}' does not exist");
            case RealPathOutcome.Failed:
                return Fail($"directory '{full}' cannot be opened (errno {errno})");
        }
        if (!Directory.Exists(root)) return Fail($"'{full}' is not a directory");
        return new(Result<IKeyValueReadOnly, DeviceError>.Ok(new DirectoryKeyValue(root)));
    }

    /// <summary>The directory served, with links resolved.</summary>
    public string Root => _root;

    public ValueTask<Result<KvEntryKind, KvError>> ExistsAsync(string key) =>
        new(Locate(key, out _, out var kind) is { } error
            ? Result<KvEntryKind, KvError>.Fail(error)
            : Result<KvEntryKind, KvError>.Ok(kind));

    public async ValueTask<Result<ReadOnlyMemory<byte>, KvError>> GetAsync(string key)
    {
        if (LocateValue(key, out string path) is { } error) return Result<ReadOnlyMemory<byte>, KvError>.Fail(error);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) return Result<ReadOnlyMemory<byte>, KvError>.Fail(KvError.NotFound);
            long size = info.Length, modified = info.LastWriteTimeUtc.Ticks;
            if (_contents.TryGet(path, size, modified, out byte[] cached)) return Result<ReadOnlyMemory<byte>, KvError>.Ok(cached);
            byte[] data = await File.ReadAllBytesAsync(path);
            // Cache only what was read from an unchanged file, or a torn read would stick.
            info.Refresh();
            if (info.Exists && info.Length == data.Length && info.LastWriteTimeUtc.Ticks == modified) _contents.Store(path, modified, data);
            return Result<ReadOnlyMemory<byte>, KvError>.Ok(data);
        }
        catch (Exception e) when (IsFileError(e))
        {
            return Result<ReadOnlyMemory<byte>, KvError>.Fail(ErrorOf(e));
        }
    }

    /// <summary>
    /// The entries sorted by ordinal name. Links that lead outside the directory or nowhere are left
    /// out, and so are names no key can reach (a backslash in a name), so that everything listed can be read.
    /// </summary>
    public ValueTask<Result<IReadOnlyList<KvEntry>, KvError>> ListAsync(string key)
    {
        if (Locate(key, out string path, out var kind) is { } error) return new(Result<IReadOnlyList<KvEntry>, KvError>.Fail(error));
        if (kind != KvEntryKind.Dictionary) return new(Result<IReadOnlyList<KvEntry>, KvError>.Fail(KvError.DictionaryExpected));
        var entries = new List<KvEntry>();
        try
        {
            foreach (var info in new DirectoryInfo(path).EnumerateFileSystemInfos("*", s_everyEntry))
            {
                if (!KvKey.TryNormalize(info.Name, out string normalized) || normalized != info.Name) continue;
                KvEntryKind entryKind;
                if (info.LinkTarget is not null)
                {
                    if (Resolve(info.FullName, out _, out entryKind) is not null) continue;
                }
                else
                {
                    entryKind = info is DirectoryInfo ? KvEntryKind.Dictionary : KvEntryKind.Value;
                }
                entries.Add(new KvEntry(info.Name, entryKind));
            }
        }
        catch (Exception e) when (IsFileError(e))
        {
            return new(Result<IReadOnlyList<KvEntry>, KvError>.Fail(ErrorOf(e)));
        }
        entries.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return new(Result<IReadOnlyList<KvEntry>, KvError>.Ok(entries));
    }

    public ValueTask<Result<long, KvError>> SizeAsync(string key)
    {
        if (LocateValue(key, out string path) is { } error) return new(Result<long, KvError>.Fail(error));
        try
        {
            var info = new FileInfo(path);
            return new(info.Exists ? Result<long, KvError>.Ok(info.Length) : Result<long, KvError>.Fail(KvError.NotFound));
        }
        catch (Exception e) when (IsFileError(e))
        {
            return new(Result<long, KvError>.Fail(ErrorOf(e)));
        }
    }

    /// <summary>The modification time of the file, or of the directory itself for a dictionary.</summary>
    public ValueTask<Result<DateTime, KvError>> LastModifiedAsync(string key)
    {
        if (Locate(key, out string path, out var kind) is { } error) return new(Result<DateTime, KvError>.Fail(error));
        try
        {
            FileSystemInfo info = kind == KvEntryKind.Dictionary ? new DirectoryInfo(path) : new FileInfo(path);
            // A vanished file would otherwise report 1601-01-01 rather than an error.
            return new(info.Exists ? Result<DateTime, KvError>.Ok(info.LastWriteTimeUtc) : Result<DateTime, KvError>.Fail(KvError.NotFound));
        }
        catch (Exception e) when (IsFileError(e))
        {
            return new(Result<DateTime, KvError>.Fail(ErrorOf(e)));
        }
    }

    /// <summary>Lowercase hexadecimal SHA-256 of the content, the same digest crunch embeds at build time.</summary>
    public async ValueTask<Result<string, KvError>> DigestAsync(string key)
    {
        if (LocateValue(key, out string path) is { } error) return Result<string, KvError>.Fail(error);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) return Result<string, KvError>.Fail(KvError.NotFound);
            long size = info.Length, modified = info.LastWriteTimeUtc.Ticks;
            if (_digests.TryGet(path, size, modified, out string cached)) return Result<string, KvError>.Ok(cached);

            byte[] hash;
            await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.Asynchronous | FileOptions.SequentialScan))
            {
                hash = await SHA256.HashDataAsync(stream);
            }
            string digest = Convert.ToHexStringLower(hash);
            // Cache only if the file did not change while it was read, or a torn read would stick.
            info.Refresh();
            if (info.Exists && info.Length == size && info.LastWriteTimeUtc.Ticks == modified) _digests.Store(path, size, modified, digest);
            return Result<string, KvError>.Ok(digest);
        }
        catch (Exception e) when (IsFileError(e))
        {
            return Result<string, KvError>.Fail(ErrorOf(e));
        }
    }

    /// <summary>Turns a key into the resolved path of an existing entry inside the root, or says why not.</summary>
    private KvError? Locate(string key, out string path, out KvEntryKind kind)
    {
        path = "";
        kind = default;
        if (key is null || !KvKey.TrySplit(key, out var segments)) return KvError.InvalidKey;
        // Segments hold no '/', '.', '..', '\' or NUL, so the joined path is lexically inside the root.
        string lexical = segments.Count == 0 ? _root : _rootWithSlash + string.Join('/', segments);
        long now = Environment.TickCount64;
        lock (_resolved)
        {
            if (_resolved.TryGetValue(lexical, out var hit) && now - hit.At < ResolutionLifetimeMs)
            {
                path = hit.Path;
                kind = hit.Kind;
                return null;
            }
        }
        if (Resolve(lexical, out path, out kind) is { } error) return error;
        lock (_resolved)
        {
            if (_resolved.Count >= MaxResolutions) _resolved.Clear();
            _resolved[lexical] = (path, kind, now);
        }
        return null;
    }

    /// <summary>
    /// How long a key's resolved path is reused. realpath(3) costs a system call per path component,
    /// several times per HTTP request; reusing the answer briefly keeps the root check without that cost.
    /// Only found entries are kept: new files appear at once, and a file's content and existence are
    /// still checked on every read; a changed symlink or a directory replacing a file is seen within this time.
    /// </summary>
    private const long ResolutionLifetimeMs = 1000;

    private const int MaxResolutions = 4096;

    private readonly Dictionary<string, (string Path, KvEntryKind Kind, long At)> _resolved = new(StringComparer.Ordinal);

    private KvError? LocateValue(string key, out string path)
    {
        if (Locate(key, out path, out var kind) is { } error) return error;
        return kind == KvEntryKind.Dictionary ? KvError.ValueExpected : null;
    }

    private KvError? Resolve(string lexical, out string path, out KvEntryKind kind)
    {
        kind = default;
        switch (RealPath.TryResolve(lexical, out path, out _))
        {
            case RealPathOutcome.Missing:
                return KvError.NotFound;
            case RealPathOutcome.Failed:
                return KvError.IoError;
        }
        if (path != _root && !path.StartsWith(_rootWithSlash, StringComparison.Ordinal)) return KvError.NotFound;
        try
        {
            kind = (File.GetAttributes(path) & FileAttributes.Directory) != 0 ? KvEntryKind.Dictionary : KvEntryKind.Value;
            return null;
        }
        catch (Exception e) when (IsFileError(e))
        {
            return ErrorOf(e);
        }
    }

    private static bool IsFileError(Exception e) => e is IOException or UnauthorizedAccessException;

    private static KvError ErrorOf(Exception e) =>
        e is FileNotFoundException or DirectoryNotFoundException ? KvError.NotFound : KvError.IoError;

    private static ValueTask<Result<IKeyValueReadOnly, DeviceError>> Fail(string message) =>
        new(Result<IKeyValueReadOnly, DeviceError>.Fail(new DeviceError(message)));
}
