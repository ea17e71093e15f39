namespace Internal.Runtime.ExceptionHandling
{
    /// <summary>
    /// The address -> name table the SDK links into the image (.mirage_symbols, written by
    /// Mirage.Sdk's WriteMirageSymbolTable from the first link): methods {start, size, name} and
    /// MethodTables {address, name}, both sorted, 32-bit little-endian, names NUL-terminated UTF-8
    /// at offsets from the table's start. Names look like a .NET stack trace's without the
    /// parameter list: "Namespace.Type.Method", nested types joined with '.'.
    /// </summary>
    internal static unsafe class ManagedSymbols
    {
        private const uint Magic = 0x4D59534D;

        private static byte* Table
        {
            get
            {
                NativeLayout* layout = CodeMap.Layout;
                byte* table = layout->SymbolsStart;
                if (layout->SymbolsEnd - table < 16 || *(uint*)table != Magic) return null;
                return table;
            }
        }

        /// <summary>The name of the method whose code contains <paramref name="pc"/> (NUL-terminated UTF-8), or null.</summary>
        internal static byte* MethodName(nint pc)
        {
            byte* table = Table;
            if (table == null) return null;
            uint count = *(uint*)(table + 4);
            uint* entries = (uint*)(table + 16);
            uint low = 0, high = count;
            while (low < high)
            {
                uint middle = (low + high) / 2;
                if ((nint)entries[middle * 3] <= pc) low = middle + 1; else high = middle;
            }
            if (low == 0) return null;
            uint* entry = entries + (low - 1) * 3;
            if (pc >= (nint)entry[0] + (nint)entry[1]) return null;
            return table + entry[2];
        }

        /// <summary>The full name of the type of <paramref name="type"/> (NUL-terminated UTF-8), or null.</summary>
        internal static byte* TypeName(MethodTable* type)
        {
            byte* table = Table;
            if (table == null) return null;
            uint methods = *(uint*)(table + 4);
            uint count = *(uint*)(table + 8);
            uint* entries = (uint*)(table + 16 + methods * 12);
            uint low = 0, high = count;
            while (low < high)
            {
                uint middle = (low + high) / 2;
                nint address = (nint)entries[middle * 2];
                if (address == (nint)type) return table + entries[middle * 2 + 1];
                if (address < (nint)type) low = middle + 1; else high = middle;
            }
            return null;
        }

        /// <summary>A name from the table as a string (the names are ASCII: ilc's symbols are).</summary>
        internal static string ToString(byte* name)
        {
            if (name == null) return null;
            int length = 0;
            while (name[length] != 0) length++;
            char* characters = stackalloc char[length];
            for (int i = 0; i < length; i++) characters[i] = (char)name[i];
            return new string(characters, 0, length);
        }
    }
}
