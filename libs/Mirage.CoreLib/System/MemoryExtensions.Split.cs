namespace System
{
    /// <summary>Splitting spans into ranges (with string.Split's rules) and enumerating splits and lines.</summary>
    public static partial class MemoryExtensions
    {
        public static int Split(this ReadOnlySpan<char> source, Span<Range> destination, char separator, StringSplitOptions options = StringSplitOptions.None)
        {
            CheckSplitOptions(options);
            return SplitCore(source, destination, new ReadOnlySpan<char>(in separator), default, true, options);
        }

        public static int Split(this ReadOnlySpan<char> source, Span<Range> destination, ReadOnlySpan<char> separator, StringSplitOptions options = StringSplitOptions.None)
        {
            CheckSplitOptions(options);
            if (separator.IsEmpty)
            {
                // An empty separator: the whole input is the one range.
                if (!destination.IsEmpty)
                {
                    int start = 0, end = source.Length;
                    if ((options & StringSplitOptions.TrimEntries) != 0) TrimRange(source, ref start, ref end);
                    if (start != end || (options & StringSplitOptions.RemoveEmptyEntries) == 0)
                    {
                        destination[0] = new Range(start, end);
                        return 1;
                    }
                }
                return 0;
            }
            return SplitCore(source, destination, separator, default, false, options);
        }

        public static int SplitAny(this ReadOnlySpan<char> source, Span<Range> destination, ReadOnlySpan<char> separators, StringSplitOptions options = StringSplitOptions.None)
        {
            CheckSplitOptions(options);
            // Splitting on white space leaves nothing to trim, unless nothing can be split.
            if (separators.IsEmpty && destination.Length > source.Length) options &= ~StringSplitOptions.TrimEntries;
            return SplitCore(source, destination, separators, default, true, options);
        }

        public static int SplitAny(this ReadOnlySpan<char> source, Span<Range> destination, ReadOnlySpan<string> separators, StringSplitOptions options = StringSplitOptions.None)
        {
            CheckSplitOptions(options);
            if (separators.IsEmpty && destination.Length > source.Length) options &= ~StringSplitOptions.TrimEntries;
            return SplitCore(source, destination, default, separators, true, options);
        }

        private static void CheckSplitOptions(StringSplitOptions options)
        {
            if ((options & ~(StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) != 0)
                throw new ArgumentException("Value of flags is invalid.", nameof(options));
        }

        private static void TrimRange(ReadOnlySpan<char> source, ref int start, ref int end)
        {
            while (start < end && char.IsWhiteSpace(source[start])) start++;
            while (end > start && char.IsWhiteSpace(source[end - 1])) end--;
        }

        /// <summary>Finds the next separator at or after <paramref name="from"/>; returns its index and length, or -1.</summary>
        private static int NextSeparator(ReadOnlySpan<char> source, int from, ReadOnlySpan<char> chars, ReadOnlySpan<string> strings, bool any, out int length)
        {
            length = 1;
            if (!strings.IsEmpty)
            {
                for (int i = from; i < source.Length; i++)
                {
                    for (int j = 0; j < strings.Length; j++)
                    {
                        string candidate = strings[j];
                        if (string.IsNullOrEmpty(candidate)) continue;
                        if (candidate.Length <= source.Length - i && source.Slice(i, candidate.Length).SequenceEqual(candidate))
                        {
                            length = candidate.Length;
                            return i;
                        }
                    }
                }
                return -1;
            }
            if (any)
            {
                for (int i = from; i < source.Length; i++)
                {
                    char c = source[i];
                    if (chars.IsEmpty ? char.IsWhiteSpace(c) : chars.IndexOf(c) >= 0) return i;
                }
                return -1;
            }
            length = chars.Length;
            int found = source.Slice(from).IndexOf(chars);
            return found < 0 ? -1 : from + found;
        }

        private static int SplitCore(ReadOnlySpan<char> source, Span<Range> destination, ReadOnlySpan<char> chars, ReadOnlySpan<string> strings, bool any, StringSplitOptions options)
        {
            if (destination.IsEmpty) return 0;
            bool keepEmpty = (options & StringSplitOptions.RemoveEmptyEntries) == 0;
            bool trim = (options & StringSplitOptions.TrimEntries) != 0;
            if (source.Length == 0)
            {
                if (keepEmpty)
                {
                    destination[0] = default;
                    return 1;
                }
                return 0;
            }
            int start = 0, end;
            if (destination.Length == 1)
            {
                end = source.Length;
                if (trim) TrimRange(source, ref start, ref end);
                if (start != end || keepEmpty)
                {
                    destination[0] = new Range(start, end);
                    return 1;
                }
                return 0;
            }

            int count = 0;
            int lastSlot = destination.Length - 1;
            int searchFrom = 0;
            while (count < lastSlot || !keepEmpty)
            {
                int separator = NextSeparator(source, searchFrom, chars, strings, any, out int separatorLength);
                if (separator < 0) break;
                end = separator;
                int untrimmedEnd = end;
                if (trim) TrimRange(source, ref start, ref end);
                if (start != end || keepEmpty)
                {
                    if (count >= lastSlot) break;
                    destination[count++] = new Range(start, end);
                }
                start = untrimmedEnd + separatorLength;
                searchFrom = start;
            }

            if (count < destination.Length)
            {
                end = source.Length;
                if (trim) TrimRange(source, ref start, ref end);
                if (start != end || keepEmpty) destination[count++] = new Range(start, end);
            }
            return count;
        }

        // ----- enumerating splits -----

        public static SpanSplitEnumerator<T> Split<T>(this ReadOnlySpan<T> source, T separator) where T : IEquatable<T>
            => new SpanSplitEnumerator<T>(source, separator);

        public static SpanSplitEnumerator<T> Split<T>(this ReadOnlySpan<T> source, ReadOnlySpan<T> separator) where T : IEquatable<T>
            => new SpanSplitEnumerator<T>(source, separator, true);

        public static SpanSplitEnumerator<T> SplitAny<T>(this ReadOnlySpan<T> source, [System.Diagnostics.CodeAnalysis.UnscopedRef] params ReadOnlySpan<T> separators) where T : IEquatable<T>
            => new SpanSplitEnumerator<T>(source, separators);

        public ref struct SpanSplitEnumerator<T> : System.Collections.Generic.IEnumerator<Range> where T : IEquatable<T>
        {
            private const int ModeNone = 0, ModeSingle = 1, ModeAny = 2, ModeSequence = 3, ModeEmptySequence = 4;

            private readonly ReadOnlySpan<T> _span;
            private readonly T _separator;
            private readonly ReadOnlySpan<T> _separators;
            private int _mode;
            private int _startCurrent;
            private int _endCurrent;
            private int _startNext;

            internal SpanSplitEnumerator(ReadOnlySpan<T> span, ReadOnlySpan<T> separators)
            {
                _span = span;
                _separator = default;
                _separators = separators;
                _mode = ModeAny;
                _startCurrent = _endCurrent = _startNext = 0;
            }

            internal SpanSplitEnumerator(ReadOnlySpan<T> span, ReadOnlySpan<T> separator, bool sequence)
            {
                _span = span;
                _separator = default;
                _separators = separator;
                _mode = separator.Length == 0 ? ModeEmptySequence : ModeSequence;
                _startCurrent = _endCurrent = _startNext = 0;
            }

            internal SpanSplitEnumerator(ReadOnlySpan<T> span, T separator)
            {
                _span = span;
                _separator = separator;
                _separators = default;
                _mode = ModeSingle;
                _startCurrent = _endCurrent = _startNext = 0;
            }

            public SpanSplitEnumerator<T> GetEnumerator() => this;

            public ReadOnlySpan<T> Source => _span;

            public Range Current => new Range(_startCurrent, _endCurrent);

            object System.Collections.IEnumerator.Current => Current;

            public bool MoveNext()
            {
                int index, length;
                switch (_mode)
                {
                    case ModeSingle: index = _span.Slice(_startNext).IndexOf(_separator); length = 1; break;
                    case ModeAny: index = _span.Slice(_startNext).IndexOfAny(_separators); length = 1; break;
                    case ModeSequence: index = _span.Slice(_startNext).IndexOf(_separators); length = _separators.Length; break;
                    case ModeEmptySequence: index = -1; length = 1; break;
                    default: return false;
                }
                _startCurrent = _startNext;
                if (index >= 0)
                {
                    _endCurrent = _startCurrent + index;
                    _startNext = _endCurrent + length;
                }
                else
                {
                    _startNext = _endCurrent = _span.Length;
                    _mode = ModeNone;
                }
                return true;
            }

            void System.Collections.IEnumerator.Reset() => throw new NotSupportedException();

            void IDisposable.Dispose() { }
        }

        // ----- lines -----

        public static System.Text.SpanLineEnumerator EnumerateLines(this ReadOnlySpan<char> span) => new System.Text.SpanLineEnumerator(span);

        public static System.Text.SpanLineEnumerator EnumerateLines(this Span<char> span) => new System.Text.SpanLineEnumerator(span);
    }
}

namespace System.Text
{
    /// <summary>The lines of a span: split at CR, LF, CRLF, FF, NEL, LS and PS; a final newline ends with an empty line.</summary>
    public ref struct SpanLineEnumerator : System.Collections.Generic.IEnumerator<ReadOnlySpan<char>>
    {
        private ReadOnlySpan<char> _remaining;
        private ReadOnlySpan<char> _current;
        private bool _active;

        internal SpanLineEnumerator(ReadOnlySpan<char> buffer)
        {
            _remaining = buffer;
            _current = default;
            _active = true;
        }

        public ReadOnlySpan<char> Current => _current;

        object System.Collections.IEnumerator.Current => throw new NotSupportedException();

        public SpanLineEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            if (!_active)
            {
                _current = default;
                return false;
            }
            ReadOnlySpan<char> remaining = _remaining;
            for (int i = 0; i < remaining.Length; i++)
            {
                char c = remaining[i];
                if (c != '\r' && c != '\n' && c != '\f' && c != '\u0085' && c != '\u2028' && c != '\u2029') continue;
                int stride = c == '\r' && i + 1 < remaining.Length && remaining[i + 1] == '\n' ? 2 : 1;
                _current = remaining.Slice(0, i);
                _remaining = remaining.Slice(i + stride);
                return true;
            }
            _current = remaining;
            _remaining = default;
            _active = false;
            return true;
        }

        void System.Collections.IEnumerator.Reset() => throw new NotSupportedException();

        void IDisposable.Dispose() { }
    }
}
