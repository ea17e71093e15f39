namespace System
{
    /// <summary>
    /// Equality, ordering and hashing. There is no culture data: culture-sensitive forms compare as
    /// .NET does in invariant globalization mode (ordinal, or ordinal ignoring case), and return the
    /// same numbers it does (character or length differences).
    /// </summary>
    public sealed partial class String
    {
        public bool Equals(string value, StringComparison comparisonType)
        {
            bool ignoreCase = TextComparison.IgnoresCase(comparisonType);
            if ((object)this == value) return true;
            if (value is null || value.Length != Length) return false;
            return TextComparison.Equals(this, value, ignoreCase);
        }

        public static bool Equals(string a, string b, StringComparison comparisonType)
        {
            bool ignoreCase = TextComparison.IgnoresCase(comparisonType);
            if ((object)a == b) return true;
            if (a is null || b is null || a.Length != b.Length) return false;
            return TextComparison.Equals(a, b, ignoreCase);
        }

        public int GetHashCode(StringComparison comparisonType)
            => TextComparison.IgnoresCase(comparisonType) ? TextComparison.GetHashCodeIgnoreCase(this) : GetHashCode();

        public static int GetHashCode(ReadOnlySpan<char> value, StringComparison comparisonType)
            => TextComparison.IgnoresCase(comparisonType) ? TextComparison.GetHashCodeIgnoreCase(value) : GetHashCode(value);

        // ----- ordering -----

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is string other) return Compare(this, other, StringComparison.CurrentCulture);
            throw new ArgumentException("Object must be of type String.");
        }

        public int CompareTo(string strB) => Compare(this, strB, StringComparison.CurrentCulture);

        public static int Compare(string strA, string strB) => Compare(strA, strB, StringComparison.CurrentCulture);

        public static int Compare(string strA, string strB, bool ignoreCase)
            => Compare(strA, strB, ignoreCase ? StringComparison.CurrentCultureIgnoreCase : StringComparison.CurrentCulture);

        public static int Compare(string strA, string strB, StringComparison comparisonType)
        {
            bool ignoreCase = TextComparison.IgnoresCase(comparisonType);
            if ((object)strA == strB) return 0;
            if (strA is null) return -1;
            if (strB is null) return 1;
            if (comparisonType == StringComparison.Ordinal) return CompareOrdinal(strA, strB);
            return TextComparison.Compare(strA, strB, ignoreCase);
        }

        public static int Compare(string strA, int indexA, string strB, int indexB, int length)
            => Compare(strA, indexA, strB, indexB, length, StringComparison.CurrentCulture);

        public static int Compare(string strA, int indexA, string strB, int indexB, int length, bool ignoreCase)
            => Compare(strA, indexA, strB, indexB, length, ignoreCase ? StringComparison.CurrentCultureIgnoreCase : StringComparison.CurrentCulture);

        public static int Compare(string strA, int indexA, string strB, int indexB, int length, StringComparison comparisonType)
        {
            bool ignoreCase = TextComparison.IgnoresCase(comparisonType);
            if (strA == null || strB == null)
            {
                if ((object)strA == strB) return 0;
                return strA == null ? -1 : 1;
            }
            if (length < 0) throw new ArgumentOutOfRangeException(nameof(length), StringMessages.NegativeLength);
            if (indexA < 0 || indexB < 0) throw new ArgumentOutOfRangeException(indexA < 0 ? nameof(indexA) : nameof(indexB), StringMessages.IndexMustBeLess);
            if (strA.Length - indexA < 0 || strB.Length - indexB < 0) throw new ArgumentOutOfRangeException(strA.Length - indexA < 0 ? nameof(indexA) : nameof(indexB), StringMessages.IndexMustBeLess);
            if (length == 0 || ((object)strA == strB && indexA == indexB)) return 0;
            int lengthA = Math.Min(length, strA.Length - indexA);
            int lengthB = Math.Min(length, strB.Length - indexB);
            return TextComparison.Compare(strA.AsSpan(indexA, lengthA), strB.AsSpan(indexB, lengthB), ignoreCase);
        }

        public static int CompareOrdinal(string strA, string strB)
        {
            if ((object)strA == strB) return 0;
            if (strA is null) return -1;
            if (strB is null) return 1;
            return CompareOrdinalWithTerminator(strA, strB);
        }

        /// <summary>
        /// .NET's whole-string ordinal comparison compares characters in pairs, so when the shorter
        /// length is odd the character after it (the terminating NUL of the shorter string) is
        /// compared too: CompareOrdinal("a", "ab") is -98, CompareOrdinal("ab", "abc") is -1.
        /// </summary>
        private static int CompareOrdinalWithTerminator(string strA, string strB)
        {
            int length = Math.Min(strA.Length, strB.Length);
            for (int i = 0; i < length; i++)
            {
                int d = strA[i] - strB[i];
                if (d != 0) return d;
            }
            if ((length & 1) != 0)
            {
                int a = length < strA.Length ? strA[length] : 0;
                int b = length < strB.Length ? strB[length] : 0;
                if (a != b) return a - b;
            }
            else if (length == 0 && strA.Length != strB.Length)
            {
                // The first characters are compared on their own: an empty string's is its NUL.
                return (strA.Length == 0 ? 0 : strA[0]) - (strB.Length == 0 ? 0 : strB[0]);
            }
            return strA.Length - strB.Length;
        }

        public static int CompareOrdinal(string strA, int indexA, string strB, int indexB, int length)
        {
            if (strA == null || strB == null)
            {
                if ((object)strA == strB) return 0;
                return strA == null ? -1 : 1;
            }
            if (length < 0) throw new ArgumentOutOfRangeException(nameof(length), StringMessages.NegativeCount);
            if (indexA < 0 || indexB < 0) throw new ArgumentOutOfRangeException(indexA < 0 ? nameof(indexA) : nameof(indexB), StringMessages.NegativeNumber);
            int lengthA = Math.Min(length, strA.Length - indexA);
            int lengthB = Math.Min(length, strB.Length - indexB);
            if (lengthA < 0 || lengthB < 0) throw new ArgumentOutOfRangeException(lengthA < 0 ? nameof(indexA) : nameof(indexB), StringMessages.IndexLength);
            if (length == 0 || ((object)strA == strB && indexA == indexB)) return 0;
            return TextComparison.CompareOrdinal(strA.AsSpan(indexA, lengthA), strB.AsSpan(indexB, lengthB));
        }
    }
}
