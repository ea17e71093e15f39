using System.IO;
using System.Text;

namespace System
{
    /// <summary>
    /// The console is the platform console (the Xen PV console, or COM1/UART without Xen).
    /// Standard output and standard error are the same device, as on a serial line.
    /// </summary>
    public static class Console
    {
        private static TextWriter s_out;

        public static TextWriter Out => s_out ??= new PlatformConsoleWriter();
        public static TextWriter Error => Out;
        public static Encoding OutputEncoding { get => Encoding.UTF8; set { } }
        public static bool IsOutputRedirected => true;
        public static bool IsErrorRedirected => true;

        public static void SetOut(TextWriter newOut) => s_out = newOut ?? throw new ArgumentNullException(nameof(newOut));
        public static void SetError(TextWriter newError) { }

        public static void Write(string value) => Out.Write(value);
        public static void Write(char value) => Out.Write(value);
        public static void Write(char[] buffer) => Out.Write(buffer);
        public static void Write(char[] buffer, int index, int count) => Out.Write(buffer, index, count);
        public static void Write(bool value) => Out.Write(value);
        public static void Write(int value) => Out.Write(value);
        public static void Write(uint value) => Out.Write(value);
        public static void Write(long value) => Out.Write(value);
        public static void Write(ulong value) => Out.Write(value);
        public static void Write(float value) => Out.Write(value);
        public static void Write(double value) => Out.Write(value);
        public static void Write(object value) => Out.Write(value);
        public static void Write(ReadOnlySpan<char> value) => Out.Write(value);
        public static void Write(string format, object arg0) => Out.Write(format, arg0);
        public static void Write(string format, object arg0, object arg1) => Out.Write(format, arg0, arg1);
        public static void Write(string format, object arg0, object arg1, object arg2) => Out.Write(format, arg0, arg1, arg2);
        public static void Write(string format, params object[] arg) => Out.Write(format, arg);

        public static void WriteLine() => Out.WriteLine();
        public static void WriteLine(string value) => Out.WriteLine(value);
        public static void WriteLine(char value) => Out.WriteLine(value);
        public static void WriteLine(char[] buffer) => Out.WriteLine(buffer);
        public static void WriteLine(bool value) => Out.WriteLine(value);
        public static void WriteLine(int value) => Out.WriteLine(value);
        public static void WriteLine(uint value) => Out.WriteLine(value);
        public static void WriteLine(long value) => Out.WriteLine(value);
        public static void WriteLine(ulong value) => Out.WriteLine(value);
        public static void WriteLine(float value) => Out.WriteLine(value);
        public static void WriteLine(double value) => Out.WriteLine(value);
        public static void WriteLine(object value) => Out.WriteLine(value);
        public static void WriteLine(ReadOnlySpan<char> value) => Out.WriteLine(value);
        public static void WriteLine(string format, object arg0) => Out.WriteLine(format, arg0);
        public static void WriteLine(string format, object arg0, object arg1) => Out.WriteLine(format, arg0, arg1);
        public static void WriteLine(string format, object arg0, object arg1, object arg2) => Out.WriteLine(format, arg0, arg1, arg2);
        public static void WriteLine(string format, params object[] arg) => Out.WriteLine(format, arg);

        /// <summary>UTF-8 encodes into a small buffer and hands it to the platform at each newline and on Flush.</summary>
        private sealed unsafe class PlatformConsoleWriter : TextWriter
        {
            private readonly byte[] _buffer = new byte[256];
            private int _used;
            private char _pendingHighSurrogate;

            public override Encoding Encoding => Encoding.UTF8;

            public override void Write(char value)
            {
                Span<char> one = stackalloc char[2];
                if (char.IsHighSurrogate(value)) { if (_pendingHighSurrogate != 0) Emit("\uFFFD"); _pendingHighSurrogate = value; return; }
                if (_pendingHighSurrogate != 0)
                {
                    one[0] = _pendingHighSurrogate; one[1] = value;
                    _pendingHighSurrogate = '\0';
                    Emit(one);
                    return;
                }
                one[0] = value;
                Emit(one.Slice(0, 1));
            }

            public override void Write(ReadOnlySpan<char> buffer)
            {
                for (int i = 0; i < buffer.Length; i++)
                {
                    char c = buffer[i];
                    if (c < 0x80 && _pendingHighSurrogate == 0)
                    {
                        if (_used == _buffer.Length) Flush();
                        _buffer[_used++] = (byte)c;
                        if (c == '\n') Flush();
                    }
                    else Write(c);
                }
            }

            public override void Write(string value)
            {
                if (value != null) Write(value.AsSpan());
            }

            private void Emit(ReadOnlySpan<char> chars)
            {
                if (_used + 8 > _buffer.Length) Flush();
                _used += Encoding.UTF8.GetBytes(chars, new Span<byte>(_buffer, _used, _buffer.Length - _used));
            }

            public override void Flush()
            {
                if (_used == 0) return;
                fixed (byte* bytes = _buffer) Internal.Platform.Platform.ConsoleWrite(bytes, _used);
                _used = 0;
            }
        }
    }
}
