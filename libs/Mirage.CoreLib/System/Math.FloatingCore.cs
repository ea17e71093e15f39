using System;

namespace Mirage.CoreLib.Math
{
    /// <summary>
    /// Exactly rounded floating-point primitives done in integers: fused multiply-add and the
    /// floating remainder (C's fmod, which compiled code calls for the % operator on doubles).
    /// </summary>
    internal static class FloatingPoint
    {
        private static long Bits(double x) => BitConverter.DoubleToInt64Bits(x);
        private static bool IsNaN(double x) => (Bits(x) & 0x7FFFFFFFFFFFFFFF) > 0x7FF0000000000000;
        private static bool IsFinite(double x) => (Bits(x) & 0x7FFFFFFFFFFFFFFF) < 0x7FF0000000000000;

        /// <summary>|x| = mantissa * 2^exponent with the mantissa's top bit at 52 (x finite, non-zero).</summary>
        private static ulong Decompose(double x, out int exponent)
        {
            long bits = Bits(x);
            int biased = (int)((bits >> 52) & 0x7FF);
            ulong mantissa = (ulong)(bits & 0xFFFFFFFFFFFFF);
            if (biased == 0)
            {
                exponent = -1074;
                while ((mantissa & (1UL << 52)) == 0) { mantissa <<= 1; exponent--; }
                return mantissa;
            }
            exponent = biased - 1075;
            return mantissa | (1UL << 52);
        }

        private static double ScaleExact(double x, int m)
        {
            while (m > 1023) { x *= BitConverter.Int64BitsToDouble(0x7FE0000000000000); m -= 1023; }
            while (m < -1022) { x *= BitConverter.Int64BitsToDouble(0x0010000000000000); m += 1022; }
            return x * BitConverter.Int64BitsToDouble((long)(m + 1023) << 52);
        }

        // ----- 128-bit helpers (hi, lo) -----

        private static int BitLength(ulong hi, ulong lo)
        {
            if (hi != 0) return 128 - LeadingZeros(hi);
            return lo == 0 ? 0 : 64 - LeadingZeros(lo);
        }

        private static int LeadingZeros(ulong v)
        {
            int n = 0;
            if (v == 0) return 64;
            while ((v & 0x8000000000000000) == 0) { v <<= 1; n++; }
            return n;
        }

        private static void ShiftLeft(ref ulong hi, ref ulong lo, int s)
        {
            if (s == 0) return;
            if (s >= 64) { hi = lo << (s - 64); lo = 0; return; }
            hi = (hi << s) | (lo >> (64 - s));
            lo <<= s;
        }

        /// <summary>Shifts right; returns whether non-zero bits fell off.</summary>
        private static bool ShiftRight(ref ulong hi, ref ulong lo, int s)
        {
            if (s == 0) return false;
            bool lost;
            if (s >= 128) { lost = (hi | lo) != 0; hi = lo = 0; return lost; }
            if (s >= 64)
            {
                lost = lo != 0 || (s > 64 && (hi << (128 - s)) != 0);
                lo = hi >> (s - 64);
                hi = 0;
                return lost;
            }
            lost = (lo << (64 - s)) != 0;
            lo = (lo >> s) | (hi << (64 - s));
            hi >>= s;
            return lost;
        }

        /// <summary>x * y + z with a single rounding.</summary>
        public static double FusedMultiplyAdd(double x, double y, double z)
        {
            if (IsNaN(x) || IsNaN(y) || IsNaN(z)) return x * y + z;
            if (!IsFinite(x) || !IsFinite(y)) return x * y + z;
            if (!IsFinite(z)) return z;
            if (x == 0 || y == 0) return x * y + z;
            if (z == 0) return x * y;

            bool productNegative = (Bits(x) ^ Bits(y)) < 0;
            bool zNegative = Bits(z) < 0;
            ulong ma = Decompose(x, out int ea);
            ulong mb = Decompose(y, out int eb);
            ulong mc = Decompose(z, out int ec);

            // Both operands as 128-bit integers with the top bit at 125.
            ulong pHi = global::System.Math.BigMul(ma, mb, out ulong pLo);
            int pLen = BitLength(pHi, pLo);
            int pExp = ea + eb - (125 - (pLen - 1));
            ShiftLeft(ref pHi, ref pLo, 125 - (pLen - 1));
            ulong cHi = 0, cLo = mc;
            int cExp = ec - (125 - 52);
            ShiftLeft(ref cHi, ref cLo, 125 - 52);

            // Make (aHi, aLo, aExp) the larger magnitude.
            bool aNegative, bNegative;
            ulong aHi, aLo, bHi, bLo;
            int exp;
            bool pLarger = pExp > cExp || (pExp == cExp && (pHi > cHi || (pHi == cHi && pLo >= cLo)));
            if (pLarger)
            {
                aHi = pHi; aLo = pLo; aNegative = productNegative; exp = pExp;
                bHi = cHi; bLo = cLo; bNegative = zNegative;
                if (ShiftRight(ref bHi, ref bLo, pExp - cExp > 200 ? 200 : pExp - cExp)) return Finish(aHi, aLo, bHi, bLo, true, aNegative, bNegative, exp);
            }
            else
            {
                aHi = cHi; aLo = cLo; aNegative = zNegative; exp = cExp;
                bHi = pHi; bLo = pLo; bNegative = productNegative;
                if (ShiftRight(ref bHi, ref bLo, cExp - pExp > 200 ? 200 : cExp - pExp)) return Finish(aHi, aLo, bHi, bLo, true, aNegative, bNegative, exp);
            }
            return Finish(aHi, aLo, bHi, bLo, false, aNegative, bNegative, exp);
        }

