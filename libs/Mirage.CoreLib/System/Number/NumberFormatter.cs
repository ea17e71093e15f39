using System;

namespace Mirage.CoreLib.Numerics
{
    /// <summary>
    /// Invariant-culture standard numeric formatting with .NET's output, character for character.
    /// <para>Integers: "" / G / Gn / R, D / Dn, X / x / Xn, B / Bn, N / Nn, F / Fn, E / e / En, P / Pn.</para>
    /// <para>double / float: "" / G / Gn (shortest round-trippable when no precision), R, E / En, F / Fn,
    /// N / Nn, P / Pn; NaN, Infinity and -Infinity whatever the format.</para>
    /// <para>Not supported (InvalidFormat): the currency format C, custom numeric formats, and
    /// every specifier .NET itself rejects (e.g. "D" or "X" for floating point).</para>
    /// </summary>
    internal static unsafe class NumberFormatter
    {
        // Sizes of the digit buffer: 767 significant digits is the longest exact expansion of a
        // double (float: 112), plus room for rounding.
        internal const int FloatingDigitsBufferLength = 769;
        private const int DoubleRoundTripDigits = 17;
        private const int SingleRoundTripDigits = 9;

        private const int KindSigned = 0;
        private const int KindUnsigned = 1;

        // ---- span API ------------------------------------------------------------------------

        internal static FormatResult TryFormatInt64(long value, ReadOnlySpan<char> format, Span<char> destination, out int charsWritten)
            => TryFormatInt64(value, 64, format, destination, out charsWritten);

        /// <summary>
        /// Formats a signed integer of <paramref name="bitWidth"/> bits (8, 16, 32 or 64): the width
        /// decides the two's-complement digits X and B print for negative values.
        /// </summary>
        internal static FormatResult TryFormatInt64(long value, int bitWidth, ReadOnlySpan<char> format, Span<char> destination, out int charsWritten)
        {
            CharWriter writer = new CharWriter(destination);
            return Finish(FormatIntegerBits(KindSigned, (ulong)value, bitWidth, format, ref writer), ref writer, out charsWritten);
        }

        internal static FormatResult TryFormatInt32(int value, ReadOnlySpan<char> format, Span<char> destination, out int charsWritten)
            => TryFormatInt64(value, 32, format, destination, out charsWritten);

        internal static FormatResult TryFormatUInt64(ulong value, ReadOnlySpan<char> format, Span<char> destination, out int charsWritten)
        {
            CharWriter writer = new CharWriter(destination);
            return Finish(FormatIntegerBits(KindUnsigned, value, 64, format, ref writer), ref writer, out charsWritten);
        }

        internal static unsafe FormatResult TryFormatDouble(double value, ReadOnlySpan<char> format, Span<char> destination, out int charsWritten)
        {
            CharWriter writer = new CharWriter(destination);
            return Finish(FormatFloating(*(ulong*)&value, false, format, ref writer), ref writer, out charsWritten);
        }

        internal static unsafe FormatResult TryFormatSingle(float value, ReadOnlySpan<char> format, Span<char> destination, out int charsWritten)
        {
            CharWriter writer = new CharWriter(destination);
            return Finish(FormatFloating(*(uint*)&value, true, format, ref writer), ref writer, out charsWritten);
        }

        // ---- string API (allocates only the result, plus a char[] when it exceeds 128 chars) ----

        internal static FormatResult FormatInt64(long value, int bitWidth, ReadOnlySpan<char> format, out string result)
            => FormatToString(new IntegerCore(KindSigned), (ulong)value, bitWidth, format, out result);

        internal static FormatResult FormatUInt64(ulong value, ReadOnlySpan<char> format, out string result)
            => FormatToString(new IntegerCore(KindUnsigned), value, 64, format, out result);

        internal static unsafe FormatResult FormatDouble(double value, ReadOnlySpan<char> format, out string result)
            => FormatToString(new FloatingCore(false), *(ulong*)&value, 64, format, out result);

        internal static unsafe FormatResult FormatSingle(float value, ReadOnlySpan<char> format, out string result)
            => FormatToString(new FloatingCore(true), *(uint*)&value, 32, format, out result);

        private static FormatResult FormatToString<TCore>(TCore core, ulong bits, int bitWidth, ReadOnlySpan<char> format, out string result)
            where TCore : struct, IFormatCore
        {
            Span<char> buffer = stackalloc char[128];
            CharWriter writer = new CharWriter(buffer);
            FormatResult r = core.Format(bits, bitWidth, format, ref writer);
            if (r != FormatResult.Ok) { result = ""; return r; }
            if (writer.Fits) { result = new string(buffer.Slice(0, writer.Length)); return FormatResult.Ok; }
            char[] large = new char[writer.Length];
            CharWriter second = new CharWriter(new Span<char>(large));
            core.Format(bits, bitWidth, format, ref second);
            result = new string(new ReadOnlySpan<char>(large));
            return FormatResult.Ok;
        }

