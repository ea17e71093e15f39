extern alias mirage;

using System;
using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MBinary = mirage::System.Buffers.Binary.BinaryPrimitives;
using MBits = mirage::System.Numerics.BitOperations;
using MHandler = mirage::System.Runtime.CompilerServices.DefaultInterpolatedStringHandler;

namespace Mirage.CoreLib.Surface.Tests
{
    [TestClass]
    public sealed class PrimitivesTests
    {
        [TestMethod]
        public void BinaryPrimitivesMatchTheBcl()
        {
            var random = new Random(1);
            byte[] bytes = new byte[8], e = new byte[8], a = new byte[8];
            for (int i = 0; i < 20000; i++)
            {
                random.NextBytes(bytes);
                Assert.AreEqual(BinaryPrimitives.ReadInt16BigEndian(bytes), MBinary.ReadInt16BigEndian(bytes));
                Assert.AreEqual(BinaryPrimitives.ReadUInt16LittleEndian(bytes), MBinary.ReadUInt16LittleEndian(bytes));
                Assert.AreEqual(BinaryPrimitives.ReadInt32BigEndian(bytes), MBinary.ReadInt32BigEndian(bytes));
                Assert.AreEqual(BinaryPrimitives.ReadUInt32LittleEndian(bytes), MBinary.ReadUInt32LittleEndian(bytes));
                Assert.AreEqual(BinaryPrimitives.ReadInt64LittleEndian(bytes), MBinary.ReadInt64LittleEndian(bytes));
                Assert.AreEqual(BinaryPrimitives.ReadUInt64BigEndian(bytes), MBinary.ReadUInt64BigEndian(bytes));
                Assert.AreEqual(BinaryPrimitives.ReadIntPtrBigEndian(bytes), MBinary.ReadIntPtrBigEndian(bytes));
                Assert.AreEqual(BinaryPrimitives.ReadUIntPtrLittleEndian(bytes), MBinary.ReadUIntPtrLittleEndian(bytes));
                Assert.AreEqual(BitConverter.DoubleToInt64Bits(BinaryPrimitives.ReadDoubleBigEndian(bytes)), BitConverter.DoubleToInt64Bits(MBinary.ReadDoubleBigEndian(bytes)));
                Assert.AreEqual(BitConverter.SingleToInt32Bits(BinaryPrimitives.ReadSingleLittleEndian(bytes)), BitConverter.SingleToInt32Bits(MBinary.ReadSingleLittleEndian(bytes)));
                long v = BitConverter.ToInt64(bytes);
                BinaryPrimitives.WriteInt64BigEndian(e, v); MBinary.WriteInt64BigEndian(a, v); CollectionAssert.AreEqual(e, a);
                BinaryPrimitives.WriteUInt32LittleEndian(e, (uint)v); MBinary.WriteUInt32LittleEndian(a, (uint)v); CollectionAssert.AreEqual(e, a);
                BinaryPrimitives.WriteInt16BigEndian(e, (short)v); MBinary.WriteInt16BigEndian(a, (short)v); CollectionAssert.AreEqual(e, a);
                BinaryPrimitives.WriteDoubleLittleEndian(e, BitConverter.Int64BitsToDouble(v)); MBinary.WriteDoubleLittleEndian(a, BitConverter.Int64BitsToDouble(v)); CollectionAssert.AreEqual(e, a);
                BinaryPrimitives.WriteSingleBigEndian(e, BitConverter.Int32BitsToSingle((int)v)); MBinary.WriteSingleBigEndian(a, BitConverter.Int32BitsToSingle((int)v)); CollectionAssert.AreEqual(e, a);
                Assert.AreEqual(BinaryPrimitives.ReverseEndianness(v), MBinary.ReverseEndianness(v));
                Assert.AreEqual(BinaryPrimitives.ReverseEndianness((int)v), MBinary.ReverseEndianness((int)v));
                Assert.AreEqual(BinaryPrimitives.ReverseEndianness((ushort)v), MBinary.ReverseEndianness((ushort)v));
                Assert.AreEqual(BinaryPrimitives.TryReadInt32BigEndian(bytes.AsSpan(0, i % 6), out int x), MBinary.TryReadInt32BigEndian(bytes.AsSpan(0, i % 6), out int y));
                Assert.AreEqual(x, y);
                Assert.AreEqual(BinaryPrimitives.TryWriteUInt64LittleEndian(e.AsSpan(0, i % 9), (ulong)v), MBinary.TryWriteUInt64LittleEndian(a.AsSpan(0, i % 9), (ulong)v));
            }
        }

