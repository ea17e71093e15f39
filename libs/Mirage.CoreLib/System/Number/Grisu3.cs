using System;

namespace Mirage.CoreLib.Numerics
{
    /// <summary>
    /// Grisu3 (Florian Loitsch, "Printing Floating-Point Numbers Quickly and Accurately with
    /// Integers", PLDI 2010), shortest and fixed-count modes: 64-bit arithmetic only, and it reports
    /// when it cannot prove its answer (the caller then runs <see cref="Dragon4"/>).
    /// <para>.NET runs this first whenever it wants significant digits (shortest, E, G) and falls
    /// back to Dragon4 (see NumberFormatter.FormatFloating for the fallback's quirk).</para>
    /// </summary>
    internal static unsafe class Grisu3
    {
        private const int MinimalTargetExponent = -60;
        private const int MaximalTargetExponent = -32;
        private const int CachedPowersOffset = 348;          // -(decimal exponent of the first entry)
        private const int CachedPowersDecimalDistance = 8;
        private const double D1Log210 = 0.301029995663981195;

        /// <summary>
        /// 10^k for k = -348, -340, ..., 340, as 64-bit significands rounded to nearest; the binary
        /// exponent is ((k × 217706) &gt;&gt; 16) - 63.
        /// </summary>
        private static ReadOnlySpan<ulong> CachedPowers => new ulong[]
        {
            0xFA8FD5A0081C0288, 0xBAAEE17FA23EBF76, 0x8B16FB203055AC76, 0xCF42894A5DCE35EA,
            0x9A6BB0AA55653B2D, 0xE61ACF033D1A45DF, 0xAB70FE17C79AC6CA, 0xFF77B1FCBEBCDC4F,
            0xBE5691EF416BD60C, 0x8DD01FAD907FFC3C, 0xD3515C2831559A83, 0x9D71AC8FADA6C9B5,
            0xEA9C227723EE8BCB, 0xAECC49914078536D, 0x823C12795DB6CE57, 0xC21094364DFB5637,
            0x9096EA6F3848984F, 0xD77485CB25823AC7, 0xA086CFCD97BF97F4, 0xEF340A98172AACE5,
            0xB23867FB2A35B28E, 0x84C8D4DFD2C63F3B, 0xC5DD44271AD3CDBA, 0x936B9FCEBB25C996,
            0xDBAC6C247D62A584, 0xA3AB66580D5FDAF6, 0xF3E2F893DEC3F126, 0xB5B5ADA8AAFF80B8,
            0x87625F056C7C4A8B, 0xC9BCFF6034C13053, 0x964E858C91BA2655, 0xDFF9772470297EBD,
            0xA6DFBD9FB8E5B88F, 0xF8A95FCF88747D94, 0xB94470938FA89BCF, 0x8A08F0F8BF0F156B,
            0xCDB02555653131B6, 0x993FE2C6D07B7FAC, 0xE45C10C42A2B3B06, 0xAA242499697392D3,
            0xFD87B5F28300CA0E, 0xBCE5086492111AEB, 0x8CBCCC096F5088CC, 0xD1B71758E219652C,
            0x9C40000000000000, 0xE8D4A51000000000, 0xAD78EBC5AC620000, 0x813F3978F8940984,
            0xC097CE7BC90715B3, 0x8F7E32CE7BEA5C70, 0xD5D238A4ABE98068, 0x9F4F2726179A2245,
            0xED63A231D4C4FB27, 0xB0DE65388CC8ADA8, 0x83C7088E1AAB65DB, 0xC45D1DF942711D9A,
            0x924D692CA61BE758, 0xDA01EE641A708DEA, 0xA26DA3999AEF774A, 0xF209787BB47D6B85,
            0xB454E4A179DD1877, 0x865B86925B9BC5C2, 0xC83553C5C8965D3D, 0x952AB45CFA97A0B3,
            0xDE469FBD99A05FE3, 0xA59BC234DB398C25, 0xF6C69A72A3989F5C, 0xB7DCBF5354E9BECE,
            0x88FCF317F22241E2, 0xCC20CE9BD35C78A5, 0x98165AF37B2153DF, 0xE2A0B5DC971F303A,
            0xA8D9D1535CE3B396, 0xFB9B7CD9A4A7443C, 0xBB764C4CA7A44410, 0x8BAB8EEFB6409C1A,
            0xD01FEF10A657842C, 0x9B10A4E5E9913129, 0xE7109BFBA19C0C9D, 0xAC2820D9623BF429,
            0x80444B5E7AA7CF85, 0xBF21E44003ACDD2D, 0x8E679C2F5E44FF8F, 0xD433179D9C8CB841,
            0x9E19DB92B4E31BA9, 0xEB96BF6EBADF77D9, 0xAF87023B9BF0EE6B,
        };

