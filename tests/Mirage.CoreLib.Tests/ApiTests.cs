using System;
using System.Globalization;
using System.Numerics;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.CoreLib.Numerics;

namespace Mirage.CoreLib.Tests
{
    [TestClass]
    public sealed class ApiTests
    {
        [TestMethod]
        public void SpanFormattingReportsExactFitAndTooSmall()
        {
            Span<char> buffer = stackalloc char[64];
            Assert.AreEqual(FormatResult.Ok, NumberFormatter.TryFormatDouble(0.1, "".AsSpan(), buffer.Slice(0, 3), out int written));
            Assert.AreEqual("0.1", new string(buffer.Slice(0, written)));
            Assert.AreEqual(FormatResult.DestinationTooSmall, NumberFormatter.TryFormatDouble(0.1, "".AsSpan(), buffer.Slice(0, 2), out written));
            Assert.AreEqual(0, written);
            Assert.AreEqual(FormatResult.Ok, NumberFormatter.TryFormatInt64(-1, 8, "X".AsSpan(), buffer, out written));
            Assert.AreEqual("FF", new string(buffer.Slice(0, written)));
            Assert.AreEqual(FormatResult.Ok, NumberFormatter.TryFormatInt32(-1, "X".AsSpan(), buffer, out written));
            Assert.AreEqual("FFFFFFFF", new string(buffer.Slice(0, written)));
            Assert.AreEqual(FormatResult.Ok, NumberFormatter.TryFormatInt64(long.MinValue, "".AsSpan(), buffer, out written));
            Assert.AreEqual("-9223372036854775808", new string(buffer.Slice(0, written)));
            Assert.AreEqual(FormatResult.DestinationTooSmall, NumberFormatter.TryFormatUInt64(ulong.MaxValue, "N".AsSpan(), buffer.Slice(0, 10), out written));
            Assert.AreEqual(FormatResult.InvalidFormat, NumberFormatter.TryFormatSingle(1f, "C".AsSpan(), buffer, out written));
            Assert.AreEqual(FormatResult.Ok, NumberFormatter.TryFormatSingle(0.1f, "".AsSpan(), buffer, out written));
            Assert.AreEqual("0.1", new string(buffer.Slice(0, written)));

            // Every prefix length of a long output is "too small", the exact length fits.
            string expected = (1.0 / 3).ToString("E30", CultureInfo.InvariantCulture);
            for (int n = 0; n < expected.Length; n++)
                Assert.AreEqual(FormatResult.DestinationTooSmall, NumberFormatter.TryFormatDouble(1.0 / 3, "E30".AsSpan(), buffer.Slice(0, n), out _));
            Assert.AreEqual(FormatResult.Ok, NumberFormatter.TryFormatDouble(1.0 / 3, "E30".AsSpan(), buffer.Slice(0, expected.Length), out written));
            Assert.AreEqual(expected, new string(buffer.Slice(0, written)));
        }

        [TestMethod]
        public void StringFormattingHandlesLongResults()
        {
            Assert.AreEqual(FormatResult.Ok, NumberFormatter.FormatDouble(double.MaxValue, "N5".AsSpan(), out string s));
            Assert.AreEqual(double.MaxValue.ToString("N5", CultureInfo.InvariantCulture), s);
            Assert.AreEqual(FormatResult.Ok, NumberFormatter.FormatInt64(42, 32, "D5000".AsSpan(), out s));
            Assert.AreEqual(42.ToString("D5000", CultureInfo.InvariantCulture), s);
            Assert.AreEqual(FormatResult.InvalidFormat, NumberFormatter.FormatInt64(42, 32, "#".AsSpan(), out s));
            Assert.AreEqual("", s);
        }

