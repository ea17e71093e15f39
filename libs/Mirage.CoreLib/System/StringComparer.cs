using System.Collections;
using System.Collections.Generic;

namespace System
{
    /// <summary>String comparers. Culture-aware ones behave as their ordinal counterparts (invariant, no culture data).</summary>
    public abstract class StringComparer : IComparer, IEqualityComparer, IComparer<string>, IEqualityComparer<string>
    {
        private static readonly StringComparer s_ordinal = new OrdinalComparer(StringComparison.Ordinal);
        private static readonly StringComparer s_ordinalIgnoreCase = new OrdinalComparer(StringComparison.OrdinalIgnoreCase);

        public static StringComparer Ordinal => s_ordinal;
        public static StringComparer OrdinalIgnoreCase => s_ordinalIgnoreCase;
        public static StringComparer InvariantCulture => s_ordinal;
        public static StringComparer InvariantCultureIgnoreCase => s_ordinalIgnoreCase;
        public static StringComparer CurrentCulture => s_ordinal;
        public static StringComparer CurrentCultureIgnoreCase => s_ordinalIgnoreCase;

        public static StringComparer FromComparison(StringComparison comparisonType) => comparisonType switch
        {
            StringComparison.Ordinal or StringComparison.CurrentCulture or StringComparison.InvariantCulture => s_ordinal,
            StringComparison.OrdinalIgnoreCase or StringComparison.CurrentCultureIgnoreCase or StringComparison.InvariantCultureIgnoreCase => s_ordinalIgnoreCase,
            _ => throw new ArgumentException("The string comparison type passed in is currently not supported.", nameof(comparisonType)),
        };

        public abstract int Compare(string x, string y);
        public abstract bool Equals(string x, string y);
        public abstract int GetHashCode(string obj);

        public int Compare(object x, object y)
        {
            if (x == y) return 0;
            if (x == null) return -1;
            if (y == null) return 1;
            if (x is string sa && y is string sb) return Compare(sa, sb);
            if (x is IComparable ia) return ia.CompareTo(y);
            throw new ArgumentException("At least one object must implement IComparable.");
        }

        public new bool Equals(object x, object y)
        {
            if (x == y) return true;
            if (x == null || y == null) return false;
            if (x is string sa && y is string sb) return Equals(sa, sb);
            return x.Equals(y);
        }

        public int GetHashCode(object obj)
        {
            if (obj == null) throw new ArgumentNullException(nameof(obj));
            return obj is string s ? GetHashCode(s) : obj.GetHashCode();
        }

        private sealed class OrdinalComparer : StringComparer
        {
            private readonly StringComparison _comparison;
            public OrdinalComparer(StringComparison comparison) { _comparison = comparison; }
            public override int Compare(string x, string y) => string.Compare(x, y, _comparison);
            public override bool Equals(string x, string y) => string.Equals(x, y, _comparison);
            public override int GetHashCode(string obj)
            {
                if (obj == null) throw new ArgumentNullException(nameof(obj));
                return obj.GetHashCode(_comparison);
            }
            public override bool Equals(object obj) => obj is OrdinalComparer other && other._comparison == _comparison;
            public override int GetHashCode() => (int)_comparison;
        }
    }
}