        private static FormatResult Finish(FormatResult result, ref CharWriter writer, out int charsWritten)
        {
            charsWritten = 0;
            if (result != FormatResult.Ok) return result;
            if (!writer.Fits) return FormatResult.DestinationTooSmall;
            charsWritten = writer.Length;
            return FormatResult.Ok;
        }

        /// <summary>
        /// The integer or the floating-point formatter, chosen by type argument rather than by a
        /// runtime kind: code that formats only integers (most unikernels) then never references
        /// the floating-point formatter, and ilc leaves it (Grisu, Dragon4: about 6 KB) out.
        /// </summary>
        private interface IFormatCore
        {
            FormatResult Format(ulong bits, int bitWidth, ReadOnlySpan<char> format, ref CharWriter writer);
        }

        private readonly struct IntegerCore(int kind) : IFormatCore
        {
            public FormatResult Format(ulong bits, int bitWidth, ReadOnlySpan<char> format, ref CharWriter writer)
                => FormatIntegerBits(kind, bits, bitWidth, format, ref writer);
        }

        private readonly struct FloatingCore(bool isSingle) : IFormatCore
        {
            public FormatResult Format(ulong bits, int bitWidth, ReadOnlySpan<char> format, ref CharWriter writer)
                => FormatFloating(bits, isSingle, format, ref writer);
        }

        private static FormatResult FormatIntegerBits(int kind, ulong bits, int bitWidth, ReadOnlySpan<char> format, ref CharWriter writer)
        {
            bool negative = kind == KindSigned && (long)bits < 0;
            ulong magnitude = negative ? 0UL - bits : bits;
            ulong raw = bitWidth >= 64 ? bits : bits & ((1UL << bitWidth) - 1);
            return FormatInteger(negative, magnitude, raw, bitWidth, format, ref writer);
        }

        // ---- format specifiers -----------------------------------------------------------------

        /// <summary>
        /// Splits a standard format ("X8", "G", "") into its letter and precision (-1 when absent),
        /// with .NET's rules: a letter then up to 9 digits; an embedded '\0' ends the specifier; an
        /// empty format (or one starting with '\0') is "G". Returns '\0' for a custom format, and
        /// sets <paramref name="invalid"/> when the precision exceeds 999,999,999.
        /// </summary>
        internal static char ParseFormatSpecifier(ReadOnlySpan<char> format, out int precision, out bool invalid)
        {
            invalid = false;
            char c = '\0';
            if (format.Length > 0)
            {
                c = format[0];
                if ((uint)((c | 0x20) - 'a') <= 'z' - 'a')
                {
                    if (format.Length == 1) { precision = -1; return c; }
                    int n = 0;
                    int i = 1;
                    while (i < format.Length && (uint)(format[i] - '0') <= 9)
                    {
                        if (n >= 100_000_000) { invalid = true; precision = -1; return '\0'; }
                        n = n * 10 + (format[i++] - '0');
                    }
                    if (i >= format.Length || format[i] == '\0') { precision = n; return c; }
                }
            }
            precision = -1;
            return (format.Length == 0 || c == '\0') ? 'G' : '\0';
        }

        // ---- integers ----------------------------------------------------------------------------

        private static unsafe FormatResult FormatInteger(bool negative, ulong magnitude, ulong raw, int bitWidth, ReadOnlySpan<char> format, ref CharWriter writer)
        {
            if (format.Length == 0)
            {
                WriteDecimal(negative, magnitude, 0, ref writer);
                return FormatResult.Ok;
            }
            char fmt = ParseFormatSpecifier(format, out int precision, out bool invalid);
            if (invalid || fmt == '\0') return FormatResult.InvalidFormat;

            char upper = (char)(fmt & 0xFFDF);
            if (upper == 'G' ? precision < 1 : upper == 'D')
            {
                WriteDecimal(negative, magnitude, precision, ref writer);
                return FormatResult.Ok;
            }
            if (upper == 'X')
            {
                WriteHex(raw, precision, fmt == 'x', ref writer);
                return FormatResult.Ok;
            }
            if (upper == 'B')
            {
                WriteBinary(raw, precision, ref writer);
                return FormatResult.Ok;
            }

            byte* digits = stackalloc byte[21];
            NumberBuffer number = new NumberBuffer(digits, 21, false);
            number.IsNegative = negative;
            int count = 0;
            if (magnitude != 0)
            {
                Span<byte> reversed = stackalloc byte[20];
                ulong v = magnitude;
                while (v != 0)
                {
                    ulong q = v / 10;
                    reversed[count++] = (byte)('0' + (int)(v - q * 10));
                    v = q;
                }
                for (int i = 0; i < count; i++) digits[i] = reversed[count - 1 - i];
            }
            number.DigitsCount = count;
            number.Scale = count;
            return NumberToString(ref number, fmt, precision, ref writer);
        }