        [TestMethod]
        public void BitOperationsMatchTheBcl()
        {
            var random = new Random(2);
            for (int i = 0; i < 200000; i++)
            {
                ulong v = (ulong)random.NextInt64() >> random.Next(64);
                if (i % 7 == 0) v = 0;
                if (i % 11 == 0) v = 1UL << random.Next(64);
                uint u = (uint)v;
                int shift = random.Next(-70, 70);
                Assert.AreEqual(BitOperations.LeadingZeroCount(v), MBits.LeadingZeroCount(v));
                Assert.AreEqual(BitOperations.LeadingZeroCount(u), MBits.LeadingZeroCount(u));
                Assert.AreEqual(BitOperations.TrailingZeroCount(v), MBits.TrailingZeroCount(v));
                Assert.AreEqual(BitOperations.TrailingZeroCount((int)u), MBits.TrailingZeroCount((int)u));
                Assert.AreEqual(BitOperations.PopCount(v), MBits.PopCount(v));
                Assert.AreEqual(BitOperations.PopCount(u), MBits.PopCount(u));
                Assert.AreEqual(BitOperations.Log2(v), MBits.Log2(v));
                Assert.AreEqual(BitOperations.Log2(u), MBits.Log2(u));
                Assert.AreEqual(BitOperations.IsPow2(v), MBits.IsPow2(v));
                Assert.AreEqual(BitOperations.IsPow2((long)v), MBits.IsPow2((long)v));
                Assert.AreEqual(BitOperations.IsPow2((int)u), MBits.IsPow2((int)u));
                Assert.AreEqual(BitOperations.RoundUpToPowerOf2(v), MBits.RoundUpToPowerOf2(v));
                Assert.AreEqual(BitOperations.RoundUpToPowerOf2(u), MBits.RoundUpToPowerOf2(u));
                Assert.AreEqual(BitOperations.RotateLeft(v, shift), MBits.RotateLeft(v, shift));
                Assert.AreEqual(BitOperations.RotateRight(u, shift), MBits.RotateRight(u, shift));
                Assert.AreEqual(BitOperations.Crc32C(u, v), MBits.Crc32C(u, v));
                Assert.AreEqual(BitOperations.Crc32C(u, (byte)v), MBits.Crc32C(u, (byte)v));
                Assert.AreEqual(BitOperations.Crc32C(u, (ushort)v), MBits.Crc32C(u, (ushort)v));
                Assert.AreEqual(BitOperations.Crc32C(u, (uint)(v >> 7)), MBits.Crc32C(u, (uint)(v >> 7)));
            }
        }

        private sealed class Point : IFormattable
        {
            public int X;
            public string ToString(string format, IFormatProvider provider) => "P(" + X.ToString(format, provider) + ")";
            public override string ToString() => "P" + X;
        }

        private sealed class Bracketing : IFormatProvider, ICustomFormatter
        {
            public object GetFormat(Type formatType) => formatType == typeof(ICustomFormatter) ? this : null;
            public string Format(string format, object arg, IFormatProvider formatProvider) => "[" + format + ":" + arg + "]";
        }

        [TestMethod]
        public void InterpolationHandlerBuildsTheSameStringsAsTheBcl()
        {
            var random = new Random(3);
            IFormatProvider[] providers = { null, CultureInfo.InvariantCulture, new Bracketing() };
            Span<char> initial = stackalloc char[4];
            for (int i = 0; i < 3000; i++)
            {
                IFormatProvider provider = providers[i % providers.Length];
                var e = new System.Runtime.CompilerServices.DefaultInterpolatedStringHandler(3, 4, provider);
                var a = new MHandler(3, 4, provider, i % 2 == 0 ? initial : default);
                for (int part = 0; part < random.Next(1, 12); part++)
                {
                    int alignment = random.Next(-12, 12);
                    switch (random.Next(9))
                    {
                        case 0: { string s = new string('x', random.Next(0, 300)); e.AppendLiteral(s); a.AppendLiteral(s); break; }
                        case 1: { int v = random.Next(); e.AppendFormatted(v); a.AppendFormatted(v); break; }
                        case 2: { int v = random.Next(-1000, 1000); e.AppendFormatted(v, alignment, "X"); a.AppendFormatted(v, alignment, "X"); break; }
                        case 3: { string s = i % 5 == 0 ? null : "str" + i; e.AppendFormatted(s, alignment); a.AppendFormatted(s, alignment); break; }
                        case 4: { var p = new Point { X = i }; e.AppendFormatted(p, "D5"); a.AppendFormatted(p, "D5"); break; }
                        case 5: { object o = i % 3 == 0 ? null : (object)(i * 0.5); e.AppendFormatted(o, alignment, "F2"); a.AppendFormatted(o, alignment, "F2"); break; }
                        case 6: { int? n = i % 4 == 0 ? null : i; e.AppendFormatted(n); a.AppendFormatted(n); e.AppendFormatted(n, alignment); a.AppendFormatted(n, alignment); break; }
                        case 7: { ReadOnlySpan<char> span = "span-text".AsSpan(0, random.Next(10)); e.AppendFormatted(span, alignment); a.AppendFormatted(span, alignment); break; }
                        default: { long v = random.NextInt64(); e.AppendFormatted(v, "N0"); a.AppendFormatted(v, "N0"); break; }
                    }
                }
                Assert.AreEqual(e.ToStringAndClear(), a.ToStringAndClear(), $"case {i}");
            }
        }
    }
}
