namespace System
{
    internal static class StringMessages
    {
        internal const string IndexMustBeLessOrEqual = "Index was out of range. Must be non-negative and less than or equal to the size of the collection.";
        internal const string IndexMustBeLess = "Index was out of range. Must be non-negative and less than the size of the collection.";
        internal const string Count = "Count must be positive and count must refer to a location within the string/array/collection.";
        internal const string StartIndexLargerThanLength = "startIndex cannot be larger than length of string.";
        internal const string IndexLength = "Index and length must refer to a location within the string.";
        internal const string NegativeCount = "Count cannot be less than zero.";
        internal const string NegativeLength = "Length cannot be less than zero.";
        internal const string NegativeStartIndex = "StartIndex cannot be less than zero.";
        internal const string NegativeNumber = "Non-negative number required.";
        internal const string EmptyName = "String cannot be of zero length.";
    }

    public sealed partial class String
    {
        // ----- Contains -----

        public bool Contains(string value)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            return TextComparison.IndexOf(this, value, false) >= 0;
        }

        public bool Contains(string value, StringComparison comparisonType) => IndexOf(value, comparisonType) >= 0;

        public bool Contains(char value) => TextComparison.IndexOf(this, value) >= 0;

        public bool Contains(char value, StringComparison comparisonType) => IndexOf(value, comparisonType) >= 0;

        // ----- IndexOf(char) -----

        public int IndexOf(char value) => TextComparison.IndexOf(this, value);

        public int IndexOf(char value, int startIndex) => IndexOf(value, startIndex, Length - startIndex);

        public int IndexOf(char value, int startIndex, int count)
        {
            if ((uint)startIndex > (uint)Length) throw new ArgumentOutOfRangeException(nameof(startIndex), StringMessages.IndexMustBeLessOrEqual);
            if ((uint)count > (uint)(Length - startIndex)) throw new ArgumentOutOfRangeException(nameof(count), StringMessages.Count);
            int result = TextComparison.IndexOf(this.AsSpan(startIndex, count), value);
            return result < 0 ? result : result + startIndex;
        }

        public int IndexOf(char value, StringComparison comparisonType)
        {
            if (!TextComparison.IgnoresCase(comparisonType)) return IndexOf(value);
            char folded = TextComparison.Fold(value);
            for (int i = 0; i < Length; i++) if (TextComparison.Fold(this[i]) == folded) return i;
            return -1;
        }

        // ----- IndexOfAny -----

        public int IndexOfAny(char[] anyOf)
        {
            if (anyOf == null) throw new ArgumentNullException(nameof(anyOf));
            return TextComparison.IndexOfAny(this, anyOf);
        }

        public int IndexOfAny(char[] anyOf, int startIndex) => IndexOfAny(anyOf, startIndex, Length - startIndex);

        public int IndexOfAny(char[] anyOf, int startIndex, int count)
        {
            if (anyOf == null) throw new ArgumentNullException(nameof(anyOf));
            if ((uint)startIndex > (uint)Length) throw new ArgumentOutOfRangeException(nameof(startIndex), StringMessages.IndexMustBeLessOrEqual);
            if ((uint)count > (uint)(Length - startIndex)) throw new ArgumentOutOfRangeException(nameof(count), StringMessages.Count);
            int result = TextComparison.IndexOfAny(this.AsSpan(startIndex, count), anyOf);
            return result < 0 ? result : result + startIndex;
        }

        // ----- IndexOf(string) -----

        public int IndexOf(string value) => IndexOf(value, StringComparison.CurrentCulture);

        public int IndexOf(string value, int startIndex) => IndexOf(value, startIndex, StringComparison.CurrentCulture);

        public int IndexOf(string value, int startIndex, int count) => IndexOf(value, startIndex, count, StringComparison.CurrentCulture);

        public int IndexOf(string value, StringComparison comparisonType) => IndexOf(value, 0, Length, comparisonType);

        public int IndexOf(string value, int startIndex, StringComparison comparisonType) => IndexOf(value, startIndex, Length - startIndex, comparisonType);

        public int IndexOf(string value, int startIndex, int count, StringComparison comparisonType)
        {
            if ((uint)comparisonType > (uint)StringComparison.OrdinalIgnoreCase)
            {
                if (value == null) throw new ArgumentNullException(nameof(value));
                TextComparison.IgnoresCase(comparisonType);
            }
            if (value == null) throw new ArgumentNullException(nameof(value));
            if ((uint)startIndex > (uint)Length) throw new ArgumentOutOfRangeException(nameof(startIndex), StringMessages.IndexMustBeLessOrEqual);
            if ((uint)count > (uint)(Length - startIndex)) throw new ArgumentOutOfRangeException(nameof(count), StringMessages.Count);
            int result = TextComparison.IndexOf(this.AsSpan(startIndex, count), value, TextComparison.IgnoresCase(comparisonType));
            return result < 0 ? result : result + startIndex;
        }

        // ----- LastIndexOf(char) -----

        public int LastIndexOf(char value) => TextComparison.LastIndexOf(this, value);

