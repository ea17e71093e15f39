namespace System.Text
{
    /// <summary>Encodings: UTF-8 (and ASCII as its 7-bit subset). Invalid input becomes U+FFFD, as in .NET.</summary>
    public abstract class Encoding
    {
        private static readonly Encoding s_utf8 = new UTF8Encoding(true);
        public static Encoding UTF8 => s_utf8;
        public static Encoding ASCII { get; } = new ASCIIEncoding();
        public static Encoding Default => s_utf8;

        public virtual string WebName => "utf-8";
        public abstract int GetByteCount(ReadOnlySpan<char> chars);
        public abstract int GetBytes(ReadOnlySpan<char> chars, Span<byte> bytes);
        public abstract int GetCharCount(ReadOnlySpan<byte> bytes);
        public abstract int GetChars(ReadOnlySpan<byte> bytes, Span<char> chars);
        public virtual byte[] GetPreamble() => Array.Empty<byte>();
        public virtual ReadOnlySpan<byte> Preamble => default;
        public abstract int GetMaxByteCount(int charCount);
        public abstract int GetMaxCharCount(int byteCount);

        public int GetByteCount(string s)
        {
            if (s == null) throw new ArgumentNullException(nameof(s));
            return GetByteCount(s.AsSpan());
        }

        public int GetByteCount(char[] chars) => GetByteCount(new ReadOnlySpan<char>(chars ?? throw new ArgumentNullException(nameof(chars))));

        public byte[] GetBytes(string s)
        {
            if (s == null) throw new ArgumentNullException(nameof(s));
            byte[] bytes = new byte[GetByteCount(s.AsSpan())];
            GetBytes(s.AsSpan(), bytes);
            return bytes;
        }

        public byte[] GetBytes(char[] chars)
        {
            if (chars == null) throw new ArgumentNullException(nameof(chars));
            byte[] bytes = new byte[GetByteCount(chars)];
            GetBytes(chars, bytes);
            return bytes;
        }

        public int GetBytes(string s, int charIndex, int charCount, byte[] bytes, int byteIndex)
            => GetBytes(s.AsSpan(charIndex, charCount), bytes.AsSpan(byteIndex));

        public string GetString(byte[] bytes)
        {
            if (bytes == null) throw new ArgumentNullException(nameof(bytes));
            return GetString(new ReadOnlySpan<byte>(bytes));
        }

        public string GetString(byte[] bytes, int index, int count) => GetString(new ReadOnlySpan<byte>(bytes, index, count));

        public unsafe string GetString(byte* bytes, int byteCount) => GetString(new ReadOnlySpan<byte>(bytes, byteCount));

        public string GetString(ReadOnlySpan<byte> bytes)
        {
            int count = GetCharCount(bytes);
            if (count == 0) return string.Empty;
            char[] chars = new char[count];
            GetChars(bytes, chars);
            return new string(chars);
        }

        public char[] GetChars(byte[] bytes)
        {
            char[] chars = new char[GetCharCount(bytes)];
            GetChars(bytes, chars);
            return chars;
        }
    }

    public class UTF8Encoding : Encoding
    {
        private readonly bool _emitIdentifier;
        private static readonly byte[] s_preamble = new byte[] { 0xEF, 0xBB, 0xBF };
        public UTF8Encoding() { }
        public UTF8Encoding(bool encoderShouldEmitUTF8Identifier) { _emitIdentifier = encoderShouldEmitUTF8Identifier; }
        public UTF8Encoding(bool encoderShouldEmitUTF8Identifier, bool throwOnInvalidBytes) { _emitIdentifier = encoderShouldEmitUTF8Identifier; }

        public override byte[] GetPreamble() => _emitIdentifier ? (byte[])s_preamble.Clone() : Array.Empty<byte>();
        public override ReadOnlySpan<byte> Preamble => _emitIdentifier ? s_preamble : default;
        public override int GetMaxByteCount(int charCount) => (charCount + 1) * 3;
        public override int GetMaxCharCount(int byteCount) => byteCount + 1;

        public override int GetByteCount(ReadOnlySpan<char> chars) => Utf8Transcoder.EncodedLength(chars);
        public override int GetBytes(ReadOnlySpan<char> chars, Span<byte> bytes)
        {
            if (!Utf8Transcoder.TryEncode(chars, bytes, out int written)) throw new ArgumentException("The output byte buffer is too small to contain the encoded data.", nameof(bytes));
            return written;
        }
        public override int GetCharCount(ReadOnlySpan<byte> bytes) => Utf8Transcoder.DecodedLength(bytes);
        public override int GetChars(ReadOnlySpan<byte> bytes, Span<char> chars)
        {
            if (!Utf8Transcoder.TryDecode(bytes, chars, out int written)) throw new ArgumentException("The output char buffer is too small to contain the decoded characters.", nameof(chars));
            return written;
        }
    }

    public class ASCIIEncoding : Encoding
    {
        public override string WebName => "us-ascii";
        public override int GetMaxByteCount(int charCount) => charCount + 1;
        public override int GetMaxCharCount(int byteCount) => byteCount;
        public override int GetByteCount(ReadOnlySpan<char> chars) => chars.Length;
        public override int GetBytes(ReadOnlySpan<char> chars, Span<byte> bytes)
        {
            if (bytes.Length < chars.Length) throw new ArgumentException("The output byte buffer is too small to contain the encoded data.", nameof(bytes));
            for (int i = 0; i < chars.Length; i++) bytes[i] = chars[i] < 0x80 ? (byte)chars[i] : (byte)'?';
            return chars.Length;
        }
        public override int GetCharCount(ReadOnlySpan<byte> bytes) => bytes.Length;
        public override int GetChars(ReadOnlySpan<byte> bytes, Span<char> chars)
        {
            if (chars.Length < bytes.Length) throw new ArgumentException("The output char buffer is too small to contain the decoded characters.", nameof(chars));
            for (int i = 0; i < bytes.Length; i++) chars[i] = bytes[i] < 0x80 ? (char)bytes[i] : '\uFFFD';
            return bytes.Length;
        }
    }

    /// <summary>UTF-16 to/from UTF-8 with .NET's replacement behaviour (lone surrogates and bad sequences become U+FFFD).</summary>
    internal static class Utf8Transcoder
    {
        internal static int EncodedLength(ReadOnlySpan<char> chars)
        {
            int length = 0;
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                if (c < 0x80) length += 1;
                else if (c < 0x800) length += 2;
                else if (char.IsHighSurrogate(c) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) { length += 4; i++; }
                else length += 3; // BMP, or a lone surrogate encoded as U+FFFD (3 bytes)
            }
            return length;
        }

        internal static bool TryEncode(ReadOnlySpan<char> chars, Span<byte> bytes, out int written)
        {
            int at = 0;
            for (int i = 0; i < chars.Length; i++)
            {
                int scalar = chars[i];
                if (char.IsSurrogate((char)scalar))
                {
                    if (char.IsHighSurrogate((char)scalar) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
                        scalar = char.ConvertToUtf32((char)scalar, chars[++i]);
                    else
                        scalar = 0xFFFD;
                }
                if (scalar < 0x80)
                {
                    if (at + 1 > bytes.Length) { written = at; return false; }
                    bytes[at++] = (byte)scalar;
                }
                else if (scalar < 0x800)
                {
                    if (at + 2 > bytes.Length) { written = at; return false; }
                    bytes[at++] = (byte)(0xC0 | (scalar >> 6));
                    bytes[at++] = (byte)(0x80 | (scalar & 0x3F));
                }
                else if (scalar < 0x10000)
                {
                    if (at + 3 > bytes.Length) { written = at; return false; }
                    bytes[at++] = (byte)(0xE0 | (scalar >> 12));
                    bytes[at++] = (byte)(0x80 | ((scalar >> 6) & 0x3F));
                    bytes[at++] = (byte)(0x80 | (scalar & 0x3F));
                }
                else
                {
                    if (at + 4 > bytes.Length) { written = at; return false; }
                    bytes[at++] = (byte)(0xF0 | (scalar >> 18));
                    bytes[at++] = (byte)(0x80 | ((scalar >> 12) & 0x3F));
                    bytes[at++] = (byte)(0x80 | ((scalar >> 6) & 0x3F));
                    bytes[at++] = (byte)(0x80 | (scalar & 0x3F));
                }
            }
            written = at;
            return true;
        }

        // Decodes one scalar at bytes[index]; returns the number of bytes consumed (maximal
        // subpart of an ill-formed sequence, as the Unicode standard and .NET replace it).
        private static int DecodeScalar(ReadOnlySpan<byte> bytes, int index, out int scalar)
        {
            byte first = bytes[index];
            if (first < 0x80) { scalar = first; return 1; }
            int needed, minimum;
            if (first >= 0xC2 && first <= 0xDF) { needed = 1; minimum = 0x80; scalar = first & 0x1F; }
            else if (first >= 0xE0 && first <= 0xEF) { needed = 2; minimum = 0x800; scalar = first & 0x0F; }
            else if (first >= 0xF0 && first <= 0xF4) { needed = 3; minimum = 0x10000; scalar = first & 0x07; }
            else { scalar = 0xFFFD; return 1; }
            int consumed = 1;
            for (int k = 0; k < needed; k++)
            {
                if (index + consumed >= bytes.Length) { scalar = 0xFFFD; return consumed; }
                byte next = bytes[index + consumed];
                // Second-byte ranges that exclude overlongs, surrogates and values above U+10FFFF.
                if (k == 0)
                {
                    byte low = 0x80, high = 0xBF;
                    if (first == 0xE0) low = 0xA0;
                    else if (first == 0xED) high = 0x9F;
                    else if (first == 0xF0) low = 0x90;
                    else if (first == 0xF4) high = 0x8F;
                    if (next < low || next > high) { scalar = 0xFFFD; return consumed; }
                }
                else if ((next & 0xC0) != 0x80) { scalar = 0xFFFD; return consumed; }
                scalar = (scalar << 6) | (next & 0x3F);
                consumed++;
            }
            if (scalar < minimum) scalar = 0xFFFD;
            return consumed;
        }

        internal static int DecodedLength(ReadOnlySpan<byte> bytes)
        {
            int length = 0;
            for (int i = 0; i < bytes.Length;)
            {
                i += DecodeScalar(bytes, i, out int scalar);
                length += scalar >= 0x10000 ? 2 : 1;
            }
            return length;
        }

        internal static bool TryDecode(ReadOnlySpan<byte> bytes, Span<char> chars, out int written)
        {
            int at = 0;
            for (int i = 0; i < bytes.Length;)
            {
                i += DecodeScalar(bytes, i, out int scalar);
                if (scalar >= 0x10000)
                {
                    if (at + 2 > chars.Length) { written = at; return false; }
                    scalar -= 0x10000;
                    chars[at++] = (char)(0xD800 + (scalar >> 10));
                    chars[at++] = (char)(0xDC00 + (scalar & 0x3FF));
                }
                else
                {
                    if (at + 1 > chars.Length) { written = at; return false; }
                    chars[at++] = (char)scalar;
                }
            }
            written = at;
            return true;
        }
    }
}
