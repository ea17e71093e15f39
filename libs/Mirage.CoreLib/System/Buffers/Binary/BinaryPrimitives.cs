namespace System.Buffers.Binary
{
    /// <summary>
    /// Integers and floating-point values to and from big- or little-endian bytes, byte by byte
    /// (no unaligned loads, no intrinsics), whatever the machine's own order.
    /// </summary>
    public static unsafe class BinaryPrimitives
    {
        // ----- ReverseEndianness -----

        public static byte ReverseEndianness(byte value) => value;
        public static sbyte ReverseEndianness(sbyte value) => value;
        public static short ReverseEndianness(short value) => (short)ReverseEndianness((ushort)value);
        public static int ReverseEndianness(int value) => (int)ReverseEndianness((uint)value);
        public static long ReverseEndianness(long value) => (long)ReverseEndianness((ulong)value);
        // [Intrinsic]: the JIT turns these into one byte-swap instruction (bswap, rev); the bodies are the fallback.
        [System.Runtime.CompilerServices.Intrinsic]
        public static ushort ReverseEndianness(ushort value) => (ushort)((value >> 8) | (value << 8));

        [System.Runtime.CompilerServices.Intrinsic]
        public static uint ReverseEndianness(uint value)
            => (value >> 24) | ((value >> 8) & 0x0000FF00u) | ((value << 8) & 0x00FF0000u) | (value << 24);

        [System.Runtime.CompilerServices.Intrinsic]
        public static ulong ReverseEndianness(ulong value)
            => ((ulong)ReverseEndianness((uint)value) << 32) | ReverseEndianness((uint)(value >> 32));

        public static nint ReverseEndianness(nint value) => sizeof(nint) == 8 ? (nint)ReverseEndianness((long)value) : (nint)ReverseEndianness((int)value);
        public static nuint ReverseEndianness(nuint value) => sizeof(nint) == 8 ? (nuint)ReverseEndianness((ulong)value) : (nuint)ReverseEndianness((uint)value);

        public static void ReverseEndianness(ReadOnlySpan<short> source, Span<short> destination) { CheckReverse(source.Length, destination.Length); for (int i = 0; i < source.Length; i++) destination[i] = ReverseEndianness(source[i]); }
        public static void ReverseEndianness(ReadOnlySpan<ushort> source, Span<ushort> destination) { CheckReverse(source.Length, destination.Length); for (int i = 0; i < source.Length; i++) destination[i] = ReverseEndianness(source[i]); }
        public static void ReverseEndianness(ReadOnlySpan<int> source, Span<int> destination) { CheckReverse(source.Length, destination.Length); for (int i = 0; i < source.Length; i++) destination[i] = ReverseEndianness(source[i]); }
        public static void ReverseEndianness(ReadOnlySpan<uint> source, Span<uint> destination) { CheckReverse(source.Length, destination.Length); for (int i = 0; i < source.Length; i++) destination[i] = ReverseEndianness(source[i]); }
        public static void ReverseEndianness(ReadOnlySpan<long> source, Span<long> destination) { CheckReverse(source.Length, destination.Length); for (int i = 0; i < source.Length; i++) destination[i] = ReverseEndianness(source[i]); }
        public static void ReverseEndianness(ReadOnlySpan<ulong> source, Span<ulong> destination) { CheckReverse(source.Length, destination.Length); for (int i = 0; i < source.Length; i++) destination[i] = ReverseEndianness(source[i]); }
        public static void ReverseEndianness(ReadOnlySpan<nint> source, Span<nint> destination) { CheckReverse(source.Length, destination.Length); for (int i = 0; i < source.Length; i++) destination[i] = ReverseEndianness(source[i]); }
        public static void ReverseEndianness(ReadOnlySpan<nuint> source, Span<nuint> destination) { CheckReverse(source.Length, destination.Length); for (int i = 0; i < source.Length; i++) destination[i] = ReverseEndianness(source[i]); }

        private static void CheckReverse(int sourceLength, int destinationLength)
        {
            if (destinationLength < sourceLength) throw new ArgumentException("Destination is too short.", "destination");
        }

        // ----- byte access -----

        private static ulong LoadBig(ReadOnlySpan<byte> source, int size)
        {
            ulong value = 0;
            for (int i = 0; i < size; i++) value = (value << 8) | source[i];
            return value;
        }

        private static ulong LoadLittle(ReadOnlySpan<byte> source, int size)
        {
            ulong value = 0;
            for (int i = size - 1; i >= 0; i--) value = (value << 8) | source[i];
            return value;
        }

        private static void StoreBig(Span<byte> destination, ulong value, int size)
        {
            for (int i = size - 1; i >= 0; i--) { destination[i] = (byte)value; value >>= 8; }
        }

        private static void StoreLittle(Span<byte> destination, ulong value, int size)
        {
            for (int i = 0; i < size; i++) { destination[i] = (byte)value; value >>= 8; }
        }

        private static void TooShort() => throw new ArgumentOutOfRangeException("length");

        public static short ReadInt16BigEndian(ReadOnlySpan<byte> source)
        {
            if (source.Length < 2) TooShort();
            return (short)LoadBig(source, 2);
        }

        public static bool TryReadInt16BigEndian(ReadOnlySpan<byte> source, out short value)
        {
            if (source.Length < 2) { value = 0; return false; }
            value = (short)LoadBig(source, 2);
            return true;
        }

        public static void WriteInt16BigEndian(Span<byte> destination, short value)
        {
            if (destination.Length < 2) TooShort();
            StoreBig(destination, (ulong)value, 2);
        }

        public static bool TryWriteInt16BigEndian(Span<byte> destination, short value)
        {
            if (destination.Length < 2) return false;
            StoreBig(destination, (ulong)value, 2);
            return true;
        }

        public static short ReadInt16LittleEndian(ReadOnlySpan<byte> source)
        {
            if (source.Length < 2) TooShort();
            return (short)LoadLittle(source, 2);
        }

        public static bool TryReadInt16LittleEndian(ReadOnlySpan<byte> source, out short value)
        {
            if (source.Length < 2) { value = 0; return false; }
            value = (short)LoadLittle(source, 2);
            return true;
        }

        public static void WriteInt16LittleEndian(Span<byte> destination, short value)
        {
            if (destination.Length < 2) TooShort();
            StoreLittle(destination, (ulong)value, 2);
        }

        public static bool TryWriteInt16LittleEndian(Span<byte> destination, short value)
        {
            if (destination.Length < 2) return false;
            StoreLittle(destination, (ulong)value, 2);
            return true;
        }

        public static ushort ReadUInt16BigEndian(ReadOnlySpan<byte> source)
        {
            if (source.Length < 2) TooShort();
            return (ushort)LoadBig(source, 2);
        }

        public static bool TryReadUInt16BigEndian(ReadOnlySpan<byte> source, out ushort value)
        {
            if (source.Length < 2) { value = 0; return false; }
            value = (ushort)LoadBig(source, 2);
            return true;
        }

        public static void WriteUInt16BigEndian(Span<byte> destination, ushort value)
        {
            if (destination.Length < 2) TooShort();
            StoreBig(destination, (ulong)value, 2);
        }

        public static bool TryWriteUInt16BigEndian(Span<byte> destination, ushort value)
        {
            if (destination.Length < 2) return false;
            StoreBig(destination, (ulong)value, 2);
            return true;
        }

        public static ushort ReadUInt16LittleEndian(ReadOnlySpan<byte> source)
        {
            if (source.Length < 2) TooShort();
            return (ushort)LoadLittle(source, 2);
        }

        public static bool TryReadUInt16LittleEndian(ReadOnlySpan<byte> source, out ushort value)
        {
            if (source.Length < 2) { value = 0; return false; }
            value = (ushort)LoadLittle(source, 2);
            return true;
        }

        public static void WriteUInt16LittleEndian(Span<byte> destination, ushort value)
        {
            if (destination.Length < 2) TooShort();
            StoreLittle(destination, (ulong)value, 2);
        }

        public static bool TryWriteUInt16LittleEndian(Span<byte> destination, ushort value)
        {
            if (destination.Length < 2) return false;
            StoreLittle(destination, (ulong)value, 2);
            return true;
        }

        public static int ReadInt32BigEndian(ReadOnlySpan<byte> source)
        {
            if (source.Length < 4) TooShort();
            return (int)LoadBig(source, 4);
        }

        public static bool TryReadInt32BigEndian(ReadOnlySpan<byte> source, out int value)
        {
            if (source.Length < 4) { value = 0; return false; }
            value = (int)LoadBig(source, 4);
            return true;
        }

        public static void WriteInt32BigEndian(Span<byte> destination, int value)
        {
            if (destination.Length < 4) TooShort();
            StoreBig(destination, (ulong)value, 4);
        }

        public static bool TryWriteInt32BigEndian(Span<byte> destination, int value)
        {
            if (destination.Length < 4) return false;
            StoreBig(destination, (ulong)value, 4);
            return true;
        }

        public static int ReadInt32LittleEndian(ReadOnlySpan<byte> source)
        {
            if (source.Length < 4) TooShort();
            return (int)LoadLittle(source, 4);
        }

        public static bool TryReadInt32LittleEndian(ReadOnlySpan<byte> source, out int value)
        {
            if (source.Length < 4) { value = 0; return false; }
            value = (int)LoadLittle(source, 4);
            return true;
        }

        public static void WriteInt32LittleEndian(Span<byte> destination, int value)
        {
            if (destination.Length < 4) TooShort();
            StoreLittle(destination, (ulong)value, 4);
        }

        public static bool TryWriteInt32LittleEndian(Span<byte> destination, int value)
        {
            if (destination.Length < 4) return false;
            StoreLittle(destination, (ulong)value, 4);
            return true;
        }

        public static uint ReadUInt32BigEndian(ReadOnlySpan<byte> source)
        {
            if (source.Length < 4) TooShort();
            return (uint)LoadBig(source, 4);
        }

        public static bool TryReadUInt32BigEndian(ReadOnlySpan<byte> source, out uint value)
        {
            if (source.Length < 4) { value = 0; return false; }
            value = (uint)LoadBig(source, 4);
            return true;
        }

        public static void WriteUInt32BigEndian(Span<byte> destination, uint value)
        {
            if (destination.Length < 4) TooShort();
            StoreBig(destination, (ulong)value, 4);
        }

        public static bool TryWriteUInt32BigEndian(Span<byte> destination, uint value)
        {
            if (destination.Length < 4) return false;
            StoreBig(destination, (ulong)value, 4);
            return true;
        }

        public static uint ReadUInt32LittleEndian(ReadOnlySpan<byte> source)
        {
            if (source.Length < 4) TooShort();
            return (uint)LoadLittle(source, 4);
        }

        public static bool TryReadUInt32LittleEndian(ReadOnlySpan<byte> source, out uint value)
        {
            if (source.Length < 4) { value = 0; return false; }
            value = (uint)LoadLittle(source, 4);
            return true;
        }

        public static void WriteUInt32LittleEndian(Span<byte> destination, uint value)
        {
            if (destination.Length < 4) TooShort();
            StoreLittle(destination, (ulong)value, 4);
        }

        public static bool TryWriteUInt32LittleEndian(Span<byte> destination, uint value)
        {
            if (destination.Length < 4) return false;
            StoreLittle(destination, (ulong)value, 4);
            return true;
        }

        public static long ReadInt64BigEndian(ReadOnlySpan<byte> source)
        {
            if (source.Length < 8) TooShort();
            return (long)LoadBig(source, 8);
        }

        public static bool TryReadInt64BigEndian(ReadOnlySpan<byte> source, out long value)
        {
            if (source.Length < 8) { value = 0; return false; }
            value = (long)LoadBig(source, 8);
            return true;
        }

        public static void WriteInt64BigEndian(Span<byte> destination, long value)
        {
            if (destination.Length < 8) TooShort();
            StoreBig(destination, (ulong)value, 8);
        }

        public static bool TryWriteInt64BigEndian(Span<byte> destination, long value)
        {
            if (destination.Length < 8) return false;
            StoreBig(destination, (ulong)value, 8);
            return true;
        }

        public static long ReadInt64LittleEndian(ReadOnlySpan<byte> source)
        {
            if (source.Length < 8) TooShort();
            return (long)LoadLittle(source, 8);
        }

        public static bool TryReadInt64LittleEndian(ReadOnlySpan<byte> source, out long value)
        {
            if (source.Length < 8) { value = 0; return false; }
            value = (long)LoadLittle(source, 8);
            return true;
        }

        public static void WriteInt64LittleEndian(Span<byte> destination, long value)
        {
            if (destination.Length < 8) TooShort();
            StoreLittle(destination, (ulong)value, 8);
        }

        public static bool TryWriteInt64LittleEndian(Span<byte> destination, long value)
        {
            if (destination.Length < 8) return false;
            StoreLittle(destination, (ulong)value, 8);
            return true;
        }

        public static ulong ReadUInt64BigEndian(ReadOnlySpan<byte> source)
        {
            if (source.Length < 8) TooShort();
            return (ulong)LoadBig(source, 8);
        }

        public static bool TryReadUInt64BigEndian(ReadOnlySpan<byte> source, out ulong value)
        {
            if (source.Length < 8) { value = 0; return false; }
            value = (ulong)LoadBig(source, 8);
            return true;
        }

        public static void WriteUInt64BigEndian(Span<byte> destination, ulong value)
        {
            if (destination.Length < 8) TooShort();
            StoreBig(destination, (ulong)value, 8);
        }

        public static bool TryWriteUInt64BigEndian(Span<byte> destination, ulong value)
        {
            if (destination.Length < 8) return false;
            StoreBig(destination, (ulong)value, 8);
            return true;
        }

        public static ulong ReadUInt64LittleEndian(ReadOnlySpan<byte> source)
        {
            if (source.Length < 8) TooShort();
            return (ulong)LoadLittle(source, 8);
        }

        public static bool TryReadUInt64LittleEndian(ReadOnlySpan<byte> source, out ulong value)
        {
            if (source.Length < 8) { value = 0; return false; }
            value = (ulong)LoadLittle(source, 8);
            return true;
        }

        public static void WriteUInt64LittleEndian(Span<byte> destination, ulong value)
        {
            if (destination.Length < 8) TooShort();
            StoreLittle(destination, (ulong)value, 8);
        }

        public static bool TryWriteUInt64LittleEndian(Span<byte> destination, ulong value)
        {
            if (destination.Length < 8) return false;
            StoreLittle(destination, (ulong)value, 8);
            return true;
        }

        public static float ReadSingleBigEndian(ReadOnlySpan<byte> source)
        {
            if (source.Length < 4) TooShort();
            return BitConverter.Int32BitsToSingle((int)(uint)LoadBig(source, 4));
        }

        public static bool TryReadSingleBigEndian(ReadOnlySpan<byte> source, out float value)
        {
            if (source.Length < 4) { value = default; return false; }
            value = BitConverter.Int32BitsToSingle((int)(uint)LoadBig(source, 4));
            return true;
        }

        public static void WriteSingleBigEndian(Span<byte> destination, float value)
        {
            if (destination.Length < 4) TooShort();
            StoreBig(destination, (ulong)(uint)BitConverter.SingleToInt32Bits(value), 4);
        }

        public static bool TryWriteSingleBigEndian(Span<byte> destination, float value)
        {
            if (destination.Length < 4) return false;
            StoreBig(destination, (ulong)(uint)BitConverter.SingleToInt32Bits(value), 4);
            return true;
        }

        public static float ReadSingleLittleEndian(ReadOnlySpan<byte> source)
        {
            if (source.Length < 4) TooShort();
            return BitConverter.Int32BitsToSingle((int)(uint)LoadLittle(source, 4));
        }

        public static bool TryReadSingleLittleEndian(ReadOnlySpan<byte> source, out float value)
        {
            if (source.Length < 4) { value = default; return false; }
            value = BitConverter.Int32BitsToSingle((int)(uint)LoadLittle(source, 4));
            return true;
        }

        public static void WriteSingleLittleEndian(Span<byte> destination, float value)
        {
            if (destination.Length < 4) TooShort();
            StoreLittle(destination, (ulong)(uint)BitConverter.SingleToInt32Bits(value), 4);
        }

        public static bool TryWriteSingleLittleEndian(Span<byte> destination, float value)
        {
            if (destination.Length < 4) return false;
            StoreLittle(destination, (ulong)(uint)BitConverter.SingleToInt32Bits(value), 4);
            return true;
        }

        public static double ReadDoubleBigEndian(ReadOnlySpan<byte> source)
        {
            if (source.Length < 8) TooShort();
            return BitConverter.Int64BitsToDouble((long)LoadBig(source, 8));
        }

        public static bool TryReadDoubleBigEndian(ReadOnlySpan<byte> source, out double value)
        {
            if (source.Length < 8) { value = default; return false; }
            value = BitConverter.Int64BitsToDouble((long)LoadBig(source, 8));
            return true;
        }

        public static void WriteDoubleBigEndian(Span<byte> destination, double value)
        {
            if (destination.Length < 8) TooShort();
            StoreBig(destination, (ulong)BitConverter.DoubleToInt64Bits(value), 8);
        }

        public static bool TryWriteDoubleBigEndian(Span<byte> destination, double value)
        {
            if (destination.Length < 8) return false;
            StoreBig(destination, (ulong)BitConverter.DoubleToInt64Bits(value), 8);
            return true;
        }

        public static double ReadDoubleLittleEndian(ReadOnlySpan<byte> source)
        {
            if (source.Length < 8) TooShort();
            return BitConverter.Int64BitsToDouble((long)LoadLittle(source, 8));
        }

        public static bool TryReadDoubleLittleEndian(ReadOnlySpan<byte> source, out double value)
        {
            if (source.Length < 8) { value = default; return false; }
            value = BitConverter.Int64BitsToDouble((long)LoadLittle(source, 8));
            return true;
        }

        public static void WriteDoubleLittleEndian(Span<byte> destination, double value)
        {
            if (destination.Length < 8) TooShort();
            StoreLittle(destination, (ulong)BitConverter.DoubleToInt64Bits(value), 8);
        }

        public static bool TryWriteDoubleLittleEndian(Span<byte> destination, double value)
        {
            if (destination.Length < 8) return false;
            StoreLittle(destination, (ulong)BitConverter.DoubleToInt64Bits(value), 8);
            return true;
        }

        public static nint ReadIntPtrBigEndian(ReadOnlySpan<byte> source)
        {
            if (source.Length < sizeof(nint)) TooShort();
            return (nint)(sizeof(nint) == 8 ? (long)LoadBig(source, sizeof(nint)) : (int)(uint)LoadBig(source, sizeof(nint)));
        }

        public static bool TryReadIntPtrBigEndian(ReadOnlySpan<byte> source, out nint value)
        {
            if (source.Length < sizeof(nint)) { value = default; return false; }
            value = (nint)(sizeof(nint) == 8 ? (long)LoadBig(source, sizeof(nint)) : (int)(uint)LoadBig(source, sizeof(nint)));
            return true;
        }

        public static void WriteIntPtrBigEndian(Span<byte> destination, nint value)
        {
            if (destination.Length < sizeof(nint)) TooShort();
            StoreBig(destination, (ulong)(long)value, sizeof(nint));
        }

        public static bool TryWriteIntPtrBigEndian(Span<byte> destination, nint value)
        {
            if (destination.Length < sizeof(nint)) return false;
            StoreBig(destination, (ulong)(long)value, sizeof(nint));
            return true;
        }

        public static nint ReadIntPtrLittleEndian(ReadOnlySpan<byte> source)
        {
            if (source.Length < sizeof(nint)) TooShort();
            return (nint)(sizeof(nint) == 8 ? (long)LoadLittle(source, sizeof(nint)) : (int)(uint)LoadLittle(source, sizeof(nint)));
        }

        public static bool TryReadIntPtrLittleEndian(ReadOnlySpan<byte> source, out nint value)
        {
            if (source.Length < sizeof(nint)) { value = default; return false; }
            value = (nint)(sizeof(nint) == 8 ? (long)LoadLittle(source, sizeof(nint)) : (int)(uint)LoadLittle(source, sizeof(nint)));
            return true;
        }

        public static void WriteIntPtrLittleEndian(Span<byte> destination, nint value)
        {
            if (destination.Length < sizeof(nint)) TooShort();
            StoreLittle(destination, (ulong)(long)value, sizeof(nint));
        }

        public static bool TryWriteIntPtrLittleEndian(Span<byte> destination, nint value)
        {
            if (destination.Length < sizeof(nint)) return false;
            StoreLittle(destination, (ulong)(long)value, sizeof(nint));
            return true;
        }

        public static nuint ReadUIntPtrBigEndian(ReadOnlySpan<byte> source)
        {
            if (source.Length < sizeof(nint)) TooShort();
            return (nuint)LoadBig(source, sizeof(nint));
        }

        public static bool TryReadUIntPtrBigEndian(ReadOnlySpan<byte> source, out nuint value)
        {
            if (source.Length < sizeof(nint)) { value = default; return false; }
            value = (nuint)LoadBig(source, sizeof(nint));
            return true;
        }

        public static void WriteUIntPtrBigEndian(Span<byte> destination, nuint value)
        {
            if (destination.Length < sizeof(nint)) TooShort();
            StoreBig(destination, (ulong)value, sizeof(nint));
        }

        public static bool TryWriteUIntPtrBigEndian(Span<byte> destination, nuint value)
        {
            if (destination.Length < sizeof(nint)) return false;
            StoreBig(destination, (ulong)value, sizeof(nint));
            return true;
        }

        public static nuint ReadUIntPtrLittleEndian(ReadOnlySpan<byte> source)
        {
            if (source.Length < sizeof(nint)) TooShort();
            return (nuint)LoadLittle(source, sizeof(nint));
        }

        public static bool TryReadUIntPtrLittleEndian(ReadOnlySpan<byte> source, out nuint value)
        {
            if (source.Length < sizeof(nint)) { value = default; return false; }
            value = (nuint)LoadLittle(source, sizeof(nint));
            return true;
        }

        public static void WriteUIntPtrLittleEndian(Span<byte> destination, nuint value)
        {
            if (destination.Length < sizeof(nint)) TooShort();
            StoreLittle(destination, (ulong)value, sizeof(nint));
        }

        public static bool TryWriteUIntPtrLittleEndian(Span<byte> destination, nuint value)
        {
            if (destination.Length < sizeof(nint)) return false;
            StoreLittle(destination, (ulong)value, sizeof(nint));
            return true;
        }
    }
}
