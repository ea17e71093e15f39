using System.Runtime.CompilerServices;

namespace System
{
    public static partial class MemoryExtensions
    {
        public static bool TryWrite(this Span<char> destination, [InterpolatedStringHandlerArgument("destination")] ref TryWriteInterpolatedStringHandler handler, out int charsWritten)
        {
            if (handler._success) { charsWritten = handler._pos; return true; }
            charsWritten = 0;
            return false;
        }

        public static bool TryWrite(this Span<char> destination, IFormatProvider provider, [InterpolatedStringHandlerArgument("destination", "provider")] ref TryWriteInterpolatedStringHandler handler, out int charsWritten)
            => TryWrite(destination, ref handler, out charsWritten);

        /// <summary>Formats an interpolated string into a caller's span; stops at the first part that does not fit.</summary>
        [InterpolatedStringHandler]
        public ref struct TryWriteInterpolatedStringHandler
        {
            private readonly Span<char> _destination;
            private readonly IFormatProvider _provider;
            internal int _pos;
            internal bool _success;
            private readonly bool _hasCustomFormatter;

            public TryWriteInterpolatedStringHandler(int literalLength, int formattedCount, Span<char> destination, out bool shouldAppend)
            {
                _destination = destination;
                _provider = null;
                _pos = 0;
                _success = shouldAppend = destination.Length >= literalLength;
                _hasCustomFormatter = false;
            }

            public TryWriteInterpolatedStringHandler(int literalLength, int formattedCount, Span<char> destination, IFormatProvider provider, out bool shouldAppend)
            {
                _destination = destination;
                _provider = provider;
                _pos = 0;
                _success = shouldAppend = destination.Length >= literalLength;
                _hasCustomFormatter = provider != null && DefaultInterpolatedStringHandler.HasCustomFormatter(provider);
            }

            public bool AppendLiteral(string value) => AppendSpan(value);

            public bool AppendFormatted<T>(T value) => AppendFormatted(value, 0, null);

            public bool AppendFormatted<T>(T value, string format) => AppendFormatted(value, 0, format);

            public bool AppendFormatted<T>(T value, int alignment) => AppendFormatted(value, alignment, null);

            public bool AppendFormatted<T>(T value, int alignment, string format)
            {
                int start = _pos;
                if (!AppendValue(value, format)) return Fail();
                return alignment == 0 || Align(start, alignment);
            }

            public bool AppendFormatted(scoped ReadOnlySpan<char> value) => AppendSpan(value);

            public bool AppendFormatted(scoped ReadOnlySpan<char> value, int alignment = 0, string format = null)
            {
                int start = _pos;
                if (!AppendSpan(value)) return false;
                return alignment == 0 || Align(start, alignment);
            }

            public bool AppendFormatted(string value)
            {
                if (_hasCustomFormatter) return AppendFormatted<string>(value, 0, null);
                return value == null || AppendSpan(value);
            }

            public bool AppendFormatted(string value, int alignment = 0, string format = null) => AppendFormatted<string>(value, alignment, format);

            public bool AppendFormatted(object value, int alignment = 0, string format = null) => AppendFormatted<object>(value, alignment, format);

            private bool AppendValue<T>(T value, string format)
            {
                if (_hasCustomFormatter)
                {
                    var formatter = (ICustomFormatter)_provider.GetFormat(typeof(ICustomFormatter));
                    if (formatter != null)
                    {
                        object boxed = InterpolationFormatting.IsNullable<T>() ? InterpolationFormatting.BoxNullableAsText(value) : value;
                        string custom = formatter.Format(format, boxed, _provider);
                        return custom == null || AppendSpan(custom);
                    }
                }
                if (InterpolationFormatting.IsNullable<T>()) return AppendSpan(value.ToString());
                if (value is ISpanFormattable)
                {
                    if (((ISpanFormattable)value).TryFormat(_destination.Slice(_pos), out int written, format, _provider))
                    {
                        _pos += written;
                        return true;
                    }
                    return false;
                }
                string text = value is IFormattable ? ((IFormattable)value).ToString(format, _provider) : value?.ToString();
                return text == null || AppendSpan(text);
            }

            private bool AppendSpan(scoped ReadOnlySpan<char> value)
            {
                if (value.TryCopyTo(_destination.Slice(_pos)))
                {
                    _pos += value.Length;
                    return true;
                }
                return Fail();
            }

            private bool Align(int start, int alignment)
            {
                bool left = alignment < 0;
                if (left) alignment = -alignment;
                int written = _pos - start;
                int padding = alignment - written;
                if (padding <= 0) return true;
                if (padding > _destination.Length - _pos) return Fail();
                if (left)
                {
                    _destination.Slice(_pos, padding).Fill(' ');
                }
                else
                {
                    _destination.Slice(start, written).CopyTo(_destination.Slice(start + padding));
                    _destination.Slice(start, padding).Fill(' ');
                }
                _pos += padding;
                return true;
            }

            private bool Fail()
            {
                _success = false;
                return false;
            }
        }
    }
}
