namespace System.Numerics
{
    /// <summary>Bit twiddling in plain C# (no hardware intrinsics), with .NET's results for every input.</summary>
    public static unsafe class BitOperations
    {
        public static bool IsPow2(int value) => (value & (value - 1)) == 0 && value > 0;
        public static bool IsPow2(uint value) => (value & (value - 1)) == 0 && value != 0;
        public static bool IsPow2(long value) => (value & (value - 1)) == 0 && value > 0;
        public static bool IsPow2(ulong value) => (value & (value - 1)) == 0 && value != 0;
        public static bool IsPow2(nint value) => (value & (value - 1)) == 0 && value > 0;
        public static bool IsPow2(nuint value) => (value & (value - 1)) == 0 && value != 0;

        public static uint RoundUpToPowerOf2(uint value)
        {
            --value;
            value |= value >> 1;
            value |= value >> 2;
            value |= value >> 4;
            value |= value >> 8;
            value |= value >> 16;
            return value + 1;
        }

        public static ulong RoundUpToPowerOf2(ulong value)
        {
            --value;
            value |= value >> 1;
            value |= value >> 2;
            value |= value >> 4;
            value |= value >> 8;
            value |= value >> 16;
            value |= value >> 32;
            return value + 1;
        }

        public static nuint RoundUpToPowerOf2(nuint value) => sizeof(nint) == 8 ? (nuint)RoundUpToPowerOf2((ulong)value) : (nuint)RoundUpToPowerOf2((uint)value);

        public static int LeadingZeroCount(uint value)
        {
            if (value == 0) return 32;
            return 31 ^ Log2(value);
        }

        public static int LeadingZeroCount(ulong value)
        {
            if (value == 0) return 64;
            return 63 ^ Log2(value);
        }

        public static int LeadingZeroCount(nuint value) => sizeof(nint) == 8 ? LeadingZeroCount((ulong)value) : LeadingZeroCount((uint)value);

        /// <summary>floor(log2(value)); 0 for 0.</summary>
        public static int Log2(uint value)
        {
            int log = 0;
            if ((value & 0xFFFF0000u) != 0) { value >>= 16; log += 16; }
            if ((value & 0xFF00u) != 0) { value >>= 8; log += 8; }
            if ((value & 0xF0u) != 0) { value >>= 4; log += 4; }
            if ((value & 0xCu) != 0) { value >>= 2; log += 2; }
            if ((value & 0x2u) != 0) log += 1;
            return log;
        }

        public static int Log2(ulong value)
        {
            uint high = (uint)(value >> 32);
            return high != 0 ? 32 + Log2(high) : Log2((uint)value);
        }

        public static int Log2(nuint value) => sizeof(nint) == 8 ? Log2((ulong)value) : Log2((uint)value);

        public static int PopCount(uint value)
        {
            value -= (value >> 1) & 0x55555555u;
            value = (value & 0x33333333u) + ((value >> 2) & 0x33333333u);
            value = (value + (value >> 4)) & 0x0F0F0F0Fu;
            return (int)((value * 0x01010101u) >> 24);
        }

        public static int PopCount(ulong value) => PopCount((uint)value) + PopCount((uint)(value >> 32));

        public static int PopCount(nuint value) => sizeof(nint) == 8 ? PopCount((ulong)value) : PopCount((uint)value);

        public static int TrailingZeroCount(int value) => TrailingZeroCount((uint)value);

        public static int TrailingZeroCount(uint value)
        {
            if (value == 0) return 32;
            return Log2(value & (uint)-(int)value);
        }

        public static int TrailingZeroCount(long value) => TrailingZeroCount((ulong)value);

        public static int TrailingZeroCount(ulong value)
        {
            uint low = (uint)value;
            return low != 0 ? TrailingZeroCount(low) : 32 + TrailingZeroCount((uint)(value >> 32));
        }

        public static int TrailingZeroCount(nint value) => sizeof(nint) == 8 ? TrailingZeroCount((ulong)(long)value) : TrailingZeroCount((uint)(int)value);

        public static int TrailingZeroCount(nuint value) => sizeof(nint) == 8 ? TrailingZeroCount((ulong)value) : TrailingZeroCount((uint)value);

        public static uint RotateLeft(uint value, int offset) => (value << offset) | (value >> (32 - offset));
        public static ulong RotateLeft(ulong value, int offset) => (value << offset) | (value >> (64 - offset));
        public static nuint RotateLeft(nuint value, int offset) => sizeof(nint) == 8 ? (nuint)RotateLeft((ulong)value, offset) : (nuint)RotateLeft((uint)value, offset);
        public static uint RotateRight(uint value, int offset) => (value >> offset) | (value << (32 - offset));
        public static ulong RotateRight(ulong value, int offset) => (value >> offset) | (value << (64 - offset));
        public static nuint RotateRight(nuint value, int offset) => sizeof(nint) == 8 ? (nuint)RotateRight((ulong)value, offset) : (nuint)RotateRight((uint)value, offset);

        // ----- CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), one update step per call -----

        private static uint[] s_crc32CTable;

        private static uint[] Crc32CTable()
        {
            uint[] table = s_crc32CTable;
            if (table != null) return table;
            table = new uint[256];
            for (uint i = 0; i < 256; i++)
            {
                uint entry = i;
                for (int bit = 0; bit < 8; bit++) entry = (entry & 1) != 0 ? (entry >> 1) ^ 0x82F63B78u : entry >> 1;
                table[i] = entry;
            }
            return s_crc32CTable = table;
        }

        private static uint Crc32CBytes(uint crc, ulong data, int bytes)
        {
            uint[] table = Crc32CTable();
            for (int i = 0; i < bytes; i++)
            {
                crc = table[(byte)(crc ^ (byte)data)] ^ (crc >> 8);
                data >>= 8;
            }
            return crc;
        }

        public static uint Crc32C(uint crc, byte data) => Crc32CBytes(crc, data, 1);
        public static uint Crc32C(uint crc, ushort data) => Crc32CBytes(crc, data, 2);
        public static uint Crc32C(uint crc, uint data) => Crc32CBytes(crc, data, 4);
        public static uint Crc32C(uint crc, ulong data) => Crc32CBytes(crc, data, 8);
    }
}
