namespace Internal.Runtime.ExceptionHandling
{
    /// <summary>
    /// The address -> name table the SDK links into the image (.mirage_symbols, written by
    /// Mirage.Sdk's SymbolTable from the first link; its comment describes the format): methods
    /// {start, size, declaring type, name} and exception types' MethodTables {address, name},
    /// sorted by address in blocks of <see cref="BlockLength"/> entries, names in a front-coded
    /// string pool. A lookup binary-searches the blocks' index, then decodes one block. Names look
    /// like a .NET stack trace's without the parameter list: "Namespace.Type.Method", nested
    /// types joined with '.'.
    /// </summary>
    internal static unsafe class ManagedSymbols
    {
        private const uint Magic = 0x3259534D;   // "MSY2"
        private const uint BlockLength = 32;
        private const int HeaderLength = 32;

        // Header fields (u32 each).
        private const int MethodCount = 1, TypeCount = 2, MethodIndex = 4, TypeIndex = 5, StringIndex = 6, LongestString = 7;

        private static byte* Table
        {
            get
            {
                NativeLayout* layout = CodeMap.Layout;
                byte* table = layout->SymbolsStart;
                if (layout->SymbolsEnd - table < HeaderLength || *(uint*)table != Magic) return null;
                return table;
            }
        }

        private static uint Header(byte* table, int field) => ((uint*)table)[field];

        /// <summary>
        /// The bytes a buffer for <see cref="MethodName"/> needs: a declaring type's name, '.', and
        /// room to decode the method's name after it (decoding passes through the longer names
        /// that precede it in its block).
        /// </summary>
        internal static int NameBufferLength
        {
            get
            {
                byte* table = Table;
                return table == null ? 0 : 2 * (int)Header(table, LongestString) + 1;
            }
        }

        /// <summary>
        /// Writes the name of the method whose code contains <paramref name="pc"/> (UTF-8, not
        /// terminated) to <paramref name="buffer"/> (<see cref="NameBufferLength"/> bytes) and
        /// returns its length, or -1 when no method's code contains it.
        /// </summary>
        internal static int MethodName(nint pc, byte* buffer)
        {
            byte* table = Table;
            if (table == null) return -1;
            uint count = Header(table, MethodCount);
            uint* index = (uint*)(table + Header(table, MethodIndex));
            uint block = LastBlockAtOrBelow(index, (count + BlockLength - 1) / BlockLength, pc);
            if (block == uint.MaxValue) return -1;
            byte* data = table + index[block * 2 + 1];
            nint end = (nint)index[block * 2];
            uint entries = count - block * BlockLength;
            if (entries > BlockLength) entries = BlockLength;
            bool found = false;
            nint foundEnd = 0;
            uint owner = 0, name = 0;
            for (uint i = 0; i < entries; i++)
            {
                ulong zigzag = ReadNumber(ref data);
                nint start = end + (nint)(long)((zigzag >> 1) ^ (0 - (zigzag & 1)));
                nint size = (nint)ReadNumber(ref data);
                uint entryOwner = (uint)ReadNumber(ref data);
                uint entryName = (uint)ReadNumber(ref data);
                if (start > pc) break;
                found = true;
                foundEnd = start + size;
                owner = entryOwner;
                name = entryName;
                end = start + size;
            }
            if (!found || pc >= foundEnd) return -1;
            int length = 0;
            if (owner != 0)
            {
                length = ReadString(table, owner - 1, buffer);
                buffer[length++] = (byte)'.';
            }
            return length + ReadString(table, name, buffer + length);
        }

        /// <summary>The full name of an exception type (the table names no others), or null.</summary>
        internal static string TypeName(MethodTable* type)
        {
            byte* table = Table;
            if (table == null) return null;
            uint count = Header(table, TypeCount);
            uint* index = (uint*)(table + Header(table, TypeIndex));
            uint block = LastBlockAtOrBelow(index, (count + BlockLength - 1) / BlockLength, (nint)type);
            if (block == uint.MaxValue) return null;
            byte* data = table + index[block * 2 + 1];
            nint address = (nint)index[block * 2];
            uint entries = count - block * BlockLength;
            if (entries > BlockLength) entries = BlockLength;
            for (uint i = 0; i < entries; i++)
            {
                address += (nint)ReadNumber(ref data);
                uint name = (uint)ReadNumber(ref data);
                if (address > (nint)type) return null;
                if (address == (nint)type) return ReadString(table, name);
            }
            return null;
        }

        private static string ReadString(byte* table, uint number)
        {
            byte* text = stackalloc byte[(int)Header(table, LongestString)];
            int length = ReadString(table, number, text);
            char* characters = stackalloc char[length];
            for (int c = 0; c < length; c++) characters[c] = (char)text[c];   // ASCII: ilc's names are
            return new string(characters, 0, length);
        }

        /// <summary>The last block (of an index of {first address, data offset} pairs) whose first address is at most <paramref name="address"/>, or uint.MaxValue.</summary>
        private static uint LastBlockAtOrBelow(uint* index, uint blocks, nint address)
        {
            uint low = 0, high = blocks;
            while (low < high)
            {
                uint middle = (low + high) / 2;
                if ((nint)index[middle * 2] <= address) low = middle + 1; else high = middle;
            }
            return low - 1;
        }

        /// <summary>Decodes pool string <paramref name="number"/> into <paramref name="buffer"/>; returns its length.</summary>
        private static int ReadString(byte* table, uint number, byte* buffer)
        {
            uint* index = (uint*)(table + Header(table, StringIndex));
            byte* data = table + index[number / BlockLength];
            int length = 0;
            for (uint i = 0; i <= number % BlockLength; i++)
            {
                int shared = (int)ReadNumber(ref data);
                int suffix = (int)ReadNumber(ref data);
                for (int c = 0; c < suffix; c++) buffer[shared + c] = data[c];
                data += suffix;
                length = shared + suffix;
            }
            return length;
        }

        private static ulong ReadNumber(ref byte* data)
        {
            ulong value = 0;
            for (int shift = 0; ; shift += 7)
            {
                byte b = *data++;
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80) return value;
            }
        }
    }
}
