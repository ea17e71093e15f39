using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;

namespace System
{
    /// <summary>Split, Join and Concat over sequences, with .NET's rules for counts, options and nulls.</summary>
    public sealed partial class String
    {
        // ----- Split -----

        public string[] Split(char separator, StringSplitOptions options = StringSplitOptions.None)
            => SplitByChars(new ReadOnlySpan<char>(in separator), int.MaxValue, options);

        public string[] Split(char separator, int count, StringSplitOptions options = StringSplitOptions.None)
            => SplitByChars(new ReadOnlySpan<char>(in separator), count, options);

        public string[] Split(params char[] separator) => SplitByChars(separator, int.MaxValue, StringSplitOptions.None);

        public string[] Split(params ReadOnlySpan<char> separator) => SplitByChars(separator, int.MaxValue, StringSplitOptions.None);

        public string[] Split(char[] separator, int count) => SplitByChars(separator, count, StringSplitOptions.None);

        public string[] Split(char[] separator, StringSplitOptions options) => SplitByChars(separator, int.MaxValue, options);

        public string[] Split(char[] separator, int count, StringSplitOptions options) => SplitByChars(separator, count, options);

        public string[] Split(string separator, StringSplitOptions options = StringSplitOptions.None)
            => SplitByStrings(separator ?? Empty, null, int.MaxValue, options);

        public string[] Split(string separator, int count, StringSplitOptions options = StringSplitOptions.None)
            => SplitByStrings(separator ?? Empty, null, count, options);

        public string[] Split(string[] separator, StringSplitOptions options) => SplitByStrings(null, separator, int.MaxValue, options);

        public string[] Split(string[] separator, int count, StringSplitOptions options) => SplitByStrings(null, separator, count, options);

        private static void CheckSplitArguments(int count, StringSplitOptions options)
        {
            if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), StringMessages.NegativeCount);
            if ((options & ~(StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) != 0)
                throw new ArgumentException("Value of flags is invalid.", nameof(options));
        }

        /// <summary>Splits at any of <paramref name="separators"/>; none means white space.</summary>
        private string[] SplitByChars(ReadOnlySpan<char> separators, int count, StringSplitOptions options)
        {
            CheckSplitArguments(count, options);
            if (count <= 1 || Length == 0) return SoleSplitValue(options, count);

            var positions = new SplitPositions();
            for (int i = 0; i < Length; i++)
            {
                char c = this[i];
                bool separator = separators.IsEmpty ? char.IsWhiteSpace(c) : separators.IndexOf(c) >= 0;
                if (separator) positions.Add(i, 1);
            }
            if (positions.Count == 0) return SoleSplitValue(options, 1);
            return SplitAt(ref positions, count, options);
        }

        private string[] SplitByStrings(string separator, string[] separators, int count, StringSplitOptions options)
        {
            CheckSplitArguments(count, options);
            bool single = separator != null;
            if (!single && (separators == null || separators.Length == 0))
                return SplitByChars(default, count, options);
            if (count <= 1 || Length == 0) return SoleSplitValue(options, count);
            if (single && separator.Length == 0) return SoleSplitValue(options, 1);

            var positions = new SplitPositions();
            for (int i = 0; i < Length; i++)
            {
                if (single)
                {
                    if (this[i] == separator[0] && separator.Length <= Length - i && this.AsSpan(i, separator.Length).SequenceEqual(separator))
                    {
                        positions.Add(i, separator.Length);
                        i += separator.Length - 1;
                    }
                    continue;
                }
                // The first separator (in the caller's order) that matches here wins.
                for (int j = 0; j < separators.Length; j++)
                {
                    string candidate = separators[j];
                    if (IsNullOrEmpty(candidate)) continue;
                    if (this[i] == candidate[0] && candidate.Length <= Length - i && this.AsSpan(i, candidate.Length).SequenceEqual(candidate))
                    {
                        positions.Add(i, candidate.Length);
                        i += candidate.Length - 1;
                        break;
                    }
                }
            }
            if (positions.Count == 0) return SoleSplitValue(options, count);
            return SplitAt(ref positions, count, options);
        }

        private string[] SoleSplitValue(StringSplitOptions options, int count)
        {
            if (count == 0) return Array.Empty<string>();
            string candidate = (options & StringSplitOptions.TrimEntries) != 0 ? Trim() : this;
            if ((options & StringSplitOptions.RemoveEmptyEntries) != 0 && candidate.Length == 0) return Array.Empty<string>();
            return new string[] { candidate };
        }

