using System;

namespace Mirage.CoreLib.Numerics
{
    /// <summary>
    /// Correctly rounded (IEEE round-half-even) conversion of a decimal digit string to double or
    /// float bits, in three tiers:
    /// <list type="number">
    /// <item>exact small cases (Clinger): a short mantissa times/divided by an exactly representable
    /// power of ten is one correctly rounded IEEE operation;</item>
    /// <item>a 64×128-bit product with a table of 10^q and a rigorous error bound: taken when the
    /// bound proves which way the rounding goes (nearly always);</item>
    /// <item>otherwise exact big-integer division: 64 quotient bits plus a sticky remainder.</item>
    /// </list>
    /// </summary>
    internal static unsafe class DecimalToBinary
    {
        // Per format: significand bits (with the implicit one), exponent bias, and limits.
        private struct Spec
        {
            internal int MantissaBits;      // 53 / 24
            internal int Bias;              // 1023 / 127
            internal int MinNormalExponent; // -1022 / -126 (exponent of the leading bit)
            internal int MaxExponent;       // 1023 / 127
            internal int MinLsbExponent;    // -1074 / -149 (weight of the smallest subnormal)
            internal ulong InfinityBits;
        }

        private static Spec GetSpec(bool isSingle)
        {
            Spec spec;
            if (isSingle)
            {
                spec.MantissaBits = 24;
                spec.Bias = 127;
                spec.MinNormalExponent = -126;
                spec.MaxExponent = 127;
                spec.MinLsbExponent = -149;
                spec.InfinityBits = 0x7F800000UL;
            }
            else
            {
                spec.MantissaBits = 53;
                spec.Bias = 1023;
                spec.MinNormalExponent = -1022;
                spec.MaxExponent = 1023;
                spec.MinLsbExponent = -1074;
                spec.InfinityBits = 0x7FF0000000000000UL;
            }
            return spec;
        }

        private static ReadOnlySpan<double> ExactPowersOf10 => new double[]
        {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
        };

        /// <summary>The bits (sign included) of the number 0.d1d2...dN × 10^Scale.</summary>
        internal static ulong Convert(ref NumberBuffer number, bool isSingle)
        {
            ulong sign = number.IsNegative ? (isSingle ? 0x80000000UL : 0x8000000000000000UL) : 0;
            byte* digits = number.Digits;
            int count = number.DigitsCount;
            while (count > 0 && digits[count - 1] == '0') count--;
            if (count == 0) return sign;

            Spec spec = GetSpec(isSingle);
            int scale = number.Scale;
            // value < 10^scale: below half the smallest subnormal; value >= 10^(scale-1): above the largest finite.
            if (scale < (isSingle ? -45 : -324)) return sign;
            if (scale > (isSingle ? 39 : 309)) return sign | spec.InfinityBits;

            bool tail = number.HasNonZeroTail;

            if (!tail && TryExactFastPath(digits, count, scale, isSingle, out ulong fast)) return sign | fast;

            int k = count < 19 ? count : 19;
            ulong w = 0;
            for (int i = 0; i < k; i++) w = w * 10 + (uint)(digits[i] - '0');
            bool truncated = tail || count > 19;
            int q = scale - k;
            if (q >= Pow10Table.MinExponent && q <= Pow10Table.MaxExponent
                && TryProductPath(w, q, truncated, ref spec, out ulong approx))
                return sign | approx;

            return sign | SlowPath(digits, count, scale, tail, ref spec);
        }

        private static bool TryExactFastPath(byte* digits, int count, int scale, bool isSingle, out ulong bits)
        {
            bits = 0;
            int e10 = scale - count;
            if (!isSingle)
            {
                if (count > 15) return false;
                ulong w = 0;
                for (int i = 0; i < count; i++) w = w * 10 + (uint)(digits[i] - '0');
                double d = w; // exact: w < 10^15 < 2^53
                if (e10 < 0)
                {
                    if (e10 < -22) return false;
                    d /= ExactPowersOf10[-e10];
                }
                else if (e10 <= 22)
                {
                    d *= ExactPowersOf10[e10];
                }
                else
                {
                    // w × 10^(e10-22) still exact below 10^15, then one rounding.
                    if (e10 - 22 > 15 - count) return false;
                    d *= ExactPowersOf10[e10 - 22];
                    d *= ExactPowersOf10[22];
                }
                bits = *(ulong*)&d;
                return true;
            }
            else
            {
                // float: w × 10^e with w < 10^7 and e <= 10 is exact in double (w × 5^10 < 2^53),
                // so narrowing it rounds once.
                if (count > 7 || e10 < 0 || e10 > 10) return false;
                ulong w = 0;
                for (int i = 0; i < count; i++) w = w * 10 + (uint)(digits[i] - '0');
                double d = (double)w * ExactPowersOf10[e10];
                float f = (float)d;
                bits = *(uint*)&f;
                return true;
            }
        }

