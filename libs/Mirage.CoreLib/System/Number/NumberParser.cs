using System;

namespace Mirage.CoreLib.Numerics
{
    /// <summary>
    /// Invariant-culture number parsing with .NET's acceptance rules and results: the styles of
    /// <see cref="NumberStyleFlags"/> (white space, signs, parentheses, '.', ',' thousands, exponent,
    /// the invariant currency symbol '¤', hex and binary digits), trailing '\0' characters, the
    /// special floating-point symbols ("NaN", "Infinity", "-Infinity", "+Infinity", "+NaN", "-NaN",
    /// ASCII case-insensitive, surrounded by any Unicode white space, whatever the styles), and
    /// correctly rounded (round-half-even) decimal-to-binary conversion with overflow to ±Infinity.
    /// </summary>
    internal static unsafe partial class NumberParser
    {
        /// <summary>Significant digits kept when parsing floating point; the rest only count as "non-zero tail".</summary>
        internal const int MaxFloatingDigits = 800;

        private const int InvalidStyleBits = ~NumberStyleFlags.AllDefined;

        // ---- integers ---------------------------------------------------------------------------

        internal static ParseResult TryParseInt64(ReadOnlySpan<char> s, int styles, out long value)
        {
            ParseResult r = TryParseInteger(s, styles, 64, true, out ulong bits);
            value = (long)bits;
            return r;
        }

        internal static ParseResult TryParseUInt64(ReadOnlySpan<char> s, int styles, out ulong value)
            => TryParseInteger(s, styles, 64, false, out value);

        internal static ParseResult TryParseInt32(ReadOnlySpan<char> s, int styles, out int value)
        {
            ParseResult r = TryParseInteger(s, styles, 32, true, out ulong bits);
            value = (int)bits;
            return r;
        }

        internal static ParseResult TryParseUInt32(ReadOnlySpan<char> s, int styles, out uint value)
        {
            ParseResult r = TryParseInteger(s, styles, 32, false, out ulong bits);
            value = (uint)bits;
            return r;
        }

        internal static ParseResult TryParseInt16(ReadOnlySpan<char> s, int styles, out short value)
        {
            ParseResult r = TryParseInteger(s, styles, 16, true, out ulong bits);
            value = (short)bits;
            return r;
        }

        internal static ParseResult TryParseUInt16(ReadOnlySpan<char> s, int styles, out ushort value)
        {
            ParseResult r = TryParseInteger(s, styles, 16, false, out ulong bits);
            value = (ushort)bits;
            return r;
        }

        internal static ParseResult TryParseSByte(ReadOnlySpan<char> s, int styles, out sbyte value)
        {
            ParseResult r = TryParseInteger(s, styles, 8, true, out ulong bits);
            value = (sbyte)bits;
            return r;
        }

        internal static ParseResult TryParseByte(ReadOnlySpan<char> s, int styles, out byte value)
        {
            ParseResult r = TryParseInteger(s, styles, 8, false, out ulong bits);
            value = (byte)bits;
            return r;
        }

        /// <summary>
        /// Parses an integer of <paramref name="bitWidth"/> bits (8, 16, 32, 64). On Ok,
        /// <paramref name="bits"/> is the value's two's-complement bit pattern (truncate it to the
        /// type); on failure it is 0.
        /// </summary>
        internal static ParseResult TryParseInteger(ReadOnlySpan<char> s, int styles, int bitWidth, bool isSigned, out ulong bits)
        {
            bits = 0;
            // .NET: undefined bits, or hex/binary combined with anything but white space, are ArgumentException.
            if ((styles & InvalidStyleBits) != 0) return ParseResult.InvalidStyle;
            if ((styles & (NumberStyleFlags.AllowHexSpecifier | NumberStyleFlags.AllowBinarySpecifier)) != 0
                && (styles & ~NumberStyleFlags.HexNumber) != 0
                && (styles & ~NumberStyleFlags.BinaryNumber) != 0)
                return ParseResult.InvalidStyle;

            if ((styles & ~NumberStyleFlags.Integer) == 0) return ParseIntegerStyle(s, styles, bitWidth, isSigned, out bits);
            if ((styles & NumberStyleFlags.AllowHexSpecifier) != 0) return ParseHexOrBinary(s, styles, bitWidth, 4, out bits);
            if ((styles & NumberStyleFlags.AllowBinarySpecifier) != 0) return ParseHexOrBinary(s, styles, bitWidth, 1, out bits);

            int maxDigitCount = MaxDecimalDigits(bitWidth, isSigned);
            byte* digits = stackalloc byte[maxDigitCount + 1];
            NumberBuffer number = new NumberBuffer(digits, maxDigitCount + 1, false);
            if (!TryStringToNumber(s, styles, ref number)) return ParseResult.Format;
            return NumberToInteger(ref number, maxDigitCount, bitWidth, isSigned, out bits);
        }

