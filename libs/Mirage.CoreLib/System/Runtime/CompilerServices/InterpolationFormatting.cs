namespace System.Runtime.CompilerServices
{
    /// <summary>
    /// Formatting generic values without boxing a Nullable&lt;T&gt; (the runtime cannot box one yet).
    /// Kept on its own: the surface tests compile the formatting code against the real BCL with a
    /// stand-in for this class.
    /// </summary>
    internal static class InterpolationFormatting
    {
        /// <summary>True when <typeparamref name="T"/> is a Nullable&lt;U&gt;.</summary>
        internal static unsafe bool IsNullable<T>() => Internal.Runtime.MethodTable.Of<T>()->IsNullable;

        /// <summary>A nullable value as a custom formatter sees it, without boxing the Nullable: its text.</summary>
        internal static object BoxNullableAsText<T>(T value)
        {
            string text = value.ToString();
            return text.Length == 0 ? null : text;
        }

        /// <summary>value?.ToString() (a Nullable through its own ToString, which is "" when empty).</summary>
        internal static string TextOf<T>(T value)
        {
            if (IsNullable<T>()) return value.ToString();
            return value == null ? null : value.ToString();
        }
    }
}