        public int LastIndexOf(char value, int startIndex) => LastIndexOf(value, startIndex, startIndex + 1);

        public int LastIndexOf(char value, int startIndex, int count)
        {
            if (Length == 0) return -1;
            if ((uint)startIndex >= (uint)Length) throw new ArgumentOutOfRangeException(nameof(startIndex), StringMessages.IndexMustBeLess);
            if ((uint)count > (uint)startIndex + 1) throw new ArgumentOutOfRangeException(nameof(count), StringMessages.Count);
            int searchFrom = startIndex + 1 - count;
            int result = TextComparison.LastIndexOf(this.AsSpan(searchFrom, count), value);
            return result < 0 ? result : result + searchFrom;
        }

        // ----- LastIndexOfAny -----

        public int LastIndexOfAny(char[] anyOf)
        {
            if (anyOf == null) throw new ArgumentNullException(nameof(anyOf));
            return TextComparison.LastIndexOfAny(this, anyOf);
        }

        public int LastIndexOfAny(char[] anyOf, int startIndex) => LastIndexOfAny(anyOf, startIndex, startIndex + 1);

        public int LastIndexOfAny(char[] anyOf, int startIndex, int count)
        {
            if (anyOf == null) throw new ArgumentNullException(nameof(anyOf));
            if (Length == 0) return -1;
            if ((uint)startIndex >= (uint)Length) throw new ArgumentOutOfRangeException(nameof(startIndex), StringMessages.IndexMustBeLess);
            if (count < 0 || count - 1 > startIndex) throw new ArgumentOutOfRangeException(nameof(count), StringMessages.Count);
            int searchFrom = startIndex + 1 - count;
            int result = TextComparison.LastIndexOfAny(this.AsSpan(searchFrom, count), anyOf);
            return result < 0 ? result : result + searchFrom;
        }

        // ----- LastIndexOf(string) -----

        public int LastIndexOf(string value) => LastIndexOf(value, Length - 1, Length, StringComparison.CurrentCulture);

        public int LastIndexOf(string value, int startIndex) => LastIndexOf(value, startIndex, startIndex + 1, StringComparison.CurrentCulture);

        public int LastIndexOf(string value, int startIndex, int count) => LastIndexOf(value, startIndex, count, StringComparison.CurrentCulture);

        public int LastIndexOf(string value, StringComparison comparisonType) => LastIndexOf(value, Length - 1, Length, comparisonType);

        public int LastIndexOf(string value, int startIndex, StringComparison comparisonType) => LastIndexOf(value, startIndex, startIndex + 1, comparisonType);

        public int LastIndexOf(string value, int startIndex, int count, StringComparison comparisonType)
        {
            if ((uint)comparisonType > (uint)StringComparison.OrdinalIgnoreCase)
            {
                if (value == null) throw new ArgumentNullException(nameof(value));
                TextComparison.IgnoresCase(comparisonType);
            }
            bool ignoreCase = TextComparison.IgnoresCase(comparisonType);
            if (value == null) throw new ArgumentNullException(nameof(value));
            // As .NET: an empty string accepts startIndex -1 or 0, and startIndex == Length is read
            // as the caller's off-by-one for Length - 1.
            if ((uint)startIndex >= (uint)Length)
            {
                if (startIndex == -1 && Length == 0) count = 0;
                else if (startIndex == Length)
                {
                    startIndex--;
                    if (count > 0) count--;
                    if (startIndex == -1 && Length == 0) count = 0;
                }
                else throw new ArgumentOutOfRangeException(nameof(startIndex), StringMessages.IndexMustBeLess);
            }
            int searchFrom = startIndex - count + 1;
            if (count < 0 || searchFrom < 0 || searchFrom > Length - count) throw new ArgumentOutOfRangeException(nameof(count), StringMessages.Count);
            int result = TextComparison.LastIndexOf(this.AsSpan(searchFrom, count), value, ignoreCase);
            return result < 0 ? result : result + searchFrom;
        }

        // ----- StartsWith / EndsWith -----

        public bool StartsWith(string value) => StartsWith(value, StringComparison.CurrentCulture);

        public bool StartsWith(string value, StringComparison comparisonType)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            bool ignoreCase = TextComparison.IgnoresCase(comparisonType);
            if ((object)this == value || value.Length == 0) return true;
            return value.Length <= Length && TextComparison.Equals(this.AsSpan(0, value.Length), value, ignoreCase);
        }

        public bool StartsWith(char value) => Length != 0 && this[0] == value;

        public bool EndsWith(string value) => EndsWith(value, StringComparison.CurrentCulture);

        public bool EndsWith(string value, StringComparison comparisonType)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            bool ignoreCase = TextComparison.IgnoresCase(comparisonType);
            if ((object)this == value || value.Length == 0) return true;
            return value.Length <= Length && TextComparison.Equals(this.AsSpan(Length - value.Length), value, ignoreCase);
        }

        public bool EndsWith(char value) => Length != 0 && this[Length - 1] == value;
    }
}
