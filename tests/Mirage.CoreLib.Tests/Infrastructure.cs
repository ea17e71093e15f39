using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.CoreLib.Numerics;

namespace Mirage.CoreLib.Tests
{
    /// <summary>Collects differences between the engine and the BCL; fails with the first few.</summary>
    internal sealed class Mismatches
    {
        private readonly List<string> _first = new List<string>();
        private int _count;
        private int _checks;

        public int Checks => _checks;

        public void Check(string what, string expected, string actual)
        {
            _checks++;
            if (expected == actual) return;
            _count++;
            if (_first.Count < 40)
                _first.Add(what + ": expected [" + Text.Show(expected) + "] got [" + Text.Show(actual) + "]");
        }

        public void AssertNone(int minimumChecks = 1)
        {
            if (_count > 0)
                Assert.Fail(_count + " of " + _checks + " differ from the BCL:\n" + string.Join("\n", _first));
            Assert.IsTrue(_checks >= minimumChecks, "only " + _checks + " checks ran");
        }
    }

    internal static class Text
    {
        public static string Show(string s)
        {
            var sb = new StringBuilder();
            foreach (char c in s)
            {
                if (c >= ' ' && c < 0x7F) sb.Append(c);
                else sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            return sb.ToString();
        }
    }

    /// <summary>The BCL side: invariant culture, exceptions turned into the engine's result names.</summary>
    internal static class Bcl
    {
        public static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

        public static string Format(IFormattable value, string format)
        {
            try { return value.ToString(format, Invariant); }
            catch (FormatException) { return "<InvalidFormat>"; }
        }

        public static string DoubleBits(double d) => double.IsNaN(d) ? "NaN" : BitConverter.DoubleToInt64Bits(d).ToString("X16", Invariant);
        public static string SingleBits(float f) => float.IsNaN(f) ? "NaN" : BitConverter.SingleToInt32Bits(f).ToString("X8", Invariant);

        public static string ParseDouble(string s, NumberStyles styles)
        {
            try { return "Ok:" + DoubleBits(double.Parse(s, styles, Invariant)); }
            catch (FormatException) { return "Format"; }
            catch (ArgumentException) { return "InvalidStyle"; }
        }

        public static string ParseSingle(string s, NumberStyles styles)
        {
            try { return "Ok:" + SingleBits(float.Parse(s, styles, Invariant)); }
            catch (FormatException) { return "Format"; }
            catch (ArgumentException) { return "InvalidStyle"; }
        }

        public static string ParseInteger(string s, NumberStyles styles, int bits, bool signed)
        {
            try
            {
                string v = (bits, signed) switch
                {
                    (8, true) => sbyte.Parse(s, styles, Invariant).ToString(Invariant),
                    (8, false) => byte.Parse(s, styles, Invariant).ToString(Invariant),
                    (16, true) => short.Parse(s, styles, Invariant).ToString(Invariant),
                    (16, false) => ushort.Parse(s, styles, Invariant).ToString(Invariant),
                    (32, true) => int.Parse(s, styles, Invariant).ToString(Invariant),
                    (32, false) => uint.Parse(s, styles, Invariant).ToString(Invariant),
                    (64, true) => long.Parse(s, styles, Invariant).ToString(Invariant),
                    _ => ulong.Parse(s, styles, Invariant).ToString(Invariant),
                };
                return "Ok:" + v;
            }
            catch (FormatException) { return "Format"; }
            catch (OverflowException) { return "Overflow"; }
            catch (ArgumentException) { return "InvalidStyle"; }
        }

        /// <summary>TryParse: no exceptions (fast), no Format/Overflow distinction.</summary>
        public static string TryParseInteger(string s, NumberStyles styles, int bits, bool signed)
        {
            bool ok;
            string v;
            switch (bits, signed)
            {
                case (8, true): ok = sbyte.TryParse(s, styles, Invariant, out sbyte a); v = a.ToString(Invariant); break;
                case (8, false): ok = byte.TryParse(s, styles, Invariant, out byte b); v = b.ToString(Invariant); break;
                case (16, true): ok = short.TryParse(s, styles, Invariant, out short c); v = c.ToString(Invariant); break;
                case (16, false): ok = ushort.TryParse(s, styles, Invariant, out ushort d); v = d.ToString(Invariant); break;
                case (32, true): ok = int.TryParse(s, styles, Invariant, out int e); v = e.ToString(Invariant); break;
                case (32, false): ok = uint.TryParse(s, styles, Invariant, out uint f); v = f.ToString(Invariant); break;
                case (64, true): ok = long.TryParse(s, styles, Invariant, out long g); v = g.ToString(Invariant); break;
                default: ok = ulong.TryParse(s, styles, Invariant, out ulong h); v = h.ToString(Invariant); break;
            }
            return ok ? "Ok:" + v : "Fail";
        }
    }

