extern alias mirage;

using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MSpanHelpers = mirage::System.SpanHelpers;

namespace Mirage.CoreLib.Surface.Tests
{
    /// <summary>
    /// The block copy, fill and compare that every span copy, array copy and struct copy of the
    /// unikernel goes through, against a byte-at-a-time reference: every alignment of source and
    /// destination within a word pair, lengths around the word and unrolled-loop boundaries, and
    /// overlapping moves in both directions (the destination before or inside the source).
    /// </summary>
    [TestClass]
    public sealed unsafe class MemoryPrimitivesTests
    {
        private const int Arena = 160;
        private static readonly int[] Lengths = [0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 40, 63, 64, 65, 100];

        [TestMethod]
        public void MemmoveMatchesAByteCopyAtEveryAlignmentAndOverlap()
        {
            int cases = 0;
            foreach (int length in Lengths)
                for (int source = 0; source < 16; source++)
                    for (int destination = 0; destination < 40; destination++)
                    {
                        // One buffer for both: destinations 0..39 fall before, on and inside the source's range.
                        byte[] expected = Pattern(Arena), actual = Pattern(Arena);
                        int from = 16 + source, to = destination;
                        if (to + length > Arena || from + length > Arena) continue;
                        Array.Copy(expected, from, expected, to, length); // the BCL's overlap-safe copy
                        fixed (byte* p = actual) MSpanHelpers.Memmove(ref p[to], ref p[from], (nuint)length);
                        CollectionAssert.AreEqual(expected, actual, $"move of {length} bytes from {from} to {to}");
                        cases++;
                    }
            Assert.IsGreaterThan(10_000, cases);
        }

        [TestMethod]
        public void FillAndClearTouchExactlyTheirRange()
        {
            foreach (int length in Lengths)
                for (int offset = 0; offset < 16; offset++)
                    foreach (byte value in new byte[] { 0, 0x5A, 0xFF })
                    {
                        byte[] expected = Pattern(Arena), actual = Pattern(Arena);
                        expected.AsSpan(offset, length).Fill(value);
                        fixed (byte* p = actual)
                        {
                            if (value == 0) MSpanHelpers.ClearWithoutReferences(ref p[offset], (nuint)length);
                            else MSpanHelpers.Fill(ref p[offset], value, (nuint)length);
                        }
                        CollectionAssert.AreEqual(expected, actual, $"fill of {length} bytes of {value} at {offset}");
                    }
        }

        [TestMethod]
        public void SequenceEqualFindsADifferenceInAnyByte()
        {
            foreach (int length in Lengths)
                for (int first = 0; first < 8; first++)
                    for (int second = 0; second < 8; second++)
                    {
                        byte[] a = Pattern(Arena), b = new byte[Arena];
                        Array.Copy(a, first, b, second, length);
                        fixed (byte* pa = a)
                        fixed (byte* pb = b)
                        {
                            Assert.IsTrue(MSpanHelpers.SequenceEqual(ref pa[first], ref pb[second], (nuint)length), $"equal {length} at {first}/{second}");
                            for (int changed = 0; changed < length; changed++)
                            {
                                pb[second + changed] ^= 0x10;
                                Assert.IsFalse(MSpanHelpers.SequenceEqual(ref pa[first], ref pb[second], (nuint)length), $"byte {changed} of {length} at {first}/{second}");
                                pb[second + changed] ^= 0x10;
                            }
                        }
                    }
        }

        /// <summary>Distinct bytes, so a byte copied from the wrong place shows.</summary>
        private static byte[] Pattern(int length)
        {
            var bytes = new byte[length];
            for (int i = 0; i < length; i++) bytes[i] = (byte)(i * 7 + 1);
            return bytes;
        }
    }
}
