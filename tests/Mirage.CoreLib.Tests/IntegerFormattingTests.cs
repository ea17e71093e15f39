using System;
using System.Collections.Generic;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Mirage.CoreLib.Tests
{
    [TestClass]
    public sealed class IntegerFormattingTests
    {
        // Every standard integer format the engine supports, plus specifiers .NET rejects.
        internal static readonly string[] Formats =
        {
            "", "G", "g", "G0", "G1", "G2", "G3", "G5", "G10", "G19", "G20", "G25", "R", "r", "R0", "r3", "R12",
            "D", "d", "D0", "D1", "D2", "D5", "D10", "D19", "D20", "D25", "D100",
            "X", "x", "X0", "X1", "X2", "X4", "X8", "X16", "X17", "x20",
            "B", "b", "B0", "B1", "B8", "B16", "B33", "B64", "B70",
            "N", "n", "N0", "N1", "N2", "N5", "N20",
            "F", "f", "F0", "F1", "F3", "F20",
            "E", "e", "E0", "E1", "E2", "E3", "E5", "E18", "E19", "E20", "e25",
            "P", "p", "P0", "P1", "P4",
            "Z", "K5", "A", "y2", "G1000000000", "D0000000000004", "G\0xyz", "\0", "\0abc", "F\0", "X\0\0", "E0000000000003",
        };

        // Formats .NET accepts that the engine deliberately does not (currency, custom).
        private static readonly string[] Unsupported = { "C", "c", "C0", "C2", "0", "0.00", "#,##0", "#", "X1 ", " G", "G-1", "00E+0", "%", "\u00A4" };

        private static IEnumerable<ulong> EdgeValues(IntType t)
        {
            var values = new List<ulong> { 0, 1, 5, 9, 10, 15, 25, 45, 50, 95, 99, 100, 101, 125, 127, 128, 255 };
            ulong p = 1;
            for (int i = 0; i < 20; i++)
            {
                values.Add(p - 1); values.Add(p); values.Add(p + 1);
                values.Add(p * 5); values.Add(p * 9 + p / 2);
                if (p > ulong.MaxValue / 10) break;
                p *= 10;
            }
            values.Add(12345); values.Add(123456789); values.Add(1234567890123456789); values.Add(9999999999999999999);
            values.Add(999995); values.Add(1999999); values.Add(995); values.Add(9995);
            foreach (ulong v in values.ToArray())
            {
                if (t.Signed) values.Add(0UL - v);
            }
            if (t.Signed)
            {
                values.Add((ulong)t.MinSigned); values.Add((ulong)(t.MinSigned + 1)); values.Add((ulong)t.MaxSigned); values.Add((ulong)(t.MaxSigned - 1));
            }
            else
            {
                values.Add(t.MaxUnsigned); values.Add(t.MaxUnsigned - 1); values.Add(t.MaxUnsigned / 2); values.Add(t.MaxUnsigned / 2 + 1);
            }
            foreach (ulong v in values) yield return t.Normalize(v);
        }

        [TestMethod]
        public void EdgeValuesInEveryFormatMatchTheBcl()
        {
            var m = new Mismatches();
            foreach (IntType t in IntType.All)
            {
                foreach (ulong raw in EdgeValues(t))
                {
                    IFormattable boxed = t.Box(raw);
                    foreach (string f in Formats)
                        m.Check(t.Name + " " + boxed + " \"" + f + "\"", Bcl.Format(boxed, f), t.EngineFormat(raw, f));
                }
            }
            m.AssertNone(10000);
        }

        [TestMethod]
        public void UnsupportedFormatsAreReported()
        {
            foreach (IntType t in IntType.All)
            {
                foreach (string f in Unsupported)
                    Assert.AreEqual("<InvalidFormat>", t.EngineFormat(t.Normalize(1234), f), t.Name + " \"" + f + "\"");
            }
        }

        /// <summary>100,000 values per type, each in every format letter (random case and precision).</summary>
        [TestMethod]
        public void RandomValuesMatchTheBcl()
        {
            var random = new Random(20250101);
            var m = new Mismatches();
            const string letters = "GRDXBNFEP";
            foreach (IntType t in IntType.All)
            {
                for (int i = 0; i < 100_000; i++)
                {
                    ulong raw = t.RandomRaw(random);
                    IFormattable boxed = t.Box(raw);
                    m.Check(t.Name + " " + boxed + " \"\"", boxed.ToString(null, Bcl.Invariant), t.EngineFormat(raw, ""));
                    foreach (char letter in letters)
                    {
                        char c = random.Next(2) == 0 ? letter : char.ToLowerInvariant(letter);
                        int precision = random.Next(-1, 26);
                        string f = precision < 0 ? c.ToString() : c + precision.ToString(Bcl.Invariant);
                        m.Check(t.Name + " " + boxed + " \"" + f + "\"", Bcl.Format(boxed, f), t.EngineFormat(raw, f));
                    }
                }
            }
            m.AssertNone(8_000_000);
        }
    }
}
