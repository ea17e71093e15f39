using System;
using System.Collections.Generic;
using System.Text;
public static class Program
{
    static string R(ReadOnlySpan<char> src, Span<Range> ranges, int n)
    {
        var sb = new StringBuilder();
        sb.Append(n).Append(':');
        for (int i = 0; i < n; i++) sb.Append('[').Append(src[ranges[i]]).Append(']');
        return sb.ToString();
    }
    public static int Main()
    {
        string[] inputs = { "", "a", ",", "a,b", ",a,,b,", " a , b ,, c ", "a--b--c", "x  y\tz", "--" };
        Span<Range> ranges = stackalloc Range[6];
        foreach (var s in inputs)
        {
            for (int d = 0; d <= 6; d += 2)
                for (int o = 0; o < 4; o++)
                {
                    var opt = (StringSplitOptions)o;
                    var dest = ranges.Slice(0, d);
                    var sb = new StringBuilder();
                    sb.Append(R(s, dest, s.AsSpan().Split(dest, ',', opt))).Append(' ');
                    sb.Append(R(s, dest, s.AsSpan().Split(dest, "--", opt))).Append(' ');
                    sb.Append(R(s, dest, s.AsSpan().Split(dest, "", opt))).Append(' ');
                    sb.Append(R(s, dest, s.AsSpan().SplitAny(dest, ",-", opt))).Append(' ');
                    sb.Append(R(s, dest, s.AsSpan().SplitAny(dest, "", opt))).Append(' ');
                    sb.Append(R(s, dest, s.AsSpan().SplitAny(dest, new[] { "--", "," }, opt)));
                    Console.WriteLine("split '" + s + "' " + d + " " + o + " " + sb);
                }
            var e = new StringBuilder();
            foreach (Range r in s.AsSpan().Split(',')) e.Append('<').Append(s.AsSpan()[r]).Append('>');
            foreach (Range r in s.AsSpan().Split("--".AsSpan())) e.Append('{').Append(s.AsSpan()[r]).Append('}');
            foreach (Range r in s.AsSpan().SplitAny(',', ' ')) e.Append('(').Append(s.AsSpan()[r]).Append(')');
            foreach (ReadOnlySpan<char> line in (s + "\r\nl2\nl3\r").AsSpan().EnumerateLines()) e.Append('|').Append(line);
            Console.WriteLine("enum " + e);
        }
        int[] nums = { 5, 3, 9, 1, 3, 7, 3, 0, 12 };
        ReadOnlySpan<int> ro = nums;
        Console.WriteLine(ro.IndexOfAny(9, 7) + " " + ro.LastIndexOf(3) + " " + ro.LastIndexOfAny(1, 3, 5) + " " + ro.IndexOfAnyExcept(5) + " " + ro.LastIndexOfAnyExcept(12, 0) + " " + ro.Count(3) + " " + ro.ContainsAny(100, 12) + " " + ro.IndexOfAnyInRange(6, 8) + " " + ro.CommonPrefixLength(new int[] { 5, 3, 8 }) + " " + ro.LastIndexOf(new int[] { 3, 0 }) + " " + ro.IndexOf(new int[0]) + " " + ro.LastIndexOf(new int[0]) + " " + ro.Count(new int[] { 3 }) + " " + ro.StartsWith(5) + ro.EndsWith(12) + " " + ro.ContainsAnyExcept(3));
        int[] sorted = (int[])nums.Clone();
        sorted.AsSpan().Sort();
        Console.WriteLine(string.Join(",", sorted) + " " + ((ReadOnlySpan<int>)sorted).BinarySearch(7) + " " + ((ReadOnlySpan<int>)sorted).BinarySearch(4));
        int[] keys = { 3, 1, 2, 1, 3 }; string[] vals = { "a", "b", "c", "d", "e" };
        keys.AsSpan().Sort(vals.AsSpan()); Console.WriteLine(string.Join(",", keys) + " " + string.Join(",", vals));
        var rev = (int[])nums.Clone(); rev.AsSpan().Reverse(); rev.AsSpan().Replace(3, -3); Console.WriteLine(string.Join(",", rev));
        Span<char> up = stackalloc char[20];
        int w = "Hello Straße ÿ".AsSpan().ToUpperInvariant(up); Console.WriteLine(new string(up.Slice(0, w)) + " " + "  xx  ".AsSpan().Trim().Length + " " + "..a..".AsSpan().Trim('.').ToString() + " " + "abcba".AsSpan().Trim("ab").ToString() + " " + "   ".AsSpan().IsWhiteSpace());
        Console.WriteLine("hello".AsSpan().StartsWith("HE", StringComparison.OrdinalIgnoreCase) + " " + "hello".AsSpan().IndexOf("LL", StringComparison.OrdinalIgnoreCase) + " " + "hello".AsSpan().CompareTo("help", StringComparison.Ordinal) + " " + "Hello".AsSpan().Equals("hELLO", StringComparison.InvariantCultureIgnoreCase));
        // StringBuilder extras
        var sbx = new StringBuilder("0123456789", 2, 5, 3);
        sbx.Insert(1, true).Insert(0, 42).Insert(3, "ab", 3).Insert(2, new[] { 'x', 'y', 'z' }, 1, 2).Insert(0, "span".AsSpan());
        sbx.AppendJoin(", ", new object[] { 1, null, "two" }).AppendJoin('|', new List<int> { 7, 8 }).AppendJoin("+", "a", "b");
        sbx.Replace('a', 'A', 0, 10).Replace("ab", "[]", 5, 10).Replace("x".AsSpan(), "XX".AsSpan());
        sbx.AppendFormat(null, "{0,5}|{1,-4}|{2:X}", 1, "z", 255);
        Console.WriteLine(sbx.ToString() + " " + sbx.Equals("abc".AsSpan()) + " " + string.Format(null, "{0}-{1}-{2}", 1, 2, 3));
        var sb2 = new StringBuilder(); sb2.Append(sbx, 2, 4); Console.WriteLine(sb2);
        // List extras
        var list = new List<int> { 1, 2, 3, 2, 1, 5 };
        Console.WriteLine(list.IndexOf(2, 2, 3) + " " + list.LastIndexOf(2, 2) + " " + list.LastIndexOf(1, 5, 3) + " " + list.FindIndex(2, x => x == 1) + " " + list.FindLastIndex(x => x == 2) + " " + list.FindLastIndex(3, 2, x => x < 3) + " " + list.BinarySearch(0, 3, 2, null));
        System.Collections.IList il = list; il.Add(9); il.Remove(1); Console.WriteLine(il.Contains(9) + " " + il.IndexOf(5) + " " + il[0] + " " + il.Count);
        return 0;
    }
}
