using System.Collections.Generic;

namespace System
{
    /// <summary>
    /// Searching spans. Each search is written once over an equality strategy (a struct, so the
    /// compiler specializes it): IEquatable&lt;T&gt; for the constrained overloads, an
    /// IEqualityComparer&lt;T&gt; (the default one when null) for the comparer overloads.
    /// </summary>
    public static partial class MemoryExtensions
    {
        internal interface IElementEquality<T> { bool Eq(T a, T b); }

        internal readonly struct EquatableEquality<T> : IElementEquality<T> where T : IEquatable<T>
        {
            public bool Eq(T a, T b) => a == null ? b == null : a.Equals(b);
        }

        internal readonly struct ComparerEquality<T> : IElementEquality<T>
        {
            private readonly IEqualityComparer<T> _comparer;
            public ComparerEquality(IEqualityComparer<T> comparer) { _comparer = comparer ?? EqualityComparer<T>.Default; }
            public bool Eq(T a, T b) => _comparer.Equals(a, b);
        }

        // ----- cores -----

        private static int IndexOfCore<T, TEq>(ReadOnlySpan<T> span, T value, TEq eq) where TEq : struct, IElementEquality<T>
        {
            for (int i = 0; i < span.Length; i++) if (eq.Eq(span[i], value)) return i;
            return -1;
        }

        private static int LastIndexOfCore<T, TEq>(ReadOnlySpan<T> span, T value, TEq eq) where TEq : struct, IElementEquality<T>
        {
            for (int i = span.Length - 1; i >= 0; i--) if (eq.Eq(span[i], value)) return i;
            return -1;
        }

        private static int IndexOfSequenceCore<T, TEq>(ReadOnlySpan<T> span, ReadOnlySpan<T> value, TEq eq) where TEq : struct, IElementEquality<T>
        {
            if (value.Length == 0) return 0;
            for (int i = 0; i <= span.Length - value.Length; i++)
                if (MatchesAt(span, i, value, eq)) return i;
            return -1;
        }

        private static int LastIndexOfSequenceCore<T, TEq>(ReadOnlySpan<T> span, ReadOnlySpan<T> value, TEq eq) where TEq : struct, IElementEquality<T>
        {
            if (value.Length == 0) return span.Length;
            for (int i = span.Length - value.Length; i >= 0; i--)
                if (MatchesAt(span, i, value, eq)) return i;
            return -1;
        }

        private static bool MatchesAt<T, TEq>(ReadOnlySpan<T> span, int at, ReadOnlySpan<T> value, TEq eq) where TEq : struct, IElementEquality<T>
        {
            for (int j = 0; j < value.Length; j++) if (!eq.Eq(span[at + j], value[j])) return false;
            return true;
        }

        private static bool InSet<T, TEq>(T item, ReadOnlySpan<T> values, TEq eq) where TEq : struct, IElementEquality<T>
        {
            for (int j = 0; j < values.Length; j++) if (eq.Eq(item, values[j])) return true;
            return false;
        }

        private static int IndexOfAnyCore<T, TEq>(ReadOnlySpan<T> span, ReadOnlySpan<T> values, bool except, TEq eq) where TEq : struct, IElementEquality<T>
        {
            for (int i = 0; i < span.Length; i++) if (InSet(span[i], values, eq) != except) return i;
            return -1;
        }

        private static int LastIndexOfAnyCore<T, TEq>(ReadOnlySpan<T> span, ReadOnlySpan<T> values, bool except, TEq eq) where TEq : struct, IElementEquality<T>
        {
            for (int i = span.Length - 1; i >= 0; i--) if (InSet(span[i], values, eq) != except) return i;
            return -1;
        }

        private static int IndexOfAny2<T, TEq>(ReadOnlySpan<T> span, T value0, T value1, bool except, TEq eq) where TEq : struct, IElementEquality<T>
        {
            for (int i = 0; i < span.Length; i++) if ((eq.Eq(span[i], value0) || eq.Eq(span[i], value1)) != except) return i;
            return -1;
        }

