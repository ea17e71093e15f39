using System;
using System.Collections.Generic;
using System.Text;
public static class Program
{
    static string Show(string[] parts)
    {
        var sb = new StringBuilder();
        sb.Append(parts.Length).Append(':');
        foreach (var p in parts) sb.Append('[').Append(p).Append(']');
        return sb.ToString();
    }
    static void P(string label, object value) => Console.WriteLine(label + " = " + (value == null ? "null" : value.ToString()));
    public static int Main()
    {
        string[] inputs = { "", "a", ",", "a,b", ",a,,b,", " a , b ,, c ", "a,b,c,d,e", "  ", "a  b\tc\nd", "x--y--z", "--", "ab--", "a-b--c---d" };
        char[][] charSeps = { null, new char[0], new[] { ',' }, new[] { ',', ' ' }, new[] { '-', ',', '\t', 'b' } };
        int[] counts = { 0, 1, 2, 3, int.MaxValue };
        StringSplitOptions[] opts = { StringSplitOptions.None, StringSplitOptions.RemoveEmptyEntries, StringSplitOptions.TrimEntries, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries };
        foreach (var s in inputs)
        {
            foreach (var seps in charSeps)
                foreach (var c in counts)
                    foreach (var o in opts)
                        Console.WriteLine("splitc '" + s + "' " + (seps == null ? "null" : new string(seps)) + " " + c + " " + (int)o + " " + Show(s.Split(seps, c, o)));
            foreach (var sep in new string[] { null, "", ",", "--", " ", "-" })
                foreach (var c in counts)
                    foreach (var o in opts)
                        Console.WriteLine("splits '" + s + "' '" + sep + "' " + c + " " + (int)o + " " + Show(s.Split(sep, c, o)));
            foreach (var o in opts)
            {
                Console.WriteLine("splitarr " + Show(s.Split(new[] { "--", "-", "," }, o)) + Show(s.Split(new[] { "-", "--" }, 2, o)) + Show(s.Split(new string[] { null, "" }, o)) + Show(s.Split(new string[0], o)));
                Console.WriteLine("splitch " + Show(s.Split(',', o)) + Show(s.Split(',', 2, o)) + Show(s.Split()) + Show(s.Split(',', '-')));
            }
        }
        string[] hay = { "", "a", "abc", "abcabc", "ABCabc", "xyz", "aaa", "Straße", "ÀÉÎõü" };
        string[] needles = { "", "a", "b", "bc", "BC", "abc", "c", "zz", "aa", "ß", "é", "ÉÎ" };
        var cmps = new[] { StringComparison.Ordinal, StringComparison.OrdinalIgnoreCase, StringComparison.CurrentCulture, StringComparison.InvariantCultureIgnoreCase };
        foreach (var h in hay)
        {
            foreach (var n in needles)
            {
                var sb = new StringBuilder();
                sb.Append(h.IndexOf(n)).Append(' ').Append(h.LastIndexOf(n)).Append(' ').Append(h.Contains(n)).Append(' ').Append(h.StartsWith(n)).Append(' ').Append(h.EndsWith(n)).Append(' ');
                foreach (var cmp in cmps)
                {
                    sb.Append(h.IndexOf(n, cmp)).Append(',').Append(h.LastIndexOf(n, cmp)).Append(',').Append(h.Contains(n, cmp)).Append(',').Append(h.StartsWith(n, cmp)).Append(',').Append(h.EndsWith(n, cmp)).Append(',');
                    sb.Append(string.Compare(h, n, cmp)).Append(',').Append(string.Equals(h, n, cmp)).Append(',').Append(h.Equals(n, cmp)).Append(',').Append(h.Replace(n.Length == 0 ? "q" : n, "<>", cmp)).Append(';');
                    sb.Append(h.AsSpan().IndexOf(n.AsSpan(), cmp)).Append(',').Append(h.AsSpan().LastIndexOf(n.AsSpan(), cmp)).Append(',').Append(h.AsSpan().CompareTo(n.AsSpan(), cmp)).Append(';');
                }
                sb.Append(string.Compare(h, n)).Append(' ').Append(string.Compare(h, n, true)).Append(' ').Append(string.CompareOrdinal(h, n)).Append(' ').Append(h.CompareTo(n));
                if (h.Length > 0) { sb.Append(' ').Append(h.IndexOf(n, 1)).Append(' ').Append(h.LastIndexOf(n, h.Length - 1)).Append(' ').Append(h.IndexOf(n, 1, h.Length - 1)).Append(' ').Append(h.LastIndexOf(n, h.Length - 1, h.Length)); }
                sb.Append(' ').Append(h.LastIndexOf(n, h.Length)).Append(' ').Append(h.IndexOf(n, h.Length));
                Console.WriteLine("search '" + h + "' '" + n + "' " + sb.ToString());
            }
            foreach (var ch in new[] { 'a', 'b', 'C', 'ß', 'é' })
            {
                Console.WriteLine("char '" + h + "' " + ch + " " + h.IndexOf(ch) + " " + h.LastIndexOf(ch) + " " + h.Contains(ch) + " " + h.IndexOf(ch, StringComparison.OrdinalIgnoreCase) + " " + h.StartsWith(ch) + " " + h.EndsWith(ch) + " " + h.Replace(ch, '#') + " " + h.IndexOfAny(new[] { ch, 'c' }) + " " + h.LastIndexOfAny(new[] { ch, 'c' }) + " " + h.Contains(ch, StringComparison.OrdinalIgnoreCase));
                if (h.Length > 1) Console.WriteLine("charx " + h.IndexOf(ch, 1) + " " + h.IndexOf(ch, 1, h.Length - 1) + " " + h.LastIndexOf(ch, h.Length - 2) + " " + h.LastIndexOf(ch, h.Length - 1, 2) + " " + h.IndexOfAny(new[] { ch }, 1) + " " + h.LastIndexOfAny(new[] { ch, 'a' }, h.Length - 1, 2));
            }
            Console.WriteLine("case '" + h + "' " + h.ToUpper() + " " + h.ToLower() + " " + h.ToUpperInvariant() + " " + h.ToLowerInvariant() + " [" + h.PadLeft(5) + "][" + h.PadRight(5, '.') + "][" + h.Insert(0, "++") + "][" + (h.Length > 0 ? h.Remove(h.Length / 2) + h.Remove(0, 1) : "") + "]");
        }
        foreach (var t in new[] { "", "  ", " a ", "xxaxx", "\t\n a b \u00A0", "abc", "..a.." })
        {
            Console.WriteLine("trim [" + t.Trim() + "][" + t.TrimStart() + "][" + t.TrimEnd() + "][" + t.Trim('x') + "][" + t.Trim('x', '.', ' ') + "][" + t.TrimStart('.') + "][" + t.TrimEnd('x', 'a') + "][" + t.Trim(null) + "][" + t.Trim(new char[0]) + "]");
            Console.WriteLine("lines [" + ("a\r\nb\rc\nd\u2028e" + t).ReplaceLineEndings("|") + "][" + ("x\r\n").ReplaceLineEndings() + "]");
        }
        Console.WriteLine(string.Join(",", new[] { "a", null, "c" }) + "|" + string.Join(',', new[] { "a", "b" }) + "|" + string.Join(", ", new List<string> { "x", "y" }) + "|" + string.Join("-", new object[] { null, 1, "z", null }) + "|" + string.Join("+", new List<int> { 1, 2, 3 }) + "|" + string.Join(";", new string[0]) + "|" + string.Join(";", new[] { "only" }) + "|" + string.Join(";", new[] { "a", "b", "c", "d" }, 1, 2) + "|" + string.Join(null, new[] { "a", "b" }));
        Console.WriteLine(string.Concat(new List<string> { "a", null, "b" }) + "|" + string.Concat(new List<int> { 1, 2 }) + "|" + string.Concat(new object[] { 1, null, "x" }));
        Console.WriteLine(string.Compare("abc", 1, "xbcd", 1, 2) + " " + string.Compare("abc", 1, "xBd", 1, 5, true) + " " + string.CompareOrdinal("abc", 0, "abd", 0, 3) + " " + string.CompareOrdinal("", "a") + " " + string.CompareOrdinal("a", "") + " " + string.Compare("", "a", StringComparison.Ordinal) + " " + string.Compare("ab", "abcd", StringComparison.Ordinal) + " " + string.Compare(null, "a") + " " + string.Compare("a", null) + " " + "b".CompareTo(null) + " " + string.CompareOrdinal("abc", 1, "abc", 1, 10));
        Console.WriteLine(new string("hello".ToCharArray()) + new string("hello".ToCharArray(1, 3)) + "hello".GetHashCode(StringComparison.Ordinal).Equals("hello".GetHashCode()) + ("HeLLo".GetHashCode(StringComparison.OrdinalIgnoreCase) == "hello".GetHashCode(StringComparison.OrdinalIgnoreCase)));
        char[] dst = new char[6]; "abcdef".CopyTo(1, dst, 2, 3); Console.WriteLine("[" + new string(dst, 2, 3) + "]");
        return 0;
    }
}
