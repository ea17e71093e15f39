using System;

namespace Mirage.CoreLib.Numerics
{
    /// <summary>
    /// Exact binary-to-decimal digit generation (Steele &amp; White's Dragon4, in the form described
    /// by Ryan Juckett, "Printing Floating-Point Numbers"), with big-integer arithmetic. Two modes:
    /// <list type="bullet">
    /// <item>shortest (cutoffNumber == -1): the fewest digits that read back to the same value
    /// (IEEE round-half-even on input, so interval ends are inclusive for even mantissas), the
    /// closest such string when several exist;</item>
    /// <item>cutoff: <c>cutoffNumber</c> significant digits, or digits after the decimal point,
    /// correctly rounded with ties to the even digit; stops early when the rest is exactly zero.</item>
    /// </list>
    /// When the first significant digit lies beyond a fractional cutoff, the result is that digit
    /// (or "1" one position up if it rounds up), exactly as .NET does; the layout then rounds it away.
    /// </summary>
    internal static unsafe class Dragon4
    {
        private const double Log10Of2 = 0.30102999566398119521373889472449;

        /// <param name="mantissa">Integer significand (implicit bit included), non-zero.</param>
        /// <param name="exponent">Value = mantissa × 2^exponent.</param>
        /// <param name="mantissaHighBitIndex">Index of the highest set bit of the mantissa.</param>
        /// <param name="hasUnequalMargins">The gap to the next lower value is half the gap above.</param>
        internal static void Generate(ulong mantissa, int exponent, int mantissaHighBitIndex, bool hasUnequalMargins,
            int cutoffNumber, bool isSignificantDigits, ref NumberBuffer number)
        {
            byte* buffer = number.Digits;
            int bufferLength = NumberFormatter.FloatingDigitsBufferLength;

            BigInt scale = default;
            BigInt scaledValue = default;
            BigInt scaledMarginLow = default;
            BigInt optionalMarginHigh = default;
            BigInt temp = default;

            // value = scaledValue / scale; marginLow / marginHigh = half the gap to the neighbours.
            if (hasUnequalMargins)
            {
                if (exponent > 0)
                {
                    scaledValue.SetUInt64(4 * mantissa);
                    scaledValue.ShiftLeft(exponent);
                    scale.SetUInt32(4);
                    scaledMarginLow.SetPow2(exponent);
                    optionalMarginHigh.SetPow2(exponent + 1);
                }
                else
                {
                    scaledValue.SetUInt64(4 * mantissa);
                    scale.SetPow2(-exponent + 2);
                    scaledMarginLow.SetUInt32(1);
                    optionalMarginHigh.SetUInt32(2);
                }
            }
            else
            {
                if (exponent > 0)
                {
                    scaledValue.SetUInt64(2 * mantissa);
                    scaledValue.ShiftLeft(exponent);
                    scale.SetUInt32(2);
                    scaledMarginLow.SetPow2(exponent);
                }
                else
                {
                    scaledValue.SetUInt64(2 * mantissa);
                    scale.SetPow2(-exponent + 1);
                    scaledMarginLow.SetUInt32(1);
                }
            }
            ref BigInt scaledMarginHigh = ref (hasUnequalMargins ? ref optionalMarginHigh : ref scaledMarginLow);

            // Estimate floor(log10(v)) + 1; correct or one too low.
            double estimate = (mantissaHighBitIndex + exponent) * Log10Of2 - 0.69;
            int digitExponent = (int)estimate;
            if (estimate > 0 && digitExponent < estimate) digitExponent++;

            if (digitExponent > 0)
            {
                scale.MultiplyPow10(digitExponent);
            }
            else if (digitExponent < 0)
            {
                scaledValue.MultiplyPow10(-digitExponent);
                scaledMarginLow.MultiplyPow10(-digitExponent);
                if (hasUnequalMargins) DoubleInto(ref scaledMarginLow, ref optionalMarginHigh);
            }

            bool isEven = (mantissa & 1) == 0;
            bool estimateTooLow;
            if (cutoffNumber == -1)
            {
                // Shortest mode looks at the upper end of the rounding interval, so that values just
                // below a power of ten whose interval reaches it print as that power.
                BigInt.Add(ref scaledValue, ref scaledMarginHigh, ref temp);
                int cmpHigh = BigInt.Compare(ref temp, ref scale);
                estimateTooLow = isEven ? cmpHigh >= 0 : cmpHigh > 0;
            }
            else
            {
                estimateTooLow = BigInt.Compare(ref scaledValue, ref scale) >= 0;
            }

            if (estimateTooLow)
            {
                digitExponent++;
            }
            else
            {
                scaledValue.Multiply10();
                scaledMarginLow.Multiply10();
                if (hasUnequalMargins) DoubleInto(ref scaledMarginLow, ref optionalMarginHigh);
            }

            int cutoffExponent = digitExponent - bufferLength;
            if (cutoffNumber != -1)
            {
                int desiredCutoffExponent = isSignificantDigits ? digitExponent - cutoffNumber : -cutoffNumber;
                if (desiredCutoffExponent > cutoffExponent) cutoffExponent = desiredCutoffExponent;
            }

            int decimalExponent = --digitExponent;

            // Put the denominator's top block in [8, 429496729] so that quotient estimates are
            // good and numerator * 10 never needs more blocks than the denominator.
            uint hiBlock = scale.Blocks[scale.Length - 1];
            if (hiBlock < 8 || hiBlock > 429496729)
            {
                int hiBlockLog2 = BigInt.BitLength32(hiBlock) - 1;
                int shift = (32 + 27 - hiBlockLog2) % 32;
                scale.ShiftLeft(shift);
                scaledValue.ShiftLeft(shift);
                scaledMarginLow.ShiftLeft(shift);
                if (hasUnequalMargins) DoubleInto(ref scaledMarginLow, ref optionalMarginHigh);
            }

            int curDigit = 0;
            bool low;
            bool high;
            uint outputDigit;

            if (cutoffNumber == -1)
            {
                while (true)
                {
                    outputDigit = scaledValue.DivideSmallQuotient(ref scale);

                    BigInt.Add(ref scaledValue, ref scaledMarginHigh, ref temp);
                    int cmpLow = BigInt.Compare(ref scaledValue, ref scaledMarginLow);
                    int cmpHigh = BigInt.Compare(ref temp, ref scale);
                    if (isEven)
                    {
                        low = cmpLow <= 0;
                        high = cmpHigh >= 0;
                    }
                    else
                    {
                        low = cmpLow < 0;
                        high = cmpHigh > 0;
                    }

                    if (low | high | (digitExponent == cutoffExponent)) break;

                    buffer[curDigit++] = (byte)('0' + outputDigit);
                    scaledValue.Multiply10();
                    scaledMarginLow.Multiply10();
                    if (hasUnequalMargins) DoubleInto(ref scaledMarginLow, ref optionalMarginHigh);
                    digitExponent--;
                }
            }
            else if (digitExponent >= cutoffExponent)
            {
                low = false;
                high = false;
                while (true)
                {
                    outputDigit = scaledValue.DivideSmallQuotient(ref scale);
                    if (scaledValue.IsZero | (digitExponent <= cutoffExponent)) break;

                    buffer[curDigit++] = (byte)('0' + outputDigit);
                    scaledValue.Multiply10();
                    digitExponent--;
                }
            }
            else
            {
                // The first significant digit is past the cutoff: keep it as the rounding digit,
                // or turn it into a 1 one position up when it rounds up.
                outputDigit = scaledValue.DivideSmallQuotient(ref scale);
                if (outputDigit > 5 || (outputDigit == 5 && !scaledValue.IsZero))
                {
                    decimalExponent++;
                    outputDigit = 1;
                }
                buffer[curDigit++] = (byte)('0' + outputDigit);
                number.Scale = decimalExponent + 1;
                number.DigitsCount = curDigit;
                return;
            }

            // Round the final digit.
            bool roundDown = low;
            if (low == high)
            {
                // Compare the rest with one half: 2 * rest vs scale; ties go to the even digit.
                scaledValue.ShiftLeft(1);
                int compare = BigInt.Compare(ref scaledValue, ref scale);
                roundDown = compare < 0;
                if (compare == 0) roundDown = (outputDigit & 1) == 0;
            }

            if (roundDown)
            {
                buffer[curDigit++] = (byte)('0' + outputDigit);
            }
            else if (outputDigit == 9)
            {
                while (true)
                {
                    if (curDigit == 0)
                    {
                        buffer[curDigit++] = (byte)'1';
                        decimalExponent++;
                        break;
                    }
                    curDigit--;
                    if (buffer[curDigit] != '9')
                    {
                        buffer[curDigit]++;
                        curDigit++;
                        break;
                    }
                }
            }
            else
            {
                buffer[curDigit++] = (byte)('0' + outputDigit + 1);
            }

            number.Scale = decimalExponent + 1;
            number.DigitsCount = curDigit;
        }

        private static void DoubleInto(ref BigInt source, ref BigInt destination)
        {
            destination.CopyFrom(ref source);
            destination.ShiftLeft(1);
        }
    }
}
