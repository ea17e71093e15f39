using System.Text;

namespace System
{
    public sealed partial class String
    {
        public static string Format(string format, object arg0) => FormatCore(null, format, new ReadOnlySpan<object>(new[] { arg0 }));
        public static string Format(string format, object arg0, object arg1) => FormatCore(null, format, new ReadOnlySpan<object>(new[] { arg0, arg1 }));
        public static string Format(string format, object arg0, object arg1, object arg2) => FormatCore(null, format, new ReadOnlySpan<object>(new[] { arg0, arg1, arg2 }));
        public static string Format(string format, params object[] args)
        {
            if (args == null) throw new ArgumentNullException(format == null ? nameof(format) : nameof(args));
            return FormatCore(null, format, new ReadOnlySpan<object>(args));
        }
        public static string Format(string format, params ReadOnlySpan<object> args) => FormatCore(null, format, args);
        public static string Format(IFormatProvider provider, string format, object arg0) => FormatCore(provider, format, new ReadOnlySpan<object>(new[] { arg0 }));
        public static string Format(IFormatProvider provider, string format, object arg0, object arg1) => FormatCore(provider, format, new ReadOnlySpan<object>(new[] { arg0, arg1 }));
        public static string Format(IFormatProvider provider, string format, object arg0, object arg1, object arg2) => FormatCore(provider, format, new ReadOnlySpan<object>(new[] { arg0, arg1, arg2 }));
        public static string Format(IFormatProvider provider, string format, params ReadOnlySpan<object> args) => FormatCore(provider, format, args);
        public static string Format(IFormatProvider provider, string format, params object[] args)
        {
            if (args == null) throw new ArgumentNullException(format == null ? nameof(format) : nameof(args));
            return FormatCore(provider, format, new ReadOnlySpan<object>(args));
        }

        private static string FormatCore(IFormatProvider provider, string format, ReadOnlySpan<object> args)
        {
            if (format == null) throw new ArgumentNullException(nameof(format));
            var builder = new StringBuilder(format.Length + args.Length * 8);
            builder.AppendFormatCore(provider, format, args);
            return builder.ToString();
        }
    }
}

namespace System.Text
{
    public sealed partial class StringBuilder
    {
        /// <summary>Composite formatting: {index[,alignment][:format]} with {{ and }} escapes, as .NET parses it.</summary>
        internal StringBuilder AppendFormatCore(string format, ReadOnlySpan<object> args) => AppendFormatCore(null, format, args);

        internal StringBuilder AppendFormatCore(IFormatProvider provider, string format, ReadOnlySpan<object> args)
        {
            ICustomFormatter customFormatter = provider == null ? null : (ICustomFormatter)provider.GetFormat(typeof(ICustomFormatter));
            int position = 0;
            int length = format.Length;
            while (position < length)
            {
                char c = format[position++];
                if (c == '}')
                {
                    if (position < length && format[position] == '}') { position++; Append('}'); continue; }
                    throw FormatError();
                }
                if (c != '{') { Append(c); continue; }
                if (position < length && format[position] == '{') { position++; Append('{'); continue; }

                // Index
                if (position >= length || !char.IsAsciiDigit(format[position])) throw FormatError();
                int index = 0;
                while (position < length && char.IsAsciiDigit(format[position]))
                {
                    index = index * 10 + (format[position++] - '0');
                    if (index >= 1000000) throw FormatError();
                }
                while (position < length && format[position] == ' ') position++;

                // Alignment
                int alignment = 0;
                bool leftAlign = false;
                if (position < length && format[position] == ',')
                {
                    position++;
                    while (position < length && format[position] == ' ') position++;
                    if (position < length && format[position] == '-') { leftAlign = true; position++; }
                    if (position >= length || !char.IsAsciiDigit(format[position])) throw FormatError();
                    while (position < length && char.IsAsciiDigit(format[position]))
                    {
                        alignment = alignment * 10 + (format[position++] - '0');
                        if (alignment >= 1000000) throw FormatError();
                    }
                    while (position < length && format[position] == ' ') position++;
                }

                // Format string
                string itemFormat = null;
                if (position < length && format[position] == ':')
                {
                    position++;
                    int start = position;
                    while (true)
                    {
                        if (position >= length) throw FormatError();
                        char f = format[position];
                        if (f == '}') break;
                        if (f == '{') throw FormatError();
                        position++;
                    }
                    itemFormat = format.Substring(start, position - start);
                }
                if (position >= length || format[position] != '}') throw FormatError();
                position++;

                if (index >= args.Length) throw new FormatException("Index (zero based) must be greater than or equal to zero and less than the size of the argument list.");
                object arg = args[index];
                string text = null;
                if (customFormatter != null) text = customFormatter.Format(itemFormat, arg, provider);
                if (text == null)
                {
                    if (arg is IFormattable formattable) text = formattable.ToString(itemFormat, provider);
                    else text = arg?.ToString();
                }
                text ??= string.Empty;

                int pad = alignment - text.Length;
                if (!leftAlign && pad > 0) Append(' ', pad);
                Append(text);
                if (leftAlign && pad > 0) Append(' ', pad);
            }
            return this;
        }

        private static FormatException FormatError() => new FormatException("Input string was not in a correct format.");
    }
}
