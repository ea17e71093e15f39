using System.Runtime.InteropServices;

namespace System.Runtime.CompilerServices
{
    /// <summary>
    /// The builder C# uses for <c>$"..."</c> strings. The text goes into a scratch buffer (the
    /// caller's initial buffer, else one borrowed from <see cref="InterpolationBuffers"/>), which is
    /// handed back when the string is produced. Values are formatted as .NET does: strings are
    /// copied, <see cref="ISpanFormattable"/> values format straight into the buffer (which grows
    /// until they fit), <see cref="IFormattable"/> values through ToString(format, provider), and
    /// anything else through ToString(); a provider with an <see cref="ICustomFormatter"/> sees
    /// every value first.
    /// </summary>
    [InterpolatedStringHandler]
    public ref struct DefaultInterpolatedStringHandler
    {
        private const int GuessedLengthPerHole = 11;
        private const int MinimumBufferLength = 256;

        private char[] _rented;
        private Span<char> _chars;
        private int _pos;
        private readonly IFormatProvider _provider;
        private readonly bool _hasCustomFormatter;

        public DefaultInterpolatedStringHandler(int literalLength, int formattedCount)
        {
            _provider = null;
            _hasCustomFormatter = false;
            _rented = InterpolationBuffers.Rent(DefaultLength(literalLength, formattedCount));
            _chars = _rented;
            _pos = 0;
        }

        public DefaultInterpolatedStringHandler(int literalLength, int formattedCount, IFormatProvider provider)
        {
            _provider = provider;
            _hasCustomFormatter = provider != null && HasCustomFormatter(provider);
            _rented = InterpolationBuffers.Rent(DefaultLength(literalLength, formattedCount));
            _chars = _rented;
            _pos = 0;
        }

        public DefaultInterpolatedStringHandler(int literalLength, int formattedCount, IFormatProvider provider, Span<char> initialBuffer)
        {
            _provider = provider;
            _hasCustomFormatter = provider != null && HasCustomFormatter(provider);
            _rented = null;
            _chars = initialBuffer;
            _pos = 0;
        }

        internal static int DefaultLength(int literalLength, int formattedCount)
        {
            long length = (long)literalLength + (long)formattedCount * GuessedLengthPerHole;
            return length > MinimumBufferLength ? (length > 0x3FFFFFDF ? 0x3FFFFFDF : (int)length) : MinimumBufferLength;
        }

        internal static bool HasCustomFormatter(IFormatProvider provider)
            => provider.GetFormat(typeof(ICustomFormatter)) != null;

        public override string ToString() => new string(_chars.Slice(0, _pos));

        public string ToStringAndClear()
        {
            string result = new string(_chars.Slice(0, _pos));
            Clear();
            return result;
        }

        public void Clear()
        {
            char[] rented = _rented;
            this = default;
            if (rented != null) InterpolationBuffers.Return(rented);
        }

        public ReadOnlySpan<char> Text => _chars.Slice(0, _pos);

        public void AppendLiteral(string value)
        {
            if (value == null) return;
            if (value.Length == 1)
            {
                if ((uint)_pos < (uint)_chars.Length) { _chars[_pos++] = value[0]; return; }
            }
            AppendSpan(value);
        }

        public void AppendFormatted<T>(T value)
        {
            if (_hasCustomFormatter) { AppendCustomFormatter(value, null); return; }
            AppendValue(value, null);
        }

        public void AppendFormatted<T>(T value, string format)
        {
            if (_hasCustomFormatter) { AppendCustomFormatter(value, format); return; }
            AppendValue(value, format);
        }

        public void AppendFormatted<T>(T value, int alignment)
        {
            int start = _pos;
            AppendFormatted(value);
            if (alignment != 0) Align(start, alignment);
        }

        public void AppendFormatted<T>(T value, int alignment, string format)
        {
            int start = _pos;
            AppendFormatted(value, format);
            if (alignment != 0) Align(start, alignment);
        }

        public void AppendFormatted(scoped ReadOnlySpan<char> value) => AppendSpan(value);

        public void AppendFormatted(scoped ReadOnlySpan<char> value, int alignment = 0, string format = null)
        {
            int start = _pos;
            AppendSpan(value);
            if (alignment != 0) Align(start, alignment);
        }

        public void AppendFormatted(string value)
        {
            if (_hasCustomFormatter) { AppendCustomFormatter(value, null); return; }
            if (value != null) AppendSpan(value);
        }

        public void AppendFormatted(string value, int alignment = 0, string format = null) => AppendFormatted<string>(value, alignment, format);

        public void AppendFormatted(object value, int alignment = 0, string format = null) => AppendFormatted<object>(value, alignment, format);

        private void AppendValue<T>(T value, string format)
        {
            // Boxing a Nullable<T> is not supported by the runtime: format it through its own
            // ToString (a constrained call, no box), which is the value's text or nothing.
            if (InterpolationFormatting.IsNullable<T>())
            {
                AppendSpan(value.ToString());
                return;
            }
            if (value is ISpanFormattable)
            {
                int attempts = 0;
                while (true)
                {
                    if (((ISpanFormattable)value).TryFormat(_chars.Slice(_pos), out int written, format, _provider))
                    {
                        _pos += written;
                        return;
                    }
                    // A formatter that never succeeds (whatever the space) falls back to its string.
                    if (++attempts > 8 && _chars.Length - _pos >= 4096) break;
                    Grow(_chars.Length - _pos + 1);
                }
                AppendSpan(((IFormattable)value).ToString(format, _provider));
                return;
            }
            string text = value is IFormattable ? ((IFormattable)value).ToString(format, _provider) : value?.ToString();
            if (text != null) AppendSpan(text);
        }

        private void AppendCustomFormatter<T>(T value, string format)
        {
            var formatter = (ICustomFormatter)_provider.GetFormat(typeof(ICustomFormatter));
            if (formatter == null) { AppendValue(value, format); return; }
            object boxed = InterpolationFormatting.IsNullable<T>() ? InterpolationFormatting.BoxNullableAsText(value) : value;
            string text = formatter.Format(format, boxed, _provider);
            if (text != null) AppendSpan(text);
        }

        private void AppendSpan(scoped ReadOnlySpan<char> value)
        {
            if (value.Length > _chars.Length - _pos) Grow(value.Length);
            value.CopyTo(_chars.Slice(_pos));
            _pos += value.Length;
        }

        private void Align(int start, int alignment)
        {
            bool left = alignment < 0;
            if (left) alignment = -alignment;
            int written = _pos - start;
            int padding = alignment - written;
            if (padding <= 0) return;
            if (padding > _chars.Length - _pos) Grow(padding);
            if (left)
            {
                _chars.Slice(_pos, padding).Fill(' ');
            }
            else
            {
                _chars.Slice(start, written).CopyTo(_chars.Slice(start + padding));
                _chars.Slice(start, padding).Fill(' ');
            }
            _pos += padding;
        }

        private void Grow(int additional)
        {
            long wanted = (long)_pos + additional;
            long doubled = (long)_chars.Length * 2;
            long length = wanted > doubled ? wanted : doubled;
            if (length < MinimumBufferLength) length = MinimumBufferLength;
            if (length > 0x3FFFFFDF) length = wanted <= 0x3FFFFFDF ? 0x3FFFFFDF : throw new OutOfMemoryException();
            char[] larger = InterpolationBuffers.Rent((int)length);
            _chars.Slice(0, _pos).CopyTo(larger);
            char[] old = _rented;
            _rented = larger;
            _chars = larger;
            if (old != null) InterpolationBuffers.Return(old);
        }
    }

    /// <summary>
    /// Scratch buffers for interpolation handlers. The runtime has one thread and, for now, no
    /// garbage collector, so a handler borrows the one cached buffer (and gives it back, or a larger
    /// one, when done); a nested handler that finds the cache empty allocates its own.
    /// </summary>
    internal static class InterpolationBuffers
    {
        private static char[] s_cached;

        internal static char[] Rent(int minimumLength)
        {
            char[] cached = s_cached;
            if (cached != null && cached.Length >= minimumLength)
            {
                s_cached = null;
                return cached;
            }
            return new char[minimumLength];
        }

        internal static void Return(char[] buffer)
        {
            if (buffer.Length > 0x100000) return;
            char[] cached = s_cached;
            if (cached == null || cached.Length < buffer.Length) s_cached = buffer;
        }
    }
}
