using System.Runtime;
using Transcendental = Mirage.CoreLib.Math.Transcendental;
using FloatingPoint = Mirage.CoreLib.Math.FloatingPoint;

namespace System
{
    /// <summary>
    /// Math's transcendental functions and IEEE helpers. The elementary functions come from
    /// <see cref="Transcendental"/> (plain C#, results as glibc gives them on Linux for nearly all
    /// inputs); the rest follow .NET's own definitions.
    /// </summary>
    public static partial class Math
    {
        public static double Exp(double d) => Transcendental.Exp(d);
        public static double Log(double d) => Transcendental.Log(d);
        public static double Log2(double x) => Transcendental.Log2(x);
        public static double Log10(double d) => Transcendental.Log10(d);
        public static double Pow(double x, double y) => Transcendental.Pow(x, y);
        public static double Sin(double a) => Transcendental.Sin(a);
        public static double Cos(double d) => Transcendental.Cos(d);
        public static double Tan(double a) => Transcendental.Tan(a);
        public static (double Sin, double Cos) SinCos(double x) => (Transcendental.Sin(x), Transcendental.Cos(x));
        public static double Asin(double d) => Transcendental.Asin(d);
        public static double Acos(double d) => Transcendental.Acos(d);
        public static double Atan(double d) => Transcendental.Atan(d);
        public static double Atan2(double y, double x) => Transcendental.Atan2(y, x);
        public static double Sinh(double value) => Transcendental.Sinh(value);
        public static double Cosh(double value) => Transcendental.Cosh(value);
        public static double Tanh(double value) => Transcendental.Tanh(value);
        public static double Asinh(double d) => Transcendental.Asinh(d);
        public static double Acosh(double d) => Transcendental.Acosh(d);
        public static double Atanh(double d) => Transcendental.Atanh(d);
        public static double Cbrt(double d) => Transcendental.Cbrt(d);
        public static double FusedMultiplyAdd(double x, double y, double z) => FloatingPoint.FusedMultiplyAdd(x, y, z);

        public static double Log(double a, double newBase)
        {
            if (double.IsNaN(a)) return a;
            if (double.IsNaN(newBase)) return newBase;
            if (newBase == 1) return double.NaN;
            if (a != 1 && (newBase == 0 || double.IsPositiveInfinity(newBase))) return double.NaN;
            return Log(a) / Log(newBase);
        }

        public static double IEEERemainder(double x, double y)
        {
            if (double.IsNaN(x)) return x;
            if (double.IsNaN(y)) return y;
            double regularMod = x % y;
            if (double.IsNaN(regularMod)) return double.NaN;
            if (regularMod == 0 && double.IsNegative(x)) return -0.0;
            double alternativeResult = regularMod - (Abs(y) * Sign(x));
            if (Abs(alternativeResult) == Abs(regularMod))
            {
                double divisionResult = x / y;
                double roundedResult = Round(divisionResult);
                if (Abs(roundedResult) > Abs(divisionResult)) return alternativeResult;
                return regularMod;
            }
            if (Abs(alternativeResult) < Abs(regularMod)) return alternativeResult;
            return regularMod;
        }

        public static double ScaleB(double x, int n)
        {
            double y = x;
            if (n > 1023)
            {
                y *= 8.98846567431158e307; // 2^1023
                n -= 1023;
                if (n > 1023)
                {
                    y *= 8.98846567431158e307;
                    n -= 1023;
                    if (n > 1023) n = 1023;
                }
            }
            else if (n < -1022)
            {
                // 2^-1022 * 2^53 keeps the result out of the subnormal range until the last step.
                y *= 2.2250738585072014e-308 * 9007199254740992.0;
                n += 1022 - 53;
                if (n < -1022)
                {
                    y *= 2.2250738585072014e-308 * 9007199254740992.0;
                    n += 1022 - 53;
                    if (n < -1022) n = -1022;
                }
            }
            return y * BitConverter.Int64BitsToDouble((long)(0x3FF + n) << 52);
        }

        public static int ILogB(double x)
        {
            if (double.IsNaN(x)) return int.MaxValue;
            long bits = BitConverter.DoubleToInt64Bits(x);
            int exponent = (int)((bits >> 52) & 0x7FF);
            if (exponent == 0)
            {
                long mantissa = bits & 0xFFFFFFFFFFFFF;
                if (mantissa == 0) return int.MinValue;
                int e = -1023;
                while ((mantissa & (1L << 52)) == 0) { mantissa <<= 1; e--; }
                return e + 1;
            }
            if (exponent == 0x7FF) return int.MaxValue;
            return exponent - 1023;
        }

        public static double BitIncrement(double x)
        {
            long bits = BitConverter.DoubleToInt64Bits(x);
            if (((bits >> 32) & 0x7FF00000) >= 0x7FF00000)
                return bits == unchecked((long)0xFFF0000000000000) ? double.MinValue : x;
            if (bits == unchecked((long)0x8000000000000000)) return double.Epsilon;
            bits += bits < 0 ? -1 : +1;
            return BitConverter.Int64BitsToDouble(bits);
        }

