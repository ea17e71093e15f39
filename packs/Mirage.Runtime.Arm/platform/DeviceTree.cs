namespace Mirage.Runtime.Arm.Platform
{
    /// <summary>
    /// A reader of the flattened device tree (devicetree.org specification, "DTB" v17) the boot
    /// loader passes in r2. It allocates nothing, because the heap's bounds come from it. Nodes are
    /// offsets of their FDT_BEGIN_NODE token in the structure block; a found node also reports its
    /// parent's #address-cells and #size-cells, which say how to read its "reg". The names of the
    /// properties every search reads are looked up once in the strings block, so that scanning a
    /// node compares integers (this runs at every boot: it is part of the time to Main).
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
        private readonly uint _stringsSize;
        private readonly uint _compatibleName;
        private readonly uint _deviceTypeName;
        private readonly uint _addressCellsName;
        private readonly uint _sizeCellsName;

        private DeviceTree(byte* blob, uint structure, uint structureEnd, uint strings, uint stringsSize)
        {
            _blob = blob;
            _structure = structure;
            _structureEnd = structureEnd;
            _strings = strings;
            _stringsSize = stringsSize;
            _compatibleName = NameOffset("compatible");
            _deviceTypeName = NameOffset("device_type");
            _addressCellsName = NameOffset("#address-cells");
            _sizeCellsName = NameOffset("#size-cells");
        }

        /// <summary>Where <paramref name="name"/> starts in the strings block (uint.MaxValue: no property has it).</summary>
        private uint NameOffset(string name)
        {
            byte* strings = _blob + _strings;
            uint offset = 0;
            while (offset < _stringsSize)
            {
                if (EqualsAsciiZ(strings + offset, name)) return offset;
                while (offset < _stringsSize && strings[offset] != 0) offset++;
                offset++;
            }
            return uint.MaxValue;
        }

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
            uint stringsSize = version >= 3 ? ReadBigEndian32(blob + 32) : total - strings;
            if (total < 40 || structure >= total || strings >= total || structureSize > total - structure || stringsSize > total - strings) return false;
            tree = new DeviceTree(blob, structure, structure + structureSize, strings, stringsSize);
            return true;
        }

        public static uint ReadBigEndian32(byte* p) => System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(*(uint*)p);

        /// <summary>Reads a number of <paramref name="cells"/> 32-bit big-endian cells (1 or 2).</summary>
        public static ulong ReadCells(byte* p, int cells)
        {
            ulong value = 0;
            for (int i = 0; i < cells; i++) value = (value << 32) | ReadBigEndian32(p + 4 * i);
            return value;
        }

        /// <summary>
        /// Walks the whole tree once and records the first node of each kind the platform uses
        /// (<see cref="BoardNodes"/>). One pass over each node's properties reads its cell counts,
        /// "compatible" and "device_type" together: this is on the boot path.
        /// </summary>
        public bool Scan(out BoardNodes board)
        {
            board = default;
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
                    ReadNodeProperties(offset, out addressCells[depth], out sizeCells[depth],
                        out byte* compatible, out int compatibleLength, out byte* deviceType, out int deviceTypeLength);
                    // A node's "reg" is read with its parent's cell counts (the root's: 2 and 1 by default).
                    var node = new DeviceNode(this, nodeOffset, offset, name, length,
                        depth >= 2 ? addressCells[depth - 1] : 2, depth >= 2 ? sizeCells[depth - 1] : 1);
                    board.Classify(node, depth, compatible, compatibleLength, deviceType, deviceTypeLength);
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
                    break; // End (or a malformed token: keep what was found)
                }
            }
            return true;
        }

        private void ReadNodeProperties(uint offset, out int addressCells, out int sizeCells,
            out byte* compatible, out int compatibleLength, out byte* deviceType, out int deviceTypeLength)
        {
            // Defaults of the specification for a node's children: 2 address cells, 1 size cell.
            addressCells = 2;
            sizeCells = 1;
            compatible = null;
            compatibleLength = 0;
            deviceType = null;
            deviceTypeLength = 0;
            while (offset + 4 <= _structureEnd)
            {
                uint token = ReadBigEndian32(_blob + offset);
                if (token == Nop) { offset += 4; continue; }
                if (token != Property) return;
                uint length = ReadBigEndian32(_blob + offset + 4);
                uint name = ReadBigEndian32(_blob + offset + 8);
                byte* value = _blob + offset + 12;
                if (name == _addressCellsName && length == 4) addressCells = (int)ReadBigEndian32(value);
                else if (name == _sizeCellsName && length == 4) sizeCells = (int)ReadBigEndian32(value);
                else if (name == _compatibleName) { compatible = value; compatibleLength = (int)length; }
                else if (name == _deviceTypeName) { deviceType = value; deviceTypeLength = (int)length; }
                offset += 12 + Align4(length);
            }
        }

        /// <summary>Scans the properties that start at <paramref name="offset"/> (a node's own, before its subnodes).</summary>
        internal bool FindPropertyAt(uint offset, string name, out byte* value, out int length)
            => FindPropertyAt(offset, uint.MaxValue, name, out value, out length);

        /// <summary>
        /// The same, by the name's offset in the strings block: an integer compare per property.
        /// (libfdt and dtc store each name once; with <paramref name="name"/> the text is compared too.)
        /// </summary>
        private bool FindPropertyAt(uint offset, uint nameOffset, string name, out byte* value, out int length)
        {
            value = null;
            length = 0;
            while (offset + 4 <= _structureEnd)
            {
                uint token = ReadBigEndian32(_blob + offset);
                if (token == Nop) { offset += 4; continue; }
                if (token != Property) return false;
                uint valueLength = ReadBigEndian32(_blob + offset + 4);
                uint propertyNameOffset = ReadBigEndian32(_blob + offset + 8);
                if (propertyNameOffset == nameOffset || (name != null && propertyNameOffset < _stringsSize && EqualsAsciiZ(_blob + _strings + propertyNameOffset, name)))
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
        public bool IsPresent => Offset != 0;
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

        /// <summary>Whether a string-list property value (NUL-separated) contains <paramref name="text"/>.</summary>
        internal static bool ListContains(byte* value, int length, string text)
        {
            int start = 0;
            for (int i = 0; i < length; i++)
            {
                if (value[i] != 0) continue;
                if (DeviceTree.EqualsAscii(value + start, i - start, text)) return true;
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