        private static int IndexOfAny3<T, TEq>(ReadOnlySpan<T> span, T value0, T value1, T value2, bool except, TEq eq) where TEq : struct, IElementEquality<T>
        {
            for (int i = 0; i < span.Length; i++) if ((eq.Eq(span[i], value0) || eq.Eq(span[i], value1) || eq.Eq(span[i], value2)) != except) return i;
            return -1;
        }

        private static int LastIndexOfAny2<T, TEq>(ReadOnlySpan<T> span, T value0, T value1, bool except, TEq eq) where TEq : struct, IElementEquality<T>
        {
            for (int i = span.Length - 1; i >= 0; i--) if ((eq.Eq(span[i], value0) || eq.Eq(span[i], value1)) != except) return i;
            return -1;
        }

        private static int LastIndexOfAny3<T, TEq>(ReadOnlySpan<T> span, T value0, T value1, T value2, bool except, TEq eq) where TEq : struct, IElementEquality<T>
        {
            for (int i = span.Length - 1; i >= 0; i--) if ((eq.Eq(span[i], value0) || eq.Eq(span[i], value1) || eq.Eq(span[i], value2)) != except) return i;
            return -1;
        }

        private static int IndexOfAnyExceptCore1<T, TEq>(ReadOnlySpan<T> span, T value, TEq eq) where TEq : struct, IElementEquality<T>
        {
            for (int i = 0; i < span.Length; i++) if (!eq.Eq(span[i], value)) return i;
            return -1;
        }

        private static int LastIndexOfAnyExceptCore1<T, TEq>(ReadOnlySpan<T> span, T value, TEq eq) where TEq : struct, IElementEquality<T>
        {
            for (int i = span.Length - 1; i >= 0; i--) if (!eq.Eq(span[i], value)) return i;
            return -1;
        }

        private static int CountCore<T, TEq>(ReadOnlySpan<T> span, T value, TEq eq) where TEq : struct, IElementEquality<T>
        {
            int count = 0;
            for (int i = 0; i < span.Length; i++) if (eq.Eq(span[i], value)) count++;
            return count;
        }

        private static int CountSequenceCore<T, TEq>(ReadOnlySpan<T> span, ReadOnlySpan<T> value, TEq eq) where TEq : struct, IElementEquality<T>
        {
            if (value.Length == 0) return 0;
            int count = 0;
            int i = 0;
            while (i <= span.Length - value.Length)
            {
                if (MatchesAt(span, i, value, eq)) { count++; i += value.Length; }
                else i++;
            }
            return count;
        }

        private static bool SequenceEqualCore<T, TEq>(ReadOnlySpan<T> span, ReadOnlySpan<T> other, TEq eq) where TEq : struct, IElementEquality<T>
        {
            if (span.Length != other.Length) return false;
            for (int i = 0; i < span.Length; i++) if (!eq.Eq(span[i], other[i])) return false;
            return true;
        }

        private static int CommonPrefixCore<T, TEq>(ReadOnlySpan<T> span, ReadOnlySpan<T> other, TEq eq) where TEq : struct, IElementEquality<T>
        {
            int length = span.Length < other.Length ? span.Length : other.Length;
            for (int i = 0; i < length; i++) if (!eq.Eq(span[i], other[i])) return i;
            return length;
        }

        private static bool InRange<T>(T item, T low, T high) where T : IComparable<T>
            => low.CompareTo(item) <= 0 && high.CompareTo(item) >= 0;

        // ----- IndexOf / LastIndexOf -----

        public static int IndexOf<T>(this ReadOnlySpan<T> span, T value, IEqualityComparer<T> comparer = null) => IndexOfCore(span, value, new ComparerEquality<T>(comparer));
        public static int IndexOf<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value, IEqualityComparer<T> comparer = null) => IndexOfSequenceCore(span, value, new ComparerEquality<T>(comparer));