        [TestMethod]
        public void TypedParseWrappers()
        {
            Assert.AreEqual(ParseResult.Ok, NumberParser.TryParseInt32("-2147483648".AsSpan(), NumberStyleFlags.Integer, out int i));
            Assert.AreEqual(int.MinValue, i);
            Assert.AreEqual(ParseResult.Overflow, NumberParser.TryParseInt32("2147483648".AsSpan(), NumberStyleFlags.Integer, out _));
            Assert.AreEqual(ParseResult.Ok, NumberParser.TryParseInt32("FFFFFFFF".AsSpan(), NumberStyleFlags.HexNumber, out i));
            Assert.AreEqual(-1, i);
            Assert.AreEqual(ParseResult.Ok, NumberParser.TryParseSByte("80".AsSpan(), NumberStyleFlags.HexNumber, out sbyte sb));
            Assert.AreEqual(sbyte.MinValue, sb);
            Assert.AreEqual(ParseResult.Ok, NumberParser.TryParseUInt64("18446744073709551615".AsSpan(), NumberStyleFlags.Integer, out ulong ul));
            Assert.AreEqual(ulong.MaxValue, ul);
            Assert.AreEqual(ParseResult.Format, NumberParser.TryParseInt64("12a".AsSpan(), NumberStyleFlags.Integer, out _));
            Assert.AreEqual(ParseResult.InvalidStyle, NumberParser.TryParseInt64("1".AsSpan(), NumberStyleFlags.HexNumber | NumberStyleFlags.AllowLeadingSign, out _));
            Assert.AreEqual(ParseResult.Ok, NumberParser.TryParseUInt16("1,234".AsSpan(), NumberStyleFlags.Number, out ushort us));
            Assert.AreEqual((ushort)1234, us);
            Assert.AreEqual(ParseResult.Ok, NumberParser.TryParseByte(" 255 ".AsSpan(), NumberStyleFlags.Integer, out byte b));
            Assert.AreEqual((byte)255, b);
            Assert.AreEqual(ParseResult.Ok, NumberParser.TryParseInt16("-1e4".AsSpan(), NumberStyleFlags.Float, out short sh));
            Assert.AreEqual((short)-10000, sh);
            Assert.AreEqual(ParseResult.Ok, NumberParser.TryParseUInt32("101".AsSpan(), NumberStyleFlags.BinaryNumber, out uint ui));
            Assert.AreEqual(5u, ui);
            Assert.AreEqual(ParseResult.Ok, NumberParser.TryParseDouble("1e400".AsSpan(), NumberStyleFlags.FloatDefault, out double d));
            Assert.AreEqual(double.PositiveInfinity, d);
            Assert.AreEqual(ParseResult.Ok, NumberParser.TryParseSingle("-0".AsSpan(), NumberStyleFlags.FloatDefault, out float f));
            Assert.IsTrue(f == 0 && float.IsNegative(f));
        }

        /// <summary>The 128-bit powers of ten, recomputed with BigInteger.</summary>
        [TestMethod]
        public void Pow10TableIsExact()
        {
            ReadOnlySpan<ulong> table = Pow10Table.Mantissas;
            Assert.AreEqual((Pow10Table.MaxExponent - Pow10Table.MinExponent + 1) * 2, table.Length);
            for (int q = Pow10Table.MinExponent; q <= Pow10Table.MaxExponent; q++)
            {
                int log2 = (q * 217706) >> 16;
                int e = log2 - 127;
                BigInteger t;
                if (q >= 0)
                {
                    BigInteger p = BigInteger.Pow(10, q);
                    Assert.AreEqual((long)log2, (long)(p.GetBitLength() - 1), "log2 of 10^" + q);
                    t = e >= 0 ? p >> e : p << -e;
                }
                else
                {
                    BigInteger p = BigInteger.Pow(10, -q);
                    t = (BigInteger.One << -e) / p;
                    // 2^log2 <= 10^q < 2^(log2+1)  <=>  2^-log2 >= 10^-q > 2^(-log2-1)
                    Assert.IsTrue(BigInteger.One << -log2 >= p && BigInteger.One << (-log2 - 1) < p, "log2 of 10^" + q);
                }
                int index = (q - Pow10Table.MinExponent) * 2;
                BigInteger stored = ((BigInteger)table[index] << 64) | table[index + 1];
                Assert.AreEqual(t, stored, "10^" + q);
            }
        }
    }
}
