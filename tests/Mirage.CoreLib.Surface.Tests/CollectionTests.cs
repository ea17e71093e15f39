extern alias mirage;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MDictionary = mirage::System.Collections.Generic.Dictionary<int, string>;
using MStringDictionary = mirage::System.Collections.Generic.Dictionary<string, int>;
using MHashSet = mirage::System.Collections.Generic.HashSet<int>;
using MQueue = mirage::System.Collections.Generic.Queue<int>;
using MStack = mirage::System.Collections.Generic.Stack<int>;
using MLinkedList = mirage::System.Collections.Generic.LinkedList<int>;
using MPriorityQueue = mirage::System.Collections.Generic.PriorityQueue<string, int>;

namespace Mirage.CoreLib.Surface.Tests
{
    /// <summary>
    /// The collections against the BCL's under the same random sequences of operations: contents
    /// in enumeration order, capacities and return values must be identical at every step.
    /// </summary>
    [TestClass]
    public sealed class CollectionTests
    {
        private static string Join<T>(IEnumerable<T> items) => string.Join(",", items);

        [TestMethod]
        public void DictionaryMatchesTheBclUnderRandomAddsAndRemoves()
        {
            for (int seed = 0; seed < 60; seed++)
            {
                var random = new Random(seed);
                int capacity = random.Next(3) == 0 ? random.Next(50) : 0;
                var expected = new Dictionary<int, string>(capacity);
                var actual = new MDictionary(capacity);
                int keyRange = random.Next(5, 200);
                for (int step = 0; step < 600; step++)
                {
                    int key = random.Next(keyRange);
                    switch (random.Next(12))
                    {
                        case 0: case 1: case 2: case 3:
                            expected[key] = "v" + step; actual[key] = "v" + step; break;
                        case 4: case 5:
                            Assert.AreEqual(expected.TryAdd(key, "t" + step), actual.TryAdd(key, "t" + step)); break;
                        case 6: case 7: case 8:
                            Assert.AreEqual(expected.Remove(key, out string a), actual.Remove(key, out string b));
                            Assert.AreEqual(a, b); break;
                        case 9:
                            if (random.Next(10) == 0) { expected.TrimExcess(); actual.TrimExcess(); }
                            else { int c = random.Next(300); Assert.AreEqual(expected.EnsureCapacity(c), actual.EnsureCapacity(c)); }
                            break;
                        case 10:
                            if (random.Next(30) == 0) { expected.Clear(); actual.Clear(); }
                            break;
                        default:
                            Assert.AreEqual(expected.TryGetValue(key, out string e), actual.TryGetValue(key, out string f));
                            Assert.AreEqual(e, f); Assert.AreEqual(expected.ContainsKey(key), actual.ContainsKey(key)); break;
                    }
                    Assert.AreEqual(expected.Count, actual.Count);
                    Assert.AreEqual(expected.Capacity, actual.Capacity, $"seed {seed} step {step}");
                    if (step % 25 == 0)
                    {
                        Assert.AreEqual(Join(expected.Select(p => p.Key + "=" + p.Value)), Join(actual.Select(p => p.Key + "=" + p.Value)), $"seed {seed} step {step}");
                        Assert.AreEqual(Join(expected.Values), Join(actual.Values));
                    }
                }
                Assert.AreEqual(Join(new Dictionary<int, string>(expected).Keys), Join(new MDictionary(actual).Keys));
            }
        }

        [TestMethod]
        public void StringKeyedDictionaryKeepsInsertionOrderWithReusedSlots()
        {
            var expected = new Dictionary<string, int>();
            var actual = new MStringDictionary();
            var random = new Random(7);
            for (int i = 0; i < 2000; i++)
            {
                string key = "key" + random.Next(120);
                if (random.Next(3) == 0) { expected.Remove(key); actual.Remove(key); }
                else { expected[key] = i; actual[key] = i; }
            }
            Assert.AreEqual(Join(expected.Keys), Join(actual.Keys));
            Assert.AreEqual(expected.Capacity, actual.Capacity);
        }

        [TestMethod]
        public void HashSetOperationsLeaveTheSameOrder()
        {
            for (int seed = 0; seed < 200; seed++)
            {
                var random = new Random(seed);
                var e = new HashSet<int>(); var a = new MHashSet();
                for (int i = 0; i < random.Next(60); i++)
                {
                    int v = random.Next(80);
                    Assert.AreEqual(e.Add(v), a.Add(v));
                    if (random.Next(4) == 0) { int r = random.Next(80); Assert.AreEqual(e.Remove(r), a.Remove(r)); }
                }
                var other = Enumerable.Range(0, random.Next(40)).Select(_ => random.Next(80)).ToList();
                int op = seed % 9;
                switch (op)
                {
                    case 0: e.UnionWith(other); a.UnionWith(other); break;
                    case 1: e.IntersectWith(other); a.IntersectWith(other); break;
                    case 2: e.IntersectWith(new HashSet<int>(other)); a.IntersectWith(new MHashSet(other)); break;
                    case 3: e.ExceptWith(other); a.ExceptWith(other); break;
                    case 4: e.SymmetricExceptWith(other); a.SymmetricExceptWith(other); break;
                    case 5: e.SymmetricExceptWith(new HashSet<int>(other)); a.SymmetricExceptWith(new MHashSet(other)); break;
                    case 6: Assert.AreEqual(e.RemoveWhere(x => x % 3 == 0), a.RemoveWhere(x => x % 3 == 0)); break;
                    case 7: e = new HashSet<int>(e); a = new MHashSet(a); break;
                    default: e.TrimExcess(); a.TrimExcess(); break;
                }
                // Later additions reveal the free list.
                for (int i = 0; i < 10; i++) { e.Add(1000 + i); a.Add(1000 + i); }
                Assert.AreEqual(Join(e), Join(a), $"seed {seed} op {op}");
                Assert.AreEqual(e.Capacity, a.Capacity, $"seed {seed} op {op}");
                Assert.AreEqual(e.IsSubsetOf(other), a.IsSubsetOf(other));
                Assert.AreEqual(e.IsSupersetOf(other), a.IsSupersetOf(other));
                Assert.AreEqual(e.IsProperSubsetOf(other), a.IsProperSubsetOf(other));
                Assert.AreEqual(e.IsProperSupersetOf(other), a.IsProperSupersetOf(other));
                Assert.AreEqual(e.Overlaps(other), a.Overlaps(other));
                Assert.AreEqual(e.SetEquals(other), a.SetEquals(other));
            }
        }

