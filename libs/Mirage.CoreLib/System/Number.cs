using System.Globalization;
using Mirage.CoreLib.Numerics;

namespace System
{
    /// <summary>
    /// The primitives' formatting and parsing entry points: adapt the engine in System/Number/
    /// (Mirage.CoreLib.Numerics, tested against the BCL) to the BCL's shapes — strings,
    /// FormatException/OverflowException.
    /// </summary>
    internal static class Number
    {
        internal enum ParseStatus { Ok, Format, Overflow }

        private static string Checked(FormatResult result, string text, ReadOnlySpan<char> format)
        {
            if (result != FormatResult.Ok) ThrowBadFormat(format);
            return text;
        }

        private static bool Checked(FormatResult result, ReadOnlySpan<char> format)
        {
            if (result == FormatResult.InvalidFormat) ThrowBadFormat(format);
            return result == FormatResult.Ok;
        }

        private static void ThrowBadFormat(ReadOnlySpan<char> format)
            => throw new FormatException("Format string '" + format.ToString() + "' is not supported: Mirage.CoreLib formats with the standard numeric format strings only.");

        internal static string FormatInt64(long value, string format, int bits)
            => Checked(NumberFormatter.FormatInt64(value, bits, format, out string text), text, format);

        internal static string FormatUInt64(ulong value, string format, int bits)
            => Checked(NumberFormatter.FormatUInt64(value, format, out string text), text, format);

        internal static string FormatDouble(double value, string format)
            => Checked(NumberFormatter.FormatDouble(value, format, out string text), text, format);

        internal static string FormatSingle(float value, string format)
            => Checked(NumberFormatter.FormatSingle(value, format, out string text), text, format);

        internal static bool TryFormatInt64(long value, ReadOnlySpan<char> format, int bits, Span<char> destination, out int written)
            => Checked(NumberFormatter.TryFormatInt64(value, bits, format, destination, out written), format);

        internal static bool TryFormatUInt64(ulong value, ReadOnlySpan<char> format, int bits, Span<char> destination, out int written)
            => Checked(NumberFormatter.TryFormatUInt64(value, format, destination, out written), format);

        internal static bool TryFormatDouble(double value, ReadOnlySpan<char> format, Span<char> destination, out int written)
            => Checked(NumberFormatter.TryFormatDouble(value, format, destination, out written), format);

        internal static bool TryFormatSingle(float value, ReadOnlySpan<char> format, Span<char> destination, out int written)
            => Checked(NumberFormatter.TryFormatSingle(value, format, destination, out written), format);

        private static ParseStatus Status(ParseResult result) => result == ParseResult.Ok ? ParseStatus.Ok : result == ParseResult.Overflow ? ParseStatus.Overflow : ParseStatus.Format;

        internal static ParseStatus TryParseSByte(ReadOnlySpan<char> s, NumberStyles style, out sbyte value) => Status(NumberParser.TryParseSByte(s, (int)style, out value));
        internal static ParseStatus TryParseByte(ReadOnlySpan<char> s, NumberStyles style, out byte value) => Status(NumberParser.TryParseByte(s, (int)style, out value));
        internal static ParseStatus TryParseInt16(ReadOnlySpan<char> s, NumberStyles style, out short value) => Status(NumberParser.TryParseInt16(s, (int)style, out value));
        internal static ParseStatus TryParseUInt16(ReadOnlySpan<char> s, NumberStyles style, out ushort value) => Status(NumberParser.TryParseUInt16(s, (int)style, out value));
        internal static ParseStatus TryParseInt32(ReadOnlySpan<char> s, NumberStyles style, out int value) => Status(NumberParser.TryParseInt32(s, (int)style, out value));
        internal static ParseStatus TryParseUInt32(ReadOnlySpan<char> s, NumberStyles style, out uint value) => Status(NumberParser.TryParseUInt32(s, (int)style, out value));
        internal static ParseStatus TryParseInt64(ReadOnlySpan<char> s, NumberStyles style, out long value) => Status(NumberParser.TryParseInt64(s, (int)style, out value));
        internal static ParseStatus TryParseUInt64(ReadOnlySpan<char> s, NumberStyles style, out ulong value) => Status(NumberParser.TryParseUInt64(s, (int)style, out value));

        internal static bool TryParseDouble(ReadOnlySpan<char> s, NumberStyles style, out double value) => NumberParser.TryParseDouble(s, (int)style, out value) == ParseResult.Ok;
        internal static bool TryParseSingle(ReadOnlySpan<char> s, NumberStyles style, out float value) => NumberParser.TryParseSingle(s, (int)style, out value) == ParseResult.Ok;
    }
}
