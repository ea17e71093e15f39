namespace Mirage.CoreLib.Numerics
{
    /// <summary>
    /// A fixed-capacity unsigned big integer (little-endian 32-bit blocks) for the exact paths of
    /// the number engine: Dragon4 digit generation and correctly rounded decimal-to-binary
    /// conversion. Capacity covers the largest operands either needs (about 3,800 bits when a
    /// 800-digit mantissa meets a 10^-1124 scale). Only the blocks below Length are meaningful;
    /// Length == 0 is zero.
    /// </summary>
    internal unsafe struct BigInt
    {
        internal const int MaxBlocks = 132;

        internal int Length;
        internal fixed uint Blocks[MaxBlocks];

        internal bool IsZero => Length == 0;

        internal void SetZero() => Length = 0;

        internal void SetUInt32(uint value)
        {
            if (value == 0) { Length = 0; return; }
            Blocks[0] = value;
            Length = 1;
        }

        internal void SetUInt64(ulong value)
        {
            if (value == 0) { Length = 0; return; }
            Blocks[0] = (uint)value;
            uint hi = (uint)(value >> 32);
            if (hi == 0) { Length = 1; return; }
            Blocks[1] = hi;
            Length = 2;
        }

        /// <summary>this = 2^exponent.</summary>
        internal void SetPow2(int exponent)
        {
            int blockIndex = exponent >> 5;
            for (int i = 0; i < blockIndex; i++) Blocks[i] = 0;
            Blocks[blockIndex] = 1u << (exponent & 31);
            Length = blockIndex + 1;
        }

        internal void CopyFrom(ref BigInt other)
        {
            int n = other.Length;
            for (int i = 0; i < n; i++) Blocks[i] = other.Blocks[i];
            Length = n;
        }

        internal int BitLength()
        {
            if (Length == 0) return 0;
            return (Length - 1) * 32 + BitLength32(Blocks[Length - 1]);
        }

        internal static int BitLength32(uint value)
        {
            int n = 0;
            if ((value & 0xFFFF0000u) != 0) { n += 16; value >>= 16; }
            if ((value & 0xFF00u) != 0) { n += 8; value >>= 8; }
            if ((value & 0xF0u) != 0) { n += 4; value >>= 4; }
            if ((value & 0xCu) != 0) { n += 2; value >>= 2; }
            if ((value & 0x2u) != 0) { n += 1; value >>= 1; }
            return n + (int)value;
        }

        internal static int BitLength64(ulong value)
        {
            uint hi = (uint)(value >> 32);
            return hi != 0 ? 32 + BitLength32(hi) : BitLength32((uint)value);
        }

        internal static int Compare(ref BigInt a, ref BigInt b)
        {
            if (a.Length != b.Length) return a.Length > b.Length ? 1 : -1;
            for (int i = a.Length - 1; i >= 0; i--)
            {
                uint x = a.Blocks[i], y = b.Blocks[i];
                if (x != y) return x > y ? 1 : -1;
            }
            return 0;
        }

        /// <summary>result = a + b (result must not alias a or b).</summary>
        internal static void Add(ref BigInt a, ref BigInt b, ref BigInt result)
        {
            int la = a.Length, lb = b.Length;
            int max = la > lb ? la : lb;
            ulong carry = 0;
            for (int i = 0; i < max; i++)
            {
                ulong sum = carry;
                if (i < la) sum += a.Blocks[i];
                if (i < lb) sum += b.Blocks[i];
                result.Blocks[i] = (uint)sum;
                carry = sum >> 32;
            }
            if (carry != 0) { result.Blocks[max] = (uint)carry; max++; }
            result.Length = max;
        }

        /// <summary>this -= other; requires this &gt;= other.</summary>
        internal void Subtract(ref BigInt other)
        {
            int n = other.Length;
            long borrow = 0;
            int i = 0;
            for (; i < n; i++)
            {
                long diff = (long)Blocks[i] - other.Blocks[i] + borrow;
                Blocks[i] = (uint)diff;
                borrow = diff >> 32; // 0 or -1
            }
            for (; borrow != 0 && i < Length; i++)
            {
                long diff = (long)Blocks[i] + borrow;
                Blocks[i] = (uint)diff;
                borrow = diff >> 32;
            }
            Trim();
        }

        internal void Trim()
        {
            int n = Length;
            while (n > 0 && Blocks[n - 1] == 0) n--;
            Length = n;
        }

        internal void MultiplyUInt32(uint multiplier)
        {
            if (Length == 0) return;
            if (multiplier == 0) { Length = 0; return; }
            ulong carry = 0;
            int n = Length;
            for (int i = 0; i < n; i++)
            {
                ulong product = (ulong)Blocks[i] * multiplier + carry;
                Blocks[i] = (uint)product;
                carry = product >> 32;
            }
            if (carry != 0) { Blocks[n] = (uint)carry; Length = n + 1; }
        }

        internal void Multiply10() => MultiplyUInt32(10);

        internal void MultiplyPow10(int exponent)
        {
            while (exponent >= 9)
            {
                MultiplyUInt32(1000000000);
                exponent -= 9;
            }
            if (exponent > 0) MultiplyUInt32(SmallPow10(exponent));
        }

        internal static uint SmallPow10(int exponent)
        {
            uint r = 1;
            for (int i = 0; i < exponent; i++) r *= 10;
            return r;
        }

        internal void AddUInt32(uint value)
        {
            ulong carry = value;
            int i = 0;
            while (carry != 0)
            {
                if (i == Length) { Blocks[i] = (uint)carry; Length = i + 1; return; }
                ulong sum = (ulong)Blocks[i] + carry;
                Blocks[i] = (uint)sum;
                carry = sum >> 32;
                i++;
            }
        }

        internal void ShiftLeft(int shift)
        {
            if (Length == 0 || shift == 0) return;
            int blockShift = shift >> 5;
            int bitShift = shift & 31;
            int n = Length;
            if (bitShift == 0)
            {
                for (int i = n - 1; i >= 0; i--) Blocks[i + blockShift] = Blocks[i];
                for (int i = 0; i < blockShift; i++) Blocks[i] = 0;
                Length = n + blockShift;
                return;
            }
            int inv = 32 - bitShift;
            uint high = Blocks[n - 1] >> inv;
            int newLength = n + blockShift;
            if (high != 0) { Blocks[newLength] = high; }
            for (int i = n - 1; i > 0; i--)
                Blocks[i + blockShift] = (Blocks[i] << bitShift) | (Blocks[i - 1] >> inv);
            Blocks[blockShift] = Blocks[0] << bitShift;
            for (int i = 0; i < blockShift; i++) Blocks[i] = 0;
            Length = high != 0 ? newLength + 1 : newLength;
        }

        internal void ShiftRight1()
        {
            int n = Length;
            if (n == 0) return;
            for (int i = 0; i < n - 1; i++)
                Blocks[i] = (Blocks[i] >> 1) | (Blocks[i + 1] << 31);
            Blocks[n - 1] >>= 1;
            if (Blocks[n - 1] == 0) Length = n - 1;
        }

        /// <summary>
        /// Divides this by <paramref name="divisor"/> when the quotient is known to be small (Dragon4:
        /// below 10, with the divisor's top block in [8, 429496729] so the dividend never has more blocks
        /// than the divisor). Leaves the remainder in this and returns the quotient.
        /// </summary>
        internal uint DivideSmallQuotient(ref BigInt divisor)
        {
            int n = divisor.Length;
            if (Length < n) return 0;
            uint quotient = 0;
            if (Length == n)
            {
                // floor(top / (divisorTop + 1)) never overshoots the true quotient.
                quotient = Blocks[n - 1] / (divisor.Blocks[n - 1] + 1);
                if (quotient != 0)
                {
                    ulong carry = 0;
                    long borrow = 0;
                    for (int i = 0; i < n; i++)
                    {
                        ulong product = (ulong)divisor.Blocks[i] * quotient + carry;
                        carry = product >> 32;
                        long diff = (long)Blocks[i] - (uint)product + borrow;
                        Blocks[i] = (uint)diff;
                        borrow = diff >> 32;
                    }
                    Trim();
                }
            }
            while (Compare(ref this, ref divisor) >= 0)
            {
                quotient++;
                Subtract(ref divisor);
            }
            return quotient;
        }
    }
}