        /// <summary>
        /// Cuts the string at the separators found. At most <paramref name="count"/> entries: the last
        /// one keeps the rest of the string, separators included. With RemoveEmptyEntries, empty
        /// entries are dropped and do not count (nor do those skipped just before the last entry).
        /// </summary>
        private string[] SplitAt(ref SplitPositions positions, int count, StringSplitOptions options)
        {
            bool trim = (options & StringSplitOptions.TrimEntries) != 0;
            bool removeEmpty = (options & StringSplitOptions.RemoveEmptyEntries) != 0;
            int found = positions.Count;
            string[] entries = new string[found < count ? found + 1 : count];
            int filled = 0;
            int current = 0;
            for (int i = 0; i < found; i++)
            {
                ReadOnlySpan<char> entry = this.AsSpan(current, positions.Start(i) - current);
                if (trim) entry = entry.Trim();
                if (!entry.IsEmpty || !removeEmpty) entries[filled++] = entry.ToString();
                current = positions.Start(i) + positions.Length(i);
                if (filled == count - 1)
                {
                    if (removeEmpty)
                    {
                        // Skip empty entries so the last one starts at data.
                        while (++i < found)
                        {
                            entry = this.AsSpan(current, positions.Start(i) - current);
                            if (trim) entry = entry.Trim();
                            if (!entry.IsEmpty) break;
                            current = positions.Start(i) + positions.Length(i);
                        }
                    }
                    break;
                }
            }
            ReadOnlySpan<char> last = this.AsSpan(current);
            if (trim) last = last.Trim();
            if (!last.IsEmpty || !removeEmpty) entries[filled++] = last.ToString();
            if (filled != entries.Length) Array.Resize(ref entries, filled);
            return entries;
        }

        /// <summary>Where the separators are (start, length), in a growable pair of arrays.</summary>
        private struct SplitPositions
        {
            private int[] _starts;
            private int[] _lengths;
            private int _count;

            public int Count => _count;
            public int Start(int i) => _starts[i];
            public int Length(int i) => _lengths[i];

            public void Add(int start, int length)
            {
                if (_starts == null) { _starts = new int[8]; _lengths = new int[8]; }
                else if (_count == _starts.Length)
                {
                    Array.Resize(ref _starts, _count * 2);
                    Array.Resize(ref _lengths, _count * 2);
                }
                _starts[_count] = start;
                _lengths[_count] = length;
                _count++;
            }
        }

        // ----- Join -----

