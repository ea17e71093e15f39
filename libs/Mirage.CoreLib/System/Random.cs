namespace System
{
    /// <summary>
    /// Pseudo-random numbers (xoshiro256**). Unseeded instances are seeded from platform entropy;
    /// seeded ones are deterministic but, as .NET documents for seeded instances since .NET 6, the
    /// sequence differs from .NET's.
    /// </summary>
    public class Random
    {
        private ulong _s0, _s1, _s2, _s3;
        private static Random s_shared;

        public static Random Shared => s_shared ??= new Random();

        public Random() : this(Internal.Platform.Platform.Entropy(), true) { }

        public Random(int Seed) : this((ulong)(uint)Seed * 0x9E3779B97F4A7C15UL + 1, true) { }

        private Random(ulong seed, bool _)
        {
            _s0 = SplitMix(ref seed); _s1 = SplitMix(ref seed); _s2 = SplitMix(ref seed); _s3 = SplitMix(ref seed);
        }

        private static ulong SplitMix(ref ulong state)
        {
            ulong z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

        private ulong NextUInt64()
        {
            ulong result = RotateLeft(_s1 * 5, 7) * 9;
            ulong t = _s1 << 17;
            _s2 ^= _s0; _s3 ^= _s1; _s1 ^= _s2; _s0 ^= _s3;
            _s2 ^= t;
            _s3 = RotateLeft(_s3, 45);
            return result;
        }

        public virtual int Next()
        {
            while (true)
            {
                ulong result = NextUInt64() >> 33;
                if (result != int.MaxValue) return (int)result;
            }
        }

        public virtual int Next(int maxValue)
        {
            if (maxValue < 0) throw new ArgumentOutOfRangeException(nameof(maxValue), "'maxValue' must be greater than zero.");
            return (int)NextBounded((ulong)maxValue);
        }

        public virtual int Next(int minValue, int maxValue)
        {
            if (minValue > maxValue) throw new ArgumentOutOfRangeException(nameof(minValue), "'minValue' cannot be greater than maxValue.");
            return (int)((long)minValue + (long)NextBounded((ulong)((long)maxValue - minValue)));
        }

        public virtual long NextInt64() => (long)(NextUInt64() >> 1);
        public virtual long NextInt64(long maxValue)
        {
            if (maxValue < 0) throw new ArgumentOutOfRangeException(nameof(maxValue), "'maxValue' must be greater than zero.");
            return (long)NextBounded((ulong)maxValue);
        }
        public virtual long NextInt64(long minValue, long maxValue)
        {
            if (minValue > maxValue) throw new ArgumentOutOfRangeException(nameof(minValue), "'minValue' cannot be greater than maxValue.");
            return minValue + (long)NextBounded((ulong)(maxValue - minValue));
        }

        // Unbiased: rejection sampling over the largest multiple of the bound.
        private ulong NextBounded(ulong bound)
        {
            if (bound <= 1) return 0;
            ulong limit = ulong.MaxValue - (ulong.MaxValue % bound + 1) % bound;
            while (true)
            {
                ulong value = NextUInt64();
                if (value <= limit) return value % bound;
            }
        }

        public virtual double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));
        public virtual float NextSingle() => (NextUInt64() >> 40) * (1.0f / (1U << 24));
        protected virtual double Sample() => NextDouble();

        public virtual void NextBytes(byte[] buffer)
        {
            if (buffer == null) throw new ArgumentNullException(nameof(buffer));
            NextBytes(new Span<byte>(buffer));
        }

        public virtual void NextBytes(Span<byte> buffer)
        {
            for (int i = 0; i < buffer.Length; i += 8)
            {
                ulong value = NextUInt64();
                for (int k = 0; k < 8 && i + k < buffer.Length; k++) buffer[i + k] = (byte)(value >> (8 * k));
            }
        }

        public void Shuffle<T>(T[] values)
        {
            if (values == null) throw new ArgumentNullException(nameof(values));
            Shuffle(new Span<T>(values));
        }

        public void Shuffle<T>(Span<T> values)
        {
            for (int i = 0; i < values.Length - 1; i++)
            {
                int j = Next(i, values.Length);
                if (j != i) { T t = values[i]; values[i] = values[j]; values[j] = t; }
            }
        }
    }
}