        private static double Finish(ulong aHi, ulong aLo, ulong bHi, ulong bLo, bool sticky, bool aNegative, bool bNegative, int exp)
        {
            ulong hi, lo;
            if (aNegative == bNegative)
            {
                lo = aLo + bLo;
                hi = aHi + bHi + (lo < aLo ? 1UL : 0UL);
            }
            else
            {
                // a - b, and a further unit less when b lost bits (the exact result lies just below).
                lo = aLo - bLo;
                hi = aHi - bHi - (aLo < bLo ? 1UL : 0UL);
                if (sticky)
                {
                    if (lo == 0) hi--;
                    lo--;
                }
            }
            if (hi == 0 && lo == 0 && !sticky) return 0.0;
            return Round(hi, lo, sticky, exp, aNegative);
        }

        /// <summary>Rounds (hi:lo + fraction) * 2^exp to the nearest double; 'sticky' marks a non-zero fraction.</summary>
        private static double Round(ulong hi, ulong lo, bool sticky, int exp, bool negative)
        {
            int length = BitLength(hi, lo);
            int top = exp + length - 1;
            double sign = negative ? -1.0 : 1.0;
            if (top > 1023) return sign * (1.0 / 0.0);
            int keep = top >= -1022 ? 53 : 53 - (-1022 - top);
            int drop = length - keep;
            if (drop <= 0)
            {
                ulong exact = lo << -drop;
                return sign * ScaleExact((double)(long)exact, exp + drop);
            }
            ulong qHi = hi, qLo = lo;
            ulong remHi = hi, remLo = lo;
            ShiftRight(ref qHi, ref qLo, drop);
            // remainder = value - q << drop, compared with half = 1 << (drop - 1)
            ulong backHi = qHi, backLo = qLo;
            ShiftLeft(ref backHi, ref backLo, drop >= 128 ? 127 : drop);
            if (drop >= 128) { backHi = 0; backLo = 0; }
            ulong rLo = remLo - backLo;
            ulong rHi = remHi - backHi - (remLo < backLo ? 1UL : 0UL);
            ulong halfHi = 0, halfLo = 0;
            if (drop - 1 < 128)
            {
                if (drop - 1 >= 64) halfHi = 1UL << (drop - 1 - 64); else halfLo = 1UL << (drop - 1);
            }
            int cmp = drop - 1 >= 128 ? -1 : (rHi != halfHi ? (rHi > halfHi ? 1 : -1) : (rLo != halfLo ? (rLo > halfLo ? 1 : -1) : 0));
            bool up = cmp > 0 || (cmp == 0 && (sticky || (qLo & 1) != 0));
            ulong q = qLo;
            if (up) q++;
            if (q == 0 && !up) return sign * 0.0;
            int resultExp = exp + drop;
            if (q == (1UL << 53)) { q >>= 1; resultExp++; }
            if (resultExp + 52 > 1023) return sign * (1.0 / 0.0);
            return sign * ScaleExact((double)(long)q, resultExp);
        }

        /// <summary>C's fmod: x - n*y with n = trunc(x / y), computed exactly.</summary>
        public static double FMod(double x, double y)
        {
            if (IsNaN(x) || IsNaN(y) || !IsFinite(x) || y == 0) return (x * y) / (x * y);
            if (!IsFinite(y) || x == 0) return x;
            long bx = Bits(x) & 0x7FFFFFFFFFFFFFFF, by = Bits(y) & 0x7FFFFFFFFFFFFFFF;
            if (bx < by) return x;
            ulong mx = Decompose(x, out int ex);
            ulong my = Decompose(y, out int ey);
            ulong r = mx % my;
            int e = ex - ey;
            while (e > 0 && r != 0)
            {
                int s = e < 11 ? e : 11;
                r = (r << s) % my;
                e -= s;
            }
            double magnitude = r == 0 ? 0.0 : ScaleExact((double)(long)r, ey);
            return Bits(x) < 0 ? -magnitude : magnitude;
        }
    }
}