    /// <summary>The engine side, shaped like <see cref="Bcl"/>.</summary>
    internal static class Engine
    {
        public static string FormatSigned(long value, int bits, string format)
        {
            FormatResult r = NumberFormatter.FormatInt64(value, bits, format.AsSpan(), out string s);
            return r == FormatResult.Ok ? s : "<" + r + ">";
        }

        public static string FormatUnsigned(ulong value, string format)
        {
            FormatResult r = NumberFormatter.FormatUInt64(value, format.AsSpan(), out string s);
            return r == FormatResult.Ok ? s : "<" + r + ">";
        }

        public static string FormatDouble(double value, string format)
        {
            FormatResult r = NumberFormatter.FormatDouble(value, format.AsSpan(), out string s);
            return r == FormatResult.Ok ? s : "<" + r + ">";
        }

        public static string FormatSingle(float value, string format)
        {
            FormatResult r = NumberFormatter.FormatSingle(value, format.AsSpan(), out string s);
            return r == FormatResult.Ok ? s : "<" + r + ">";
        }

        public static string ParseDouble(string s, NumberStyles styles)
        {
            ParseResult r = NumberParser.TryParseDouble(s.AsSpan(), (int)styles, out double d);
            return r == ParseResult.Ok ? "Ok:" + Bcl.DoubleBits(d) : r.ToString();
        }

        public static string ParseSingle(string s, NumberStyles styles)
        {
            ParseResult r = NumberParser.TryParseSingle(s.AsSpan(), (int)styles, out float f);
            return r == ParseResult.Ok ? "Ok:" + Bcl.SingleBits(f) : r.ToString();
        }

        public static string ParseInteger(string s, NumberStyles styles, int bits, bool signed)
        {
            ParseResult r = NumberParser.TryParseInteger(s.AsSpan(), (int)styles, bits, signed, out ulong raw);
            if (r != ParseResult.Ok) return r.ToString();
            string v = (bits, signed) switch
            {
                (8, true) => ((sbyte)raw).ToString(Bcl.Invariant),
                (8, false) => ((byte)raw).ToString(Bcl.Invariant),
                (16, true) => ((short)raw).ToString(Bcl.Invariant),
                (16, false) => ((ushort)raw).ToString(Bcl.Invariant),
                (32, true) => ((int)raw).ToString(Bcl.Invariant),
                (32, false) => ((uint)raw).ToString(Bcl.Invariant),
                (64, true) => ((long)raw).ToString(Bcl.Invariant),
                _ => raw.ToString(Bcl.Invariant),
            };
            return "Ok:" + v;
        }
    }

    /// <summary>The eight integer types as (bits, signed) with their ranges.</summary>
    internal readonly struct IntType
    {
        public readonly int Bits;
        public readonly bool Signed;
        public IntType(int bits, bool signed) { Bits = bits; Signed = signed; }

        public static readonly IntType[] All =
        {
            new IntType(8, true), new IntType(8, false), new IntType(16, true), new IntType(16, false),
            new IntType(32, true), new IntType(32, false), new IntType(64, true), new IntType(64, false),
        };

        public string Name => (Signed ? "Int" : "UInt") + Bits;

        public long MinSigned => Bits == 64 ? long.MinValue : -(1L << (Bits - 1));
        public long MaxSigned => Bits == 64 ? long.MaxValue : (1L << (Bits - 1)) - 1;
        public ulong MaxUnsigned => Bits == 64 ? ulong.MaxValue : (1UL << Bits) - 1;

        /// <summary>A random value with a random bit length, so that small numbers are common.</summary>
        public ulong RandomRaw(Random random)
        {
            int length = random.Next(0, Bits + 1);
            ulong v = (ulong)random.NextInt64() ^ ((ulong)random.NextInt64() << 1);
            v = length == 64 ? v : v & ((1UL << length) - 1);
            if (Signed && random.Next(2) == 0) v = 0UL - v;
            return Normalize(v);
        }

        /// <summary>Wraps to the type: sign-extended for signed, masked for unsigned.</summary>
        public ulong Normalize(ulong v)
        {
            if (Bits == 64) return v;
            if (Signed)
            {
                int shift = 64 - Bits;
                return (ulong)(((long)v << shift) >> shift);
            }
            return v & ((1UL << Bits) - 1);
        }

        public IFormattable Box(ulong raw) => (Bits, Signed) switch
        {
            (8, true) => (sbyte)raw,
            (8, false) => (byte)raw,
            (16, true) => (short)raw,
            (16, false) => (ushort)raw,
            (32, true) => (int)raw,
            (32, false) => (uint)raw,
            (64, true) => (long)raw,
            _ => raw,
        };

        public string EngineFormat(ulong raw, string format)
            => Signed ? Engine.FormatSigned((long)raw, Bits, format) : Engine.FormatUnsigned(raw, format);
    }
}
