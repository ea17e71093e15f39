using System.Globalization;

namespace System
{
    /// <summary>
    /// The primitives' formatting and parsing entry points. The algorithms live in
    /// System/Number/ (Mirage.CoreLib.Numerics); this class adapts them to the BCL's shapes
    /// (strings, exceptions, bit widths).
    /// </summary>
    internal static partial class Number
    {
        internal enum ParseStatus { Ok, Format, Overflow }

        internal static string FormatInt64(long value, string format, int bits)
        {
            Span<char> buffer = stackalloc char[128];
            if (TryFormatInt64(value, format, bits, buffer, out int written)) return new string(buffer.Slice(0, written));
            return FormatLarge(format);
        }

        internal static string FormatUInt64(ulong value, string format, int bits)
        {
            Span<char> buffer = stackalloc char[128];
            if (TryFormatUInt64(value, format, bits, buffer, out int written)) return new string(buffer.Slice(0, written));
            return FormatLarge(format);
        }

        internal static string FormatDouble(double value, string format)
        {
            Span<char> buffer = stackalloc char[400];
            if (TryFormatDouble(value, format, buffer, out int written)) return new string(buffer.Slice(0, written));
            return FormatLarge(format);
        }

        internal static string FormatSingle(float value, string format)
        {
            Span<char> buffer = stackalloc char[400];
            if (TryFormatSingle(value, format, buffer, out int written)) return new string(buffer.Slice(0, written));
            return FormatLarge(format);
        }

        private static string FormatLarge(string format)
            => throw new FormatException("Format string '" + format + "' is not supported by Mirage.CoreLib.");
    }
}
