using System.Runtime;

namespace Mirage.Runtime.Arm.Platform
{
    /// <summary>
    /// The 64-bit integer/double conversions ARM32 code calls helpers for (VFP converts only
    /// 32-bit integers). Written without any long/double conversion of their own, which would
    /// call back here. Semantics are .NET's: double to integer saturates, NaN gives 0.
    /// </summary>
    internal static unsafe class LongConversions
    {
        private const double TwoPower32 = 4294967296.0;

        // hi * 2^32 is exact and lo is exact, so their sum is rounded once: correctly rounded.
        [RuntimeExport("RhpLng2Dbl")]
        private static double Int64ToDouble(long value) => (int)(value >> 32) * TwoPower32 + (uint)value;

        [RuntimeExport("RhpULng2Dbl")]
        private static double UInt64ToDouble(ulong value) => (uint)(value >> 32) * TwoPower32 + (uint)value;

        [RuntimeExport("RhpDbl2Lng")]
        private static long DoubleToInt64(double value)
        {
            ulong bits = *(ulong*)&value;
            bool negative = (long)bits < 0;
            int exponent = (int)(bits >> 52) & 0x7FF;
            if (exponent == 0x7FF && (bits & 0xFFFFFFFFFFFFFUL) != 0) return 0;          // NaN
            if (exponent < 1023) return 0;                                               // |value| < 1
            if (exponent >= 1023 + 63) return negative ? long.MinValue : long.MaxValue;  // |value| >= 2^63
            ulong magnitude = Truncate(bits, exponent);
            return negative ? -(long)magnitude : (long)magnitude;
        }

        [RuntimeExport("RhpDbl2ULng")]
        private static ulong DoubleToUInt64(double value)
        {
            ulong bits = *(ulong*)&value;
            int exponent = (int)(bits >> 52) & 0x7FF;
            if (exponent == 0x7FF && (bits & 0xFFFFFFFFFFFFFUL) != 0) return 0;          // NaN
            if ((long)bits < 0 || exponent < 1023) return 0;                             // negative or < 1
            if (exponent >= 1023 + 64) return ulong.MaxValue;                            // >= 2^64
            return Truncate(bits, exponent);
        }

        /// <summary>The integer part of a finite double with 1 &lt;= |value| &lt; 2^64.</summary>
        private static ulong Truncate(ulong bits, int exponent)
        {
            ulong mantissa = (bits & 0xFFFFFFFFFFFFFUL) | 0x10000000000000UL;
            int shift = exponent - 1075;
            return shift >= 0 ? mantissa << shift : mantissa >> -shift;
        }
    }
}