        /// <summary>
        /// value = significand × 2^exponent (significand &gt; 0, implicit bit included);
        /// <paramref name="lowerBoundaryIsCloser"/>: the value is a power of two above the smallest
        /// normal, so the gap to its lower neighbour is half the gap above.
        /// </summary>
        internal static bool TryShortest(ulong significand, int exponent, bool lowerBoundaryIsCloser, ref NumberBuffer number)
        {
            // Boundaries m- and m+ (half-way to the neighbours), on the exponent of normalized m+.
            ulong plusF = (significand << 1) + 1;
            int plusE = exponent - 1;
            int shift = 64 - BigInt.BitLength64(plusF);
            plusF <<= shift;
            plusE -= shift;
            ulong minusF = lowerBoundaryIsCloser
                ? ((significand << 2) - 1) << (exponent - 2 - plusE)
                : ((significand << 1) - 1) << (exponent - 1 - plusE);

            shift = 64 - BigInt.BitLength64(significand);
            ulong wF = significand << shift;
            int wE = exponent - shift; // == plusE

            ulong cF = CachedPower(wE, out int cE, out int mk);
            int scaledE = wE + cE + 64;
            ulong scaledW = MultiplyRounded(wF, cF);
            ulong scaledMinus = MultiplyRounded(minusF, cF);
            ulong scaledPlus = MultiplyRounded(plusF, cF);

            if (!DigitGen(scaledMinus, scaledW, scaledPlus, scaledE, number.Digits, out int length, out int kappa)) return false;
            number.Scale = length + kappa - mk;
            number.DigitsCount = length;
            return true;
        }

        /// <summary>
        /// The first <paramref name="requestedDigits"/> digits of significand × 2^exponent, correctly
        /// rounded; false when the 64-bit approximation cannot decide the rounding (exact ties
        /// included), and the caller runs Dragon4.
        /// </summary>
        internal static bool TryCounted(ulong significand, int exponent, int requestedDigits, ref NumberBuffer number)
        {
            int shift = 64 - BigInt.BitLength64(significand);
            ulong wF = significand << shift;
            int wE = exponent - shift;
            ulong cF = CachedPower(wE, out int cE, out int mk);
            ulong scaledW = MultiplyRounded(wF, cF);
            int scaledE = wE + cE + 64;

            if (!DigitGenCounted(scaledW, scaledE, requestedDigits, number.Digits, out int length, out int kappa)) return false;
            number.Scale = length + kappa - mk;
            number.DigitsCount = length;
            return true;
        }

        /// <summary>A cached power c = 10^mk such that w × c has its binary exponent in [-60, -32].</summary>
        private static ulong CachedPower(int wE, out int binaryExponent, out int mk)
        {
            int minExponent = MinimalTargetExponent - (wE + 64);
            double kd = (minExponent + 64 - 1) * D1Log210;
            int k = (int)kd;
            if (kd > 0 && k < kd) k++;
            int index = (CachedPowersOffset + k - 1) / CachedPowersDecimalDistance + 1;
            mk = index * CachedPowersDecimalDistance - CachedPowersOffset;
            binaryExponent = ((mk * 217706) >> 16) - 63;
            return CachedPowers[index];
        }

        /// <summary>The upper 64 bits of x × y, rounded (half up on bit 63 of the low half).</summary>
        private static ulong MultiplyRounded(ulong x, ulong y)
        {
            ulong a = x >> 32, b = (uint)x, c = y >> 32, d = (uint)y;
            ulong ac = a * c;
            ulong bc = b * c;
            ulong ad = a * d;
            ulong bd = b * d;
            ulong tmp = (bd >> 32) + (uint)ad + (uint)bc;
            tmp += 1UL << 31;
            return ac + (ad >> 32) + (bc >> 32) + (tmp >> 32);
        }