        public static int LastIndexOf<T>(this Span<T> span, T value) where T : IEquatable<T> => LastIndexOfCore((ReadOnlySpan<T>)span, value, default(EquatableEquality<T>));
        public static int LastIndexOf<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T> => LastIndexOfCore(span, value, default(EquatableEquality<T>));
        public static int LastIndexOf<T>(this Span<T> span, ReadOnlySpan<T> value) where T : IEquatable<T> => LastIndexOfSequenceCore((ReadOnlySpan<T>)span, value, default(EquatableEquality<T>));
        public static int LastIndexOf<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value) where T : IEquatable<T> => LastIndexOfSequenceCore(span, value, default(EquatableEquality<T>));
        public static int LastIndexOf<T>(this ReadOnlySpan<T> span, T value, IEqualityComparer<T> comparer = null) => LastIndexOfCore(span, value, new ComparerEquality<T>(comparer));
        public static int LastIndexOf<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value, IEqualityComparer<T> comparer = null) => LastIndexOfSequenceCore(span, value, new ComparerEquality<T>(comparer));

        // ----- IndexOfAny / LastIndexOfAny -----

        public static int IndexOfAny<T>(this Span<T> span, T value0, T value1) where T : IEquatable<T> => IndexOfAny2((ReadOnlySpan<T>)span, value0, value1, false, default(EquatableEquality<T>));
        public static int IndexOfAny<T>(this ReadOnlySpan<T> span, T value0, T value1) where T : IEquatable<T> => IndexOfAny2(span, value0, value1, false, default(EquatableEquality<T>));
        public static int IndexOfAny<T>(this Span<T> span, T value0, T value1, T value2) where T : IEquatable<T> => IndexOfAny3((ReadOnlySpan<T>)span, value0, value1, value2, false, default(EquatableEquality<T>));
        public static int IndexOfAny<T>(this ReadOnlySpan<T> span, T value0, T value1, T value2) where T : IEquatable<T> => IndexOfAny3(span, value0, value1, value2, false, default(EquatableEquality<T>));
        public static int IndexOfAny<T>(this Span<T> span, ReadOnlySpan<T> values) where T : IEquatable<T> => IndexOfAnyCore((ReadOnlySpan<T>)span, values, false, default(EquatableEquality<T>));
        public static int IndexOfAny<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> values) where T : IEquatable<T> => IndexOfAnyCore(span, values, false, default(EquatableEquality<T>));
        public static int IndexOfAny<T>(this ReadOnlySpan<T> span, T value0, T value1, IEqualityComparer<T> comparer = null) => IndexOfAny2(span, value0, value1, false, new ComparerEquality<T>(comparer));
        public static int IndexOfAny<T>(this ReadOnlySpan<T> span, T value0, T value1, T value2, IEqualityComparer<T> comparer = null) => IndexOfAny3(span, value0, value1, value2, false, new ComparerEquality<T>(comparer));
        public static int IndexOfAny<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> values, IEqualityComparer<T> comparer = null) => IndexOfAnyCore(span, values, false, new ComparerEquality<T>(comparer));

        public static int LastIndexOfAny<T>(this Span<T> span, T value0, T value1) where T : IEquatable<T> => LastIndexOfAny2((ReadOnlySpan<T>)span, value0, value1, false, default(EquatableEquality<T>));
        public static int LastIndexOfAny<T>(this ReadOnlySpan<T> span, T value0, T value1) where T : IEquatable<T> => LastIndexOfAny2(span, value0, value1, false, default(EquatableEquality<T>));
        public static int LastIndexOfAny<T>(this Span<T> span, T value0, T value1, T value2) where T : IEquatable<T> => LastIndexOfAny3((ReadOnlySpan<T>)span, value0, value1, value2, false, default(EquatableEquality<T>));
        public static int LastIndexOfAny<T>(this ReadOnlySpan<T> span, T value0, T value1, T value2) where T : IEquatable<T> => LastIndexOfAny3(span, value0, value1, value2, false, default(EquatableEquality<T>));
        public static int LastIndexOfAny<T>(this Span<T> span, ReadOnlySpan<T> values) where T : IEquatable<T> => LastIndexOfAnyCore((ReadOnlySpan<T>)span, values, false, default(EquatableEquality<T>));
        public static int LastIndexOfAny<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> values) where T : IEquatable<T> => LastIndexOfAnyCore(span, values, false, default(EquatableEquality<T>));
        public static int LastIndexOfAny<T>(this ReadOnlySpan<T> span, T value0, T value1, IEqualityComparer<T> comparer = null) => LastIndexOfAny2(span, value0, value1, false, new ComparerEquality<T>(comparer));
        public static int LastIndexOfAny<T>(this ReadOnlySpan<T> span, T value0, T value1, T value2, IEqualityComparer<T> comparer = null) => LastIndexOfAny3(span, value0, value1, value2, false, new ComparerEquality<T>(comparer));
        public static int LastIndexOfAny<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> values, IEqualityComparer<T> comparer = null) => LastIndexOfAnyCore(span, values, false, new ComparerEquality<T>(comparer));

        // ----- IndexOfAnyExcept / LastIndexOfAnyExcept -----

        public static int IndexOfAnyExcept<T>(this Span<T> span, T value) where T : IEquatable<T> => IndexOfAnyExceptCore1((ReadOnlySpan<T>)span, value, default(EquatableEquality<T>));
        public static int IndexOfAnyExcept<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T> => IndexOfAnyExceptCore1(span, value, default(EquatableEquality<T>));
        public static int IndexOfAnyExcept<T>(this Span<T> span, T value0, T value1) where T : IEquatable<T> => IndexOfAny2((ReadOnlySpan<T>)span, value0, value1, true, default(EquatableEquality<T>));
        public static int IndexOfAnyExcept<T>(this ReadOnlySpan<T> span, T value0, T value1) where T : IEquatable<T> => IndexOfAny2(span, value0, value1, true, default(EquatableEquality<T>));
        public static int IndexOfAnyExcept<T>(this Span<T> span, T value0, T value1, T value2) where T : IEquatable<T> => IndexOfAny3((ReadOnlySpan<T>)span, value0, value1, value2, true, default(EquatableEquality<T>));
        public static int IndexOfAnyExcept<T>(this ReadOnlySpan<T> span, T value0, T value1, T value2) where T : IEquatable<T> => IndexOfAny3(span, value0, value1, value2, true, default(EquatableEquality<T>));
        public static int IndexOfAnyExcept<T>(this Span<T> span, ReadOnlySpan<T> values) where T : IEquatable<T> => IndexOfAnyCore((ReadOnlySpan<T>)span, values, true, default(EquatableEquality<T>));
        public static int IndexOfAnyExcept<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> values) where T : IEquatable<T> => IndexOfAnyCore(span, values, true, default(EquatableEquality<T>));
        public static int IndexOfAnyExcept<T>(this ReadOnlySpan<T> span, T value, IEqualityComparer<T> comparer = null) => IndexOfAnyExceptCore1(span, value, new ComparerEquality<T>(comparer));
        public static int IndexOfAnyExcept<T>(this ReadOnlySpan<T> span, T value0, T value1, IEqualityComparer<T> comparer = null) => IndexOfAny2(span, value0, value1, true, new ComparerEquality<T>(comparer));
        public static int IndexOfAnyExcept<T>(this ReadOnlySpan<T> span, T value0, T value1, T value2, IEqualityComparer<T> comparer = null) => IndexOfAny3(span, value0, value1, value2, true, new ComparerEquality<T>(comparer));
        public static int IndexOfAnyExcept<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> values, IEqualityComparer<T> comparer = null) => IndexOfAnyCore(span, values, true, new ComparerEquality<T>(comparer));

        public static int LastIndexOfAnyExcept<T>(this Span<T> span, T value) where T : IEquatable<T> => LastIndexOfAnyExceptCore1((ReadOnlySpan<T>)span, value, default(EquatableEquality<T>));
        public static int LastIndexOfAnyExcept<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T> => LastIndexOfAnyExceptCore1(span, value, default(EquatableEquality<T>));
        public static int LastIndexOfAnyExcept<T>(this Span<T> span, T value0, T value1) where T : IEquatable<T> => LastIndexOfAny2((ReadOnlySpan<T>)span, value0, value1, true, default(EquatableEquality<T>));
        public static int LastIndexOfAnyExcept<T>(this ReadOnlySpan<T> span, T value0, T value1) where T : IEquatable<T> => LastIndexOfAny2(span, value0, value1, true, default(EquatableEquality<T>));
        public static int LastIndexOfAnyExcept<T>(this Span<T> span, T value0, T value1, T value2) where T : IEquatable<T> => LastIndexOfAny3((ReadOnlySpan<T>)span, value0, value1, value2, true, default(EquatableEquality<T>));
        public static int LastIndexOfAnyExcept<T>(this ReadOnlySpan<T> span, T value0, T value1, T value2) where T : IEquatable<T> => LastIndexOfAny3(span, value0, value1, value2, true, default(EquatableEquality<T>));
        public static int LastIndexOfAnyExcept<T>(this Span<T> span, ReadOnlySpan<T> values) where T : IEquatable<T> => LastIndexOfAnyCore((ReadOnlySpan<T>)span, values, true, default(EquatableEquality<T>));
        public static int LastIndexOfAnyExcept<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> values) where T : IEquatable<T> => LastIndexOfAnyCore(span, values, true, default(EquatableEquality<T>));
        public static int LastIndexOfAnyExcept<T>(this ReadOnlySpan<T> span, T value, IEqualityComparer<T> comparer = null) => LastIndexOfAnyExceptCore1(span, value, new ComparerEquality<T>(comparer));
        public static int LastIndexOfAnyExcept<T>(this ReadOnlySpan<T> span, T value0, T value1, IEqualityComparer<T> comparer = null) => LastIndexOfAny2(span, value0, value1, true, new ComparerEquality<T>(comparer));
        public static int LastIndexOfAnyExcept<T>(this ReadOnlySpan<T> span, T value0, T value1, T value2, IEqualityComparer<T> comparer = null) => LastIndexOfAny3(span, value0, value1, value2, true, new ComparerEquality<T>(comparer));
        public static int LastIndexOfAnyExcept<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> values, IEqualityComparer<T> comparer = null) => LastIndexOfAnyCore(span, values, true, new ComparerEquality<T>(comparer));

        // ----- ranges -----

        public static int IndexOfAnyInRange<T>(this Span<T> span, T lowInclusive, T highInclusive) where T : IComparable<T> => IndexOfAnyInRange((ReadOnlySpan<T>)span, lowInclusive, highInclusive);
        public static int IndexOfAnyInRange<T>(this ReadOnlySpan<T> span, T lowInclusive, T highInclusive) where T : IComparable<T>
        {
            if (lowInclusive == null || highInclusive == null) throw new ArgumentNullException(lowInclusive == null ? nameof(lowInclusive) : nameof(highInclusive));
            for (int i = 0; i < span.Length; i++) if (InRange(span[i], lowInclusive, highInclusive)) return i;
            return -1;
        }
        public static int IndexOfAnyExceptInRange<T>(this Span<T> span, T lowInclusive, T highInclusive) where T : IComparable<T> => IndexOfAnyExceptInRange((ReadOnlySpan<T>)span, lowInclusive, highInclusive);
        public static int IndexOfAnyExceptInRange<T>(this ReadOnlySpan<T> span, T lowInclusive, T highInclusive) where T : IComparable<T>
        {
            if (lowInclusive == null || highInclusive == null) throw new ArgumentNullException(lowInclusive == null ? nameof(lowInclusive) : nameof(highInclusive));
            for (int i = 0; i < span.Length; i++) if (!InRange(span[i], lowInclusive, highInclusive)) return i;
            return -1;
        }
        public static int LastIndexOfAnyInRange<T>(this Span<T> span, T lowInclusive, T highInclusive) where T : IComparable<T> => LastIndexOfAnyInRange((ReadOnlySpan<T>)span, lowInclusive, highInclusive);
        public static int LastIndexOfAnyInRange<T>(this ReadOnlySpan<T> span, T lowInclusive, T highInclusive) where T : IComparable<T>
        {
            if (lowInclusive == null || highInclusive == null) throw new ArgumentNullException(lowInclusive == null ? nameof(lowInclusive) : nameof(highInclusive));
            for (int i = span.Length - 1; i >= 0; i--) if (InRange(span[i], lowInclusive, highInclusive)) return i;
            return -1;
        }
        public static int LastIndexOfAnyExceptInRange<T>(this Span<T> span, T lowInclusive, T highInclusive) where T : IComparable<T> => LastIndexOfAnyExceptInRange((ReadOnlySpan<T>)span, lowInclusive, highInclusive);
        public static int LastIndexOfAnyExceptInRange<T>(this ReadOnlySpan<T> span, T lowInclusive, T highInclusive) where T : IComparable<T>
        {
            if (lowInclusive == null || highInclusive == null) throw new ArgumentNullException(lowInclusive == null ? nameof(lowInclusive) : nameof(highInclusive));
            for (int i = span.Length - 1; i >= 0; i--) if (!InRange(span[i], lowInclusive, highInclusive)) return i;
            return -1;
        }
        public static bool ContainsAnyInRange<T>(this Span<T> span, T lowInclusive, T highInclusive) where T : IComparable<T> => IndexOfAnyInRange((ReadOnlySpan<T>)span, lowInclusive, highInclusive) >= 0;
        public static bool ContainsAnyInRange<T>(this ReadOnlySpan<T> span, T lowInclusive, T highInclusive) where T : IComparable<T> => IndexOfAnyInRange(span, lowInclusive, highInclusive) >= 0;
        public static bool ContainsAnyExceptInRange<T>(this Span<T> span, T lowInclusive, T highInclusive) where T : IComparable<T> => IndexOfAnyExceptInRange((ReadOnlySpan<T>)span, lowInclusive, highInclusive) >= 0;
        public static bool ContainsAnyExceptInRange<T>(this ReadOnlySpan<T> span, T lowInclusive, T highInclusive) where T : IComparable<T> => IndexOfAnyExceptInRange(span, lowInclusive, highInclusive) >= 0;

        // ----- Contains / ContainsAny / ContainsAnyExcept -----

        public static bool Contains<T>(this ReadOnlySpan<T> span, T value, IEqualityComparer<T> comparer = null) => IndexOfCore(span, value, new ComparerEquality<T>(comparer)) >= 0;

        public static bool ContainsAny<T>(this Span<T> span, T value0, T value1) where T : IEquatable<T> => IndexOfAny2((ReadOnlySpan<T>)span, value0, value1, false, default(EquatableEquality<T>)) >= 0;
        public static bool ContainsAny<T>(this ReadOnlySpan<T> span, T value0, T value1) where T : IEquatable<T> => IndexOfAny2(span, value0, value1, false, default(EquatableEquality<T>)) >= 0;
        public static bool ContainsAny<T>(this Span<T> span, T value0, T value1, T value2) where T : IEquatable<T> => IndexOfAny3((ReadOnlySpan<T>)span, value0, value1, value2, false, default(EquatableEquality<T>)) >= 0;
        public static bool ContainsAny<T>(this ReadOnlySpan<T> span, T value0, T value1, T value2) where T : IEquatable<T> => IndexOfAny3(span, value0, value1, value2, false, default(EquatableEquality<T>)) >= 0;
        public static bool ContainsAny<T>(this Span<T> span, ReadOnlySpan<T> values) where T : IEquatable<T> => IndexOfAnyCore((ReadOnlySpan<T>)span, values, false, default(EquatableEquality<T>)) >= 0;
        public static bool ContainsAny<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> values) where T : IEquatable<T> => IndexOfAnyCore(span, values, false, default(EquatableEquality<T>)) >= 0;
        public static bool ContainsAny<T>(this ReadOnlySpan<T> span, T value0, T value1, IEqualityComparer<T> comparer = null) => IndexOfAny2(span, value0, value1, false, new ComparerEquality<T>(comparer)) >= 0;
        public static bool ContainsAny<T>(this ReadOnlySpan<T> span, T value0, T value1, T value2, IEqualityComparer<T> comparer = null) => IndexOfAny3(span, value0, value1, value2, false, new ComparerEquality<T>(comparer)) >= 0;
        public static bool ContainsAny<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> values, IEqualityComparer<T> comparer = null) => IndexOfAnyCore(span, values, false, new ComparerEquality<T>(comparer)) >= 0;

        public static bool ContainsAnyExcept<T>(this Span<T> span, T value) where T : IEquatable<T> => IndexOfAnyExceptCore1((ReadOnlySpan<T>)span, value, default(EquatableEquality<T>)) >= 0;
        public static bool ContainsAnyExcept<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T> => IndexOfAnyExceptCore1(span, value, default(EquatableEquality<T>)) >= 0;
        public static bool ContainsAnyExcept<T>(this Span<T> span, T value0, T value1) where T : IEquatable<T> => IndexOfAny2((ReadOnlySpan<T>)span, value0, value1, true, default(EquatableEquality<T>)) >= 0;
        public static bool ContainsAnyExcept<T>(this ReadOnlySpan<T> span, T value0, T value1) where T : IEquatable<T> => IndexOfAny2(span, value0, value1, true, default(EquatableEquality<T>)) >= 0;
        public static bool ContainsAnyExcept<T>(this Span<T> span, T value0, T value1, T value2) where T : IEquatable<T> => IndexOfAny3((ReadOnlySpan<T>)span, value0, value1, value2, true, default(EquatableEquality<T>)) >= 0;
        public static bool ContainsAnyExcept<T>(this ReadOnlySpan<T> span, T value0, T value1, T value2) where T : IEquatable<T> => IndexOfAny3(span, value0, value1, value2, true, default(EquatableEquality<T>)) >= 0;
        public static bool ContainsAnyExcept<T>(this Span<T> span, ReadOnlySpan<T> values) where T : IEquatable<T> => IndexOfAnyCore((ReadOnlySpan<T>)span, values, true, default(EquatableEquality<T>)) >= 0;
        public static bool ContainsAnyExcept<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> values) where T : IEquatable<T> => IndexOfAnyCore(span, values, true, default(EquatableEquality<T>)) >= 0;
        public static bool ContainsAnyExcept<T>(this ReadOnlySpan<T> span, T value, IEqualityComparer<T> comparer = null) => IndexOfAnyExceptCore1(span, value, new ComparerEquality<T>(comparer)) >= 0;
        public static bool ContainsAnyExcept<T>(this ReadOnlySpan<T> span, T value0, T value1, IEqualityComparer<T> comparer = null) => IndexOfAny2(span, value0, value1, true, new ComparerEquality<T>(comparer)) >= 0;
        public static bool ContainsAnyExcept<T>(this ReadOnlySpan<T> span, T value0, T value1, T value2, IEqualityComparer<T> comparer = null) => IndexOfAny3(span, value0, value1, value2, true, new ComparerEquality<T>(comparer)) >= 0;
        public static bool ContainsAnyExcept<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> values, IEqualityComparer<T> comparer = null) => IndexOfAnyCore(span, values, true, new ComparerEquality<T>(comparer)) >= 0;

        // ----- Count -----

        public static int Count<T>(this Span<T> span, T value) where T : IEquatable<T> => CountCore((ReadOnlySpan<T>)span, value, default(EquatableEquality<T>));
        public static int Count<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T> => CountCore(span, value, default(EquatableEquality<T>));
        public static int Count<T>(this Span<T> span, ReadOnlySpan<T> value) where T : IEquatable<T> => CountSequenceCore((ReadOnlySpan<T>)span, value, default(EquatableEquality<T>));
        public static int Count<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value) where T : IEquatable<T> => CountSequenceCore(span, value, default(EquatableEquality<T>));
        public static int Count<T>(this ReadOnlySpan<T> span, T value, IEqualityComparer<T> comparer = null) => CountCore(span, value, new ComparerEquality<T>(comparer));
        public static int Count<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value, IEqualityComparer<T> comparer = null) => CountSequenceCore(span, value, new ComparerEquality<T>(comparer));

        public static int CountAny<T>(this ReadOnlySpan<T> span, params ReadOnlySpan<T> values) where T : IEquatable<T>
        {
            int count = 0;
            for (int i = 0; i < span.Length; i++) if (InSet(span[i], values, default(EquatableEquality<T>))) count++;
            return count;
        }

        public static int CountAny<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> values, IEqualityComparer<T> comparer = null)
        {
            var eq = new ComparerEquality<T>(comparer);
            int count = 0;
            for (int i = 0; i < span.Length; i++) if (InSet(span[i], values, eq)) count++;
            return count;
        }

        // ----- StartsWith / EndsWith / SequenceEqual / CommonPrefixLength -----

        public static bool StartsWith<T>(this Span<T> span, ReadOnlySpan<T> value) where T : IEquatable<T> => StartsWith((ReadOnlySpan<T>)span, value);
        public static bool EndsWith<T>(this Span<T> span, ReadOnlySpan<T> value) where T : IEquatable<T> => EndsWith((ReadOnlySpan<T>)span, value);
        public static bool StartsWith<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T> => span.Length != 0 && default(EquatableEquality<T>).Eq(span[0], value);
        public static bool EndsWith<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T> => span.Length != 0 && default(EquatableEquality<T>).Eq(span[span.Length - 1], value);
        public static bool StartsWith<T>(this ReadOnlySpan<T> span, T value, IEqualityComparer<T> comparer = null) => span.Length != 0 && new ComparerEquality<T>(comparer).Eq(span[0], value);
        public static bool EndsWith<T>(this ReadOnlySpan<T> span, T value, IEqualityComparer<T> comparer = null) => span.Length != 0 && new ComparerEquality<T>(comparer).Eq(span[span.Length - 1], value);
        public static bool StartsWith<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value, IEqualityComparer<T> comparer = null)
            => value.Length <= span.Length && SequenceEqualCore(span.Slice(0, value.Length), value, new ComparerEquality<T>(comparer));
        public static bool EndsWith<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value, IEqualityComparer<T> comparer = null)
            => value.Length <= span.Length && SequenceEqualCore(span.Slice(span.Length - value.Length), value, new ComparerEquality<T>(comparer));

        public static bool SequenceEqual<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> other, IEqualityComparer<T> comparer = null) => SequenceEqualCore(span, other, new ComparerEquality<T>(comparer));
        public static bool SequenceEqual<T>(this Span<T> span, ReadOnlySpan<T> other, IEqualityComparer<T> comparer = null) => SequenceEqualCore((ReadOnlySpan<T>)span, other, new ComparerEquality<T>(comparer));

        public static int SequenceCompareTo<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> other, IComparer<T> comparer = null)
        {
            comparer ??= Comparer<T>.Default;
            int length = span.Length < other.Length ? span.Length : other.Length;
            for (int i = 0; i < length; i++)
            {
                int c = comparer.Compare(span[i], other[i]);
                if (c != 0) return c;
            }
            return span.Length.CompareTo(other.Length);
        }

        public static int CommonPrefixLength<T>(this Span<T> span, ReadOnlySpan<T> other) => CommonPrefixCore((ReadOnlySpan<T>)span, other, new ComparerEquality<T>(null));
        public static int CommonPrefixLength<T>(this Span<T> span, ReadOnlySpan<T> other, IEqualityComparer<T> comparer) => CommonPrefixCore((ReadOnlySpan<T>)span, other, new ComparerEquality<T>(comparer));
        public static int CommonPrefixLength<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> other) => CommonPrefixCore(span, other, new ComparerEquality<T>(null));
        public static int CommonPrefixLength<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> other, IEqualityComparer<T> comparer) => CommonPrefixCore(span, other, new ComparerEquality<T>(comparer));
    }
}
