using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace System.Text
{
    /// <summary>StringBuilder's remaining overloads: joins, formatted appends with a provider, inserts, ranged replaces.</summary>
    public sealed partial class StringBuilder
    {
        public StringBuilder(string value, int startIndex, int length, int capacity)
            : this(Math.Max(capacity, length))
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity), "'capacity' must be greater than zero.");
            if (length < 0) throw new ArgumentOutOfRangeException(nameof(length), "Length cannot be less than zero.");
            if (startIndex < 0) throw new ArgumentOutOfRangeException(nameof(startIndex), "StartIndex cannot be less than zero.");
            value ??= string.Empty;
            if (startIndex > value.Length - length) throw new ArgumentOutOfRangeException(nameof(length), "Index and length must refer to a location within the string.");
            Append(value.AsSpan(startIndex, length));
        }

        public bool Equals(ReadOnlySpan<char> span) => new ReadOnlySpan<char>(_chars, 0, _length).SequenceEqual(span);

        public unsafe StringBuilder Append(char* value, int valueCount)
        {
            if (valueCount < 0) throw new ArgumentOutOfRangeException(nameof(valueCount), "Count cannot be less than zero.");
            return Append(new ReadOnlySpan<char>(value, valueCount));
        }

        public StringBuilder Append(StringBuilder value, int startIndex, int count)
        {
            if (value == null)
            {
                if (startIndex == 0 && count == 0) return this;
                throw new ArgumentNullException(nameof(value));
            }
            if (startIndex < 0) throw new ArgumentOutOfRangeException(nameof(startIndex), "Non-negative number required.");
            if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), "Non-negative number required.");
            if (count > value._length - startIndex) throw new ArgumentOutOfRangeException(nameof(count), "Index was out of range. Must be non-negative and less than the size of the collection.");
            return Append(new ReadOnlySpan<char>(value._chars, startIndex, count));
        }

        // ----- AppendFormat with a provider -----

        public StringBuilder AppendFormat(string format, params ReadOnlySpan<object> args) => AppendFormatCore(null, format ?? throw new ArgumentNullException(nameof(format)), args);
        public StringBuilder AppendFormat(IFormatProvider provider, string format, object arg0) => AppendFormatCore(provider, format ?? throw new ArgumentNullException(nameof(format)), new ReadOnlySpan<object>(new[] { arg0 }));
        public StringBuilder AppendFormat(IFormatProvider provider, string format, object arg0, object arg1) => AppendFormatCore(provider, format ?? throw new ArgumentNullException(nameof(format)), new ReadOnlySpan<object>(new[] { arg0, arg1 }));
        public StringBuilder AppendFormat(IFormatProvider provider, string format, object arg0, object arg1, object arg2) => AppendFormatCore(provider, format ?? throw new ArgumentNullException(nameof(format)), new ReadOnlySpan<object>(new[] { arg0, arg1, arg2 }));
        public StringBuilder AppendFormat(IFormatProvider provider, string format, params object[] args) => AppendFormatCore(provider, format ?? throw new ArgumentNullException(nameof(format)), new ReadOnlySpan<object>(args ?? throw new ArgumentNullException(nameof(args))));
        public StringBuilder AppendFormat(IFormatProvider provider, string format, params ReadOnlySpan<object> args) => AppendFormatCore(provider, format ?? throw new ArgumentNullException(nameof(format)), args);

        // ----- AppendJoin -----

        public StringBuilder AppendJoin(string separator, params object[] values)
        {
            if (values == null) throw new ArgumentNullException(nameof(values));
            return AppendJoinObjects(separator.AsSpan(), new ReadOnlySpan<object>(values));
        }

        public StringBuilder AppendJoin(string separator, params ReadOnlySpan<object> values) => AppendJoinObjects(separator.AsSpan(), values);

        public StringBuilder AppendJoin<T>(string separator, IEnumerable<T> values) => AppendJoinEnumerable(separator.AsSpan(), values);

        public StringBuilder AppendJoin(string separator, params string[] values)
        {
            if (values == null) throw new ArgumentNullException(nameof(values));
            return AppendJoinStrings(separator.AsSpan(), new ReadOnlySpan<string>(values));
        }

        public StringBuilder AppendJoin(string separator, params ReadOnlySpan<string> values) => AppendJoinStrings(separator.AsSpan(), values);

        public StringBuilder AppendJoin(char separator, params object[] values)
        {
            if (values == null) throw new ArgumentNullException(nameof(values));
            return AppendJoinObjects(new ReadOnlySpan<char>(in separator), new ReadOnlySpan<object>(values));
        }

        public StringBuilder AppendJoin(char separator, params ReadOnlySpan<object> values) => AppendJoinObjects(new ReadOnlySpan<char>(in separator), values);

        public StringBuilder AppendJoin<T>(char separator, IEnumerable<T> values) => AppendJoinEnumerable(new ReadOnlySpan<char>(in separator), values);

        public StringBuilder AppendJoin(char separator, params string[] values)
        {
            if (values == null) throw new ArgumentNullException(nameof(values));
            return AppendJoinStrings(new ReadOnlySpan<char>(in separator), new ReadOnlySpan<string>(values));
        }

        public StringBuilder AppendJoin(char separator, params ReadOnlySpan<string> values) => AppendJoinStrings(new ReadOnlySpan<char>(in separator), values);

        private StringBuilder AppendJoinObjects(ReadOnlySpan<char> separator, ReadOnlySpan<object> values)
        {
            for (int i = 0; i < values.Length; i++)
            {
                if (i != 0) Append(separator);
                object value = values[i];
                if (value != null) Append(value.ToString());
            }
            return this;
        }

        private StringBuilder AppendJoinStrings(ReadOnlySpan<char> separator, ReadOnlySpan<string> values)
        {
            for (int i = 0; i < values.Length; i++)
            {
                if (i != 0) Append(separator);
                Append(values[i]);
            }
            return this;
        }

        private StringBuilder AppendJoinEnumerable<T>(ReadOnlySpan<char> separator, IEnumerable<T> values)
        {
            if (values == null) throw new ArgumentNullException(nameof(values));
            using (IEnumerator<T> e = values.GetEnumerator())
            {
                if (!e.MoveNext()) return this;
                Append(InterpolationFormatting.TextOf(e.Current));
                while (e.MoveNext())
                {
                    Append(separator);
                    Append(InterpolationFormatting.TextOf(e.Current));
                }
            }
            return this;
        }

        // ----- Insert -----

        public StringBuilder Insert(int index, string value, int count)
        {
            if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), "Non-negative number required.");
            if ((uint)index > (uint)_length) throw new ArgumentOutOfRangeException(nameof(index), "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            if (string.IsNullOrEmpty(value) || count == 0) return this;
            long total = (long)value.Length * count;
            if (total + _length > _maxCapacity) throw new OutOfMemoryException();
            return InsertSpan(index, value, count);
        }

        public StringBuilder Insert(int index, ReadOnlySpan<char> value)
        {
            if ((uint)index > (uint)_length) throw new ArgumentOutOfRangeException(nameof(index), "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            return value.IsEmpty ? this : InsertSpan(index, value, 1);
        }

        public StringBuilder Insert(int index, char[] value)
        {
            if ((uint)index > (uint)_length) throw new ArgumentOutOfRangeException(nameof(index), "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            return value == null || value.Length == 0 ? this : InsertSpan(index, value, 1);
        }

        public StringBuilder Insert(int index, char[] value, int startIndex, int charCount)
        {
            if ((uint)index > (uint)_length) throw new ArgumentOutOfRangeException(nameof(index), "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            if (value == null)
            {
                if (startIndex == 0 && charCount == 0) return this;
                throw new ArgumentNullException(nameof(value));
            }
            if (startIndex < 0) throw new ArgumentOutOfRangeException(nameof(startIndex), "StartIndex cannot be less than zero.");
            if (charCount < 0) throw new ArgumentOutOfRangeException(nameof(charCount), "Non-negative number required.");
            if (startIndex > value.Length - charCount) throw new ArgumentOutOfRangeException(nameof(startIndex), "Index and count must refer to a location within the buffer.");
            return charCount == 0 ? this : InsertSpan(index, new ReadOnlySpan<char>(value, startIndex, charCount), 1);
        }

        public StringBuilder Insert(int index, bool value) => Insert(index, value ? "True" : "False");
        public StringBuilder Insert(int index, sbyte value) => Insert(index, value.ToString());
        public StringBuilder Insert(int index, byte value) => Insert(index, value.ToString());
        public StringBuilder Insert(int index, short value) => Insert(index, value.ToString());
        public StringBuilder Insert(int index, ushort value) => Insert(index, value.ToString());
        public StringBuilder Insert(int index, int value) => Insert(index, value.ToString());
        public StringBuilder Insert(int index, uint value) => Insert(index, value.ToString());
        public StringBuilder Insert(int index, long value) => Insert(index, value.ToString());
        public StringBuilder Insert(int index, ulong value) => Insert(index, value.ToString());
        public StringBuilder Insert(int index, float value) => Insert(index, value.ToString());
        public StringBuilder Insert(int index, double value) => Insert(index, value.ToString());

        private StringBuilder InsertSpan(int index, ReadOnlySpan<char> value, int count)
        {
            int total = value.Length * count;
            EnsureCapacity(_length + total);
            Array.Copy(_chars, index, _chars, index + total, _length - index);
            for (int i = 0; i < count; i++) value.CopyTo(new Span<char>(_chars, index + i * value.Length, value.Length));
            _length += total;
            return this;
        }

        // ----- ranged Replace -----

        public StringBuilder Replace(char oldChar, char newChar, int startIndex, int count)
        {
            if ((uint)startIndex > (uint)_length) throw new ArgumentOutOfRangeException(nameof(startIndex), "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            if (count < 0 || startIndex > _length - count) throw new ArgumentOutOfRangeException(nameof(count), "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            for (int i = startIndex; i < startIndex + count; i++) if (_chars[i] == oldChar) _chars[i] = newChar;
            return this;
        }

        public StringBuilder Replace(string oldValue, string newValue, int startIndex, int count)
        {
            if (oldValue == null) throw new ArgumentNullException(nameof(oldValue));
            return Replace(oldValue.AsSpan(), newValue.AsSpan(), startIndex, count);
        }

        public StringBuilder Replace(ReadOnlySpan<char> oldValue, ReadOnlySpan<char> newValue) => Replace(oldValue, newValue, 0, _length);

        public StringBuilder Replace(ReadOnlySpan<char> oldValue, ReadOnlySpan<char> newValue, int startIndex, int count)
        {
            if ((uint)startIndex > (uint)_length) throw new ArgumentOutOfRangeException(nameof(startIndex), "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            if (count < 0 || startIndex > _length - count) throw new ArgumentOutOfRangeException(nameof(count), "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            if (oldValue.IsEmpty) throw new ArgumentException("The value cannot be an empty string.", nameof(oldValue));
            ReadOnlySpan<char> region = new ReadOnlySpan<char>(_chars, startIndex, count);
            int first = region.IndexOf(oldValue);
            if (first < 0) return this;
            var result = new StringBuilder(_length);
            result.Append(new ReadOnlySpan<char>(_chars, 0, startIndex));
            int position = 0;
            while (true)
            {
                int found = region.Slice(position).IndexOf(oldValue);
                if (found < 0) break;
                result.Append(region.Slice(position, found)).Append(newValue);
                position += found + oldValue.Length;
            }
            result.Append(region.Slice(position));
            result.Append(new ReadOnlySpan<char>(_chars, startIndex + count, _length - startIndex - count));
            Clear();
            return Append(new ReadOnlySpan<char>(result._chars, 0, result._length));
        }

        public void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
        {
            if (destination == null) throw new ArgumentNullException(nameof(destination));
            if (destinationIndex < 0) throw new ArgumentOutOfRangeException(nameof(destinationIndex), "'destinationIndex' must be non-negative.");
            if (destinationIndex > destination.Length - count) throw new ArgumentException("Either offset did not refer to a position in the string, or there is an insufficient length of destination character array.");
            CopyTo(sourceIndex, new Span<char>(destination, destinationIndex, count), count);
        }

        // ----- chunks (this builder is one contiguous buffer: one chunk) -----

        public ChunkEnumerator GetChunks() => new ChunkEnumerator(this);

        public struct ChunkEnumerator
        {
            private readonly StringBuilder _builder;
            private bool _started;

            internal ChunkEnumerator(StringBuilder builder) { _builder = builder; _started = false; }

            public ChunkEnumerator GetEnumerator() => this;

            public bool MoveNext()
            {
                if (_started) return false;
                _started = true;
                return true;
            }

            public ReadOnlyMemory<char> Current => new ReadOnlyMemory<char>(_builder._chars, 0, _builder._length);
        }
    }
}
