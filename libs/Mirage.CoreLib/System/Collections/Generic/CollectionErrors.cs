namespace System.Collections.Generic
{
    /// <summary>The collections' exceptions, with .NET's messages.</summary>
    internal static class CollectionErrors
    {
        internal const string EnumFailedVersion = "Collection was modified; enumeration operation may not execute.";
        internal const string EnumOpCantHappen = "Enumeration has either not started or has already finished.";
        internal const string ArrayPlusOffTooSmall = "Destination array is not long enough to copy all the items in the collection. Check array index and length.";
        internal const string NeedNonNegNum = "Non-negative number required.";
        internal const string ConcurrentOperations = "Operations that change non-concurrent collections must have exclusive access. A concurrent update was performed on this collection and corrupted its state. The collection's state is no longer correct.";
        internal const string ReadOnly = "Collection is read-only.";

        internal static InvalidOperationException VersionChanged() => new InvalidOperationException(EnumFailedVersion);
        internal static InvalidOperationException EnumerationNotRunning() => new InvalidOperationException(EnumOpCantHappen);
        internal static ArgumentException ArrayTooSmall() => new ArgumentException(ArrayPlusOffTooSmall);
        internal static ArgumentOutOfRangeException NegativeIndex(string name = "index") => new ArgumentOutOfRangeException(name, NeedNonNegNum);

        internal static KeyNotFoundException KeyNotFound<TKey>(TKey key)
            => new KeyNotFoundException("The given key '" + System.Runtime.CompilerServices.InterpolationFormatting.TextOf(key) + "' was not present in the dictionary.");

        internal static ArgumentException DuplicateKey<TKey>(TKey key)
            => new ArgumentException("An item with the same key has already been added. Key: " + System.Runtime.CompilerServices.InterpolationFormatting.TextOf(key));

        internal static void CheckCopyTarget(Array array, int index, int count)
        {
            if (array == null) throw new ArgumentNullException(nameof(array));
            if (index < 0 || index > array.Length) throw new ArgumentOutOfRangeException(nameof(index), NeedNonNegNum);
            if (array.Length - index < count) throw ArrayTooSmall();
        }
    }
}