        // ---- tier 2: 64 x 128-bit product with an error bound --------------------------------------

        /// <summary>hi:lo = a × b.</summary>
        internal static ulong Multiply64(ulong a, ulong b, out ulong low)
        {
            ulong aLo = (uint)a, aHi = a >> 32, bLo = (uint)b, bHi = b >> 32;
            ulong ll = aLo * bLo;
            ulong lh = aLo * bHi;
            ulong hl = aHi * bLo;
            ulong hh = aHi * bHi;
            ulong mid = (ll >> 32) + (uint)lh + (uint)hl;
            low = (mid << 32) | (uint)ll;
            return hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
        }

        private struct U192
        {
            internal ulong W0, W1, W2;

            internal static U192 Pow2(int bit)
            {
                U192 r = default;
                if (bit < 64) r.W0 = 1UL << bit;
                else if (bit < 128) r.W1 = 1UL << (bit - 64);
                else r.W2 = 1UL << (bit - 128);
                return r;
            }

            /// <summary>The bits below position <paramref name="bit"/>.</summary>
            internal U192 Below(int bit)
            {
                U192 r = this;
                if (bit < 64) { r.W0 &= (1UL << bit) - 1; r.W1 = 0; r.W2 = 0; }
                else if (bit < 128) { r.W1 &= (1UL << (bit - 64)) - 1; r.W2 = 0; }
                else r.W2 &= (1UL << (bit - 128)) - 1;
                return r;
            }

            /// <summary>this &gt;&gt; shift, for a shift in [64, 191] whose result fits 64 bits.</summary>
            internal ulong ShiftRightToUInt64(int shift)
            {
                if (shift >= 128) return W2 >> (shift - 128);
                int s = shift - 64;
                if (s == 0) return W1;
                return (W1 >> s) | (W2 << (64 - s));
            }

            internal static U192 Add(U192 a, U192 b)
            {
                U192 r;
                r.W0 = a.W0 + b.W0;
                ulong c0 = r.W0 < a.W0 ? 1UL : 0;
                ulong t = a.W1 + b.W1;
                ulong c1 = t < a.W1 ? 1UL : 0;
                r.W1 = t + c0;
                if (r.W1 < t) c1++;
                r.W2 = a.W2 + b.W2 + c1;
                return r;
            }

            internal static int Compare(U192 a, U192 b)
            {
                if (a.W2 != b.W2) return a.W2 > b.W2 ? 1 : -1;
                if (a.W1 != b.W1) return a.W1 > b.W1 ? 1 : -1;
                if (a.W0 != b.W0) return a.W0 > b.W0 ? 1 : -1;
                return 0;
            }

            internal bool IsZero => (W0 | W1 | W2) == 0;

            internal int TopBit()
            {
                if (W2 != 0) return 128 + BigInt.BitLength64(W2) - 1;
                if (W1 != 0) return 64 + BigInt.BitLength64(W1) - 1;
                return BigInt.BitLength64(W0) - 1;
            }
        }