        private static int MaxDecimalDigits(int bitWidth, bool isSigned)
        {
            if (bitWidth <= 8) return 3;
            if (bitWidth <= 16) return 5;
            if (bitWidth <= 32) return 10;
            return isSigned ? 19 : 20;
        }

        private static ulong Limit(int bitWidth, bool isSigned, bool negative)
        {
            if (isSigned) return negative ? 1UL << (bitWidth - 1) : (1UL << (bitWidth - 1)) - 1;
            return bitWidth >= 64 ? ulong.MaxValue : (1UL << bitWidth) - 1;
        }

        private static ParseResult Finish(ulong magnitude, bool overflow, bool negative, int bitWidth, bool isSigned, out ulong bits)
        {
            bits = 0;
            if (overflow || magnitude > Limit(bitWidth, isSigned, negative)) return ParseResult.Overflow;
            if (negative && magnitude != 0)
            {
                if (!isSigned) return ParseResult.Overflow;
                bits = 0UL - magnitude;
            }
            else
            {
                bits = magnitude;
            }
            return ParseResult.Ok;
        }

        /// <summary>Styles within NumberStyles.Integer: [ws][sign]digits[ws], then only '\0's.</summary>
        private static ParseResult ParseIntegerStyle(ReadOnlySpan<char> s, int styles, int bitWidth, bool isSigned, out ulong bits)
        {
            bits = 0;
            int length = s.Length;
            if (length == 0) return ParseResult.Format;
            int i = 0;
            char c = s[0];

            if ((styles & NumberStyleFlags.AllowLeadingWhite) != 0 && IsWhite(c))
            {
                do
                {
                    if (++i >= length) return ParseResult.Format;
                    c = s[i];
                } while (IsWhite(c));
            }

            bool negative = false;
            if ((styles & NumberStyleFlags.AllowLeadingSign) != 0)
            {
                if (c == '-')
                {
                    negative = true;
                    if (++i >= length) return ParseResult.Format;
                    c = s[i];
                }
                else if (c == '+')
                {
                    if (++i >= length) return ParseResult.Format;
                    c = s[i];
                }
            }

            if (!IsDigit(c)) return ParseResult.Format;

            ulong magnitude = 0;
            bool overflow = false;
            while (true)
            {
                uint d = (uint)(c - '0');
                if (!overflow)
                {
                    if (magnitude > (ulong.MaxValue - d) / 10) overflow = true;
                    else magnitude = magnitude * 10 + d;
                }
                if (++i >= length) return Finish(magnitude, overflow, negative, bitWidth, isSigned, out bits);
                c = s[i];
                if (!IsDigit(c)) break;
            }

            if (!TrailingWhiteAndZeros(s, i, styles)) return ParseResult.Format;
            return Finish(magnitude, overflow, negative, bitWidth, isSigned, out bits);
        }

        /// <summary>NumberStyles.HexNumber / BinaryNumber: [ws]digits[ws], no sign, no prefix; the bits are the value.</summary>
        private static ParseResult ParseHexOrBinary(ReadOnlySpan<char> s, int styles, int bitWidth, int bitsPerDigit, out ulong bits)
        {
            bits = 0;
            int length = s.Length;
            if (length == 0) return ParseResult.Format;
            int i = 0;
            char c = s[0];

            if ((styles & NumberStyleFlags.AllowLeadingWhite) != 0 && IsWhite(c))
            {
                do
                {
                    if (++i >= length) return ParseResult.Format;
                    c = s[i];
                } while (IsWhite(c));
            }

            int d = DigitValue(c, bitsPerDigit);
            if (d < 0) return ParseResult.Format;

            int maxDigits = bitWidth / bitsPerDigit;
            int significant = 0;
            ulong value = 0;
            while (true)
            {
                if (value != 0 || d != 0)
                {
                    significant++;
                    if (significant <= maxDigits) value = (value << bitsPerDigit) | (uint)d;
                }
                if (++i >= length) break;
                c = s[i];
                d = DigitValue(c, bitsPerDigit);
                if (d < 0)
                {
                    if (!TrailingWhiteAndZeros(s, i, styles)) return ParseResult.Format;
                    break;
                }
            }
            if (significant > maxDigits) return ParseResult.Overflow;
            bits = value;
            return ParseResult.Ok;
        }

