using System;
using System.Globalization;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Mirage.CoreLib.Tests
{
    internal static class Fuzz
    {
        private static readonly string[] Pieces =
        {
            "0", "1", "2", "5", "7", "9", "00", "12", "255", "256", "128", "127", "-", "+", ".", ",", " ", "  ", "\t", "\n", "(", ")", "e", "E",
            "e+", "e-", "¤", "\0", "a", "F", "f", "x", "0x", "\u00A0", "\u2000", "NaN", "Infinity", "-Infinity", "∞", "nan", "9999999999", "65535",
            "32767", "32768", "2147483647", "2147483648", "4294967295", "4294967296", "9223372036854775807", "9223372036854775808",
            "18446744073709551615", "18446744073709551616", "000000000000000000000", "1.0", "1.5", "0.0", "e3", "e20", "FF", "ff", "7F", "80",
            "FFFFFFFF", "FFFFFFFFFFFFFFFF", "10000000000000000", "101", "1111111111111111", "00000001",
        };

        public static string RandomNumberText(Random random)
        {
            var sb = new StringBuilder();
            int n = random.Next(0, 6);
            for (int i = 0; i < n; i++) sb.Append(Pieces[random.Next(Pieces.Length)]);
            return sb.ToString();
        }

        private static readonly NumberStyles[] Common =
        {
            NumberStyles.Integer, NumberStyles.Number, NumberStyles.Float, NumberStyles.Float | NumberStyles.AllowThousands, NumberStyles.Any,
            NumberStyles.Currency, NumberStyles.HexNumber, NumberStyles.BinaryNumber, NumberStyles.None, NumberStyles.AllowLeadingSign,
            NumberStyles.AllowTrailingSign | NumberStyles.AllowLeadingWhite, NumberStyles.AllowParentheses, NumberStyles.AllowThousands,
            NumberStyles.AllowExponent, NumberStyles.AllowDecimalPoint, NumberStyles.AllowHexSpecifier, NumberStyles.AllowBinarySpecifier,
            NumberStyles.AllowCurrencySymbol | NumberStyles.AllowLeadingSign, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite,
        };

        public static NumberStyles RandomStyles(Random random, bool floating)
        {
            int pick = random.Next(10);
            if (pick < 7) return Common[random.Next(Common.Length)];
            if (pick < 9) return (NumberStyles)(random.Next(0, 0x800) & (floating ? 0x1FF : 0x7FF));
            return (NumberStyles)random.Next(0, 0x1000);
        }
    }

    [TestClass]
    public sealed class IntegerParsingTests
    {
        [TestMethod]
        public void HandPickedInputsMatchTheBcl()
        {
            string[] inputs =
            {
                "0", "-0", "+0", "00", "-00", "-0.0", "-0.", "0.0", "-", "+", "", " ", "  1", "1  ", " -1 ", "- 1", "-+1", "+-1", "1-", "1+", "(1)", "(-1)", "( 1)", "(1 )",
                "¤1", "-¤1", "-¤ 1", "¤-1", "1¤", "¤ 1", "1 ¤", "1,000", ",1", "1,", "1.", ".1", "1.0", "1.5", "1.00000000000000000001", "1e3", "1E3", "1e+3", "1e-0",
                "1e-1", "15e-1", "1.5e1", "1e", "1e+", "0e5", "0.0e5", "1\0", "1\0\0", "1 \0", "1\0 ", "\01", "1\0x", "127", "128", "-128", "-129", "255", "256",
                "32767", "32768", "-32768", "-32769", "65535", "65536", "2147483647", "2147483648", "-2147483648", "-2147483649", "4294967295", "4294967296",
                "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "18446744073709551615", "18446744073709551616",
                "99999999999999999999", "100000000000000000000", "0000000000000000000000000000001", "-0000000000000000000000000000001", "1x", "x1",
                "FF", "ff", "7F", "80", "100", "FFFF", "FFFFFFFF", "FFFFFFFFFFFFFFFF", "1FFFFFFFFFFFFFFFF", "0000000000000000000000FF", "0x10", " F ", "F F",
                "101", "11111111", "111111111", "0b101", "2", "1 0", "\t1\r\n", "\u00A01", "1\u00A0", "1e99999999999", "1,2,3.4,5", "1.2.3",
            };
            NumberStyles[] styles =
            {
                NumberStyles.Integer, NumberStyles.None, NumberStyles.AllowLeadingSign, NumberStyles.Number, NumberStyles.Float, NumberStyles.Any,
                NumberStyles.Currency, NumberStyles.HexNumber, NumberStyles.AllowHexSpecifier, NumberStyles.BinaryNumber,
                NumberStyles.AllowExponent | NumberStyles.AllowLeadingSign, NumberStyles.AllowTrailingSign | NumberStyles.AllowTrailingWhite,
                NumberStyles.HexNumber | NumberStyles.AllowLeadingSign, NumberStyles.AllowHexSpecifier | NumberStyles.AllowBinarySpecifier,
                (NumberStyles)0x800, (NumberStyles)0x1000,
            };
            var m = new Mismatches();
            foreach (string s in inputs)
            {
                foreach (NumberStyles st in styles)
                {
                    foreach (IntType t in IntType.All)
                        m.Check(t.Name + " \"" + s + "\" " + st, Bcl.ParseInteger(s, st, t.Bits, t.Signed), Engine.ParseInteger(s, st, t.Bits, t.Signed));
                }
            }
            m.AssertNone(10_000);
        }

        [TestMethod]
        public void FormattedRandomValuesRoundTrip()
        {
            var random = new Random(8086);
            var m = new Mismatches();
            (string Format, NumberStyles Styles)[] pairs =
            {
                ("D", NumberStyles.Integer), ("G", NumberStyles.Integer), ("N0", NumberStyles.Number), ("N2", NumberStyles.Number),
                ("X", NumberStyles.HexNumber), ("x16", NumberStyles.HexNumber), ("B", NumberStyles.BinaryNumber), ("E20", NumberStyles.Float),
                ("F3", NumberStyles.Any), ("D25", NumberStyles.Integer),
            };
            foreach (IntType t in IntType.All)
            {
                for (int i = 0; i < 25_000; i++)
                {
                    ulong raw = t.RandomRaw(random);
                    var (format, styles) = pairs[i % pairs.Length];
                    string s = t.Box(raw).ToString(format, Bcl.Invariant);
                    if (random.Next(8) == 0) s = " " + s + "\t";
                    m.Check(t.Name + " \"" + s + "\"", Bcl.TryParseInteger(s, styles, t.Bits, t.Signed), Engine.ParseInteger(s, styles, t.Bits, t.Signed));
                }
            }
            m.AssertNone(200_000);
        }

        [TestMethod]
        public void FuzzedSyntaxMatchesTheBcl()
        {
            var random = new Random(6502);
            var m = new Mismatches();
            for (int i = 0; i < 30_000; i++)
            {
                string s = Fuzz.RandomNumberText(random);
                NumberStyles st = Fuzz.RandomStyles(random, floating: false);
                foreach (IntType t in IntType.All)
                {
                    string what = t.Name + " \"" + s + "\" " + st;
                    if (i % 8 == 0)
                    {
                        m.Check(what, Bcl.ParseInteger(s, st, t.Bits, t.Signed), Engine.ParseInteger(s, st, t.Bits, t.Signed));
                        continue;
                    }
                    string expected;
                    try { expected = Bcl.TryParseInteger(s, st, t.Bits, t.Signed); }
                    catch (ArgumentException) { expected = "InvalidStyle"; }
                    string actual = Engine.ParseInteger(s, st, t.Bits, t.Signed);
                    if (actual == "Format" || actual == "Overflow") actual = "Fail";
                    m.Check(what, expected, actual);
                }
            }
            m.AssertNone(240_000);
        }
    }
}
