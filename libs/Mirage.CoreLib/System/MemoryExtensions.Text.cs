namespace System
{
    /// <summary>
    /// Text comparison without culture data, as .NET behaves in invariant globalization mode:
    /// culture-sensitive comparisons are ordinal, their IgnoreCase forms are OrdinalIgnoreCase
    /// (simple invariant case mapping, <see cref="char.ToUpperInvariant"/>).
    /// </summary>
    internal static class TextComparison
    {
        internal static bool IgnoresCase(StringComparison comparisonType)
        {
            switch (comparisonType)
            {
                case StringComparison.CurrentCulture:
                case StringComparison.InvariantCulture:
                case StringComparison.Ordinal:
                    return false;
                case StringComparison.CurrentCultureIgnoreCase:
                case StringComparison.InvariantCultureIgnoreCase:
                case StringComparison.OrdinalIgnoreCase:
                    return true;
                default:
                    throw new ArgumentException("The string comparison type passed in is currently not supported.", nameof(comparisonType));
            }
        }

        internal static char Fold(char c) => c < 0x80 ? ((uint)(c - 'a') <= 'z' - 'a' ? (char)(c - 0x20) : c) : char.ToUpperInvariant(c);

        internal static bool EqualsOrdinal(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
        {
            if (a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++) if (a[i] != b[i]) return false;
            return true;
        }

        internal static bool EqualsIgnoreCase(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
        {
            if (a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++)
            {
                char x = a[i], y = b[i];
                if (x != y && Fold(x) != Fold(y)) return false;
            }
            return true;
        }

        internal static bool Equals(ReadOnlySpan<char> a, ReadOnlySpan<char> b, bool ignoreCase) => ignoreCase ? EqualsIgnoreCase(a, b) : EqualsOrdinal(a, b);

        /// <summary>Difference of the first differing characters, else of the lengths (as .NET's ordinal comparisons).</summary>
        internal static int CompareOrdinal(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
        {
            int length = a.Length < b.Length ? a.Length : b.Length;
            for (int i = 0; i < length; i++)
            {
                int d = a[i] - b[i];
                if (d != 0) return d;
            }
            return a.Length - b.Length;
        }

        internal static int CompareIgnoreCase(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
        {
            int length = a.Length < b.Length ? a.Length : b.Length;
            for (int i = 0; i < length; i++)
            {
                char x = a[i], y = b[i];
                if (x == y) continue;
                int d = Fold(x) - Fold(y);
                if (d != 0) return d;
            }
            return a.Length - b.Length;
        }

        internal static int Compare(ReadOnlySpan<char> a, ReadOnlySpan<char> b, bool ignoreCase) => ignoreCase ? CompareIgnoreCase(a, b) : CompareOrdinal(a, b);

        internal static int IndexOf(ReadOnlySpan<char> text, ReadOnlySpan<char> value, bool ignoreCase)
        {
            if (value.Length == 0) return 0;
            for (int i = 0; i <= text.Length - value.Length; i++)
                if (Equals(text.Slice(i, value.Length), value, ignoreCase)) return i;
            return -1;
        }

        internal static int LastIndexOf(ReadOnlySpan<char> text, ReadOnlySpan<char> value, bool ignoreCase)
        {
            if (value.Length == 0) return text.Length;
            for (int i = text.Length - value.Length; i >= 0; i--)
                if (Equals(text.Slice(i, value.Length), value, ignoreCase)) return i;
            return -1;
        }

        internal static int IndexOf(ReadOnlySpan<char> text, char value)
        {
            for (int i = 0; i < text.Length; i++) if (text[i] == value) return i;
            return -1;
        }

        internal static int LastIndexOf(ReadOnlySpan<char> text, char value)
        {
            for (int i = text.Length - 1; i >= 0; i--) if (text[i] == value) return i;
            return -1;
        }

        internal static int IndexOfAny(ReadOnlySpan<char> text, ReadOnlySpan<char> values)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                for (int j = 0; j < values.Length; j++) if (values[j] == c) return i;
            }
            return -1;
        }

        internal static int LastIndexOfAny(ReadOnlySpan<char> text, ReadOnlySpan<char> values)
        {
            for (int i = text.Length - 1; i >= 0; i--)
            {
                char c = text[i];
                for (int j = 0; j < values.Length; j++) if (values[j] == c) return i;
            }
            return -1;
        }

        /// <summary>Ordinal-ignore-case hash: FNV-1a over the folded characters.</summary>
        internal static int GetHashCodeIgnoreCase(ReadOnlySpan<char> value)
        {
            uint hash = 2166136261;
            for (int i = 0; i < value.Length; i++) hash = (hash ^ Fold(value[i])) * 16777619;
            return (int)hash;
        }
    }

    public static partial class MemoryExtensions
    {
        public static bool Equals(this ReadOnlySpan<char> span, ReadOnlySpan<char> other, StringComparison comparisonType)
            => TextComparison.Equals(span, other, TextComparison.IgnoresCase(comparisonType));

        public static int CompareTo(this ReadOnlySpan<char> span, ReadOnlySpan<char> other, StringComparison comparisonType)
            => TextComparison.Compare(span, other, TextComparison.IgnoresCase(comparisonType));

        public static bool Contains(this ReadOnlySpan<char> span, ReadOnlySpan<char> value, StringComparison comparisonType)
            => TextComparison.IndexOf(span, value, TextComparison.IgnoresCase(comparisonType)) >= 0;

        public static int IndexOf(this ReadOnlySpan<char> span, ReadOnlySpan<char> value, StringComparison comparisonType)
            => TextComparison.IndexOf(span, value, TextComparison.IgnoresCase(comparisonType));

        public static int LastIndexOf(this ReadOnlySpan<char> span, ReadOnlySpan<char> value, StringComparison comparisonType)
            => TextComparison.LastIndexOf(span, value, TextComparison.IgnoresCase(comparisonType));

        public static bool StartsWith(this ReadOnlySpan<char> span, ReadOnlySpan<char> value, StringComparison comparisonType)
        {
            bool ignoreCase = TextComparison.IgnoresCase(comparisonType);
            return value.Length <= span.Length && TextComparison.Equals(span.Slice(0, value.Length), value, ignoreCase);
        }

        public static bool EndsWith(this ReadOnlySpan<char> span, ReadOnlySpan<char> value, StringComparison comparisonType)
        {
            bool ignoreCase = TextComparison.IgnoresCase(comparisonType);
            return value.Length <= span.Length && TextComparison.Equals(span.Slice(span.Length - value.Length), value, ignoreCase);
        }

        public static bool IsWhiteSpace(this ReadOnlySpan<char> span)
        {
            for (int i = 0; i < span.Length; i++) if (!char.IsWhiteSpace(span[i])) return false;
            return true;
        }

        public static int ToUpperInvariant(this ReadOnlySpan<char> source, Span<char> destination)
        {
            if (source.Overlaps(destination)) throw new InvalidOperationException("This operation is invalid on overlapping buffers.");
            if (destination.Length < source.Length) return -1;
            for (int i = 0; i < source.Length; i++) destination[i] = char.ToUpperInvariant(source[i]);
            return source.Length;
        }

        public static int ToLowerInvariant(this ReadOnlySpan<char> source, Span<char> destination)
        {
            if (source.Overlaps(destination)) throw new InvalidOperationException("This operation is invalid on overlapping buffers.");
            if (destination.Length < source.Length) return -1;
            for (int i = 0; i < source.Length; i++) destination[i] = char.ToLowerInvariant(source[i]);
            return source.Length;
        }

        // ----- trimming characters -----

        private static int TrimStartIndex(ReadOnlySpan<char> span)
        {
            int start = 0;
            while (start < span.Length && char.IsWhiteSpace(span[start])) start++;
            return start;
        }

        private static int TrimEndLength(ReadOnlySpan<char> span, int start)
        {
            int end = span.Length;
            while (end > start && char.IsWhiteSpace(span[end - 1])) end--;
            return end;
        }

        public static ReadOnlySpan<char> Trim(this ReadOnlySpan<char> span)
        {
            int start = TrimStartIndex(span);
            return span.Slice(start, TrimEndLength(span, start) - start);
        }

        public static ReadOnlySpan<char> TrimStart(this ReadOnlySpan<char> span) => span.Slice(TrimStartIndex(span));

        public static ReadOnlySpan<char> TrimEnd(this ReadOnlySpan<char> span) => span.Slice(0, TrimEndLength(span, 0));

        public static Span<char> Trim(this Span<char> span)
        {
            int start = TrimStartIndex(span);
            return span.Slice(start, TrimEndLength(span, start) - start);
        }

        public static Span<char> TrimStart(this Span<char> span) => span.Slice(TrimStartIndex(span));

        public static Span<char> TrimEnd(this Span<char> span) => span.Slice(0, TrimEndLength(span, 0));

        public static ReadOnlyMemory<char> Trim(this ReadOnlyMemory<char> memory)
        {
            ReadOnlySpan<char> span = memory.Span;
            int start = TrimStartIndex(span);
            return memory.Slice(start, TrimEndLength(span, start) - start);
        }

        public static ReadOnlyMemory<char> TrimStart(this ReadOnlyMemory<char> memory) => memory.Slice(TrimStartIndex(memory.Span));

        public static ReadOnlyMemory<char> TrimEnd(this ReadOnlyMemory<char> memory) => memory.Slice(0, TrimEndLength(memory.Span, 0));

        public static Memory<char> Trim(this Memory<char> memory)
        {
            ReadOnlySpan<char> span = memory.Span;
            int start = TrimStartIndex(span);
            return memory.Slice(start, TrimEndLength(span, start) - start);
        }

        public static Memory<char> TrimStart(this Memory<char> memory) => memory.Slice(TrimStartIndex(memory.Span));

        public static Memory<char> TrimEnd(this Memory<char> memory) => memory.Slice(0, TrimEndLength(memory.Span, 0));

        public static ReadOnlySpan<char> Trim(this ReadOnlySpan<char> span, char trimChar)
        {
            int start = 0;
            while (start < span.Length && span[start] == trimChar) start++;
            int end = span.Length;
            while (end > start && span[end - 1] == trimChar) end--;
            return span.Slice(start, end - start);
        }

        public static ReadOnlySpan<char> TrimStart(this ReadOnlySpan<char> span, char trimChar)
        {
            int start = 0;
            while (start < span.Length && span[start] == trimChar) start++;
            return span.Slice(start);
        }

        public static ReadOnlySpan<char> TrimEnd(this ReadOnlySpan<char> span, char trimChar)
        {
            int end = span.Length;
            while (end > 0 && span[end - 1] == trimChar) end--;
            return span.Slice(0, end);
        }

        /// <summary>Removes the given characters from both ends; an empty set removes white space.</summary>
        public static ReadOnlySpan<char> Trim(this ReadOnlySpan<char> span, ReadOnlySpan<char> trimChars)
        {
            if (trimChars.IsEmpty) return span.Trim();
            int start = 0;
            while (start < span.Length && trimChars.IndexOf(span[start]) >= 0) start++;
            int end = span.Length;
            while (end > start && trimChars.IndexOf(span[end - 1]) >= 0) end--;
            return span.Slice(start, end - start);
        }

        public static ReadOnlySpan<char> TrimStart(this ReadOnlySpan<char> span, ReadOnlySpan<char> trimChars)
        {
            if (trimChars.IsEmpty) return span.TrimStart();
            int start = 0;
            while (start < span.Length && trimChars.IndexOf(span[start]) >= 0) start++;
            return span.Slice(start);
        }

        public static ReadOnlySpan<char> TrimEnd(this ReadOnlySpan<char> span, ReadOnlySpan<char> trimChars)
        {
            if (trimChars.IsEmpty) return span.TrimEnd();
            int end = span.Length;
            while (end > 0 && trimChars.IndexOf(span[end - 1]) >= 0) end--;
            return span.Slice(0, end);
        }

        // ----- trimming elements (an empty set trims nothing) -----

        private static int TrimElementStart<T>(ReadOnlySpan<T> span, T trimElement) where T : IEquatable<T>
        {
            var eq = default(EquatableEquality<T>);
            int start = 0;
            while (start < span.Length && eq.Eq(span[start], trimElement)) start++;
            return start;
        }

        private static int TrimElementEnd<T>(ReadOnlySpan<T> span, int start, T trimElement) where T : IEquatable<T>
        {
            var eq = default(EquatableEquality<T>);
            int end = span.Length;
            while (end > start && eq.Eq(span[end - 1], trimElement)) end--;
            return end;
        }

        private static int TrimElementsStart<T>(ReadOnlySpan<T> span, ReadOnlySpan<T> trimElements) where T : IEquatable<T>
        {
            var eq = default(EquatableEquality<T>);
            int start = 0;
            while (start < span.Length && InSet(span[start], trimElements, eq)) start++;
            return start;
        }

        private static int TrimElementsEnd<T>(ReadOnlySpan<T> span, int start, ReadOnlySpan<T> trimElements) where T : IEquatable<T>
        {
            var eq = default(EquatableEquality<T>);
            int end = span.Length;
            while (end > start && InSet(span[end - 1], trimElements, eq)) end--;
            return end;
        }

        public static ReadOnlySpan<T> Trim<T>(this ReadOnlySpan<T> span, T trimElement) where T : IEquatable<T>
        {
            int start = TrimElementStart(span, trimElement);
            return span.Slice(start, TrimElementEnd(span, start, trimElement) - start);
        }
        public static ReadOnlySpan<T> TrimStart<T>(this ReadOnlySpan<T> span, T trimElement) where T : IEquatable<T> => span.Slice(TrimElementStart(span, trimElement));
        public static ReadOnlySpan<T> TrimEnd<T>(this ReadOnlySpan<T> span, T trimElement) where T : IEquatable<T> => span.Slice(0, TrimElementEnd(span, 0, trimElement));
        public static ReadOnlySpan<T> Trim<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> trimElements) where T : IEquatable<T>
        {
            int start = TrimElementsStart(span, trimElements);
            return span.Slice(start, TrimElementsEnd(span, start, trimElements) - start);
        }
        public static ReadOnlySpan<T> TrimStart<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> trimElements) where T : IEquatable<T> => span.Slice(TrimElementsStart(span, trimElements));
        public static ReadOnlySpan<T> TrimEnd<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> trimElements) where T : IEquatable<T> => span.Slice(0, TrimElementsEnd(span, 0, trimElements));

        public static Span<T> Trim<T>(this Span<T> span, T trimElement) where T : IEquatable<T>
        {
            int start = TrimElementStart((ReadOnlySpan<T>)span, trimElement);
            return span.Slice(start, TrimElementEnd((ReadOnlySpan<T>)span, start, trimElement) - start);
        }
        public static Span<T> TrimStart<T>(this Span<T> span, T trimElement) where T : IEquatable<T> => span.Slice(TrimElementStart((ReadOnlySpan<T>)span, trimElement));
        public static Span<T> TrimEnd<T>(this Span<T> span, T trimElement) where T : IEquatable<T> => span.Slice(0, TrimElementEnd((ReadOnlySpan<T>)span, 0, trimElement));
        public static Span<T> Trim<T>(this Span<T> span, ReadOnlySpan<T> trimElements) where T : IEquatable<T>
        {
            int start = TrimElementsStart((ReadOnlySpan<T>)span, trimElements);
            return span.Slice(start, TrimElementsEnd((ReadOnlySpan<T>)span, start, trimElements) - start);
        }
        public static Span<T> TrimStart<T>(this Span<T> span, ReadOnlySpan<T> trimElements) where T : IEquatable<T> => span.Slice(TrimElementsStart((ReadOnlySpan<T>)span, trimElements));
        public static Span<T> TrimEnd<T>(this Span<T> span, ReadOnlySpan<T> trimElements) where T : IEquatable<T> => span.Slice(0, TrimElementsEnd((ReadOnlySpan<T>)span, 0, trimElements));

        public static Memory<T> Trim<T>(this Memory<T> memory, T trimElement) where T : IEquatable<T>
        {
            ReadOnlySpan<T> span = memory.Span;
            int start = TrimElementStart(span, trimElement);
            return memory.Slice(start, TrimElementEnd(span, start, trimElement) - start);
        }
        public static Memory<T> TrimStart<T>(this Memory<T> memory, T trimElement) where T : IEquatable<T> => memory.Slice(TrimElementStart((ReadOnlySpan<T>)memory.Span, trimElement));
        public static Memory<T> TrimEnd<T>(this Memory<T> memory, T trimElement) where T : IEquatable<T> => memory.Slice(0, TrimElementEnd((ReadOnlySpan<T>)memory.Span, 0, trimElement));
        public static Memory<T> Trim<T>(this Memory<T> memory, ReadOnlySpan<T> trimElements) where T : IEquatable<T>
        {
            ReadOnlySpan<T> span = memory.Span;
            int start = TrimElementsStart(span, trimElements);
            return memory.Slice(start, TrimElementsEnd(span, start, trimElements) - start);
        }
        public static Memory<T> TrimStart<T>(this Memory<T> memory, ReadOnlySpan<T> trimElements) where T : IEquatable<T> => memory.Slice(TrimElementsStart((ReadOnlySpan<T>)memory.Span, trimElements));
        public static Memory<T> TrimEnd<T>(this Memory<T> memory, ReadOnlySpan<T> trimElements) where T : IEquatable<T> => memory.Slice(0, TrimElementsEnd((ReadOnlySpan<T>)memory.Span, 0, trimElements));

        public static ReadOnlyMemory<T> Trim<T>(this ReadOnlyMemory<T> memory, T trimElement) where T : IEquatable<T>
        {
            ReadOnlySpan<T> span = memory.Span;
            int start = TrimElementStart(span, trimElement);
            return memory.Slice(start, TrimElementEnd(span, start, trimElement) - start);
        }
        public static ReadOnlyMemory<T> TrimStart<T>(this ReadOnlyMemory<T> memory, T trimElement) where T : IEquatable<T> => memory.Slice(TrimElementStart(memory.Span, trimElement));
        public static ReadOnlyMemory<T> TrimEnd<T>(this ReadOnlyMemory<T> memory, T trimElement) where T : IEquatable<T> => memory.Slice(0, TrimElementEnd(memory.Span, 0, trimElement));
        public static ReadOnlyMemory<T> Trim<T>(this ReadOnlyMemory<T> memory, ReadOnlySpan<T> trimElements) where T : IEquatable<T>
        {
            ReadOnlySpan<T> span = memory.Span;
            int start = TrimElementsStart(span, trimElements);
            return memory.Slice(start, TrimElementsEnd(span, start, trimElements) - start);
        }
        public static ReadOnlyMemory<T> TrimStart<T>(this ReadOnlyMemory<T> memory, ReadOnlySpan<T> trimElements) where T : IEquatable<T> => memory.Slice(TrimElementsStart(memory.Span, trimElements));
        public static ReadOnlyMemory<T> TrimEnd<T>(this ReadOnlyMemory<T> memory, ReadOnlySpan<T> trimElements) where T : IEquatable<T> => memory.Slice(0, TrimElementsEnd(memory.Span, 0, trimElements));
    }
}
