using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// Memory primitives; ilc calls Memmove/Fill/ClearWithoutReferences by name for block copies.
    /// They move a machine word at a time (four per turn for long runs) once the destination is
    /// aligned: a byte loop was the website's hottest function on Xen (every TCP segment and HTTP
    /// response is copied through here). x64 loads and stores words at any alignment, so only the
    /// destination is aligned there; ARMv7's word accesses must both be aligned, so a source at a
    /// different alignment is copied a byte at a time.
    /// </summary>
    internal static unsafe class SpanHelpers
    {
        private static nuint WordMask
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => (nuint)(sizeof(nuint) - 1);
        }

        internal static void Memmove(ref byte destination, ref byte source, nuint length)
        {
            byte* d = (byte*)Unsafe.AsPointer(ref destination);
            byte* s = (byte*)Unsafe.AsPointer(ref source);
            if (d == s || length == 0) return;
            // Forward is safe unless the destination starts inside the source (unsigned: d < s wraps high).
            if ((nuint)(d - s) >= length) CopyForward(d, s, length);
            else CopyBackward(d, s, length);
        }

        private static bool WordsPossible(byte* d, byte* s, nuint length) =>
            length >= 2 * (nuint)sizeof(nuint) && (sizeof(nuint) == 8 || (((nuint)d ^ (nuint)s) & WordMask) == 0);

        private static void CopyForward(byte* d, byte* s, nuint length)
        {
            if (WordsPossible(d, s, length))
            {
                while (((nuint)d & WordMask) != 0) { *d++ = *s++; length--; }
                nuint word = (nuint)sizeof(nuint);
                while (length >= 4 * word)
                {
                    nuint a = *(nuint*)s, b = *(nuint*)(s + word), c = *(nuint*)(s + 2 * word), e = *(nuint*)(s + 3 * word);
                    *(nuint*)d = a; *(nuint*)(d + word) = b; *(nuint*)(d + 2 * word) = c; *(nuint*)(d + 3 * word) = e;
                    d += 4 * word; s += 4 * word; length -= 4 * word;
                }
                while (length >= word) { *(nuint*)d = *(nuint*)s; d += word; s += word; length -= word; }
            }
            while (length != 0) { *d++ = *s++; length--; }
        }

        /// <summary>From the end down: the destination overlaps the source's tail.</summary>
        private static void CopyBackward(byte* d, byte* s, nuint length)
        {
            d += length;
            s += length;
            if (WordsPossible(d, s, length))
            {
                while (((nuint)d & WordMask) != 0) { *--d = *--s; length--; }
                nuint word = (nuint)sizeof(nuint);
                while (length >= word) { d -= word; s -= word; *(nuint*)d = *(nuint*)s; length -= word; }
            }
            while (length != 0) { *--d = *--s; length--; }
        }

        internal static void Fill(ref byte destination, byte value, nuint length)
        {
            byte* d = (byte*)Unsafe.AsPointer(ref destination);
            if (length >= 2 * (nuint)sizeof(nuint))
            {
                while (((nuint)d & WordMask) != 0) { *d++ = value; length--; }
                nuint pattern = value * (~(nuint)0 / 0xFF); // the byte in every byte of the word
                for (; length >= (nuint)sizeof(nuint); length -= (nuint)sizeof(nuint), d += sizeof(nuint)) *(nuint*)d = pattern;
            }
            for (; length != 0; length--) *d++ = value;
        }

        internal static void ClearWithoutReferences(ref byte destination, nuint length) => Fill(ref destination, 0, length);

        internal static void ClearWithReferences(ref nint destination, nuint pointerCount)
            => ClearWithoutReferences(ref Unsafe.As<nint, byte>(ref destination), pointerCount * (nuint)sizeof(nint));

        internal static bool SequenceEqual(ref byte first, ref byte second, nuint length)
        {
            byte* a = (byte*)Unsafe.AsPointer(ref first);
            byte* b = (byte*)Unsafe.AsPointer(ref second);
            if (WordsPossible(a, b, length))
            {
                while (((nuint)a & WordMask) != 0) { if (*a++ != *b++) return false; length--; }
                for (; length >= (nuint)sizeof(nuint); length -= (nuint)sizeof(nuint), a += sizeof(nuint), b += sizeof(nuint))
                    if (*(nuint*)a != *(nuint*)b) return false;
            }
            for (; length != 0; length--) if (*a++ != *b++) return false;
            return true;
        }
    }
}