        private static int DigitValue(char c, int bitsPerDigit)
        {
            if (bitsPerDigit == 1) return c == '0' ? 0 : c == '1' ? 1 : -1;
            if ((uint)(c - '0') <= 9) return c - '0';
            int lower = c | 0x20;
            if ((uint)(lower - 'a') <= 'f' - 'a') return lower - 'a' + 10;
            return -1;
        }

        /// <summary>From the first character after the digits: optional white space (if allowed), then only '\0's.</summary>
        private static bool TrailingWhiteAndZeros(ReadOnlySpan<char> s, int i, int styles)
        {
            if (IsWhite(s[i]))
            {
                if ((styles & NumberStyleFlags.AllowTrailingWhite) == 0) return false;
                for (i++; i < s.Length; i++)
                {
                    if (!IsWhite(s[i])) break;
                }
            }
            return TrailingZeros(s, i);
        }

        private static ParseResult NumberToInteger(ref NumberBuffer number, int maxDigitCount, int bitWidth, bool isSigned, out ulong bits)
        {
            bits = 0;
            int i = number.Scale;
            if (i > maxDigitCount || i < number.DigitsCount || (!isSigned && number.IsNegative) || number.HasNonZeroTail)
                return ParseResult.Overflow;

            ulong magnitude = 0;
            int di = 0;
            while (--i >= 0)
            {
                uint d = di < number.DigitsCount ? (uint)(number.Digits[di++] - '0') : 0;
                if (magnitude > (ulong.MaxValue - d) / 10) return ParseResult.Overflow;
                magnitude = magnitude * 10 + d;
            }
            return Finish(magnitude, false, number.IsNegative, bitWidth, isSigned, out bits);
        }

        // ---- floating point ---------------------------------------------------------------------

        internal static unsafe ParseResult TryParseDouble(ReadOnlySpan<char> s, int styles, out double value)
        {
            ParseResult r = TryParseFloating(s, styles, false, out ulong bits);
            value = *(double*)&bits;
            return r;
        }

        internal static unsafe ParseResult TryParseSingle(ReadOnlySpan<char> s, int styles, out float value)
        {
            ParseResult r = TryParseFloating(s, styles, true, out ulong bits);
            uint single = (uint)bits;
            value = *(float*)&single;
            return r;
        }

        /// <summary>Never Overflow: out-of-range values become ±Infinity or ±0, as in .NET Core 3.0+.</summary>
        private static ParseResult TryParseFloating(ReadOnlySpan<char> s, int styles, bool isSingle, out ulong bits)
        {
            bits = 0;
            if ((styles & InvalidStyleBits) != 0) return ParseResult.InvalidStyle;
            if ((styles & (NumberStyleFlags.AllowHexSpecifier | NumberStyleFlags.AllowBinarySpecifier)) != 0) return ParseResult.InvalidStyle;

            byte* digits = stackalloc byte[MaxFloatingDigits + 1];
            NumberBuffer number = new NumberBuffer(digits, MaxFloatingDigits + 1, true);
            if (TryStringToNumber(s, styles, ref number))
            {
                bits = DecimalToBinary.Convert(ref number, isSingle);
                return ParseResult.Ok;
            }

            // The symbols, matched on the text trimmed of Unicode white space, whatever the styles.
            ReadOnlySpan<char> t = TrimWhiteSpace(s);
            ulong posInf = isSingle ? 0x7F800000UL : 0x7FF0000000000000UL;
            ulong negInf = isSingle ? 0xFF800000UL : 0xFFF0000000000000UL;
            ulong nan = isSingle ? 0xFFC00000UL : 0xFFF8000000000000UL;
            if (EqualsIgnoreCase(t, "Infinity")) { bits = posInf; return ParseResult.Ok; }
            if (EqualsIgnoreCase(t, "-Infinity")) { bits = negInf; return ParseResult.Ok; }
            if (EqualsIgnoreCase(t, "NaN")) { bits = nan; return ParseResult.Ok; }
            if (t.Length > 0 && t[0] == '+')
            {
                t = t.Slice(1);
                if (EqualsIgnoreCase(t, "Infinity")) { bits = posInf; return ParseResult.Ok; }
                if (EqualsIgnoreCase(t, "NaN")) { bits = nan; return ParseResult.Ok; }
                return ParseResult.Format;
            }
            if (t.Length > 0 && t[0] == '-' && EqualsIgnoreCase(t.Slice(1), "NaN")) { bits = nan; return ParseResult.Ok; }
            return ParseResult.Format;
        }

