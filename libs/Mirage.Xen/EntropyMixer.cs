namespace Mirage.Xen
{
    /// <summary>
    /// How the platform bindings turn timer jitter into the 64 bits of mirage_platform_entropy:
    /// the counter mixed with the wall clock through the SplitMix64 finalizer. Good enough to
    /// seed Random; not a cryptographic source (docs/xen-target.md).
    /// </summary>
    public static class EntropyMixer
    {
        public static ulong Mix(ulong counter, long wallNanoseconds)
        {
            ulong z = counter ^ (ulong)wallNanoseconds * 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
