namespace System
{
    /// <summary>
    /// Single-precision math: evaluated in double precision and rounded once to float, which is
    /// the correctly rounded result except in very rare double-rounding cases (as glibc's float
    /// functions are correctly rounded in nearly all cases).
    /// </summary>
    public static class MathF
    {
        public const float E = 2.71828183f;
        public const float PI = 3.14159265f;
        public const float Tau = 6.283185307f;

        public static float Abs(float x) => Math.Abs(x);
        public static float Acos(float x) => (float)Math.Acos(x);
        public static float Acosh(float x) => (float)Math.Acosh(x);
        public static float Asin(float x) => (float)Math.Asin(x);
        public static float Asinh(float x) => (float)Math.Asinh(x);
        public static float Atan(float x) => (float)Math.Atan(x);
        public static float Atan2(float y, float x) => (float)Math.Atan2(y, x);
        public static float Atanh(float x) => (float)Math.Atanh(x);
        public static float Cbrt(float x) => (float)Math.Cbrt(x);
        public static float Ceiling(float x) => (float)Math.Ceiling(x);
        public static float Cos(float x) => (float)Math.Cos(x);
        public static float Cosh(float x) => (float)Math.Cosh(x);
        public static float Exp(float x) => (float)Math.Exp(x);
        public static float Floor(float x) => (float)Math.Floor(x);
        public static float Log(float x) => (float)Math.Log(x);
        public static float Log(float x, float y) => (float)Math.Log(x, y);
        public static float Log2(float x) => (float)Math.Log2(x);
        public static float Log10(float x) => (float)Math.Log10(x);
        public static float Max(float x, float y) => Math.Max(x, y);
        public static float Min(float x, float y) => Math.Min(x, y);
        public static float Pow(float x, float y) => (float)Math.Pow(x, y);
        public static float Round(float x) => (float)Math.Round(x);
        public static float Round(float x, int digits) => (float)Math.Round(x, digits);
        public static float Round(float x, MidpointRounding mode) => (float)Math.Round(x, mode);
        public static float Round(float x, int digits, MidpointRounding mode) => (float)Math.Round(x, digits, mode);
        public static int Sign(float x) => Math.Sign(x);
        public static float Sin(float x) => (float)Math.Sin(x);
        public static (float Sin, float Cos) SinCos(float x) => ((float)Math.Sin(x), (float)Math.Cos(x));
        public static float Sinh(float x) => (float)Math.Sinh(x);
        public static float Sqrt(float x) => (float)Math.Sqrt(x);
        public static float Tan(float x) => (float)Math.Tan(x);
        public static float Tanh(float x) => (float)Math.Tanh(x);
        public static float Truncate(float x) => (float)Math.Truncate(x);
        public static float FusedMultiplyAdd(float x, float y, float z) => (float)Math.FusedMultiplyAdd(x, y, z);
        public static float IEEERemainder(float x, float y) => (float)Math.IEEERemainder(x, y);
        public static float ScaleB(float x, int n) => (float)Math.ScaleB(x, n);
        public static int ILogB(float x) => Math.ILogB(x);
        public static float CopySign(float x, float y) => BitConverter.Int32BitsToSingle((BitConverter.SingleToInt32Bits(x) & 0x7FFFFFFF) | (BitConverter.SingleToInt32Bits(y) & unchecked((int)0x80000000)));
        public static float ReciprocalEstimate(float x) => 1.0f / x;
        public static float ReciprocalSqrtEstimate(float x) => 1.0f / Sqrt(x);

        public static float MaxMagnitude(float x, float y)
        {
            float ax = Abs(x), ay = Abs(y);
            if (ax > ay || float.IsNaN(ax)) return x;
            if (ax == ay) return float.IsNegative(x) ? y : x;
            return y;
        }

        public static float MinMagnitude(float x, float y)
        {
            float ax = Abs(x), ay = Abs(y);
            if (ax < ay || float.IsNaN(ax)) return x;
            if (ax == ay) return float.IsNegative(x) ? x : y;
            return y;
        }

        public static float BitIncrement(float x)
        {
            int bits = BitConverter.SingleToInt32Bits(x);
            if ((bits & 0x7F800000) >= 0x7F800000) return bits == unchecked((int)0xFF800000) ? float.MinValue : x;
            if (bits == unchecked((int)0x80000000)) return float.Epsilon;
            bits += bits < 0 ? -1 : +1;
            return BitConverter.Int32BitsToSingle(bits);
        }

        public static float BitDecrement(float x)
        {
            int bits = BitConverter.SingleToInt32Bits(x);
            if ((bits & 0x7F800000) >= 0x7F800000) return bits == 0x7F800000 ? float.MaxValue : x;
            if (bits == 0) return -float.Epsilon;
            bits += bits < 0 ? +1 : -1;
            return BitConverter.Int32BitsToSingle(bits);
        }
    }
}