        private static bool EqualsIgnoreCase(ReadOnlySpan<char> s, string asciiText)
        {
            if (s.Length != asciiText.Length) return false;
            for (int i = 0; i < s.Length; i++)
            {
                char a = s[i], b = asciiText[i];
                if (a == b) continue;
                if ((uint)((b | 0x20) - 'a') > 'z' - 'a') return false;
                if ((a | 0x20) != (b | 0x20) || (uint)((a | 0x20) - 'a') > 'z' - 'a') return false;
            }
            return true;
        }

        private static ReadOnlySpan<char> TrimWhiteSpace(ReadOnlySpan<char> s)
        {
            int start = 0, end = s.Length;
            while (start < end && IsUnicodeWhiteSpace(s[start])) start++;
            while (end > start && IsUnicodeWhiteSpace(s[end - 1])) end--;
            return s.Slice(start, end - start);
        }

        /// <summary>char.IsWhiteSpace: the Unicode White_Space characters of the BMP.</summary>
        internal static bool IsUnicodeWhiteSpace(char c)
        {
            if (c <= '\u00FF') return c == ' ' || (uint)(c - '\t') <= '\r' - '\t' || c == '\u0085' || c == '\u00A0';
            return c == '\u1680' || (uint)(c - '\u2000') <= '\u200A' - '\u2000' || c == '\u2028' || c == '\u2029'
                || c == '\u202F' || c == '\u205F' || c == '\u3000';
        }

        // ---- the general state machine (NumberStyles other than Integer / HexNumber) -------------

        private static bool IsWhite(char c) => c == ' ' || (uint)(c - '\t') <= '\r' - '\t';

        private static bool IsDigit(char c) => (uint)(c - '0') <= 9;

        private static bool TrailingZeros(ReadOnlySpan<char> s, int index)
        {
            for (int i = index; i < s.Length; i++)
            {
                if (s[i] != '\0') return false;
            }
            return true;
        }

        private static bool TryStringToNumber(ReadOnlySpan<char> s, int styles, ref NumberBuffer number)
        {
            int p = 0;
            if (!TryParseNumber(s, ref p, styles, ref number)) return false;
            return p >= s.Length || TrailingZeros(s, p);
        }

        private static char CharAt(ReadOnlySpan<char> s, int p) => p < s.Length ? s[p] : '\0';

