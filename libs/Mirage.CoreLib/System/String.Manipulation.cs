using System.Text;

namespace System
{
    public sealed partial class String
    {
        public string Substring(int startIndex) => Substring(startIndex, Length - startIndex);

        public string Substring(int startIndex, int length)
        {
            if ((uint)startIndex > (uint)Length || (uint)length > (uint)(Length - startIndex))
            {
                if (startIndex < 0) throw new ArgumentOutOfRangeException(nameof(startIndex), StringMessages.NegativeStartIndex);
                if (startIndex > Length) throw new ArgumentOutOfRangeException(nameof(startIndex), StringMessages.StartIndexLargerThanLength);
                if (length < 0) throw new ArgumentOutOfRangeException(nameof(length), StringMessages.NegativeLength);
                throw new ArgumentOutOfRangeException(nameof(length), StringMessages.IndexLength);
            }
            if (startIndex == 0 && length == Length) return this;
            return new string(this.AsSpan(startIndex, length));
        }

        // ----- Replace -----

        public string Replace(char oldChar, char newChar)
        {
            int first = IndexOf(oldChar);
            if (first < 0 || oldChar == newChar) return this;
            string result = FastAllocateString(Length);
            Span<char> target = new Span<char>(ref result._firstChar, Length);
            this.AsSpan(0, first).CopyTo(target);
            for (int i = first; i < Length; i++)
            {
                char c = this[i];
                target[i] = c == oldChar ? newChar : c;
            }
            return result;
        }

        public string Replace(string oldValue, string newValue) => ReplaceCore(oldValue, newValue, false);

        public string Replace(string oldValue, string newValue, StringComparison comparisonType)
            => ReplaceCore(oldValue, newValue, TextComparison.IgnoresCase(comparisonType));

        private string ReplaceCore(string oldValue, string newValue, bool ignoreCase)
        {
            if (oldValue == null) throw new ArgumentNullException(nameof(oldValue));
            if (oldValue.Length == 0) throw new ArgumentException(StringMessages.EmptyName, nameof(oldValue));
            newValue ??= Empty;
            StringBuilder builder = null;
            int position = 0;
            while (true)
            {
                int found = TextComparison.IndexOf(this.AsSpan(position), oldValue, ignoreCase);
                if (found < 0) break;
                builder ??= new StringBuilder(Length);
                builder.Append(this.AsSpan(position, found)).Append(newValue);
                position += found + oldValue.Length;
            }
            if (builder == null) return this;
            return builder.Append(this.AsSpan(position)).ToString();
        }

        /// <summary>Replaces CR, LF, CRLF, FF, NEL, LS and PS with <paramref name="replacementText"/>.</summary>
        public string ReplaceLineEndings(string replacementText)
        {
            if (replacementText == null) throw new ArgumentNullException(nameof(replacementText));
            StringBuilder builder = null;
            int copied = 0;
            for (int i = 0; i < Length; i++)
            {
                char c = this[i];
                if (c != '\r' && c != '\n' && c != '\f' && c != '\u0085' && c != '\u2028' && c != '\u2029') continue;
                int stride = c == '\r' && i + 1 < Length && this[i + 1] == '\n' ? 2 : 1;
                if (stride == 1 && replacementText.Length == 1 && replacementText[0] == c) continue;
                builder ??= new StringBuilder(Length);
                builder.Append(this.AsSpan(copied, i - copied)).Append(replacementText);
                i += stride - 1;
                copied = i + 1;
            }
            if (builder == null) return this;
            return builder.Append(this.AsSpan(copied)).ToString();
        }

        public string ReplaceLineEndings() => ReplaceLineEndings("\n");

        // ----- Insert / Remove / Pad -----

        public string Insert(int startIndex, string value)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            if ((uint)startIndex > (uint)Length) throw new ArgumentOutOfRangeException(nameof(startIndex), StringMessages.IndexMustBeLessOrEqual);
            if (Length == 0) return value;
            if (value.Length == 0) return this;
            return Concat(this.AsSpan(0, startIndex), value, this.AsSpan(startIndex));
        }

