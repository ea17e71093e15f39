using System;

namespace Mirage.CoreLib.Numerics
{
    /// <summary>
    /// A decimal number as a digit string: value = 0.d1 d2 ... dN × 10^Scale. Digits are ASCII
    /// ('0'..'9'); only the first DigitsCount are meaningful (they may end in zeros).
    /// </summary>
    internal unsafe struct NumberBuffer
    {
        /// <summary>Caller-provided (usually stackalloc'd) storage of DigitsCapacity bytes.</summary>
        internal byte* Digits;
        internal int DigitsCapacity;
        internal int DigitsCount;
        internal int Scale;
        internal bool IsNegative;
        /// <summary>Parsing: non-zero digits were dropped past the buffer's capacity.</summary>
        internal bool HasNonZeroTail;
        /// <summary>Floating-point (digits come from a binary value, or are parsed into one) rather than integer.</summary>
        internal bool IsFloatingPoint;

        internal NumberBuffer(byte* digits, int capacity, bool isFloatingPoint)
        {
            Digits = digits;
            DigitsCapacity = capacity;
            DigitsCount = 0;
            Scale = 0;
            IsNegative = false;
            HasNonZeroTail = false;
            IsFloatingPoint = isFloatingPoint;
        }
    }

    /// <summary>
    /// Appends chars to a destination span, and keeps counting past its end so that the caller
    /// learns the length the whole text needs.
    /// </summary>
    internal ref struct CharWriter
    {
        private readonly Span<char> _destination;
        internal int Length;

        internal CharWriter(Span<char> destination)
        {
            _destination = destination;
            Length = 0;
        }

        internal bool Fits => Length <= _destination.Length;

        internal void Append(char c)
        {
            int pos = Length;
            if ((uint)pos < (uint)_destination.Length) _destination[pos] = c;
            Length = pos + 1;
        }

        internal void AppendRepeat(char c, int count)
        {
            if (count <= 0) return;
            int pos = Length;
            int end = pos + count;
            int limit = end < _destination.Length ? end : _destination.Length;
            for (int i = pos; i < limit; i++) _destination[i] = c;
            Length = end;
        }

        internal void AppendAscii(string text)
        {
            for (int i = 0; i < text.Length; i++) Append(text[i]);
        }
    }
}