        /// <summary>
        /// Generates the digits of too_high = high + 1 unit until the rest fits the unsafe interval,
        /// then weeds the last digit towards w; false when the result cannot be proven shortest and
        /// closest. low, w and high share the binary exponent <paramref name="e"/> (in [-60, -32]).
        /// </summary>
        private static bool DigitGen(ulong low, ulong w, ulong high, int e, byte* buffer, out int length, out int kappa)
        {
            ulong unit = 1;
            ulong tooLow = low - unit;
            ulong tooHigh = high + unit;
            ulong unsafeInterval = tooHigh - tooLow;
            int oneShift = -e;
            ulong one = 1UL << oneShift;
            uint integrals = (uint)(tooHigh >> oneShift);
            ulong fractionals = tooHigh & (one - 1);

            uint divisor = 1;
            kappa = 1;
            while (divisor <= integrals / 10)
            {
                divisor *= 10;
                kappa++;
            }
            length = 0;

            while (kappa > 0)
            {
                uint digit = integrals / divisor;
                buffer[length++] = (byte)('0' + digit);
                integrals %= divisor;
                kappa--;
                ulong rest = ((ulong)integrals << oneShift) + fractionals;
                if (rest < unsafeInterval)
                    return RoundWeed(buffer, length, tooHigh - w, unsafeInterval, rest, (ulong)divisor << oneShift, unit);
                divisor /= 10;
            }

            while (true)
            {
                fractionals *= 10;
                unit *= 10;
                unsafeInterval *= 10;
                uint digit = (uint)(fractionals >> oneShift);
                buffer[length++] = (byte)('0' + digit);
                fractionals &= one - 1;
                kappa--;
                if (fractionals < unsafeInterval)
                    return RoundWeed(buffer, length, (tooHigh - w) * unit, unsafeInterval, fractionals, one, unit);
            }
        }

        /// <summary>Digits of w (error below one unit) until <paramref name="requestedDigits"/>, then rounds.</summary>
        private static bool DigitGenCounted(ulong w, int e, int requestedDigits, byte* buffer, out int length, out int kappa)
        {
            ulong wError = 1;
            int oneShift = -e;
            ulong one = 1UL << oneShift;
            uint integrals = (uint)(w >> oneShift);
            ulong fractionals = w & (one - 1);

            uint divisor = 1;
            kappa = 1;
            while (divisor <= integrals / 10)
            {
                divisor *= 10;
                kappa++;
            }
            length = 0;

            while (kappa > 0)
            {
                uint digit = integrals / divisor;
                buffer[length++] = (byte)('0' + digit);
                requestedDigits--;
                integrals %= divisor;
                kappa--;
                if (requestedDigits == 0) break;
                divisor /= 10;
            }

            if (requestedDigits == 0)
            {
                ulong rest = ((ulong)integrals << oneShift) + fractionals;
                return RoundWeedCounted(buffer, length, rest, (ulong)divisor << oneShift, wError, ref kappa);
            }

            while (requestedDigits > 0 && fractionals > wError)
            {
                fractionals *= 10;
                wError *= 10;
                uint digit = (uint)(fractionals >> oneShift);
                buffer[length++] = (byte)('0' + digit);
                requestedDigits--;
                fractionals &= one - 1;
                kappa--;
            }
            if (requestedDigits != 0) return false;
            return RoundWeedCounted(buffer, length, fractionals, one, wError, ref kappa);
        }

        /// <summary>
        /// Rounds the last digit when the error <paramref name="unit"/> allows a certain decision:
        /// rest + unit at most half of 10^kappa (down) or rest - unit at least half (up).
        /// </summary>
        private static bool RoundWeedCounted(byte* buffer, int length, ulong rest, ulong tenKappa, ulong unit, ref int kappa)
        {
            if (unit >= tenKappa) return false;
            if (tenKappa - unit <= unit) return false;
            if (tenKappa - rest > rest && tenKappa - 2 * rest >= 2 * unit) return true;
            if (rest > unit && tenKappa - (rest - unit) <= rest - unit)
            {
                buffer[length - 1]++;
                for (int i = length - 1; i > 0; i--)
                {
                    if (buffer[i] != '0' + 10) break;
                    buffer[i] = (byte)'0';
                    buffer[i - 1]++;
                }
                if (buffer[0] == '0' + 10)
                {
                    buffer[0] = (byte)'1';
                    kappa++;
                }
                return true;
            }
            return false;
        }

        /// <summary>
        /// Moves the last digit down while that brings the candidate closer to w, then checks that the
        /// candidate is certainly inside the interval and certainly the closest one.
        /// </summary>
        private static bool RoundWeed(byte* buffer, int length, ulong distanceTooHighW, ulong unsafeInterval, ulong rest, ulong tenKappa, ulong unit)
        {
            ulong smallDistance = distanceTooHighW - unit;
            ulong bigDistance = distanceTooHighW + unit;

            while (rest < smallDistance
                && unsafeInterval - rest >= tenKappa
                && (rest + tenKappa < smallDistance || smallDistance - rest >= rest + tenKappa - smallDistance))
            {
                buffer[length - 1]--;
                rest += tenKappa;
            }

            if (rest < bigDistance
                && unsafeInterval - rest >= tenKappa
                && (rest + tenKappa < bigDistance || bigDistance - rest > rest + tenKappa - bigDistance))
                return false;

            return 2 * unit <= rest && rest <= unsafeInterval - 4 * unit;
        }
    }
}
