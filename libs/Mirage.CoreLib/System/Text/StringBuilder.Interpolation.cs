using System.Runtime.CompilerServices;

namespace System.Text
{
    public sealed partial class StringBuilder
    {
        public StringBuilder Append([InterpolatedStringHandlerArgument("")] ref AppendInterpolatedStringHandler handler) => this;

        public StringBuilder Append(IFormatProvider provider, [InterpolatedStringHandlerArgument("", "provider")] ref AppendInterpolatedStringHandler handler) => this;

        public StringBuilder AppendLine([InterpolatedStringHandlerArgument("")] ref AppendInterpolatedStringHandler handler) => AppendLine();

        public StringBuilder AppendLine(IFormatProvider provider, [InterpolatedStringHandlerArgument("", "provider")] ref AppendInterpolatedStringHandler handler) => AppendLine();

        /// <summary>Appends each part of an interpolated string straight to the builder.</summary>
        [InterpolatedStringHandler]
        public struct AppendInterpolatedStringHandler
        {
            private readonly StringBuilder _builder;
            private readonly IFormatProvider _provider;
            private readonly bool _hasCustomFormatter;

            public AppendInterpolatedStringHandler(int literalLength, int formattedCount, StringBuilder stringBuilder)
            {
                _builder = stringBuilder ?? throw new ArgumentNullException(nameof(stringBuilder));
                _provider = null;
                _hasCustomFormatter = false;
            }

            public AppendInterpolatedStringHandler(int literalLength, int formattedCount, StringBuilder stringBuilder, IFormatProvider provider)
            {
                _builder = stringBuilder ?? throw new ArgumentNullException(nameof(stringBuilder));
                _provider = provider;
                _hasCustomFormatter = provider != null && DefaultInterpolatedStringHandler.HasCustomFormatter(provider);
            }

            public void AppendLiteral(string value) => _builder.Append(value);

            public void AppendFormatted<T>(T value) => AppendFormatted(value, 0, null);

            public void AppendFormatted<T>(T value, string format) => AppendFormatted(value, 0, format);

            public void AppendFormatted<T>(T value, int alignment) => AppendFormatted(value, alignment, null);

            public void AppendFormatted<T>(T value, int alignment, string format)
            {
                int start = _builder._length;
                if (_hasCustomFormatter)
                {
                    var formatter = (ICustomFormatter)_provider.GetFormat(typeof(ICustomFormatter));
                    if (formatter != null)
                    {
                        object boxed = InterpolationFormatting.IsNullable<T>() ? InterpolationFormatting.BoxNullableAsText(value) : value;
                        _builder.Append(formatter.Format(format, boxed, _provider));
                        if (alignment != 0) _builder.AlignFrom(start, alignment);
                        return;
                    }
                }
                if (InterpolationFormatting.IsNullable<T>())
                {
                    _builder.Append(value.ToString());
                }
                else if (value is ISpanFormattable)
                {
                    StringBuilder builder = _builder;
                    int attempts = 0;
                    while (true)
                    {
                        if (((ISpanFormattable)value).TryFormat(new Span<char>(builder._chars, builder._length, builder._chars.Length - builder._length), out int written, format, _provider))
                        {
                            builder._length += written;
                            break;
                        }
                        if (++attempts > 8 && builder._chars.Length - builder._length >= 4096)
                        {
                            builder.Append(((IFormattable)value).ToString(format, _provider));
                            break;
                        }
                        builder.EnsureCapacity(builder._chars.Length + 1);
                    }
                }
                else if (value is IFormattable)
                {
                    _builder.Append(((IFormattable)value).ToString(format, _provider));
                }
                else if (value != null)
                {
                    _builder.Append(value.ToString());
                }
                if (alignment != 0) _builder.AlignFrom(start, alignment);
            }

            public void AppendFormatted(ReadOnlySpan<char> value) => _builder.Append(value);

            public void AppendFormatted(ReadOnlySpan<char> value, int alignment = 0, string format = null)
            {
                int start = _builder._length;
                _builder.Append(value);
                if (alignment != 0) _builder.AlignFrom(start, alignment);
            }

            public void AppendFormatted(string value)
            {
                if (_hasCustomFormatter) AppendFormatted<string>(value, 0, null);
                else _builder.Append(value);
            }

            public void AppendFormatted(string value, int alignment = 0, string format = null) => AppendFormatted<string>(value, alignment, format);

            public void AppendFormatted(object value, int alignment = 0, string format = null) => AppendFormatted<object>(value, alignment, format);
        }

        /// <summary>Pads the text appended since <paramref name="start"/> to |alignment| characters (left-aligned when negative).</summary>
        private void AlignFrom(int start, int alignment)
        {
            bool left = alignment < 0;
            if (left) alignment = -alignment;
            int written = _length - start;
            int padding = alignment - written;
            if (padding <= 0) return;
            EnsureCapacity(_length + padding);
            if (!left)
            {
                Array.Copy(_chars, start, _chars, start + padding, written);
                new Span<char>(_chars, start, padding).Fill(' ');
            }
            else
            {
                new Span<char>(_chars, _length, padding).Fill(' ');
            }
            _length += padding;
        }
    }
}
