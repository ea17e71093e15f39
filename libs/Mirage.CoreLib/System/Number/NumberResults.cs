namespace Mirage.CoreLib.Numerics
{
    /// <summary>Outcome of a formatting call.</summary>
    internal enum FormatResult
    {
        /// <summary>The text was written; charsWritten holds its length.</summary>
        Ok = 0,
        /// <summary>The destination is too small (nothing useful was written; charsWritten is 0).</summary>
        DestinationTooSmall = 1,
        /// <summary>
        /// The format string is not one this engine supports: an unknown standard specifier (what .NET
        /// rejects with FormatException), a precision above 999,999,999, the currency format "C", or
        /// any custom numeric format ("0.00", "#,##0", ...).
        /// </summary>
        InvalidFormat = 2,
    }

    /// <summary>Outcome of a parsing call.</summary>
    internal enum ParseResult
    {
        Ok = 0,
        /// <summary>The text is not a number in the given styles (.NET: FormatException).</summary>
        Format = 1,
        /// <summary>The number does not fit the target type (.NET: OverflowException).</summary>
        Overflow = 2,
        /// <summary>The styles value itself is invalid for the target type (.NET: ArgumentException).</summary>
        InvalidStyle = 3,
    }

    /// <summary>The values of System.Globalization.NumberStyles, as plain ints.</summary>
    internal static class NumberStyleFlags
    {
        internal const int None = 0;
        internal const int AllowLeadingWhite = 0x0001;
        internal const int AllowTrailingWhite = 0x0002;
        internal const int AllowLeadingSign = 0x0004;
        internal const int AllowTrailingSign = 0x0008;
        internal const int AllowParentheses = 0x0010;
        internal const int AllowDecimalPoint = 0x0020;
        internal const int AllowThousands = 0x0040;
        internal const int AllowExponent = 0x0080;
        internal const int AllowCurrencySymbol = 0x0100;
        internal const int AllowHexSpecifier = 0x0200;
        internal const int AllowBinarySpecifier = 0x0400;

        internal const int Integer = AllowLeadingWhite | AllowTrailingWhite | AllowLeadingSign;
        internal const int HexNumber = AllowLeadingWhite | AllowTrailingWhite | AllowHexSpecifier;
        internal const int BinaryNumber = AllowLeadingWhite | AllowTrailingWhite | AllowBinarySpecifier;
        internal const int Number = Integer | AllowTrailingSign | AllowDecimalPoint | AllowThousands;
        internal const int Float = Integer | AllowDecimalPoint | AllowExponent;
        internal const int Currency = Number | AllowParentheses | AllowCurrencySymbol;
        internal const int Any = Currency | AllowExponent;

        /// <summary>double.Parse(string) / float.Parse(string) default.</summary>
        internal const int FloatDefault = Float | AllowThousands;

        internal const int AllDefined = Any | AllowHexSpecifier | AllowBinarySpecifier;
    }
}
