namespace System
{
    public sealed partial class String
    {
        public string Substring(int startIndex) => Substring(startIndex, Length - startIndex);

        public string Substring(int startIndex, int length)
        {
            if ((uint)startIndex > (uint)Length) throw new ArgumentOutOfRangeException(nameof(startIndex), "startIndex cannot be larger than length of string.");
            if (length < 0 || startIndex > Length - length) throw new ArgumentOutOfRangeException(nameof(length), "Index and length must refer to a location within the string.");
            if (startIndex == 0 && length == Length) return this;
            return new string(this.AsSpan(startIndex, length));
        }

        public string Replace(string oldValue, string newValue)
        {
            if (oldValue == null) throw new ArgumentNullException(nameof(oldValue));
            if (oldValue.Length == 0) throw new ArgumentException("String cannot be of zero length.", nameof(oldValue));
            newValue ??= Empty;
            var builder = new System.Text.StringBuilder(Length);
            int position = 0;
            while (true)
            {
                int found = this.AsSpan(position).IndexOf(oldValue.AsSpan());
                if (found < 0) break;
                builder.Append(this.AsSpan(position, found)).Append(newValue);
                position += found + oldValue.Length;
            }
            if (position == 0) return this;
            return builder.Append(this.AsSpan(position)).ToString();
        }
    }
}
