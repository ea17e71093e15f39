using System;
using System.Collections.Generic;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Mirage.CoreLib.Tests
{
    [TestClass]
    public sealed class FloatingFormattingTests
    {
        internal static readonly string[] Formats =
        {
            "", "G", "g", "R", "r", "R5", "G0", "G1", "G2", "G3", "G5", "G6", "G7", "G8", "G9", "G10", "G15", "G16", "G17", "G18", "G20", "G25", "G40",
            "E", "e", "E0", "E1", "E2", "E5", "E8", "E15", "E16", "E17", "E20", "E30",
            "F", "f", "F0", "F1", "F2", "F3", "F5", "F10", "F17", "F20", "F30",
            "N", "n", "N0", "N1", "N3", "N10",
            "P", "p", "P0", "P1", "P3", "P10",
            "D", "d", "X", "x", "B", "Z3", "G1000000000", "G\0x", "\0", "F\0",
        };

        private static readonly string[] LongFormats = { "F340", "E800", "G800", "F1100", "N400", "P350", "e767", "G767", "G768", "F1074", "F1075" };

        private static readonly string[] Unsupported = { "C", "c", "C2", "0.00", "#,##0", "#", "0.###E+0", " G", "G1 " };

        internal static IEnumerable<double> DoubleEdgeValues()
        {
            var values = new List<double>
            {
                0.0, -0.0, 1, -1, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 0.5, 1.5, 2.5, 3.5, 0.125, 0.375, 0.625, 2.675, 1.005, 1.0049999999999999,
                4.35, 0.045, 1234.5678, 123456.7, 999999.9999, 0.9999999, 99.995, 9.995, 0.0001, 0.00001, 0.000123, 0.00012345,
                1e14, 1e15, 1e16, 1e17, 1e18, 1e21, 1e22, 1e23, 9.999999999999999e22, 123456789012345678, 1234567890123456789,
                12345678901234567, 1234567890123456.7, 9007199254740992, 9007199254740993, 9007199254740991,
                5e-324, -5e-324, double.Epsilon, 2.2250738585072009E-308, 2.2250738585072014E-308, 2.2250738585072019E-308,
                1.7976931348623157E+308, -1.7976931348623157E+308, double.MaxValue, double.MinValue,
                double.NaN, double.PositiveInfinity, double.NegativeInfinity, -double.NaN,
                0.30000000000000004, 0.1 + 0.2, 1.0 / 7, Math.PI, Math.E, 100, 1000, 60, -60, 1e-7, 1e-5, 1.5e-5, 9.5, 0.95, 0.095,
                5e-5, 0.00005, 0.0005, 0.005, 0.05, 0.06, 0.006, 0.0006, 0.0004, 0.0094, 0.0096, 0.5e-2, 4.9e-3,
                1.2345e-10, 5.5e+50, 123e300, 1e300, 1e-300, 7.2057594037927933E+16, 4.611686018427388E+18,
                0.1f, 1.0 / 1024, 1.0 / 3e100, 3e-310, 1e-320,
            };
            foreach (double d in values)
            {
                yield return d;
                if (d > 0) yield return -d;
            }
            // Powers of ten and their neighbours (where the notation switches), positive only.
            for (int k = -330; k <= 310; k++)
            {
                double p = double.Parse("1e" + k, Bcl.Invariant);
                yield return p;
                yield return BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(p) + 1);
                yield return BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(p) - 1);
                yield return p * 5;
            }
        }

        /// <summary>
        /// Every power of two and its neighbours: where the rounding interval is asymmetric, and where
        /// .NET's Grisu3/Dragon4 pair has its quirk (see NumberFormatter.FormatFloating).
        /// </summary>
        [TestMethod]
        public void PowersOfTwoMatchTheBcl()
        {
            string[] formats = { "", "R", "G", "E16", "G17", "G5", "E3", "F2", "N0" };
            var m = new Mismatches();
            for (int e = -1074; e <= 1023; e++)
            {
                long bits = BitConverter.DoubleToInt64Bits(Math.ScaleB(1.0, e));
                for (long delta = -1; delta <= 1; delta++)
                {
                    double d = BitConverter.Int64BitsToDouble(bits + delta);
                    foreach (string f in formats)
                        m.Check(d.ToString("R", Bcl.Invariant) + " \"" + f + "\"", Bcl.Format(d, f), Engine.FormatDouble(d, f));
                }
            }
            for (int e = -149; e <= 127; e++)
            {
                int bits = BitConverter.SingleToInt32Bits(MathF.ScaleB(1f, e));
                for (int delta = -1; delta <= 1; delta++)
                {
                    float x = BitConverter.Int32BitsToSingle(bits + delta);
                    foreach (string f in formats)
                        m.Check(x.ToString("R", Bcl.Invariant) + "f \"" + f + "\"", Bcl.Format(x, f), Engine.FormatSingle(x, f));
                }
            }
            m.AssertNone(60_000);
        }

        internal static IEnumerable<float> SingleEdgeValues()
        {
            var values = new List<float>
            {
                0f, -0f, 1f, -1f, 0.1f, 0.2f, 0.3f, 1f / 3, 2f / 3, 0.5f, 1.5f, 2.5f, 0.125f, 0.375f, 2.675f, 1.005f,
                16777216f, 16777217f, 16777215f, 1e7f, 1e8f, 1e9f, 1e10f, 123456789f, 1234567.8f, 0.0001f, 0.00001f,
                float.Epsilon, -float.Epsilon, float.MaxValue, float.MinValue, 3.4028235e38f, 1.17549435E-38f, 1.1754942E-38f,
                1e-45f, 7e-45f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, 9.999999e22f, 1e23f, 3.14159265f,
            };
            for (int k = -46; k <= 39; k++)
            {
                float p = float.Parse("1e" + k, Bcl.Invariant);
                values.Add(p);
                values.Add(BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(p) + 1));
                values.Add(BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(p) - 1));
            }
            for (int e = -149; e <= 127; e++)
            {
                float p = MathF.ScaleB(1f, e);
                values.Add(p);
                values.Add(BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(p) - 1));
                values.Add(BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(p) + 1));
            }
            foreach (float f in values)
            {
                yield return f;
                if (f > 0) yield return -f;
            }
        }

        [TestMethod]
        public void DoubleEdgeValuesMatchTheBcl()
        {
            var m = new Mismatches();
            foreach (double d in DoubleEdgeValues())
            {
                foreach (string f in Formats)
                    m.Check(d.ToString("R", Bcl.Invariant) + " \"" + Text.Show(f) + "\"", Bcl.Format(d, f), Engine.FormatDouble(d, f));
            }
            m.AssertNone(150_000);
        }

        [TestMethod]
        public void DoubleLongOutputsMatchTheBcl()
        {
            var m = new Mismatches();
            var random = new Random(7);
            var values = new List<double> { 5e-324, 2.2250738585072009E-308, 1.7976931348623157E+308, 1.0 / 3, 0.1, 1e23, 2.5, 0 };
            for (int i = 0; i < 300; i++) values.Add(BitConverter.Int64BitsToDouble(random.NextInt64() & 0x7FFFFFFFFFFFFFFF));
            foreach (double d in values)
            {
                if (!double.IsFinite(d)) continue;
                foreach (string f in LongFormats)
                    m.Check(d.ToString("R", Bcl.Invariant) + " \"" + f + "\"", Bcl.Format(d, f), Engine.FormatDouble(d, f));
            }
            m.AssertNone(3000);
        }

        [TestMethod]
        public void SingleEdgeValuesMatchTheBcl()
        {
            var m = new Mismatches();
            foreach (float x in SingleEdgeValues())
            {
                foreach (string f in Formats)
                    m.Check(x.ToString("R", Bcl.Invariant) + "f \"" + Text.Show(f) + "\"", Bcl.Format(x, f), Engine.FormatSingle(x, f));
                foreach (string f in LongFormats)
                    m.Check(x.ToString("R", Bcl.Invariant) + "f \"" + f + "\"", Bcl.Format(x, f), Engine.FormatSingle(x, f));
            }
            m.AssertNone(50_000);
        }

        [TestMethod]
        public void UnsupportedFormatsAreReported()
        {
            foreach (string f in Unsupported)
            {
                Assert.AreEqual("<InvalidFormat>", Engine.FormatDouble(1.5, f), "\"" + f + "\"");
                Assert.AreEqual("<InvalidFormat>", Engine.FormatSingle(1.5f, f), "\"" + f + "\"");
            }
            // Like .NET, the non-finite values ignore the format altogether.
            Assert.AreEqual("NaN", Engine.FormatDouble(double.NaN, "0.00"));
            Assert.AreEqual("-Infinity", Engine.FormatDouble(double.NegativeInfinity, "X"));
        }

        [TestMethod]
        public void RandomDoubleBitPatternsMatchTheBcl()
        {
            var random = new Random(1234567);
            var m = new Mismatches();
            for (int i = 0; i < 200_000; i++)
            {
                double d = BitConverter.Int64BitsToDouble(random.NextInt64() ^ (random.NextInt64() << 1));
                string what = d.ToString("R", Bcl.Invariant);
                m.Check(what, d.ToString(Bcl.Invariant), Engine.FormatDouble(d, ""));
                string f = RandomFormat(random, 20);
                m.Check(what + " \"" + f + "\"", Bcl.Format(d, f), Engine.FormatDouble(d, f));
            }
            m.AssertNone(400_000);
        }

        [TestMethod]
        public void RandomSingleBitPatternsMatchTheBcl()
        {
            var random = new Random(7654321);
            var m = new Mismatches();
            for (int i = 0; i < 200_000; i++)
            {
                float x = BitConverter.Int32BitsToSingle(random.Next() ^ (random.Next() << 1));
                string what = x.ToString("R", Bcl.Invariant) + "f";
                m.Check(what, x.ToString(Bcl.Invariant), Engine.FormatSingle(x, ""));
                string f = RandomFormat(random, 20);
                m.Check(what + " \"" + f + "\"", Bcl.Format(x, f), Engine.FormatSingle(x, f));
            }
            m.AssertNone(400_000);
        }

        /// <summary>
        /// Short decimals and dyadic fractions: exact ties for the fixed and exponential formats, where
        /// the rounding rule (half to even on the exact value) shows.
        /// </summary>
        [TestMethod]
        public void TiesAndShortDecimalsMatchTheBcl()
        {
            var random = new Random(42);
            var m = new Mismatches();
            for (int i = 0; i < 60_000; i++)
            {
                double d = (i % 3) switch
                {
                    0 => random.Next(0, 2_000_000) / Math.ScaleB(1.0, random.Next(0, 24)),
                    1 => random.Next(0, 100_000) / Math.Pow(10, random.Next(0, 8)),
                    _ => random.Next(0, 1000) * Math.Pow(10, random.Next(0, 25)),
                };
                if (random.Next(2) == 0) d = -d;
                string f = RandomFormat(random, 8);
                m.Check(d.ToString("R", Bcl.Invariant) + " \"" + f + "\"", Bcl.Format(d, f), Engine.FormatDouble(d, f));
                float x = (float)d;
                m.Check(x.ToString("R", Bcl.Invariant) + "f \"" + f + "\"", Bcl.Format(x, f), Engine.FormatSingle(x, f));
            }
            m.AssertNone(120_000);
        }

        internal static string RandomFormat(Random random, int maxPrecision)
        {
            const string letters = "GgRrEeFfNnPp";
            char c = letters[random.Next(letters.Length)];
            int precision = random.Next(-1, maxPrecision + 1);
            return precision < 0 ? c.ToString() : c + precision.ToString(Bcl.Invariant);
        }
    }
}
