using System.Runtime.CompilerServices;

namespace System
{
    public static unsafe class BitConverter
    {
        public static readonly bool IsLittleEndian = true;

        public static long DoubleToInt64Bits(double value) => *(long*)&value;
        public static ulong DoubleToUInt64Bits(double value) => *(ulong*)&value;
        public static double Int64BitsToDouble(long value) => *(double*)&value;
        public static double UInt64BitsToDouble(ulong value) => *(double*)&value;
        public static int SingleToInt32Bits(float value) => *(int*)&value;
        public static uint SingleToUInt32Bits(float value) => *(uint*)&value;
        public static float Int32BitsToSingle(int value) => *(float*)&value;
        public static float UInt32BitsToSingle(uint value) => *(float*)&value;

        public static byte[] GetBytes(bool value) => new byte[] { value ? (byte)1 : (byte)0 };
        public static byte[] GetBytes(short value) { byte[] b = new byte[2]; Unsafe.WriteUnaligned(ref b[0], value); return b; }
        public static byte[] GetBytes(ushort value) { byte[] b = new byte[2]; Unsafe.WriteUnaligned(ref b[0], value); return b; }
        public static byte[] GetBytes(int value) { byte[] b = new byte[4]; Unsafe.WriteUnaligned(ref b[0], value); return b; }
        public static byte[] GetBytes(uint value) { byte[] b = new byte[4]; Unsafe.WriteUnaligned(ref b[0], value); return b; }
        public static byte[] GetBytes(long value) { byte[] b = new byte[8]; Unsafe.WriteUnaligned(ref b[0], value); return b; }
        public static byte[] GetBytes(ulong value) { byte[] b = new byte[8]; Unsafe.WriteUnaligned(ref b[0], value); return b; }
        public static byte[] GetBytes(double value) => GetBytes(DoubleToInt64Bits(value));
        public static byte[] GetBytes(float value) => GetBytes(SingleToInt32Bits(value));

        public static short ToInt16(byte[] value, int startIndex) { Check(value, startIndex, 2); return Unsafe.ReadUnaligned<short>(ref value[startIndex]); }
        public static ushort ToUInt16(byte[] value, int startIndex) { Check(value, startIndex, 2); return Unsafe.ReadUnaligned<ushort>(ref value[startIndex]); }
        public static int ToInt32(byte[] value, int startIndex) { Check(value, startIndex, 4); return Unsafe.ReadUnaligned<int>(ref value[startIndex]); }
        public static uint ToUInt32(byte[] value, int startIndex) { Check(value, startIndex, 4); return Unsafe.ReadUnaligned<uint>(ref value[startIndex]); }
        public static long ToInt64(byte[] value, int startIndex) { Check(value, startIndex, 8); return Unsafe.ReadUnaligned<long>(ref value[startIndex]); }
        public static ulong ToUInt64(byte[] value, int startIndex) { Check(value, startIndex, 8); return Unsafe.ReadUnaligned<ulong>(ref value[startIndex]); }

        private static void Check(byte[] value, int startIndex, int size)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            if ((uint)startIndex >= (uint)value.Length) throw new ArgumentOutOfRangeException(nameof(startIndex), "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (startIndex > value.Length - size) throw new ArgumentException("Destination array is not long enough to copy all the items in the collection. Check array index and length.", nameof(value));
        }

        public static string ToString(byte[] value)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            if (value.Length == 0) return string.Empty;
            char[] chars = new char[value.Length * 3 - 1];
            for (int i = 0; i < value.Length; i++)
            {
                chars[i * 3] = HexDigit(value[i] >> 4);
                chars[i * 3 + 1] = HexDigit(value[i] & 0xF);
                if (i + 1 < value.Length) chars[i * 3 + 2] = '-';
            }
            return new string(chars);
        }

        private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'A' + value - 10);
    }
}