        public string Remove(int startIndex, int count)
        {
            if (startIndex < 0) throw new ArgumentOutOfRangeException(nameof(startIndex), StringMessages.NegativeStartIndex);
            if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), StringMessages.NegativeCount);
            if (count > Length - startIndex) throw new ArgumentOutOfRangeException(nameof(count), "Index and count must refer to a location within the string.");
            if (count == 0) return this;
            if (count == Length) return Empty;
            return Concat(this.AsSpan(0, startIndex), this.AsSpan(startIndex + count));
        }

        public string Remove(int startIndex)
        {
            if ((uint)startIndex > (uint)Length)
                throw new ArgumentOutOfRangeException(nameof(startIndex), startIndex < 0 ? StringMessages.NegativeStartIndex : "startIndex must be less than length of string.");
            return Substring(0, startIndex);
        }

        public string PadLeft(int totalWidth) => PadLeft(totalWidth, ' ');

        public string PadLeft(int totalWidth, char paddingChar)
        {
            if (totalWidth < 0) throw new ArgumentOutOfRangeException(nameof(totalWidth), StringMessages.NegativeNumber);
            int padding = totalWidth - Length;
            if (padding <= 0) return this;
            string result = FastAllocateString(totalWidth);
            Span<char> target = new Span<char>(ref result._firstChar, totalWidth);
            target.Slice(0, padding).Fill(paddingChar);
            this.AsSpan().CopyTo(target.Slice(padding));
            return result;
        }

        public string PadRight(int totalWidth) => PadRight(totalWidth, ' ');

        public string PadRight(int totalWidth, char paddingChar)
        {
            if (totalWidth < 0) throw new ArgumentOutOfRangeException(nameof(totalWidth), StringMessages.NegativeNumber);
            int padding = totalWidth - Length;
            if (padding <= 0) return this;
            string result = FastAllocateString(totalWidth);
            Span<char> target = new Span<char>(ref result._firstChar, totalWidth);
            this.AsSpan().CopyTo(target);
            target.Slice(Length).Fill(paddingChar);
            return result;
        }

        // ----- Trim -----

        public string Trim() => TrimResult(this.AsSpan().Trim());
        public string TrimStart() => TrimResult(this.AsSpan().TrimStart());
        public string TrimEnd() => TrimResult(this.AsSpan().TrimEnd());
        public string Trim(char trimChar) => TrimResult(this.AsSpan().Trim(trimChar));
        public string TrimStart(char trimChar) => TrimResult(this.AsSpan().TrimStart(trimChar));
        public string TrimEnd(char trimChar) => TrimResult(this.AsSpan().TrimEnd(trimChar));
        public string Trim(params char[] trimChars) => TrimResult(this.AsSpan().Trim(new ReadOnlySpan<char>(trimChars)));
        public string TrimStart(params char[] trimChars) => TrimResult(this.AsSpan().TrimStart(new ReadOnlySpan<char>(trimChars)));
        public string TrimEnd(params char[] trimChars) => TrimResult(this.AsSpan().TrimEnd(new ReadOnlySpan<char>(trimChars)));

        private string TrimResult(ReadOnlySpan<char> trimmed) => trimmed.Length == Length ? this : new string(trimmed);

        // ----- casing -----

        public string ToUpper() => ToUpperInvariant();
        public string ToLower() => ToLowerInvariant();

        public string ToUpperInvariant()
        {
            int i = 0;
            while (i < Length && char.ToUpperInvariant(this[i]) == this[i]) i++;
            if (i == Length) return this;
            string result = FastAllocateString(Length);
            Span<char> target = new Span<char>(ref result._firstChar, Length);
            this.AsSpan(0, i).CopyTo(target);
            for (; i < Length; i++) target[i] = char.ToUpperInvariant(this[i]);
            return result;
        }

        public string ToLowerInvariant()
        {
            int i = 0;
            while (i < Length && char.ToLowerInvariant(this[i]) == this[i]) i++;
            if (i == Length) return this;
            string result = FastAllocateString(Length);
            Span<char> target = new Span<char>(ref result._firstChar, Length);
            this.AsSpan(0, i).CopyTo(target);
            for (; i < Length; i++) target[i] = char.ToLowerInvariant(this[i]);
            return result;
        }

        // ----- copying -----

        public char[] ToCharArray()
        {
            if (Length == 0) return Array.Empty<char>();
            char[] chars = new char[Length];
            this.AsSpan().CopyTo(chars);
            return chars;
        }

        public char[] ToCharArray(int startIndex, int length)
        {
            if ((uint)startIndex > (uint)Length || startIndex > Length - length)
                throw new ArgumentOutOfRangeException(nameof(startIndex), "Index was out of range. Must be non-negative and less than the size of the collection.");
            if ((uint)length > (uint)(Length - startIndex))
                throw new ArgumentOutOfRangeException(nameof(length), "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (length == 0) return Array.Empty<char>();
            char[] chars = new char[length];
            this.AsSpan(startIndex, length).CopyTo(chars);
            return chars;
        }

        public void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
        {
            if (destination == null) throw new ArgumentNullException(nameof(destination));
            if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), StringMessages.NegativeCount);
            if (sourceIndex < 0) throw new ArgumentOutOfRangeException(nameof(sourceIndex), StringMessages.IndexMustBeLess);
            if (count > Length - sourceIndex) throw new ArgumentOutOfRangeException(nameof(sourceIndex), "Index and count must refer to a location within the string.");
            if (destinationIndex > destination.Length - count || destinationIndex < 0) throw new ArgumentOutOfRangeException(nameof(destinationIndex), "Index and count must refer to a location within the string.");
            this.AsSpan(sourceIndex, count).CopyTo(new Span<char>(destination, destinationIndex, count));
        }

        public void CopyTo(Span<char> destination)
        {
            if (!this.AsSpan().TryCopyTo(destination)) throw new ArgumentException("Destination is too short.", nameof(destination));
        }

        public bool TryCopyTo(Span<char> destination) => this.AsSpan().TryCopyTo(destination);

        public object Clone() => this;

        [Obsolete("This API should not be used to create mutable strings. See https://go.microsoft.com/fwlink/?linkid=2084035 for alternatives.")]
        public static string Copy(string str)
        {
            if (str == null) throw new ArgumentNullException(nameof(str));
            return new string(str.AsSpan());
        }
    }
}
