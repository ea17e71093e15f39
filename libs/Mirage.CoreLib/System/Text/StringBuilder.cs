namespace System.Text
{
    /// <summary>A growable UTF-16 buffer (one contiguous array, doubled on growth).</summary>
    public sealed partial class StringBuilder
    {
        private char[] _chars;
        private int _length;
        private readonly int _maxCapacity = int.MaxValue;

        public StringBuilder() : this(16) { }

        public StringBuilder(int capacity)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity), "'capacity' must be greater than zero.");
            _chars = new char[capacity == 0 ? 16 : capacity];
        }

        public StringBuilder(string value) : this(value, 16) { }

        public StringBuilder(string value, int capacity) : this(Math.Max(capacity, value?.Length ?? 0))
        {
            if (value != null) Append(value);
        }

        public StringBuilder(int capacity, int maxCapacity) : this(capacity) { _maxCapacity = maxCapacity; }

        public int Length
        {
            get => _length;
            set
            {
                if (value < 0) throw new ArgumentOutOfRangeException(nameof(value), "Length cannot be less than zero.");
                EnsureCapacity(value);
                if (value > _length) new Span<char>(_chars, _length, value - _length).Clear();
                _length = value;
            }
        }

        public int Capacity
        {
            get => _chars.Length;
            set
            {
                if (value < _length) throw new ArgumentOutOfRangeException(nameof(value), "Capacity cannot be less than the current size.");
                if (value == _chars.Length) return;
                char[] chars = new char[value];
                Array.Copy(_chars, chars, _length);
                _chars = chars;
            }
        }

        public int MaxCapacity => _maxCapacity;

        [System.Runtime.CompilerServices.IndexerName("Chars")]
        public char this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_length) throw new IndexOutOfRangeException();
                return _chars[index];
            }
            set
            {
                if ((uint)index >= (uint)_length) throw new ArgumentOutOfRangeException(nameof(index), "Index was out of range. Must be non-negative and less than the size of the collection.");
                _chars[index] = value;
            }
        }

        public int EnsureCapacity(int capacity)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity));
            if (capacity > _chars.Length)
            {
                int grown = _chars.Length * 2;
                Capacity = grown > capacity ? grown : capacity;
            }
            return _chars.Length;
        }

        public StringBuilder Append(char value)
        {
            if (_length == _chars.Length) EnsureCapacity(_length + 1);
            _chars[_length++] = value;
            return this;
        }

        public StringBuilder Append(char value, int repeatCount)
        {
            if (repeatCount < 0) throw new ArgumentOutOfRangeException(nameof(repeatCount), "Count cannot be less than zero.");
            EnsureCapacity(_length + repeatCount);
            for (int i = 0; i < repeatCount; i++) _chars[_length++] = value;
            return this;
        }

        public StringBuilder Append(string value)
        {
            if (value != null) Append(value.AsSpan());
            return this;
        }

        public StringBuilder Append(ReadOnlySpan<char> value)
        {
            EnsureCapacity(_length + value.Length);
            value.CopyTo(new Span<char>(_chars, _length, value.Length));
            _length += value.Length;
            return this;
        }

        public StringBuilder Append(ReadOnlyMemory<char> value) => Append(value.Span);

        public StringBuilder Append(string value, int startIndex, int count)
        {
            if (value == null) { if (startIndex == 0 && count == 0) return this; throw new ArgumentNullException(nameof(value)); }
            return Append(value.AsSpan(startIndex, count));
        }

        public StringBuilder Append(char[] value)
        {
            if (value != null) Append(new ReadOnlySpan<char>(value));
            return this;
        }

        public StringBuilder Append(char[] value, int startIndex, int charCount)
        {
            if (value == null) { if (startIndex == 0 && charCount == 0) return this; throw new ArgumentNullException(nameof(value)); }
            return Append(new ReadOnlySpan<char>(value, startIndex, charCount));
        }

        public StringBuilder Append(StringBuilder value)
        {
            if (value != null) Append(new ReadOnlySpan<char>(value._chars, 0, value._length));
            return this;
        }

        public StringBuilder Append(bool value) => Append(value ? "True" : "False");
        public StringBuilder Append(sbyte value) => AppendFormattable(value);
        public StringBuilder Append(byte value) => AppendFormattable(value);
        public StringBuilder Append(short value) => AppendFormattable(value);
        public StringBuilder Append(ushort value) => AppendFormattable(value);
        public StringBuilder Append(int value) => AppendFormattable(value);
        public StringBuilder Append(uint value) => AppendFormattable(value);
        public StringBuilder Append(long value) => AppendFormattable(value);
        public StringBuilder Append(ulong value) => AppendFormattable(value);
        public StringBuilder Append(float value) => AppendFormattable(value);
        public StringBuilder Append(double value) => AppendFormattable(value);
        public StringBuilder Append(object value) => value == null ? this : Append(value.ToString());

        private StringBuilder AppendFormattable<T>(T value) where T : ISpanFormattable
        {
            EnsureCapacity(_length + 32);
            if (value.TryFormat(new Span<char>(_chars, _length, _chars.Length - _length), out int written, default, null))
            {
                _length += written;
                return this;
            }
            return Append(value.ToString(null, null));
        }

        public StringBuilder AppendLine() => Append('\n');
        public StringBuilder AppendLine(string value) => Append(value).Append('\n');

        public StringBuilder AppendFormat(string format, object arg0) => AppendFormatCore(format ?? throw new ArgumentNullException(nameof(format)), new ReadOnlySpan<object>(new[] { arg0 }));
        public StringBuilder AppendFormat(string format, object arg0, object arg1) => AppendFormatCore(format ?? throw new ArgumentNullException(nameof(format)), new ReadOnlySpan<object>(new[] { arg0, arg1 }));
        public StringBuilder AppendFormat(string format, object arg0, object arg1, object arg2) => AppendFormatCore(format ?? throw new ArgumentNullException(nameof(format)), new ReadOnlySpan<object>(new[] { arg0, arg1, arg2 }));
        public StringBuilder AppendFormat(string format, params object[] args) => AppendFormatCore(format ?? throw new ArgumentNullException(nameof(format)), new ReadOnlySpan<object>(args ?? throw new ArgumentNullException(nameof(args))));

        public StringBuilder Clear()
        {
            _length = 0;
            return this;
        }

        public StringBuilder Insert(int index, string value)
        {
            if ((uint)index > (uint)_length) throw new ArgumentOutOfRangeException(nameof(index), "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            if (string.IsNullOrEmpty(value)) return this;
            EnsureCapacity(_length + value.Length);
            Array.Copy(_chars, index, _chars, index + value.Length, _length - index);
            value.AsSpan().CopyTo(new Span<char>(_chars, index, value.Length));
            _length += value.Length;
            return this;
        }

        public StringBuilder Insert(int index, char value) => Insert(index, new string(value, 1));
        public StringBuilder Insert(int index, object value) => Insert(index, value?.ToString());

        public StringBuilder Remove(int startIndex, int length)
        {
            if (length < 0) throw new ArgumentOutOfRangeException(nameof(length), "Length cannot be less than zero.");
            if (startIndex < 0 || startIndex > _length - length) throw new ArgumentOutOfRangeException(nameof(startIndex), "StartIndex cannot be less than zero.");
            Array.Copy(_chars, startIndex + length, _chars, startIndex, _length - startIndex - length);
            _length -= length;
            return this;
        }

        public StringBuilder Replace(char oldChar, char newChar)
        {
            for (int i = 0; i < _length; i++) if (_chars[i] == oldChar) _chars[i] = newChar;
            return this;
        }

        public StringBuilder Replace(string oldValue, string newValue)
        {
            if (oldValue == null) throw new ArgumentNullException(nameof(oldValue));
            if (oldValue.Length == 0) throw new ArgumentException("String cannot be of zero length.", nameof(oldValue));
            string replaced = ToString().Replace(oldValue, newValue);
            Clear();
            return Append(replaced);
        }

        public void CopyTo(int sourceIndex, Span<char> destination, int count)
            => new ReadOnlySpan<char>(_chars, sourceIndex, count).CopyTo(destination);

        public override string ToString() => new string(new ReadOnlySpan<char>(_chars, 0, _length));

        public string ToString(int startIndex, int length)
        {
            if (startIndex < 0 || length < 0 || startIndex > _length - length) throw new ArgumentOutOfRangeException(nameof(startIndex));
            return new string(new ReadOnlySpan<char>(_chars, startIndex, length));
        }

        public bool Equals(StringBuilder sb) => sb != null && sb._length == _length && new ReadOnlySpan<char>(_chars, 0, _length).SequenceEqual(new ReadOnlySpan<char>(sb._chars, 0, sb._length));
    }
}
