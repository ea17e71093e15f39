using System;
using System.Collections.Generic;
using Mirage.Devices;

namespace Mirage.Kv;

/// <summary>
/// One entry of the in-memory tree behind <see cref="EmbeddedKeyValue"/>: either a value (an
/// embedded file) or a dictionary whose children are inferred from the files' paths.
/// </summary>
internal sealed class EmbeddedNode
{
    private readonly Dictionary<string, EmbeddedNode>? _children;
    private KvEntry[] _entries = Array.Empty<KvEntry>();

    private EmbeddedNode(EmbeddedFile? file, Dictionary<string, EmbeddedNode>? children)
    {
        File = file;
        _children = children;
        LastModifiedUtc = file?.LastModifiedUtc ?? DateTime.UnixEpoch;
    }

    public static EmbeddedNode NewValue(EmbeddedFile file) => new(file, null);

    public static EmbeddedNode NewDictionary() => new(null, new Dictionary<string, EmbeddedNode>(StringComparer.Ordinal));

    /// <summary>The file of a value; null for a dictionary.</summary>
    public EmbeddedFile? File { get; }

    public KvEntryKind Kind => File is null ? KvEntryKind.Dictionary : KvEntryKind.Value;

    /// <summary>
    /// A value's own time; for a dictionary the newest time of anything beneath it, since an
    /// embedded directory has no modification time of its own (the epoch when it is empty).
    /// </summary>
    public DateTime LastModifiedUtc { get; private set; }

    /// <summary>The children of a dictionary sorted by name, computed once by <see cref="Seal"/>.</summary>
    public KvEntry[] Entries => _entries;

    public bool TryGetChild(string name, out EmbeddedNode child)
    {
        child = null!;
        return _children is not null && _children.TryGetValue(name, out child!);
    }

    public void AddChild(string name, EmbeddedNode child) =>
        (_children ?? throw new InvalidOperationException("a value has no children")).Add(name, child);

    /// <summary>Computes the sorted listings and dictionary times, bottom-up, once the tree is complete.</summary>
    public void Seal()
    {
        if (_children is null) return;
        var names = new string[_children.Count];
        int count = 0;
        foreach (var pair in _children) names[count++] = pair.Key;
        OrdinalOrder.Sort(names);

        _entries = new KvEntry[names.Length];
        for (int i = 0; i < names.Length; i++)
        {
            var child = _children[names[i]];
            child.Seal();
            _entries[i] = new KvEntry(names[i], child.Kind);
            if (child.LastModifiedUtc > LastModifiedUtc) LastModifiedUtc = child.LastModifiedUtc;
        }
    }
}
