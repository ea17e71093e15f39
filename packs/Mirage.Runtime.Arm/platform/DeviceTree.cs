namespace Mirage.Runtime.Arm.Platform
{
    /// <summary>
    /// A reader of the flattened device tree (devicetree.org specification, "DTB" v17) the boot
    /// loader passes in r2. It allocates nothing, because the heap's bounds come from it. Nodes are
    /// offsets of their FDT_BEGIN_NODE token in the structure block; a found node also reports its
    /// parent's #address-cells and #size-cells, which say how to read its "reg".
    /// </summary>
    internal readonly unsafe struct DeviceTree
    {
        private const uint Magic = 0xD00DFEED;
        private const uint BeginNode = 1;
        private const uint EndNode = 2;
        private const uint Property = 3;
        private const uint Nop = 4;
        private const uint End = 9;
        private const int MaxDepth = 16;

        private readonly byte* _blob;
        private readonly uint _structure;
        private readonly uint _structureEnd;
        private readonly uint _strings;

        private DeviceTree(byte* blob, uint structure, uint structureEnd, uint strings)
        {
            _blob = blob;
            _structure = structure;
            _structureEnd = structureEnd;
            _strings = strings;
        }

        public byte* Address => _blob;
        public uint TotalSize => _blob == null ? 0 : ReadBigEndian32(_blob + 4);
        public bool IsValid => _blob != null;

        /// <summary>Opens the blob at <paramref name="blob"/> if it carries the FDT magic and sane offsets.</summary>
        public static bool TryOpen(byte* blob, out DeviceTree tree)
        {
            tree = default;
            if (blob == null || ((nuint)blob & 3) != 0 || ReadBigEndian32(blob) != Magic) return false;
            uint total = ReadBigEndian32(blob + 4);
            uint structure = ReadBigEndian32(blob + 8);
            uint strings = ReadBigEndian32(blob + 12);
            uint version = ReadBigEndian32(blob + 20);
            uint structureSize = version >= 17 ? ReadBigEndian32(blob + 36) : total - structure;
            if (total < 40 || structure >= total || strings >= total || structureSize > total - structure) return false;
            tree = new DeviceTree(blob, structure, structure + structureSize, strings);
            return true;
        }

        public static uint ReadBigEndian32(byte* p) => (uint)(p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3]);

        /// <summary>Reads a number of <paramref name="cells"/> 32-bit big-endian cells (1 or 2).</summary>
        public static ulong ReadCells(byte* p, int cells)
        {
            ulong value = 0;
            for (int i = 0; i < cells; i++) value = (value << 32) | ReadBigEndian32(p + 4 * i);
            return value;
        }

        public enum Match
        {
            /// <summary>A node whose "compatible" list contains the key.</summary>
            Compatible,

            /// <summary>A child of the root whose name (before any '@') is the key.</summary>
            TopLevelName,

            /// <summary>A node whose "device_type" is the key.</summary>
            DeviceType,
        }

        /// <summary>Finds the first node that matches; false if there is none.</summary>
        public bool FindNode(Match match, string key, out DeviceNode node)
        {
            node = default;
            if (_blob == null) return false;
            int* addressCells = stackalloc int[MaxDepth + 1];
            int* sizeCells = stackalloc int[MaxDepth + 1];
            int depth = 0;
            uint offset = _structure;
            while (offset + 4 <= _structureEnd)
            {
                uint token = ReadBigEndian32(_blob + offset);
                if (token == BeginNode)
                {
                    uint nodeOffset = offset;
                    byte* name = _blob + offset + 4;
                    int length = 0;
                    while (name[length] != 0) length++;
                    offset += 4 + Align4((uint)length + 1);
                    depth++;
                    if (depth > MaxDepth) return false;
                    // Defaults of the specification for a node's children: 2 address cells, 1 size cell.
                    addressCells[depth] = 2;
                    sizeCells[depth] = 1;
                    // Properties come before subnodes: read this node's cell counts (for its children).
                    ReadCellCounts(offset, out addressCells[depth], out sizeCells[depth]);
                    int parentAddressCells = depth >= 2 ? addressCells[depth - 1] : 2;
                    int parentSizeCells = depth >= 2 ? sizeCells[depth - 1] : 1;
                    var candidate = new DeviceNode(this, nodeOffset, offset, name, length, parentAddressCells, parentSizeCells);
                    if (Matches(candidate, depth, match, key))
                    {
                        node = candidate;
                        return true;
                    }
                }
                else if (token == EndNode)
                {
                    depth--;
                    offset += 4;
                }
                else if (token == Property)
                {
                    uint length = ReadBigEndian32(_blob + offset + 4);
                    offset += 12 + Align4(length);
                }
                else if (token == Nop)
                {
                    offset += 4;
                }
                else
                {
                    return false; // End, or a malformed token
                }
            }
            return false;
        }

        private void ReadCellCounts(uint propertiesOffset, out int addressCells, out int sizeCells)
        {
            addressCells = 2;
            sizeCells = 1;
            if (FindPropertyAt(propertiesOffset, "#address-cells", out byte* value, out int length) && length == 4)
                addressCells = (int)ReadBigEndian32(value);
            if (FindPropertyAt(propertiesOffset, "#size-cells", out value, out length) && length == 4)
                sizeCells = (int)ReadBigEndian32(value);
        }

        private static bool Matches(DeviceNode node, int depth, Match match, string key)
        {
            switch (match)
            {
                case Match.Compatible:
                    return node.HasCompatible(key);
                case Match.TopLevelName:
                    if (depth != 2) return false;
                    int length = 0;
                    while (length < node.NameLength && node.Name[length] != (byte)'@') length++;
                    return EqualsAscii(node.Name, length, key);
                default:
                    return node.TryGetProperty("device_type", out byte* value, out int valueLength)
                        && valueLength > 0 && EqualsAscii(value, valueLength - 1, key);
            }
        }

        /// <summary>Scans the properties that start at <paramref name="offset"/> (a node's own, before its subnodes).</summary>
        internal bool FindPropertyAt(uint offset, string name, out byte* value, out int length)
        {
            value = null;
            length = 0;
            while (offset + 4 <= _structureEnd)
            {
                uint token = ReadBigEndian32(_blob + offset);
                if (token == Nop) { offset += 4; continue; }
                if (token != Property) return false;
                uint valueLength = ReadBigEndian32(_blob + offset + 4);
                uint nameOffset = ReadBigEndian32(_blob + offset + 8);
                byte* propertyName = _blob + _strings + nameOffset;
                if (EqualsAsciiZ(propertyName, name))
                {
                    value = _blob + offset + 12;
                    length = (int)valueLength;
                    return true;
                }
                offset += 12 + Align4(valueLength);
            }
            return false;
        }

        private static uint Align4(uint value) => (value + 3) & ~3u;

        internal static bool EqualsAscii(byte* bytes, int length, string text)
        {
            if (length != text.Length) return false;
            for (int i = 0; i < length; i++)
                if (bytes[i] != text[i]) return false;
            return true;
        }

        private static bool EqualsAsciiZ(byte* bytes, string text)
        {
            for (int i = 0; i < text.Length; i++)
                if (bytes[i] != text[i]) return false;
            return bytes[text.Length] == 0;
        }
    }

    /// <summary>One node of a <see cref="DeviceTree"/>, with what is needed to read its properties.</summary>
    internal readonly unsafe struct DeviceNode
    {
        private readonly DeviceTree _tree;
        private readonly uint _properties;

        internal DeviceNode(DeviceTree tree, uint offset, uint properties, byte* name, int nameLength, int addressCells, int sizeCells)
        {
            _tree = tree;
            Offset = offset;
            _properties = properties;
            Name = name;
            NameLength = nameLength;
            AddressCells = addressCells;
            SizeCells = sizeCells;
        }

        public uint Offset { get; }
        public byte* Name { get; }
        public int NameLength { get; }

        /// <summary>The parent's #address-cells: how many cells an address in this node's "reg" takes.</summary>
        public int AddressCells { get; }

        /// <summary>The parent's #size-cells.</summary>
        public int SizeCells { get; }

        public bool TryGetProperty(string name, out byte* value, out int length)
            => _tree.FindPropertyAt(_properties, name, out value, out length);

        /// <summary>Entry <paramref name="index"/> of "reg": an (address, size) pair in the parent's cells.</summary>
        public bool TryGetRegister(int index, out ulong address, out ulong size)
        {
            address = 0;
            size = 0;
            if (AddressCells < 1 || AddressCells > 2 || SizeCells < 0 || SizeCells > 2) return false;
            if (!TryGetProperty("reg", out byte* value, out int length)) return false;
            int entry = 4 * (AddressCells + SizeCells);
            if (length < entry * (index + 1)) return false;
            byte* p = value + entry * index;
            address = DeviceTree.ReadCells(p, AddressCells);
            size = DeviceTree.ReadCells(p + 4 * AddressCells, SizeCells);
            return true;
        }

        /// <summary>Cell <paramref name="index"/> of a property of 32-bit cells.</summary>
        public bool TryGetCell(string name, int index, out uint cell)
        {
            cell = 0;
            if (!TryGetProperty(name, out byte* value, out int length) || length < 4 * (index + 1)) return false;
            cell = DeviceTree.ReadBigEndian32(value + 4 * index);
            return true;
        }

        public bool HasCompatible(string compatible)
        {
            if (!TryGetProperty("compatible", out byte* value, out int length)) return false;
            int start = 0;
            for (int i = 0; i < length; i++)
            {
                if (value[i] != 0) continue;
                if (DeviceTree.EqualsAscii(value + start, i - start, compatible)) return true;
                start = i + 1;
            }
            return false;
        }

        /// <summary>
        /// The GIC interrupt number of entry <paramref name="index"/> of a three-cell "interrupts"
        /// property: type 0 (SPI) n is interrupt 32 + n, type 1 (PPI) n is 16 + n. -1 if absent.
        /// </summary>
        public int GicInterrupt(int index)
        {
            if (!TryGetCell("interrupts", 3 * index, out uint type) || !TryGetCell("interrupts", 3 * index + 1, out uint number)) return -1;
            if (type == 0) return (int)number + 32;
            if (type == 1) return (int)number + 16;
            return -1;
        }
    }
}
