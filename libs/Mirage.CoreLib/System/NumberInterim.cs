using System.Globalization;

namespace System
{
    // Interim integer-only formatting until the number engine (System/Number/) is wired in.
    internal static partial class Number
    {
        internal static bool TryFormatInt64(long value, ReadOnlySpan<char> format, int bits, Span<char> destination, out int written)
        {
            if (value < 0)
            {
                if (destination.Length == 0) { written = 0; return false; }
                destination[0] = '-';
                bool ok = TryFormatUInt64((ulong)(-(value + 1)) + 1, format, bits, destination.Slice(1), out written);
                written++;
                return ok;
            }
            return TryFormatUInt64((ulong)value, format, bits, destination, out written);
        }

        internal static bool TryFormatUInt64(ulong value, ReadOnlySpan<char> format, int bits, Span<char> destination, out int written)
        {
            Span<char> digits = stackalloc char[20];
            int count = 0;
            do { ulong q = value / 10; digits[count++] = (char)('0' + (int)(value - q * 10)); value = q; } while (value != 0);
            written = 0;
            if (destination.Length < count) return false;
            for (int i = 0; i < count; i++) destination[i] = digits[count - 1 - i];
            written = count;
            return true;
        }

        internal static bool TryFormatDouble(double value, ReadOnlySpan<char> format, Span<char> destination, out int written) { written = 0; return false; }
        internal static bool TryFormatSingle(float value, ReadOnlySpan<char> format, Span<char> destination, out int written) { written = 0; return false; }

        internal static ParseStatus TryParseInt64(ReadOnlySpan<char> s, NumberStyles style, out long value)
        {
            value = 0;
            int i = 0;
            bool negative = false;
            if (i < s.Length && (s[i] == '-' || s[i] == '+')) { negative = s[i] == '-'; i++; }
            if (i == s.Length) return ParseStatus.Format;
            ulong magnitude = 0;
            for (; i < s.Length; i++)
            {
                if (s[i] < '0' || s[i] > '9') return ParseStatus.Format;
                magnitude = magnitude * 10 + (ulong)(s[i] - '0');
            }
            value = negative ? -(long)magnitude : (long)magnitude;
            return ParseStatus.Ok;
        }

        internal static ParseStatus TryParseUInt64(ReadOnlySpan<char> s, NumberStyles style, out ulong value)
        {
            ParseStatus status = TryParseInt64(s, style, out long signed);
            value = (ulong)signed;
            return status;
        }

        internal static bool TryParseDouble(ReadOnlySpan<char> s, NumberStyles style, out double value) { value = 0; return false; }
        internal static bool TryParseSingle(ReadOnlySpan<char> s, NumberStyles style, out float value) { value = 0; return false; }
    }
}