        [TestMethod]
        public void QueueAndStackMatchTheBcl()
        {
            var random = new Random(3);
            var eq = new Queue<int>(); var aq = new MQueue();
            var es = new Stack<int>(); var @as = new MStack();
            for (int i = 0; i < 5000; i++)
            {
                int op = random.Next(10);
                if (op < 5) { eq.Enqueue(i); aq.Enqueue(i); es.Push(i); @as.Push(i); }
                else if (op < 9)
                {
                    Assert.AreEqual(eq.TryDequeue(out int x), aq.TryDequeue(out int y)); Assert.AreEqual(x, y);
                    Assert.AreEqual(es.TryPop(out x), @as.TryPop(out y)); Assert.AreEqual(x, y);
                }
                else if (random.Next(20) == 0) { eq.TrimExcess(); aq.TrimExcess(); es.TrimExcess(); @as.TrimExcess(); }
                Assert.AreEqual(eq.Capacity, aq.Capacity);
                Assert.AreEqual(es.Capacity, @as.Capacity);
                if (i % 97 == 0)
                {
                    Assert.AreEqual(Join(eq), Join(aq)); Assert.AreEqual(Join(eq.ToArray()), Join(aq.ToArray()));
                    Assert.AreEqual(Join(es), Join(@as)); Assert.AreEqual(Join(es.ToArray()), Join(@as.ToArray()));
                }
            }
            IEnumerable<int> Generated() { for (int i = 0; i < 37; i++) yield return i; }
            Assert.AreEqual(new Queue<int>(Generated()).Capacity, new MQueue(Generated()).Capacity);
            Assert.AreEqual(new Stack<int>(Generated()).Capacity, new MStack(Generated()).Capacity);
        }

        [TestMethod]
        public void PriorityQueueDequeuesEqualPrioritiesInTheBclOrder()
        {
            for (int seed = 0; seed < 50; seed++)
            {
                var random = new Random(seed);
                var e = new PriorityQueue<string, int>(); var a = new MPriorityQueue();
                var log = new StringBuilder();
                for (int i = 0; i < 400; i++)
                {
                    int op = random.Next(10);
                    if (op < 5) { int p = random.Next(6); e.Enqueue("e" + i, p); a.Enqueue("e" + i, p); }
                    else if (op < 8) { if (e.Count > 0) Assert.AreEqual(e.Dequeue(), a.Dequeue()); }
                    else if (op == 8) { int p = random.Next(6); Assert.AreEqual(e.EnqueueDequeue("x" + i, p), a.EnqueueDequeue("x" + i, p)); }
                    else
                    {
                        var items = Enumerable.Range(0, random.Next(8)).Select(j => ("r" + i + "_" + j, random.Next(6))).ToList();
                        e.EnqueueRange(items); a.EnqueueRange(items);
                    }
                    Assert.AreEqual(e.Count, a.Count);
                    Assert.AreEqual(e.Capacity, a.Capacity);
                }
                Assert.AreEqual(Join(e.UnorderedItems), Join(a.UnorderedItems));
                while (e.Count > 0) Assert.AreEqual(e.Dequeue(), a.Dequeue());
            }
        }

        [TestMethod]
        public void LinkedListMatchesTheBcl()
        {
            var random = new Random(11);
            var e = new LinkedList<int>(); var a = new MLinkedList();
            for (int i = 0; i < 3000; i++)
            {
                switch (random.Next(6))
                {
                    case 0: e.AddFirst(i); a.AddFirst(i); break;
                    case 1: e.AddLast(i); a.AddLast(i); break;
                    case 2: if (e.Count > 0) { e.RemoveFirst(); a.RemoveFirst(); } break;
                    case 3: if (e.Count > 0) { e.RemoveLast(); a.RemoveLast(); } break;
                    case 4: { int v = random.Next(i + 1); Assert.AreEqual(e.Remove(v), a.Remove(v)); break; }
                    default:
                        {
                            int v = random.Next(i + 1);
                            var en = e.Find(v); var an = a.Find(v);
                            Assert.AreEqual(en == null, an == null);
                            if (en != null) { e.AddAfter(en, -i); a.AddAfter(an, -i); e.AddBefore(en, -i - 1); a.AddBefore(an, -i - 1); }
                            break;
                        }
                }
                Assert.AreEqual(e.Count, a.Count);
            }
            Assert.AreEqual(Join(e), Join(a));
            Assert.AreEqual(e.First?.Value, a.First?.Value);
            Assert.AreEqual(e.Last?.Value, a.Last?.Value);
        }
    }
}
