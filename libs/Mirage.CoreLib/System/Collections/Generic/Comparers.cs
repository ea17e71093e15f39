namespace System.Collections.Generic
{
    /// <summary>
    /// Default equality: IEquatable&lt;T&gt; when the type implements it, otherwise Object.Equals,
    /// as in .NET. (Not [Intrinsic]: ilc's devirtualization of the BCL's comparer shapes does not
    /// apply to this core library.)
    /// </summary>
    public abstract class EqualityComparer<T> : IEqualityComparer<T>, IEqualityComparer
    {
        private static EqualityComparer<T> s_default;

        public static EqualityComparer<T> Default => s_default ??= new DefaultEqualityComparer<T>();

        public abstract bool Equals(T x, T y);
        public abstract int GetHashCode(T obj);

        public static EqualityComparer<T> Create(Func<T, T, bool> equals, Func<T, int> getHashCode = null)
        {
            if (equals == null) throw new ArgumentNullException(nameof(equals));
            return new DelegateEqualityComparer<T>(equals, getHashCode);
        }

        bool IEqualityComparer.Equals(object x, object y)
        {
            if (x == y) return true;
            if (x == null || y == null) return false;
            if (x is T a && y is T b) return Equals(a, b);
            throw new ArgumentException("Type of argument is not compatible with the generic comparer.");
        }

        int IEqualityComparer.GetHashCode(object obj)
        {
            if (obj == null) return 0;
            if (obj is T value) return GetHashCode(value);
            throw new ArgumentException("Type of argument is not compatible with the generic comparer.");
        }
    }

    internal sealed class DefaultEqualityComparer<T> : EqualityComparer<T>
    {
        public override bool Equals(T x, T y)
        {
            if (x == null) return y == null;
            if (y == null) return false;
            if (x is IEquatable<T> equatable) return equatable.Equals(y);
            return x.Equals(y);
        }

        public override int GetHashCode(T obj) => obj == null ? 0 : obj.GetHashCode();
        public override bool Equals(object obj) => obj is DefaultEqualityComparer<T>;
        public override int GetHashCode() => 17;
    }

    internal sealed class DelegateEqualityComparer<T> : EqualityComparer<T>
    {
        private readonly Func<T, T, bool> _equals;
        private readonly Func<T, int> _getHashCode;
        public DelegateEqualityComparer(Func<T, T, bool> equals, Func<T, int> getHashCode) { _equals = equals; _getHashCode = getHashCode; }
        public override bool Equals(T x, T y) => _equals(x, y);
        public override int GetHashCode(T obj) => _getHashCode != null ? _getHashCode(obj) : throw new NotSupportedException();
    }

    public abstract class Comparer<T> : IComparer<T>, IComparer
    {
        private static Comparer<T> s_default;

        public static Comparer<T> Default => s_default ??= new DefaultComparer<T>();

        public static Comparer<T> Create(Comparison<T> comparison)
        {
            if (comparison == null) throw new ArgumentNullException(nameof(comparison));
            return new ComparisonComparer<T>(comparison);
        }

        public abstract int Compare(T x, T y);

        int IComparer.Compare(object x, object y)
        {
            if (x == null) return y == null ? 0 : -1;
            if (y == null) return 1;
            if (x is T a && y is T b) return Compare(a, b);
            throw new ArgumentException("At least one object must implement IComparable.");
        }
    }

    internal sealed class DefaultComparer<T> : Comparer<T>
    {
        public override int Compare(T x, T y)
        {
            if (x == null) return y == null ? 0 : -1;
            if (y == null) return 1;
            if (x is IComparable<T> generic) return generic.CompareTo(y);
            if (x is IComparable plain) return plain.CompareTo(y);
            throw new ArgumentException("At least one object must implement IComparable.");
        }
    }

    internal sealed class ComparisonComparer<T> : Comparer<T>
    {
        private readonly Comparison<T> _comparison;
        public ComparisonComparer(Comparison<T> comparison) { _comparison = comparison; }
        public override int Compare(T x, T y) => _comparison(x, y);
    }
}