        public static string Join(char separator, params string[] value)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            return JoinCore(new ReadOnlySpan<char>(in separator), new ReadOnlySpan<string>(value));
        }

        public static string Join(string separator, params string[] value)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            return JoinCore(separator.AsSpan(), new ReadOnlySpan<string>(value));
        }

        public static string Join(char separator, params ReadOnlySpan<string> value) => JoinCore(new ReadOnlySpan<char>(in separator), value);

        public static string Join(string separator, params ReadOnlySpan<string> value) => JoinCore(separator.AsSpan(), value);

        public static string Join(char separator, string[] value, int startIndex, int count)
            => JoinCore(new ReadOnlySpan<char>(in separator), value, startIndex, count);

        public static string Join(string separator, string[] value, int startIndex, int count)
            => JoinCore(separator.AsSpan(), value, startIndex, count);

        private static string JoinCore(ReadOnlySpan<char> separator, string[] value, int startIndex, int count)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            if (startIndex < 0) throw new ArgumentOutOfRangeException(nameof(startIndex), StringMessages.NegativeStartIndex);
            if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), StringMessages.NegativeCount);
            if (startIndex > value.Length - count) throw new ArgumentOutOfRangeException(nameof(startIndex), "Index and count must refer to a location within the buffer.");
            return JoinCore(separator, new ReadOnlySpan<string>(value, startIndex, count));
        }

        private static string JoinCore(ReadOnlySpan<char> separator, ReadOnlySpan<string> values)
        {
            if (values.Length <= 1) return values.IsEmpty ? Empty : values[0] ?? Empty;
            long total = (long)separator.Length * (values.Length - 1);
            for (int i = 0; i < values.Length; i++) total += values[i]?.Length ?? 0;
            if (total > int.MaxValue) throw new OutOfMemoryException();
            if (total == 0) return Empty;
            string result = FastAllocateString((int)total);
            Span<char> target = new Span<char>(ref result._firstChar, result.Length);
            int at = 0;
            for (int i = 0; i < values.Length; i++)
            {
                if (i != 0)
                {
                    separator.CopyTo(target.Slice(at));
                    at += separator.Length;
                }
                string item = values[i];
                if (item != null)
                {
                    item.AsSpan().CopyTo(target.Slice(at));
                    at += item.Length;
                }
            }
            return result;
        }

        public static string Join(char separator, params object[] values)
        {
            if (values == null) throw new ArgumentNullException(nameof(values));
            return JoinObjects(new ReadOnlySpan<char>(in separator), new ReadOnlySpan<object>(values));
        }

        public static string Join(string separator, params object[] values)
        {
            if (values == null) throw new ArgumentNullException(nameof(values));
            return JoinObjects(separator.AsSpan(), new ReadOnlySpan<object>(values));
        }

        public static string Join(char separator, params ReadOnlySpan<object> values) => JoinObjects(new ReadOnlySpan<char>(in separator), values);

        public static string Join(string separator, params ReadOnlySpan<object> values) => JoinObjects(separator.AsSpan(), values);

        private static string JoinObjects(ReadOnlySpan<char> separator, ReadOnlySpan<object> values)
        {
            if (values.Length == 0) return Empty;
            string first = values[0]?.ToString();
            if (values.Length == 1) return first ?? Empty;
            var builder = new StringBuilder();
            builder.Append(first);
            for (int i = 1; i < values.Length; i++)
            {
                builder.Append(separator);
                object value = values[i];
                if (value != null) builder.Append(value.ToString());
            }
            return builder.ToString();
        }

        public static string Join(string separator, IEnumerable<string> values)
        {
            if (values == null) throw new ArgumentNullException(nameof(values));
            if (values is string[] array) return JoinCore(separator.AsSpan(), new ReadOnlySpan<string>(array));
            if (values is List<string> list) return JoinCore(separator.AsSpan(), new ReadOnlySpan<string>(list.InternalItems, 0, list.Count));
            return JoinEnumerable(separator.AsSpan(), values);
        }

        public static string Join<T>(char separator, IEnumerable<T> values) => JoinEnumerable(new ReadOnlySpan<char>(in separator), values);

        public static string Join<T>(string separator, IEnumerable<T> values) => JoinEnumerable(separator.AsSpan(), values);

        private static string JoinEnumerable<T>(ReadOnlySpan<char> separator, IEnumerable<T> values)
        {
            if (values == null) throw new ArgumentNullException(nameof(values));
            using (IEnumerator<T> e = values.GetEnumerator())
            {
                if (!e.MoveNext()) return Empty;
                string first = InterpolationFormatting.TextOf(e.Current);
                if (!e.MoveNext()) return first ?? Empty;
                var builder = new StringBuilder();
                builder.Append(first);
                do
                {
                    builder.Append(separator);
                    builder.Append(InterpolationFormatting.TextOf(e.Current));
                }
                while (e.MoveNext());
                return builder.ToString();
            }
        }

        // ----- Concat over sequences -----

        public static string Concat(IEnumerable<string> values)
        {
            if (values == null) throw new ArgumentNullException(nameof(values));
            var builder = new StringBuilder();
            foreach (string value in values) builder.Append(value);
            return builder.ToString();
        }

        public static string Concat<T>(IEnumerable<T> values)
        {
            if (values == null) throw new ArgumentNullException(nameof(values));
            var builder = new StringBuilder();
            foreach (T value in values) builder.Append(InterpolationFormatting.TextOf(value));
            return builder.ToString();
        }

        public static string Concat(ReadOnlySpan<char> str0, ReadOnlySpan<char> str1, ReadOnlySpan<char> str2, ReadOnlySpan<char> str3)
        {
            string result = FastAllocateString(str0.Length + str1.Length + str2.Length + str3.Length);
            Span<char> target = new Span<char>(ref result._firstChar, result.Length);
            str0.CopyTo(target);
            str1.CopyTo(target.Slice(str0.Length));
            str2.CopyTo(target.Slice(str0.Length + str1.Length));
            str3.CopyTo(target.Slice(str0.Length + str1.Length + str2.Length));
            return result;
        }

        public static string Concat(params ReadOnlySpan<object> args)
        {
            var builder = new StringBuilder();
            for (int i = 0; i < args.Length; i++) builder.Append(args[i]?.ToString());
            return builder.ToString();
        }
    }
}