        /// <summary>
        /// value ∈ [w, w+1) × 10^q when <paramref name="truncated"/>, else exactly w × 10^q.
        /// Succeeds only when that interval provably rounds to one normal result.
        /// </summary>
        private static bool TryProductPath(ulong w, int q, bool truncated, ref Spec spec, out ulong bits)
        {
            bits = 0;
            ReadOnlySpan<ulong> table = Pow10Table.Mantissas;
            int index = (q - Pow10Table.MinExponent) * 2;
            ulong tHi = table[index], tLo = table[index + 1];
            bool exactPower = q >= 0 && q <= Pow10Table.MaxExactExponent;

            // P = w × T (192 bits); 10^q = T_true × 2^E with T_true ∈ [T, T+1).
            ulong h1 = Multiply64(w, tLo, out ulong p0);
            ulong h2 = Multiply64(w, tHi, out ulong l2);
            U192 product;
            product.W0 = p0;
            product.W1 = h1 + l2;
            product.W2 = h2 + (product.W1 < h1 ? 1UL : 0);

            // The true product lies in [P, P + err).
            U192 err = default;
            if (truncated)
            {
                // (w+1)(T+1) - wT = w + T + 1
                U192 t;
                t.W0 = tLo;
                t.W1 = tHi;
                t.W2 = 0;
                U192 extra = default;
                extra.W0 = w;
                err = U192.Add(t, extra);
                U192 one = default;
                one.W0 = 1;
                err = U192.Add(err, one);
            }
            else if (!exactPower)
            {
                err.W0 = w;
            }

            int topBit = product.TopBit();
            int lsb = topBit - spec.MantissaBits + 1;       // position of the last kept bit
            U192 half = U192.Pow2(lsb - 1);
            if (U192.Compare(err, half) >= 0) return false;

            int exponent = topBit + ((q * 217706) >> 16) - 127; // weight of the leading bit
            if (exponent < spec.MinNormalExponent || exponent > spec.MaxExponent) return false;

            ulong mantissa = product.ShiftRightToUInt64(lsb);
            U192 rest = product.Below(lsb);
            bool roundUp;
            if (err.IsZero)
            {
                int c = U192.Compare(rest, half);
                roundUp = c > 0 || (c == 0 && (mantissa & 1) != 0);
            }
            else if (U192.Compare(U192.Add(rest, err), half) <= 0)
            {
                roundUp = false;
            }
            else if (U192.Compare(rest, half) > 0)
            {
                roundUp = true;
            }
            else
            {
                return false;
            }

            if (roundUp)
            {
                mantissa++;
                if (mantissa == 1UL << spec.MantissaBits)
                {
                    mantissa >>= 1;
                    exponent++;
                    if (exponent > spec.MaxExponent)
                    {
                        bits = spec.InfinityBits;
                        return true;
                    }
                }
            }

            int explicitBits = spec.MantissaBits - 1;
            bits = ((ulong)(exponent + spec.Bias) << explicitBits) | (mantissa & ((1UL << explicitBits) - 1));
            return true;
        }

        // ---- tier 3: exact -------------------------------------------------------------------------

        private static ulong SlowPath(byte* digits, int count, int scale, bool tail, ref Spec spec)
        {
            BigInt a = default;
            BigInt b = default;

            int i = 0;
            while (i < count)
            {
                int chunk = count - i < 9 ? count - i : 9;
                uint v = 0;
                for (int j = 0; j < chunk; j++) v = v * 10 + (uint)(digits[i + j] - '0');
                a.MultiplyUInt32(BigInt.SmallPow10(chunk));
                a.AddUInt32(v);
                i += chunk;
            }

            // value = a / b exactly (apart from the sticky tail).
            int e10 = scale - count;
            b.SetUInt32(1);
            if (e10 >= 0) a.MultiplyPow10(e10);
            else b.MultiplyPow10(-e10);

            // Scale so that the quotient has 63 or 64 bits: value = (a / b) × 2^-s.
            int s = 63 - (a.BitLength() - b.BitLength());
            if (s > 0) a.ShiftLeft(s);
            else if (s < 0) b.ShiftLeft(-s);

            b.ShiftLeft(63);
            ulong quotient = 0;
            for (int bit = 63; bit >= 0; bit--)
            {
                if (BigInt.Compare(ref a, ref b) >= 0)
                {
                    a.Subtract(ref b);
                    quotient |= 1UL << bit;
                }
                b.ShiftRight1();
            }
            bool sticky = !a.IsZero || tail;

            int leading = BigInt.BitLength64(quotient) - 1 - s; // weight of the leading bit
            int lsbExponent = leading - (spec.MantissaBits - 1);
            if (lsbExponent < spec.MinLsbExponent) lsbExponent = spec.MinLsbExponent;
            int dropped = lsbExponent + s; // quotient bits below the last kept one

            ulong mantissa;
            bool roundBit;
            bool rest;
            if (dropped >= 65)
            {
                mantissa = 0;
                roundBit = false;
                rest = true;
            }
            else if (dropped == 64)
            {
                mantissa = 0;
                roundBit = (quotient >> 63) != 0;
                rest = (quotient & 0x7FFFFFFFFFFFFFFFUL) != 0 || sticky;
            }
            else
            {
                mantissa = quotient >> dropped;
                roundBit = ((quotient >> (dropped - 1)) & 1) != 0;
                rest = (quotient & ((1UL << (dropped - 1)) - 1)) != 0 || sticky;
            }

            if (roundBit && (rest || (mantissa & 1) != 0))
            {
                mantissa++;
                if (mantissa == 1UL << spec.MantissaBits)
                {
                    mantissa >>= 1;
                    lsbExponent++;
                }
            }

            if (mantissa == 0) return 0;
            int explicitBits = spec.MantissaBits - 1;
            if (mantissa < 1UL << explicitBits) return mantissa; // subnormal
            int biased = lsbExponent + explicitBits + spec.Bias;
            if (biased >= 2 * spec.Bias + 1) return spec.InfinityBits;
            return ((ulong)biased << explicitBits) | (mantissa & ((1UL << explicitBits) - 1));
        }
    }
}
