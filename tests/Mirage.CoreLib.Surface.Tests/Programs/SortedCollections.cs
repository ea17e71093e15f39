using System;
using System.Collections.Generic;
using System.Text;
public static class Program
{
    static uint s = 5;
    static int N(int m) { s = s * 1103515245 + 12345; return (int)((s >> 8) % (uint)m); }
    static string J<T>(IEnumerable<T> e) { var sb = new StringBuilder(); foreach (var x in e) sb.Append(x).Append(','); return sb.ToString(); }
    public static int Main()
    {
        var sl = new SortedList<int, string>(); var sd = new SortedDictionary<string, int>(); var ss = new SortedSet<int>();
        for (int i = 0; i < 300; i++)
        {
            int k = N(100);
            if (N(3) == 0) { sl.Remove(k); sd.Remove("k" + k); ss.Remove(k); }
            else { sl[k] = "v" + i; sd["k" + k] = i; ss.Add(k); }
            if (i % 50 == 0) Console.WriteLine(sl.Count + " " + sl.Capacity + " " + J(sl.Keys) + " | " + J(sd) + " | " + J(ss) + " " + ss.Min + " " + ss.Max);
        }
        Console.WriteLine(sl.IndexOfKey(50) + " " + sl.IndexOfValue("v5") + " " + sl.GetKeyAtIndex(3) + " " + sl.ContainsKey(7) + " " + J(sl.Values));
        sl.TrimExcess(); Console.WriteLine(sl.Capacity);
        var sd2 = new SortedDictionary<int, int>(new Dictionary<int, int> { [5] = 1, [1] = 2, [3] = 3 }); Console.WriteLine(J(sd2.Keys) + J(sd2.Values));
        var sl2 = new SortedList<string, int>(new Dictionary<string, int> { ["b"] = 1, ["a"] = 2, ["c"] = 3 }); Console.WriteLine(J(sl2) + sl2.Capacity);
        var other = new List<int> { 1, 2, 3, 50, 51, 52, 99 };
        var a = new SortedSet<int>(ss); a.IntersectWith(other); var b = new SortedSet<int>(ss); b.SymmetricExceptWith(other); var c = new SortedSet<int>(ss); c.ExceptWith(other); var d = new SortedSet<int>(ss); d.UnionWith(other);
        Console.WriteLine(J(a) + "|" + J(b) + "|" + J(c) + "|" + J(d) + "|" + ss.IsSubsetOf(d) + ss.Overlaps(other) + ss.SetEquals(ss) + J(ss.GetViewBetween(20, 40)) + J(ss.Reverse()) + ss.RemoveWhere(x => x % 2 == 0) + J(ss));
        var desc = new SortedSet<string>(Comparer<string>.Create((x, y) => string.CompareOrdinal(y, x))) { "b", "a", "c" }; Console.WriteLine(J(desc));
        return 0;
    }
}