        private static void WriteDecimal(bool negative, ulong value, int minDigits, ref CharWriter writer)
        {
            Span<char> buffer = stackalloc char[20];
            int pos = 20;
            while (value > 0xFFFFFFFFUL)
            {
                ulong q = value / 1000000000;
                uint r = (uint)(value - q * 1000000000);
                for (int i = 0; i < 9; i++)
                {
                    uint d = r / 10;
                    buffer[--pos] = (char)('0' + (r - d * 10));
                    r = d;
                }
                value = q;
            }
            uint small = (uint)value;
            while (small != 0)
            {
                uint d = small / 10;
                buffer[--pos] = (char)('0' + (small - d * 10));
                small = d;
            }
            int count = 20 - pos;
            if (negative) writer.Append('-');
            if (count == 0 && minDigits < 1) minDigits = 1;
            if (minDigits > count) writer.AppendRepeat('0', minDigits - count);
            for (int i = pos; i < 20; i++) writer.Append(buffer[i]);
        }

        private static void WriteHex(ulong value, int minDigits, bool lower, ref CharWriter writer)
        {
            int count = value == 0 ? 1 : (BigInt.BitLength64(value) + 3) >> 2;
            if (minDigits > count) writer.AppendRepeat('0', minDigits - count);
            char a = lower ? 'a' : 'A';
            for (int i = count - 1; i >= 0; i--)
            {
                int nibble = (int)(value >> (i * 4)) & 0xF;
                writer.Append(nibble < 10 ? (char)('0' + nibble) : (char)(a + nibble - 10));
            }
        }

        private static void WriteBinary(ulong value, int minDigits, ref CharWriter writer)
        {
            int count = value == 0 ? 1 : BigInt.BitLength64(value);
            if (minDigits > count) writer.AppendRepeat('0', minDigits - count);
            for (int i = count - 1; i >= 0; i--) writer.Append((char)('0' + (int)((value >> i) & 1)));
        }

        // ---- floating point ----------------------------------------------------------------------

        private static unsafe FormatResult FormatFloating(ulong bits, bool isSingle, ReadOnlySpan<char> format, ref CharWriter writer)
        {
            bool negative;
            ulong fraction;
            int biasedExponent;
            if (isSingle)
            {
                negative = (bits & 0x80000000UL) != 0;
                biasedExponent = (int)(bits >> 23) & 0xFF;
                fraction = bits & 0x7FFFFF;
                if (biasedExponent == 0xFF) return WriteNonFinite(negative, fraction != 0, ref writer);
            }
            else
            {
                negative = (long)bits < 0;
                biasedExponent = (int)(bits >> 52) & 0x7FF;
                fraction = bits & 0xFFFFFFFFFFFFFUL;
                if (biasedExponent == 0x7FF) return WriteNonFinite(negative, fraction != 0, ref writer);
            }

            char fmt = ParseFormatSpecifier(format, out int precision, out bool invalid);
            if (invalid || fmt == '\0') return FormatResult.InvalidFormat;

            // What Dragon4 must produce: 'precision' significant digits or fractional digits
            // (-1: the shortest round-trippable digits); maxDigits is what the layout receives.
            int maxDigits = precision;
            bool isSignificantDigits;
            switch (fmt)
            {
                case 'E':
                case 'e':
                    if (precision == -1) precision = 6;
                    precision++;
                    isSignificantDigits = true;
                    break;
                case 'F':
                case 'f':
                case 'N':
                case 'n':
                    if (precision == -1) precision = 2;
                    isSignificantDigits = false;
                    break;
                case 'G':
                case 'g':
                    if (precision == 0) precision = -1;
                    isSignificantDigits = true;
                    break;
                case 'P':
                case 'p':
                    if (precision == -1) precision = 2;
                    precision += 2;
                    isSignificantDigits = false;
                    break;
                case 'R':
                case 'r':
                    precision = -1;
                    isSignificantDigits = true;
                    break;
                default:
                    return FormatResult.InvalidFormat; // C (unsupported) and everything .NET rejects
            }

            byte* digits = stackalloc byte[FloatingDigitsBufferLength + 1];
            NumberBuffer number = new NumberBuffer(digits, FloatingDigitsBufferLength + 1, true);
            number.IsNegative = negative;

            if (biasedExponent != 0 || fraction != 0)
            {
                ulong mantissa;
                int exponent;
                int highBit;
                int explicitBits = isSingle ? 23 : 52;
                if (biasedExponent != 0)
                {
                    mantissa = fraction | (1UL << explicitBits);
                    exponent = biasedExponent - (isSingle ? 150 : 1075);
                    highBit = explicitBits;
                }
                else
                {
                    mantissa = fraction;
                    exponent = isSingle ? -149 : -1074;
                    highBit = BigInt.BitLength64(fraction) - 1;
                }

                // As .NET: significant digits come from Grisu3 when it can prove them, else from
                // Dragon4 (fractional digit counts: Dragon4 only). Grisu3's shortest mode uses the exact
                // rounding interval (a power of two has its lower neighbour closer, except at the
                // smallest normal), but .NET's Dragon4 fallback runs with *equal* margins: for a few
                // powers of two (2^-25, 2^-958) it prints a string one digit shorter that does not
                // round-trip. .NET prints it, so do we.
                bool done;
                if (!isSignificantDigits) done = false;
                else if (precision == -1) done = Grisu3.TryShortest(mantissa, exponent, fraction == 0 && biasedExponent > 1, ref number);
                else done = Grisu3.TryCounted(mantissa, exponent, precision, ref number);
                if (!done) Dragon4.Generate(mantissa, exponent, highBit, false, precision, isSignificantDigits, ref number);
            }

            if (precision == -1)
            {
                // Shortest form: keep "pretty" fixed notation up to the round-trip digit count.
                int roundTrip = isSingle ? SingleRoundTripDigits : DoubleRoundTripDigits;
                maxDigits = number.DigitsCount > roundTrip ? number.DigitsCount : roundTrip;
            }
            return NumberToString(ref number, fmt, maxDigits, ref writer);
        }

