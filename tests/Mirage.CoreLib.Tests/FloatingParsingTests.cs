using System;
using System.Globalization;
using System.Numerics;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Mirage.CoreLib.Tests
{
    [TestClass]
    public sealed class FloatingParsingTests
    {
        private const NumberStyles Default = NumberStyles.Float | NumberStyles.AllowThousands;

        private static void CheckBoth(Mismatches m, string s, NumberStyles styles = Default)
        {
            m.Check("double \"" + s + "\" " + styles, Bcl.ParseDouble(s, styles), Engine.ParseDouble(s, styles));
            m.Check("float \"" + s + "\" " + styles, Bcl.ParseSingle(s, styles), Engine.ParseSingle(s, styles));
        }

        [TestMethod]
        public void HandPickedInputsMatchTheBcl()
        {
            string[] inputs =
            {
                "0", "-0", "+0", "0.0", "-0.0", "00000", ".0", "0.", ".", "-", "+", "", " ", "1", "-1", "1.5", "-1.5", "1e5", "1E5", "1e+5", "1e-5",
                "1e", "1e+", "1e-", "e5", "1.e5", ".5e1", "1,000", "1,000.5", ",1", "1,,0", "1.0,0", "  12  ", "\t12\r\n", "- 1", "-+1", "+-1", "1-",
                "(1)", "¤1", "1¤", "NaN", "nan", "NAN", "-NaN", "+NaN", "+nan", "Infinity", "infinity", "INFINITY", "-Infinity", "+Infinity",
                "-infinity", "+-Infinity", "-+Infinity", "Inf", "-Inf", "∞", "-∞", "+∞", " NaN ", "\u00A0NaN\u2000", "\u3000-Infinity\u0085",
                "NaN1", "1NaN", "Infinity ", "ınfinity", "1\0", "1\0\0", "1\0 ", "1 \0", "\01", "1.5\0e3",
                "0.1", "0.2", "0.3", "3.14159265358979323846", "2.2250738585072014E-308", "2.2250738585072011E-308", "2.2250738585072012E-308",
                "4.9406564584124654E-324", "5e-324", "2e-324", "3e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
                "2.47032822920623272088e-324", "1e-400", "-1e-400", "1e400", "-1e400", "1e309", "1e308", "1.7976931348623157E+308",
                "1.7976931348623158E+308", "1.7976931348623159E+308", "179769313486231580793728971405301e276", "1e99999999999", "1e-99999999999",
                "0e99999999999", "1e2147483647", "1e-2147483648", "1e100000000", "1e099999999", "123456789012345678901234567890",
                "9007199254740993", "9007199254740993.0000000000000000000000001", "9007199254740992.9999999999999999999999",
                "9007199254740995", "1.00000000000000011102230246251565404236316680908203125", "1.00000000000000011102230246251565404236316680908203124",
                "1.00000000000000011102230246251565404236316680908203126", "3.4028235e38", "3.4028236e38", "3.40282357e38", "3.40282356779733661637539395458142568448e38",
                "1.401298464324817e-45", "7.006492321624085e-46", "7.006492321624086e-46", "1.17549435e-38", "16777217", "16777219", "33554435",
                "0.000000000000000000000000000000000000000000001", "1" + new string('0', 400), "0." + new string('0', 400) + "1",
                "9.999999999999999e22", "1e23", "8.98846567431158e307", "4.35", "0.045", "1.005", "123.456e-2", "-123.456E+2",
            };
            var m = new Mismatches();
            NumberStyles[] styles = { Default, NumberStyles.Float, NumberStyles.Any, NumberStyles.None, NumberStyles.Number, NumberStyles.Currency, NumberStyles.Integer, NumberStyles.AllowExponent };
            foreach (string s in inputs)
            {
                foreach (NumberStyles st in styles) CheckBoth(m, s, st);
            }
            m.AssertNone(1000);
        }

        [TestMethod]
        public void InvalidStylesAreReported()
        {
            var m = new Mismatches();
            NumberStyles[] styles =
            {
                NumberStyles.HexNumber, NumberStyles.AllowHexSpecifier, NumberStyles.BinaryNumber, (NumberStyles)0x800, (NumberStyles)(-1),
                NumberStyles.Float | NumberStyles.AllowHexSpecifier,
            };
            foreach (NumberStyles st in styles) CheckBoth(m, "1", st);
            m.AssertNone(12);
        }

        [TestMethod]
        public void RandomBitPatternsRoundTrip()
        {
            var random = new Random(99);
            var m = new Mismatches();
            string[] formats = { "R", "E16", "G17", "E25", "F2", "E3" };
            for (int i = 0; i < 200_000; i++)
            {
                double d = BitConverter.Int64BitsToDouble(random.NextInt64() ^ (random.NextInt64() << 1));
                string s = d.ToString(formats[i % formats.Length], Bcl.Invariant);
                m.Check("double \"" + s + "\"", Bcl.ParseDouble(s, Default), Engine.ParseDouble(s, Default));
                float x = BitConverter.Int32BitsToSingle(random.Next() ^ (random.Next() << 1));
                string t = x.ToString(formats[i % formats.Length], Bcl.Invariant);
                m.Check("float \"" + t + "\"", Bcl.ParseSingle(t, Default), Engine.ParseSingle(t, Default));
                if (i % 4 == 0)
                {
                    // and the float text read as a double, the double text as a float
                    m.Check("double \"" + t + "\"", Bcl.ParseDouble(t, Default), Engine.ParseDouble(t, Default));
                    m.Check("float \"" + s + "\"", Bcl.ParseSingle(s, Default), Engine.ParseSingle(s, Default));
                }
            }
            m.AssertNone(500_000);
        }

        [TestMethod]
        public void RandomDecimalStringsMatchTheBcl()
        {
            var random = new Random(31337);
            var m = new Mismatches();
            var sb = new StringBuilder();
            for (int i = 0; i < 60_000; i++)
            {
                sb.Clear();
                if (random.Next(3) == 0) sb.Append('-');
                int digits = random.Next(1, i % 10 == 0 ? 60 : 22);
                int point = random.Next(-1, digits + 1);
                for (int j = 0; j < digits; j++)
                {
                    if (j == point) sb.Append('.');
                    sb.Append((char)('0' + (random.Next(4) == 0 ? (random.Next(2) * 9) : random.Next(10))));
                }
                if (random.Next(4) != 0)
                {
                    sb.Append(random.Next(2) == 0 ? 'e' : 'E');
                    sb.Append(random.Next(-360, 330).ToString(CultureInfo.InvariantCulture));
                }
                string s = sb.ToString();
                m.Check("double \"" + s + "\"", Bcl.ParseDouble(s, Default), Engine.ParseDouble(s, Default));
                if (i % 2 == 0) m.Check("float \"" + s + "\"", Bcl.ParseSingle(s, Default), Engine.ParseSingle(s, Default));
            }
            m.AssertNone(90_000);
        }

        /// <summary>Exact decimal expansion of m × 2^e.</summary>
        private static string ExactDecimal(BigInteger m, int e)
        {
            if (e >= 0) return (m << e).ToString(CultureInfo.InvariantCulture);
            // m / 2^-e = m × 5^-e / 10^-e
            BigInteger n = m * BigInteger.Pow(5, -e);
            string digits = n.ToString(CultureInfo.InvariantCulture);
            int frac = -e;
            if (digits.Length <= frac) digits = new string('0', frac - digits.Length + 1) + digits;
            string result = digits.Substring(0, digits.Length - frac) + "." + digits.Substring(digits.Length - frac);
            return result.TrimEnd('0').TrimEnd('.');
        }

        private static string Bump(string decimalText, int delta)
        {
            // add ±1 in the last digit place
            char[] c = decimalText.ToCharArray();
            int i = c.Length - 1;
            if (delta > 0)
            {
                while (i >= 0 && (c[i] == '9' || c[i] == '.')) { if (c[i] == '9') c[i] = '0'; i--; }
                if (i < 0) return "1" + new string(c);
                c[i]++;
            }
            else
            {
                while (i >= 0 && (c[i] == '0' || c[i] == '.')) { if (c[i] == '0') c[i] = '9'; i--; }
                if (i < 0) return decimalText;
                c[i]--;
            }
            return new string(c);
        }

        /// <summary>
        /// Exact midpoints between neighbouring doubles/floats (the correctly-rounded hard cases), just
        /// above and below them, padded past 800 digits, and with a non-zero digit beyond the
        /// engine's 800-digit buffer.
        /// </summary>
        [TestMethod]
        public void HalfwayCasesAreCorrectlyRounded()
        {
            var random = new Random(2718);
            var m = new Mismatches();
            for (int i = 0; i < 1500; i++)
            {
                bool single = i % 3 == 2;
                BigInteger mant;
                int exp;
                if (!single)
                {
                    long bits = i switch
                    {
                        < 20 => i,                                  // tiny subnormals
                        < 40 => 0x000FFFFFFFFFFFF0 + (i - 20),      // around the smallest normal
                        < 60 => 0x7FEFFFFFFFFFFFF0 + (i - 40),      // around the largest
                        _ => random.NextInt64(0, 0x7FF0000000000000),
                    };
                    long frac = bits & 0xFFFFFFFFFFFFF;
                    int be = (int)(bits >> 52);
                    mant = be == 0 ? frac : frac | (1L << 52);
                    exp = be == 0 ? -1074 : be - 1075;
                }
                else
                {
                    int bits = i < 100 ? i : random.Next(0, 0x7F800000);
                    int frac = bits & 0x7FFFFF;
                    int be = bits >> 23;
                    mant = be == 0 ? frac : frac | (1 << 23);
                    exp = be == 0 ? -149 : be - 150;
                }
                // midpoint between mant and mant+1: (2 mant + 1) × 2^(exp-1)
                string mid = ExactDecimal(2 * mant + 1, exp - 1);
                if (!mid.Contains('.')) mid += ".0";
                string[] cases =
                {
                    mid, Bump(mid, 1), Bump(mid, -1), mid + "0000000000000000000000000001", mid + new string('0', 900),
                    mid + new string('0', 850) + "1", Bump(mid, -1) + new string('9', 900),
                    ToScientific(mid), ToScientific(mid + new string('0', 820) + "1"),
                };
                foreach (string s in cases)
                {
                    if (single) m.Check("float \"" + s + "\"", Bcl.ParseSingle(s, Default), Engine.ParseSingle(s, Default));
                    else m.Check("double \"" + s + "\"", Bcl.ParseDouble(s, Default), Engine.ParseDouble(s, Default));
                }
            }
            m.AssertNone(13_000);
        }

        private static string ToScientific(string plain)
        {
            // "123.45" -> "1.2345e2", "0.00123" -> "1.23e-3"
            int point = plain.IndexOf('.');
            string digits = plain.Replace(".", "");
            int intDigits = point < 0 ? plain.Length : point;
            int lead = 0;
            while (lead < digits.Length - 1 && digits[lead] == '0') lead++;
            string sig = digits.Substring(lead);
            int exponent = intDigits - lead - 1;
            return sig.Substring(0, 1) + "." + (sig.Length > 1 ? sig.Substring(1) : "0") + "e" + exponent.ToString(CultureInfo.InvariantCulture);
        }

        [TestMethod]
        public void LongMantissasMatchTheBcl()
        {
            var random = new Random(161803);
            var m = new Mismatches();
            var sb = new StringBuilder();
            for (int i = 0; i < 400; i++)
            {
                sb.Clear();
                int digits = random.Next(780, 1300);
                int point = random.Next(0, digits);
                for (int j = 0; j < digits; j++)
                {
                    if (j == point) sb.Append('.');
                    sb.Append((char)('0' + random.Next(10)));
                }
                sb.Append('e').Append(random.Next(-1400, 400).ToString(CultureInfo.InvariantCulture));
                CheckBoth(m, sb.ToString());
            }
            m.AssertNone(800);
        }

        [TestMethod]
        public void FuzzedSyntaxMatchesTheBcl()
        {
            var random = new Random(5150);
            var m = new Mismatches();
            for (int i = 0; i < 40_000; i++)
            {
                string s = Fuzz.RandomNumberText(random);
                NumberStyles st = Fuzz.RandomStyles(random, floating: true);
                if (i % 8 == 0)
                {
                    CheckBoth(m, s, st); // with exceptions: Format vs InvalidStyle
                }
                else
                {
                    string expected;
                    try { expected = double.TryParse(s, st, Bcl.Invariant, out double d) ? "Ok:" + Bcl.DoubleBits(d) : "Fail"; }
                    catch (ArgumentException) { expected = "InvalidStyle"; }
                    string actual = Engine.ParseDouble(s, st);
                    if (actual == "Format") actual = "Fail";
                    m.Check("double \"" + s + "\" " + st, expected, actual);
                }
            }
            m.AssertNone(40_000);
        }
    }
}
