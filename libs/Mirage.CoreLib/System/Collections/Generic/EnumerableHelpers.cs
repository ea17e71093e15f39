namespace System.Collections.Generic
{
    internal static class EnumerableHelpers
    {
        /// <summary>
        /// The elements of <paramref name="source"/> in an array that may be longer than
        /// <paramref name="length"/>: exactly sized for a collection, otherwise grown 4, 8, 16, ...
        /// as .NET does (the length shows through the Capacity of a queue or stack built from it).
        /// </summary>
        internal static T[] ToArray<T>(IEnumerable<T> source, out int length)
        {
            if (source is ICollection<T> collection)
            {
                int count = collection.Count;
                if (count != 0)
                {
                    T[] result = new T[count];
                    collection.CopyTo(result, 0);
                    length = count;
                    return result;
                }
            }
            else
            {
                using (IEnumerator<T> e = source.GetEnumerator())
                {
                    if (e.MoveNext())
                    {
                        T[] result = new T[4];
                        result[0] = e.Current;
                        int count = 1;
                        while (e.MoveNext())
                        {
                            if (count == result.Length)
                            {
                                int newLength = count << 1;
                                if ((uint)newLength > 0x7FFFFFC7) newLength = 0x7FFFFFC7 <= count ? count + 1 : 0x7FFFFFC7;
                                Array.Resize(ref result, newLength);
                            }
                            result[count++] = e.Current;
                        }
                        length = count;
                        return result;
                    }
                }
            }
            length = 0;
            return Array.Empty<T>();
        }
    }
}