        private static FormatResult WriteNonFinite(bool negative, bool isNaN, ref CharWriter writer)
        {
            if (isNaN) writer.AppendAscii("NaN");
            else writer.AppendAscii(negative ? "-Infinity" : "Infinity");
            return FormatResult.Ok;
        }

        // ---- layouts (shared by integers and floating point) --------------------------------------

        private static FormatResult NumberToString(ref NumberBuffer number, char format, int nMaxDigits, ref CharWriter writer)
        {
            bool isCorrectlyRounded = number.IsFloatingPoint;
            switch (format)
            {
                case 'F':
                case 'f':
                    if (nMaxDigits < 0) nMaxDigits = 2;
                    RoundNumber(ref number, number.Scale + nMaxDigits, isCorrectlyRounded);
                    if (number.IsNegative) writer.Append('-');
                    FormatFixed(ref number, nMaxDigits, false, ref writer);
                    return FormatResult.Ok;

                case 'N':
                case 'n':
                    if (nMaxDigits < 0) nMaxDigits = 2;
                    RoundNumber(ref number, number.Scale + nMaxDigits, isCorrectlyRounded);
                    if (number.IsNegative) writer.Append('-');
                    FormatFixed(ref number, nMaxDigits, true, ref writer);
                    return FormatResult.Ok;

                case 'E':
                case 'e':
                    if (nMaxDigits < 0) nMaxDigits = 6;
                    nMaxDigits++;
                    RoundNumber(ref number, nMaxDigits, isCorrectlyRounded);
                    if (number.IsNegative) writer.Append('-');
                    FormatScientific(ref number, nMaxDigits, format, ref writer);
                    return FormatResult.Ok;

                case 'R':
                case 'r':
                    format = (char)(format - ('R' - 'G'));
                    goto case 'G';

                case 'G':
                case 'g':
                    if (nMaxDigits < 1) nMaxDigits = number.DigitsCount;
                    RoundNumber(ref number, nMaxDigits, isCorrectlyRounded);
                    if (number.IsNegative) writer.Append('-');
                    FormatGeneral(ref number, nMaxDigits, format == 'G' ? 'E' : 'e', ref writer);
                    return FormatResult.Ok;

                case 'P':
                case 'p':
                    if (nMaxDigits < 0) nMaxDigits = 2;
                    number.Scale += 2;
                    RoundNumber(ref number, number.Scale + nMaxDigits, isCorrectlyRounded);
                    if (number.IsNegative) writer.Append('-');
                    FormatFixed(ref number, nMaxDigits, true, ref writer);
                    writer.Append(' ');
                    writer.Append('%');
                    return FormatResult.Ok;

                default:
                    return FormatResult.InvalidFormat;
            }
        }

