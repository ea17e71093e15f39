using System;

[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Mirage.CoreLib.Surface.Tests")]

namespace System.Runtime.CompilerServices
{
    /// <summary>Stand-in for Mirage.CoreLib's InterpolationFormatting (which reads MethodTables).</summary>
    internal static class InterpolationFormatting
    {
        internal static bool IsNullable<T>() => Nullable.GetUnderlyingType(typeof(T)) != null;

        internal static object BoxNullableAsText<T>(T value)
        {
            string text = value.ToString();
            return text.Length == 0 ? null : text;
        }

        internal static string TextOf<T>(T value)
        {
            if (IsNullable<T>()) return value.ToString();
            return value == null ? null : value.ToString();
        }
    }
}
