using System.Runtime.CompilerServices;

namespace System
{
    public static partial class Math
    {
        public const double E = 2.7182818284590451;
        public const double PI = 3.1415926535897931;
        public const double Tau = 6.2831853071795862;

        public static int Abs(int value) { if (value < 0) { value = -value; if (value < 0) throw new OverflowException("Negating the minimum value of a twos complement number is invalid."); } return value; }
        public static long Abs(long value) { if (value < 0) { value = -value; if (value < 0) throw new OverflowException("Negating the minimum value of a twos complement number is invalid."); } return value; }
        public static short Abs(short value) { if (value < 0) { value = (short)-value; if (value < 0) throw new OverflowException("Negating the minimum value of a twos complement number is invalid."); } return value; }
        public static sbyte Abs(sbyte value) { if (value < 0) { value = (sbyte)-value; if (value < 0) throw new OverflowException("Negating the minimum value of a twos complement number is invalid."); } return value; }
        public static nint Abs(nint value) { if (value < 0) { value = -value; if (value < 0) throw new OverflowException("Negating the minimum value of a twos complement number is invalid."); } return value; }
        public static double Abs(double value) => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(value) & 0x7FFFFFFFFFFFFFFF);
        public static float Abs(float value) => BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(value) & 0x7FFFFFFF);

        public static int Min(int val1, int val2) => val1 <= val2 ? val1 : val2;
        public static uint Min(uint val1, uint val2) => val1 <= val2 ? val1 : val2;
        public static long Min(long val1, long val2) => val1 <= val2 ? val1 : val2;
        public static ulong Min(ulong val1, ulong val2) => val1 <= val2 ? val1 : val2;
        public static short Min(short val1, short val2) => val1 <= val2 ? val1 : val2;
        public static ushort Min(ushort val1, ushort val2) => val1 <= val2 ? val1 : val2;
        public static byte Min(byte val1, byte val2) => val1 <= val2 ? val1 : val2;
        public static sbyte Min(sbyte val1, sbyte val2) => val1 <= val2 ? val1 : val2;
        public static nint Min(nint val1, nint val2) => val1 <= val2 ? val1 : val2;
        public static nuint Min(nuint val1, nuint val2) => val1 <= val2 ? val1 : val2;
        public static double Min(double val1, double val2)
        {
            if (val1 != val2) return double.IsNaN(val1) ? val1 : val2 < val1 ? val2 : val1;
            return double.IsNegative(val2) ? val2 : val1;
        }
        public static float Min(float val1, float val2)
        {
            if (val1 != val2) return float.IsNaN(val1) ? val1 : val2 < val1 ? val2 : val1;
            return float.IsNegative(val2) ? val2 : val1;
        }

        public static int Max(int val1, int val2) => val1 >= val2 ? val1 : val2;
        public static uint Max(uint val1, uint val2) => val1 >= val2 ? val1 : val2;
        public static long Max(long val1, long val2) => val1 >= val2 ? val1 : val2;
        public static ulong Max(ulong val1, ulong val2) => val1 >= val2 ? val1 : val2;
        public static short Max(short val1, short val2) => val1 >= val2 ? val1 : val2;
        public static ushort Max(ushort val1, ushort val2) => val1 >= val2 ? val1 : val2;
        public static byte Max(byte val1, byte val2) => val1 >= val2 ? val1 : val2;
        public static sbyte Max(sbyte val1, sbyte val2) => val1 >= val2 ? val1 : val2;
        public static nint Max(nint val1, nint val2) => val1 >= val2 ? val1 : val2;
        public static nuint Max(nuint val1, nuint val2) => val1 >= val2 ? val1 : val2;
        public static double Max(double val1, double val2)
        {
            if (val1 != val2) return double.IsNaN(val1) ? val1 : val2 < val1 ? val1 : val2;
            return double.IsNegative(val2) ? val1 : val2;
        }
        public static float Max(float val1, float val2)
        {
            if (val1 != val2) return float.IsNaN(val1) ? val1 : val2 < val1 ? val1 : val2;
            return float.IsNegative(val2) ? val1 : val2;
        }

        public static int Clamp(int value, int min, int max) { if (min > max) ThrowMinMax(min, max); return value < min ? min : value > max ? max : value; }
        public static long Clamp(long value, long min, long max) { if (min > max) ThrowMinMax(min, max); return value < min ? min : value > max ? max : value; }
        public static uint Clamp(uint value, uint min, uint max) { if (min > max) ThrowMinMax(min, max); return value < min ? min : value > max ? max : value; }
        public static ulong Clamp(ulong value, ulong min, ulong max) { if (min > max) ThrowMinMax(min, max); return value < min ? min : value > max ? max : value; }
        public static double Clamp(double value, double min, double max) { if (min > max) ThrowMinMax(min, max); return value < min ? min : value > max ? max : value; }
        private static void ThrowMinMax(object min, object max) => throw new ArgumentException("'" + min.ToString() + "' cannot be greater than " + max.ToString() + ".");

        public static int Sign(int value) => value < 0 ? -1 : value > 0 ? 1 : 0;
        public static int Sign(long value) => value < 0 ? -1 : value > 0 ? 1 : 0;
        public static int Sign(double value)
        {
            if (value < 0) return -1;
            if (value > 0) return 1;
            if (value == 0) return 0;
            throw new ArithmeticException("Function does not accept floating point Not-a-Number values.");
        }

        public static long BigMul(int a, int b) => (long)a * b;
        public static ulong BigMul(uint a, uint b) => (ulong)a * b;
        public static ulong BigMul(ulong a, ulong b, out ulong low)
        {
            ulong aLow = (uint)a, aHigh = a >> 32, bLow = (uint)b, bHigh = b >> 32;
            ulong lowLow = aLow * bLow, highLow = aHigh * bLow, lowHigh = aLow * bHigh, highHigh = aHigh * bHigh;
            ulong middle = (lowLow >> 32) + (uint)highLow + (uint)lowHigh;
            low = (middle << 32) | (uint)lowLow;
            return highHigh + (highLow >> 32) + (lowHigh >> 32) + (middle >> 32);
        }

        public static int DivRem(int a, int b, out int result) { int quotient = a / b; result = a - quotient * b; return quotient; }
        public static long DivRem(long a, long b, out long result) { long quotient = a / b; result = a - quotient * b; return quotient; }
        public static (int Quotient, int Remainder) DivRem(int left, int right) { int q = left / right; return (q, left - q * right); }
        public static (long Quotient, long Remainder) DivRem(long left, long right) { long q = left / right; return (q, left - q * right); }
        public static (uint Quotient, uint Remainder) DivRem(uint left, uint right) { uint q = left / right; return (q, left - q * right); }
        public static (ulong Quotient, ulong Remainder) DivRem(ulong left, ulong right) { ulong q = left / right; return (q, left - q * right); }

        [Intrinsic]
        public static double Sqrt(double d) => SoftwareSqrt(d);

        public static double Truncate(double d)
        {
            long bits = BitConverter.DoubleToInt64Bits(d);
            int exponent = (int)((bits >> 52) & 0x7FF) - 1023;
            if (exponent >= 52) return d;                  // already integral, or NaN/infinity
            if (exponent < 0) return BitConverter.Int64BitsToDouble(bits & unchecked((long)0x8000000000000000)); // |d| < 1: signed zero
            long fractionMask = (1L << (52 - exponent)) - 1;
            return BitConverter.Int64BitsToDouble(bits & ~fractionMask);
        }

        public static double Floor(double d)
        {
            double t = Truncate(d);
            return d < 0 && t != d ? t - 1.0 : t;
        }

        public static double Ceiling(double a)
        {
            double t = Truncate(a);
            if (a > 0 && t != a) return t + 1.0;
            return t == 0 && a < 0 ? -0.0 : t;
        }

        /// <summary>Round half to even, as .NET's Math.Round(double).</summary>
        public static double Round(double a)
        {
            double floor = Floor(a);
            double difference = a - floor;
            double result;
            if (difference > 0.5) result = floor + 1.0;
            else if (difference < 0.5) result = floor;
            else result = (Truncate(floor * 0.5) * 2.0 == floor) ? floor : floor + 1.0;
            return result == 0 ? (BitConverter.DoubleToInt64Bits(a) < 0 ? -0.0 : 0.0) : result;
        }

        public static double Round(double value, MidpointRounding mode)
        {
            switch (mode)
            {
                case MidpointRounding.ToEven: return Round(value);
                case MidpointRounding.AwayFromZero:
                    {
                        double t = Truncate(value);
                        double fraction = value - t;
                        if (fraction >= 0.5) return t + 1.0;
                        if (fraction <= -0.5) return t - 1.0;
                        return t;
                    }
                case MidpointRounding.ToZero: return Truncate(value);
                case MidpointRounding.ToNegativeInfinity: return Floor(value);
                case MidpointRounding.ToPositiveInfinity: return Ceiling(value);
                default: throw new ArgumentException("The value '" + ((int)mode).ToString() + "' is not a valid MidpointRounding value.", nameof(mode));
            }
        }

        public static double Round(double value, int digits) => Round(value, digits, MidpointRounding.ToEven);

        public static double Round(double value, int digits, MidpointRounding mode)
        {
            if ((uint)digits > 15) throw new ArgumentOutOfRangeException(nameof(digits), "Rounding digits must be between 0 and 15, inclusive.");
            if (Abs(value) >= 1e16) return value;
            double power = 1;
            for (int i = 0; i < digits; i++) power *= 10;
            return Round(value * power, mode) / power;
        }

        private static double SoftwareSqrt(double d)
        {
            if (d < 0 || double.IsNaN(d)) return double.NaN;
            if (d == 0 || double.IsInfinity(d)) return d;
            double x = d > 1 ? d / 2 : 1;
            for (int i = 0; i < 64; i++)
            {
                double next = 0.5 * (x + d / x);
                if (next == x) break;
                x = next;
            }
            return x;
        }

        // ----- helpers ilc calls by name -----

        // The ARM32 JIT calls these for every integer '/' and '%' (ARMv7-A has no guaranteed
        // divide instruction). They must never use '/' or '%' themselves: that would recurse.
        internal static int DivInt32(int dividend, int divisor)
        {
            if (divisor == 0) throw new DivideByZeroException();
            if (divisor == -1 && dividend == int.MinValue) throw new OverflowException();
            uint quotient = UnsignedDivide32(dividend < 0 ? (uint)-dividend : (uint)dividend, divisor < 0 ? (uint)-divisor : (uint)divisor, out _);
            return (dividend < 0) != (divisor < 0) ? -(int)quotient : (int)quotient;
        }

        internal static uint DivUInt32(uint dividend, uint divisor)
        {
            if (divisor == 0) throw new DivideByZeroException();
            return UnsignedDivide32(dividend, divisor, out _);
        }

        internal static int ModInt32(int dividend, int divisor)
        {
            if (divisor == 0) throw new DivideByZeroException();
            if (divisor == -1) return 0;
            UnsignedDivide32(dividend < 0 ? (uint)-dividend : (uint)dividend, divisor < 0 ? (uint)-divisor : (uint)divisor, out uint remainder);
            return dividend < 0 ? -(int)remainder : (int)remainder;
        }

        internal static uint ModUInt32(uint dividend, uint divisor)
        {
            if (divisor == 0) throw new DivideByZeroException();
            UnsignedDivide32(dividend, divisor, out uint remainder);
            return remainder;
        }

        internal static long DivInt64(long dividend, long divisor)
        {
            if (divisor == 0) throw new DivideByZeroException();
            if (divisor == -1 && dividend == long.MinValue) throw new OverflowException();
            ulong quotient = UnsignedDivide64(dividend < 0 ? (ulong)-dividend : (ulong)dividend, divisor < 0 ? (ulong)-divisor : (ulong)divisor, out _);
            return (dividend < 0) != (divisor < 0) ? -(long)quotient : (long)quotient;
        }

        internal static ulong DivUInt64(ulong dividend, ulong divisor)
        {
            if (divisor == 0) throw new DivideByZeroException();
            return UnsignedDivide64(dividend, divisor, out _);
        }

        internal static long ModInt64(long dividend, long divisor)
        {
            if (divisor == 0) throw new DivideByZeroException();
            if (divisor == -1) return 0;
            UnsignedDivide64(dividend < 0 ? (ulong)-dividend : (ulong)dividend, divisor < 0 ? (ulong)-divisor : (ulong)divisor, out ulong remainder);
            return dividend < 0 ? -(long)remainder : (long)remainder;
        }

        internal static ulong ModUInt64(ulong dividend, ulong divisor)
        {
            if (divisor == 0) throw new DivideByZeroException();
            UnsignedDivide64(dividend, divisor, out ulong remainder);
            return remainder;
        }

        private static uint UnsignedDivide32(uint dividend, uint divisor, out uint remainder)
        {
            uint quotient = 0, rest = 0;
            for (int bit = 31; bit >= 0; bit--)
            {
                rest = (rest << 1) | ((dividend >> bit) & 1);
                if (rest >= divisor) { rest -= divisor; quotient |= 1u << bit; }
            }
            remainder = rest;
            return quotient;
        }

        private static ulong UnsignedDivide64(ulong dividend, ulong divisor, out ulong remainder)
        {
            ulong quotient = 0, rest = 0;
            for (int bit = 63; bit >= 0; bit--)
            {
                rest = (rest << 1) | ((dividend >> bit) & 1);
                if (rest >= divisor) { rest -= divisor; quotient |= 1ul << bit; }
            }
            remainder = rest;
            return quotient;
        }

        internal static int ConvertToInt32Checked(double value)
        {
            if (!(value > -2147483649.0 && value < 2147483648.0)) throw new OverflowException();
            return (int)value;
        }

        internal static uint ConvertToUInt32Checked(double value)
        {
            if (!(value > -1.0 && value < 4294967296.0)) throw new OverflowException();
            return (uint)value;
        }

        internal static long ConvertToInt64Checked(double value)
        {
            if (!(value >= -9223372036854775808.0 && value < 9223372036854775808.0)) throw new OverflowException();
            return (long)value;
        }

        internal static ulong ConvertToUInt64Checked(double value)
        {
            if (!(value > -1.0 && value < 18446744073709551616.0)) throw new OverflowException();
            return (ulong)value;
        }

        // Checked 64-bit multiplication on 32-bit targets: must not use 'checked' itself (it would call back here).
        internal static long MultiplyChecked(long left, long right)
        {
            ulong magnitudeLeft = left < 0 ? (ulong)-left : (ulong)left;
            ulong magnitudeRight = right < 0 ? (ulong)-right : (ulong)right;
            ulong high = BigMul(magnitudeLeft, magnitudeRight, out ulong low);
            bool negative = (left < 0) != (right < 0);
            if (high != 0 || low > (negative ? 0x8000000000000000UL : 0x7FFFFFFFFFFFFFFFUL)) throw new OverflowException();
            return negative ? (long)(0 - low) : (long)low;
        }

        internal static ulong MultiplyChecked(ulong left, ulong right)
        {
            if (BigMul(left, right, out ulong low) != 0) throw new OverflowException();
            return low;
        }
    }

    public enum MidpointRounding { ToEven = 0, AwayFromZero = 1, ToZero = 2, ToNegativeInfinity = 3, ToPositiveInfinity = 4 }
}