        /// <summary>
        /// Cuts the digits to <paramref name="pos"/>, rounding half up for integers (floating-point
        /// digits arrive already correctly rounded), and drops trailing zeros.
        /// </summary>
        private static void RoundNumber(ref NumberBuffer number, int pos, bool isCorrectlyRounded)
        {
            byte* dig = number.Digits;
            int count = number.DigitsCount;
            int i = 0;
            while (i < pos && i < count) i++;

            if (i == pos && i < count && !isCorrectlyRounded && dig[i] >= '5')
            {
                while (i > 0 && dig[i - 1] == '9') i--;
                if (i > 0)
                {
                    dig[i - 1]++;
                }
                else
                {
                    number.Scale++;
                    dig[0] = (byte)'1';
                    i = 1;
                }
            }
            else
            {
                while (i > 0 && dig[i - 1] == '0') i--;
            }

            if (i == 0)
            {
                if (!number.IsFloatingPoint) number.IsNegative = false;
                number.Scale = 0;
            }
            number.DigitsCount = i;
        }

        private static void FormatFixed(ref NumberBuffer number, int nMaxDigits, bool groupDigits, ref CharWriter writer)
        {
            int digPos = number.Scale;
            int count = number.DigitsCount;
            byte* dig = number.Digits;
            int di = 0;

            if (digPos > 0)
            {
                for (int i = 0; i < digPos; i++)
                {
                    if (groupDigits && i > 0 && (digPos - i) % 3 == 0) writer.Append(',');
                    writer.Append(di < count ? (char)dig[di++] : '0');
                }
            }
            else
            {
                writer.Append('0');
            }

            if (nMaxDigits > 0)
            {
                writer.Append('.');
                if (digPos < 0)
                {
                    int zeros = -digPos < nMaxDigits ? -digPos : nMaxDigits;
                    writer.AppendRepeat('0', zeros);
                    nMaxDigits -= zeros;
                }
                while (nMaxDigits > 0 && di < count)
                {
                    writer.Append((char)dig[di++]);
                    nMaxDigits--;
                }
                writer.AppendRepeat('0', nMaxDigits);
            }
        }

        private static void FormatScientific(ref NumberBuffer number, int nMaxDigits, char expChar, ref CharWriter writer)
        {
            int count = number.DigitsCount;
            byte* dig = number.Digits;
            int di = 0;
            writer.Append(count > 0 ? (char)dig[di++] : '0');
            if (nMaxDigits != 1) writer.Append('.');
            int remaining = nMaxDigits - 1;
            while (remaining > 0 && di < count)
            {
                writer.Append((char)dig[di++]);
                remaining--;
            }
            writer.AppendRepeat('0', remaining);
            int e = count == 0 ? 0 : number.Scale - 1;
            FormatExponent(e, expChar, 3, ref writer);
        }

        private static void FormatGeneral(ref NumberBuffer number, int nMaxDigits, char expChar, ref CharWriter writer)
        {
            int digPos = number.Scale;
            bool scientific = false;
            if (digPos > nMaxDigits || digPos < -3)
            {
                digPos = 1;
                scientific = true;
            }

            int count = number.DigitsCount;
            byte* dig = number.Digits;
            int di = 0;
            if (digPos > 0)
            {
                do
                {
                    writer.Append(di < count ? (char)dig[di++] : '0');
                } while (--digPos > 0);
            }
            else
            {
                writer.Append('0');
            }

            if (di < count || digPos < 0)
            {
                writer.Append('.');
                while (digPos < 0)
                {
                    writer.Append('0');
                    digPos++;
                }
                while (di < count) writer.Append((char)dig[di++]);
            }

            if (scientific) FormatExponent(number.Scale - 1, expChar, 2, ref writer);
        }

        private static void FormatExponent(int value, char expChar, int minDigits, ref CharWriter writer)
        {
            writer.Append(expChar);
            uint magnitude;
            if (value < 0)
            {
                writer.Append('-');
                magnitude = 0u - (uint)value;
            }
            else
            {
                writer.Append('+');
                magnitude = (uint)value;
            }
            Span<char> buffer = stackalloc char[10];
            int pos = 10;
            do
            {
                uint q = magnitude / 10;
                buffer[--pos] = (char)('0' + (magnitude - q * 10));
                magnitude = q;
            } while (magnitude != 0);
            int count = 10 - pos;
            if (minDigits > count) writer.AppendRepeat('0', minDigits - count);
            for (int i = pos; i < 10; i++) writer.Append(buffer[i]);
        }
    }
}