        public static double BitDecrement(double x)
        {
            long bits = BitConverter.DoubleToInt64Bits(x);
            if (((bits >> 32) & 0x7FF00000) >= 0x7FF00000)
                return bits == 0x7FF0000000000000 ? double.MaxValue : x;
            if (bits == 0) return -double.Epsilon;
            bits += bits < 0 ? +1 : -1;
            return BitConverter.Int64BitsToDouble(bits);
        }

        public static double CopySign(double x, double y)
            => BitConverter.Int64BitsToDouble((BitConverter.DoubleToInt64Bits(x) & 0x7FFFFFFFFFFFFFFF) | (BitConverter.DoubleToInt64Bits(y) & unchecked((long)0x8000000000000000)));

        public static double MaxMagnitude(double x, double y)
        {
            double ax = Abs(x), ay = Abs(y);
            if (ax > ay || double.IsNaN(ax)) return x;
            if (ax == ay) return double.IsNegative(x) ? y : x;
            return y;
        }

        public static double MinMagnitude(double x, double y)
        {
            double ax = Abs(x), ay = Abs(y);
            if (ax < ay || double.IsNaN(ax)) return x;
            if (ax == ay) return double.IsNegative(x) ? x : y;
            return y;
        }

        public static double ReciprocalEstimate(double d) => 1.0 / d;

        public static double ReciprocalSqrtEstimate(double d) => 1.0 / Sqrt(d);

        // ----- the smaller integer overloads -----

        public static byte Clamp(byte value, byte min, byte max) { if (min > max) ThrowMinMax(min, max); return value < min ? min : value > max ? max : value; }
        public static sbyte Clamp(sbyte value, sbyte min, sbyte max) { if (min > max) ThrowMinMax(min, max); return value < min ? min : value > max ? max : value; }
        public static short Clamp(short value, short min, short max) { if (min > max) ThrowMinMax(min, max); return value < min ? min : value > max ? max : value; }
        public static ushort Clamp(ushort value, ushort min, ushort max) { if (min > max) ThrowMinMax(min, max); return value < min ? min : value > max ? max : value; }
        public static nint Clamp(nint value, nint min, nint max) { if (min > max) ThrowMinMax(min, max); return value < min ? min : value > max ? max : value; }
        public static nuint Clamp(nuint value, nuint min, nuint max) { if (min > max) ThrowMinMax(min, max); return value < min ? min : value > max ? max : value; }
        public static float Clamp(float value, float min, float max) { if (min > max) ThrowMinMax(min, max); return value < min ? min : value > max ? max : value; }

        public static int Sign(sbyte value) => value < 0 ? -1 : value > 0 ? 1 : 0;
        public static int Sign(short value) => value < 0 ? -1 : value > 0 ? 1 : 0;
        public static int Sign(nint value) => value < 0 ? -1 : value > 0 ? 1 : 0;
        public static int Sign(float value)
        {
            if (value < 0) return -1;
            if (value > 0) return 1;
            if (value == 0) return 0;
            throw new ArithmeticException("Function does not accept floating point Not-a-Number values.");
        }

        public static (byte Quotient, byte Remainder) DivRem(byte left, byte right) { byte q = (byte)(left / right); return (q, (byte)(left - q * right)); }
        public static (sbyte Quotient, sbyte Remainder) DivRem(sbyte left, sbyte right) { sbyte q = (sbyte)(left / right); return (q, (sbyte)(left - q * right)); }
        public static (short Quotient, short Remainder) DivRem(short left, short right) { short q = (short)(left / right); return (q, (short)(left - q * right)); }
        public static (ushort Quotient, ushort Remainder) DivRem(ushort left, ushort right) { ushort q = (ushort)(left / right); return (q, (ushort)(left - q * right)); }
        public static (nint Quotient, nint Remainder) DivRem(nint left, nint right) { nint q = left / right; return (q, left - q * right); }
        public static (nuint Quotient, nuint Remainder) DivRem(nuint left, nuint right) { nuint q = left / right; return (q, left - q * right); }

        public static long BigMul(long a, long b, out long low)
        {
            ulong high = BigMul((ulong)a, (ulong)b, out ulong ulow);
            low = (long)ulow;
            return (long)high - ((a >> 63) & b) - ((b >> 63) & a);
        }

        // ----- the C runtime's floating remainder, which compiled '%' on float and double calls -----

        [RuntimeExport("fmod")]
        private static double FMod(double x, double y) => FloatingPoint.FMod(x, y);

        [RuntimeExport("fmodf")]
        private static float FModF(float x, float y) => (float)FloatingPoint.FMod(x, y);
    }
}
