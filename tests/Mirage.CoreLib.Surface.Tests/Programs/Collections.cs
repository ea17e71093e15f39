using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Text;
public static class Program
{
    static uint s_state = 12345;
    static int Next(int max) { s_state = s_state * 1103515245 + 12345; return (int)((s_state >> 8) % (uint)max); }
    static string J<T>(IEnumerable<T> items) { var sb = new StringBuilder(); foreach (var i in items) sb.Append(i).Append(','); return sb.ToString(); }
    public static int Main()
    {
        // Dictionary: random add/remove, print order + capacity periodically
        for (int round = 0; round < 6; round++)
        {
            var d = new Dictionary<int, string>(round == 0 ? 0 : round * 5);
            var ds = new Dictionary<string, int>();
            for (int step = 0; step < 400; step++)
            {
                int op = Next(10), k = Next(60);
                if (op < 6) { d[k] = "v" + step; ds["k" + k] = step; d.TryAdd(k + 100, "t"); }
                else if (op < 9) { d.Remove(k); ds.Remove("k" + k, out int removed); }
                else if (step % 50 == 0) { d.TrimExcess(); }
                if (step % 37 == 0) Console.WriteLine("d " + round + " " + step + " c=" + d.Count + " cap=" + d.Capacity + " " + J(d.Keys) + " | " + J(ds));
            }
            Console.WriteLine("final " + J(d) + " | " + J(d.Values) + " cv=" + d.ContainsValue("t") + " ck=" + d.ContainsKey(5) + " gv=" + d.GetValueOrDefault(7, "none"));
            d.EnsureCapacity(500); Console.WriteLine("ens " + d.Capacity + " " + J(d.Keys));
            var copy = new Dictionary<int, string>(d); copy.Add(-1, "neg"); Console.WriteLine("copy " + J(copy.Keys));
            d.Clear(); d[3] = "x"; d[1] = "y"; Console.WriteLine("clear " + J(d) + " cap=" + d.Capacity);
        }
        // HashSet ops
        for (int round = 0; round < 5; round++)
        {
            var a = new HashSet<int>(); var b = new List<int>();
            for (int i = 0; i < 40; i++) { a.Add(Next(50)); b.Add(Next(50)); if (Next(4) == 0) a.Remove(Next(50)); }
            var hb = new HashSet<int>(b);
            Console.WriteLine("hs " + J(a) + " | " + J(hb) + " cap=" + a.Capacity + "/" + hb.Capacity);
            var u = new HashSet<int>(a); u.UnionWith(b); Console.WriteLine("U " + J(u));
            var x = new HashSet<int>(a); x.IntersectWith(b); x.Add(777); x.Add(778); Console.WriteLine("I " + J(x));
            var x2 = new HashSet<int>(a); x2.IntersectWith(hb); x2.Add(777); Console.WriteLine("I2 " + J(x2));
            var e = new HashSet<int>(a); e.ExceptWith(b); e.Add(1000); e.Add(1001); Console.WriteLine("E " + J(e));
            var s = new HashSet<int>(a); s.SymmetricExceptWith(b); s.Add(2000); Console.WriteLine("S " + J(s));
            var s2 = new HashSet<int>(a); s2.SymmetricExceptWith(hb); s2.Add(2000); Console.WriteLine("S2 " + J(s2));
            var r = new HashSet<int>(a); Console.WriteLine("RW " + r.RemoveWhere(v => v % 3 == 0) + " " + J(r)); r.Add(3); r.Add(6); Console.WriteLine("RW2 " + J(r));
            Console.WriteLine("pred " + a.IsSubsetOf(b) + a.IsSupersetOf(x) + a.Overlaps(b) + a.SetEquals(new HashSet<int>(a)) + a.IsProperSubsetOf(u) + u.IsProperSupersetOf(a) + x.IsSubsetOf(a));
            var arr = new int[a.Count + 2]; a.CopyTo(arr, 1); Console.WriteLine("cp " + J(arr));
            var strs = new HashSet<string>(StringComparer_OrdinalIgnoreCase());
        }
        // Queue / Stack
        var q = new Queue<int>(); var st = new Stack<string>();
        for (int i = 0; i < 50; i++) { q.Enqueue(i); st.Push("s" + i); if (i % 3 == 0) { q.Dequeue(); st.Pop(); } if (i % 10 == 0) Console.WriteLine("qs " + q.Count + " " + q.Capacity + " " + st.Capacity + " " + (q.Count > 0 ? q.Peek() : -1) + " " + (st.Count > 0 ? st.Peek() : "-")); }
        Console.WriteLine("q " + J(q) + " | " + J(q.ToArray()) + " c=" + q.Contains(20));
        Console.WriteLine("s " + J(st) + " | " + J(st.ToArray()));
        q.TrimExcess(); st.TrimExcess(); Console.WriteLine("trim " + q.Capacity + " " + st.Capacity);
        var q2 = new Queue<int>(Gen(9)); var st2 = new Stack<int>(Gen(9)); Console.WriteLine("qgen " + q2.Capacity + " " + st2.Capacity + " " + J(q2) + " " + J(st2));
        Console.WriteLine("try " + q2.TryDequeue(out int qv) + qv + st2.TryPop(out int sv) + sv + new Queue<int>().TryPeek(out int z));
        // PriorityQueue with equal priorities
        var pq = new PriorityQueue<string, int>();
        for (int i = 0; i < 60; i++) pq.Enqueue("e" + i, Next(5));
        var sbp = new StringBuilder();
        for (int i = 0; i < 20; i++) sbp.Append(pq.Dequeue()).Append(',');
        pq.EnqueueRange(new[] { "a", "b", "c" }, 2);
        Console.WriteLine("pqu " + pq.Count + " " + pq.Capacity + " " + J(Unordered(pq)));
        Console.WriteLine("pe " + pq.EnqueueDequeue("ed", 1) + " " + pq.DequeueEnqueue("de", 3) + " " + pq.Remove("e5", out string re, out int rp) + re + rp);
        while (pq.TryDequeue(out string el, out int pr)) sbp.Append(el).Append(':').Append(pr).Append(',');
        Console.WriteLine("pq " + sbp);
        var items = new List<(string, int)>(); for (int i = 0; i < 30; i++) items.Add(("h" + i, Next(4)));
        var pq2 = new PriorityQueue<string, int>(items); var sb2 = new StringBuilder(); while (pq2.Count > 0) sb2.Append(pq2.Dequeue()).Append(','); Console.WriteLine("pq2 " + sb2);
        // LinkedList
        var ll = new LinkedList<int>(new[] { 1, 2, 3 }); ll.AddFirst(0); ll.AddLast(4); ll.AddAfter(ll.Find(2), 25); ll.AddBefore(ll.First, -1); ll.Remove(3); ll.RemoveLast();
        Console.WriteLine("ll " + J(ll) + " " + ll.Count + " " + ll.First.Value + " " + ll.Last.Value + " " + ll.First.Next.Value + " " + (ll.Last.Next == null) + " " + ll.Contains(25) + " " + (ll.FindLast(25) != null));
        // ReadOnly / Collection / extensions
        var ro = new ReadOnlyDictionary<int, string>(new Dictionary<int, string> { [1] = "a", [2] = "b" });
        Console.WriteLine("ro " + ro.Count + ro[2] + J(ro.Keys) + J(ro.Values) + ro.ContainsKey(1));
        var col = new Collection<int> { 5, 6 }; col.Insert(0, 4); col.RemoveAt(1); Console.WriteLine("col " + J(col) + col.Count + col.IndexOf(6));
        var lst = new List<int> { 1 }; lst.AddRange(new int[] { 2, 3 }.AsSpan()); lst.InsertRange(0, new int[] { 9 }.AsSpan()); Console.WriteLine("lst " + J(lst));
        IDictionary<string, int> id = new Dictionary<string, int>(); Console.WriteLine("ext " + id.TryAdd("a", 1) + id.TryAdd("a", 2) + CollectionExtensions.Remove(id, "a", out int rv) + rv + J(id.AsReadOnly()));
        return 0;
    }
    static IEqualityComparer<string> StringComparer_OrdinalIgnoreCase() => null;
    static IEnumerable<(string, int)> Unordered(PriorityQueue<string, int> pq) { foreach (var x in pq.UnorderedItems) yield return x; }
    static IEnumerable<int> Gen(int n) { for (int i = 0; i < n; i++) yield return i * i; }
}