        /// <summary>
        /// [ws][sign|'('|'¤']... digits with '.' and ',' ... [e[sign]digits] [ws][sign|')'|'¤']...,
        /// per <paramref name="styles"/>, filling <paramref name="number"/>. Stops at the first
        /// character it cannot take (left in <paramref name="index"/>).
        /// </summary>
        private static bool TryParseNumber(ReadOnlySpan<char> s, ref int index, int styles, ref NumberBuffer number)
        {
            const int StateSign = 0x0001;
            const int StateParens = 0x0002;
            const int StateDigits = 0x0004;
            const int StateNonZero = 0x0008;
            const int StateDecimal = 0x0010;
            const int StateCurrency = 0x0020;
            const char CurrencySymbol = '\u00A4';

            bool currencyPending = (styles & NumberStyleFlags.AllowCurrencySymbol) != 0;
            int state = 0;
            int p = index;
            char ch = CharAt(s, p);

            while (true)
            {
                // White space is skipped unless a sign (not followed by a currency symbol) was seen:
                // "-¤ 1" is accepted, "- 1" is not.
                if (!IsWhite(ch) || (styles & NumberStyleFlags.AllowLeadingWhite) == 0
                    || ((state & StateSign) != 0 && (state & StateCurrency) == 0))
                {
                    if ((styles & NumberStyleFlags.AllowLeadingSign) != 0 && (state & StateSign) == 0 && (ch == '+' || ch == '-'))
                    {
                        if (ch == '-') number.IsNegative = true;
                        state |= StateSign;
                    }
                    else if (ch == '(' && (styles & NumberStyleFlags.AllowParentheses) != 0 && (state & StateSign) == 0)
                    {
                        state |= StateSign | StateParens;
                        number.IsNegative = true;
                    }
                    else if (currencyPending && ch == CurrencySymbol)
                    {
                        state |= StateCurrency;
                        currencyPending = false;
                    }
                    else
                    {
                        break;
                    }
                }
                ch = CharAt(s, ++p);
            }

            int digCount = 0;
            int digEnd = 0;
            int maxDigCount = number.DigitsCapacity - 1;
            int numberOfTrailingZeros = 0;

            while (true)
            {
                if (IsDigit(ch))
                {
                    state |= StateDigits;
                    if (ch != '0' || (state & StateNonZero) != 0)
                    {
                        if (digCount < maxDigCount)
                        {
                            number.Digits[digCount] = (byte)ch;
                            if (ch != '0' || number.IsFloatingPoint) digEnd = digCount + 1;
                        }
                        else if (ch != '0')
                        {
                            number.HasNonZeroTail = true;
                        }

                        if ((state & StateDecimal) == 0) number.Scale++;

                        if (digCount < maxDigCount)
                        {
                            if (ch == '0') numberOfTrailingZeros++;
                            else numberOfTrailingZeros = 0;
                        }
                        digCount++;
                        state |= StateNonZero;
                    }
                    else if ((state & StateDecimal) != 0)
                    {
                        number.Scale--;
                    }
                }
                else if ((styles & NumberStyleFlags.AllowDecimalPoint) != 0 && (state & StateDecimal) == 0 && ch == '.')
                {
                    state |= StateDecimal;
                }
                else if ((styles & NumberStyleFlags.AllowThousands) != 0 && (state & StateDigits) != 0
                    && (state & StateDecimal) == 0 && ch == ',')
                {
                }
                else
                {
                    break;
                }
                ch = CharAt(s, ++p);
            }

            number.DigitsCount = digEnd;
            if ((state & StateDigits) != 0)
            {
                if ((ch == 'E' || ch == 'e') && (styles & NumberStyleFlags.AllowExponent) != 0)
                {
                    int temp = p;
                    bool negExp = false;
                    ch = CharAt(s, ++p);
                    if (ch == '+')
                    {
                        ch = CharAt(s, ++p);
                    }
                    else if (ch == '-')
                    {
                        ch = CharAt(s, ++p);
                        negExp = true;
                    }

                    if (IsDigit(ch))
                    {
                        int exp = 0;
                        do
                        {
                            if (exp >= 100_000_000)
                            {
                                // Far out of range: saturate (the value becomes 0 or infinite) and skip the rest.
                                exp = int.MaxValue;
                                number.Scale = 0;
                                while (IsDigit(ch)) ch = CharAt(s, ++p);
                                break;
                            }
                            exp = exp * 10 + (ch - '0');
                            ch = CharAt(s, ++p);
                        } while (IsDigit(ch));
                        if (negExp) exp = -exp;
                        number.Scale += exp;
                    }
                    else
                    {
                        p = temp;
                        ch = CharAt(s, p);
                    }
                }

                if (number.IsFloatingPoint && !number.HasNonZeroTail)
                {
                    int numberOfFractionalDigits = digEnd - number.Scale;
                    if (numberOfFractionalDigits > 0)
                    {
                        if (numberOfTrailingZeros > numberOfFractionalDigits) numberOfTrailingZeros = numberOfFractionalDigits;
                        number.DigitsCount = digEnd - numberOfTrailingZeros;
                    }
                }

                while (true)
                {
                    if (!IsWhite(ch) || (styles & NumberStyleFlags.AllowTrailingWhite) == 0)
                    {
                        if ((styles & NumberStyleFlags.AllowTrailingSign) != 0 && (state & StateSign) == 0 && (ch == '+' || ch == '-'))
                        {
                            if (ch == '-') number.IsNegative = true;
                            state |= StateSign;
                        }
                        else if (ch == ')' && (state & StateParens) != 0)
                        {
                            state &= ~StateParens;
                        }
                        else if (currencyPending && ch == CurrencySymbol)
                        {
                            currencyPending = false;
                        }
                        else
                        {
                            break;
                        }
                    }
                    ch = CharAt(s, ++p);
                }

                if ((state & StateParens) == 0)
                {
                    if ((state & StateNonZero) == 0)
                    {
                        number.Scale = 0;
                        if (!number.IsFloatingPoint && (state & StateDecimal) == 0) number.IsNegative = false;
                    }
                    index = p;
                    return true;
                }
            }
            index = p;
            return false;
        }
    }
}
