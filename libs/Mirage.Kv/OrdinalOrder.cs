namespace Mirage.Kv;

/// <summary>
/// Sorts names by UTF-16 code unit, the order <see cref="Mirage.Devices.IKeyValueReadOnly.ListAsync"/>
/// promises. Written out here rather than calling Array.Sort with a comparer because the core
/// library a unikernel links against keeps only the basics; this runs once per dictionary at boot.
/// </summary>
internal static class OrdinalOrder
{
    public static int Compare(string a, string b)
    {
        int common = a.Length < b.Length ? a.Length : b.Length;
        for (int i = 0; i < common; i++)
        {
            if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
        }
        return a.Length - b.Length;
    }

    /// <summary>Insertion sort: dictionaries of an embedded directory are small, and it needs no helpers.</summary>
    public static void Sort(string[] names)
    {
        for (int i = 1; i < names.Length; i++)
        {
            string name = names[i];
            int j = i - 1;
            while (j >= 0 && Compare(names[j], name) > 0)
            {
                names[j + 1] = names[j];
                j--;
            }
            names[j + 1] = name;
        }
    }
}
