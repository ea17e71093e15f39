// Runtime conformance: everything here must print exactly the same on unix (.NET) and on
// xen (Mirage.CoreLib compiled by ilc). Each section prints a header and its results.
using System.Collections.Generic;
using System.Text;

namespace Conformance;

public interface IShape
{
    double Area();
    string Name => "shape";                     // default interface method
    string Describe() => $"{Name} with area {Area():F2}";
}

public abstract class Shape : IShape
{
    public abstract double Area();
    public virtual string Name => "shape";
    public override string ToString() => $"{Name}({Area()})";
}

public sealed class Circle(double radius) : Shape
{
    public override double Area() => System.Math.PI * radius * radius;
    public override string Name => "circle";
}

public sealed class Rectangle(double width, double height) : Shape
{
    public override double Area() => width * height;
    public override string Name => "rectangle";
}

public sealed class Square(double side) : IShape
{
    public double Area() => side * side;
}

public sealed class Triangle(double b, double h) : IShape
{
    public double Area() => b * h / 2;
    public string Name => "triangle";
}

public sealed class Hexagon(double side) : IShape
{
    public double Area() => 3 * System.Math.Sqrt(3) / 2 * side * side;
    public string Name => "hexagon";
    public string Describe() => "regular hexagon";
}

public interface ICounter { int Next(); }
public sealed class ByOne : ICounter { private int _n; public int Next() => ++_n; }
public sealed class ByTwo : ICounter { private int _n; public int Next() => _n += 2; }
public sealed class ByTen : ICounter { private int _n; public int Next() => _n += 10; }
public sealed class Squares : ICounter { private int _n; public int Next() { _n++; return _n * _n; } }
public sealed class Fixed : ICounter { public int Next() => 7; }
public sealed class Negative : ICounter { private int _n; public int Next() => --_n; }

public readonly record struct Point(int X, int Y)
{
    public Point Add(Point other) => new(X + other.X, Y + other.Y);
}

public sealed record Person(string Name, int Age);

public static class Registry
{
    public static readonly List<string> Events = new();
    public static readonly string Greeting;
    static Registry()
    {
        Greeting = "static constructor ran";
        Events.Add("Registry.cctor");
    }
}

public static class Lazy
{
    public static int Touched;
    static Lazy() { Touched = 42; Registry.Events.Add("Lazy.cctor"); }
    public static int Value => Touched;
}

public static class Program
{
    private static void Section(string name) => Console.WriteLine($"== {name}");

    public static async Task<int> Main()
    {
        Strings();
        Formatting();
        Collections();
        Generics();
        Interfaces();
        Delegates();
        Statics();
        PatternsAndSpans();
        Copies();
        await Async();
        Section("done");
        return 0;
    }

    private static void Strings()
    {
        Section("strings");
        string s = "Hello, Mirage.NET unikernel";
        Console.WriteLine(s.Length);
        Console.WriteLine(s.ToUpperInvariant());
        Console.WriteLine(s.Substring(7, 6));
        Console.WriteLine(s.IndexOf("NET"));
        Console.WriteLine(s.Replace("unikernel", "world"));
        Console.WriteLine(string.Join("|", s.Split(' ', ',')));
        Console.WriteLine(string.Join(",", "a,,b, c".Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        Console.WriteLine("  padded ".Trim() + "[" + "x".PadLeft(4) + "][" + "y".PadRight(3, '.') + "]");
        Console.WriteLine(s.StartsWith("Hello") + " " + s.EndsWith("kernel") + " " + s.Contains("Mirage"));
        Console.WriteLine(string.Compare("apple", "banana", StringComparison.Ordinal) < 0);
        Console.WriteLine(string.Equals("MIRAGE", "mirage", StringComparison.OrdinalIgnoreCase));
        var sb = new StringBuilder();
        for (int i = 0; i < 5; i++) sb.Append(i).Append(';');
        sb.Insert(0, "[").Append(']');
        Console.WriteLine(sb.ToString());
        Console.WriteLine(new string('*', 10));
        Console.WriteLine(string.Concat("a", "b", "c", "d", "e"));
        char[] letters = "dcba".ToCharArray();
        System.Array.Sort(letters);
        Console.WriteLine(new string(letters));
        byte[] utf8 = Encoding.UTF8.GetBytes("héllo €");
        Console.WriteLine(utf8.Length + " " + Encoding.UTF8.GetString(utf8));
        ReadOnlySpan<byte> literal = "u8 literal"u8;
        Console.WriteLine(literal.Length);
    }

    private static void Formatting()
    {
        Section("formatting");
        int n = 1234567;
        Console.WriteLine(n);
        Console.WriteLine(n.ToString("N0") + " " + n.ToString("X") + " " + n.ToString("x8") + " " + n.ToString("D10"));
        Console.WriteLine((-42).ToString() + " " + long.MaxValue + " " + ulong.MaxValue + " " + int.MinValue);
        Console.WriteLine(3.14159.ToString("F2") + " " + 0.1 + " " + (1.0 / 3) + " " + 1e21 + " " + 123.456e-10);
        Console.WriteLine(2.5.ToString("E3") + " " + 1234.5678.ToString("N2") + " " + 0.256.ToString("P1"));
        Console.WriteLine(double.NaN + " " + double.PositiveInfinity + " " + double.NegativeInfinity + " " + (-0.0));
        Console.WriteLine(float.MaxValue + " " + 0.1f + " " + (float)(1.0 / 3));
        Console.WriteLine($"{n,12}|{n,-12}|{3.5:F3}|{255:X4}");
        Console.WriteLine(string.Format("{0} + {1} = {2}", 2, 3, 2 + 3));
        Console.WriteLine(int.Parse("-98765") + long.Parse("9000000000"));
        Console.WriteLine(double.Parse("2.71828") * 2);
        Console.WriteLine(int.TryParse("12x", out int bad) + " " + bad);
        Console.WriteLine(true + " " + 'c' + " " + (byte)200 + " " + (short)-300);
        Console.WriteLine(TimeSpan.FromSeconds(3723.5));
        Console.WriteLine(new DateTime(2026, 11, 21, 13, 45, 30).ToString("o"));
        Console.WriteLine(System.Math.Round(2.5) + " " + System.Math.Round(3.5) + " " + System.Math.Floor(-1.5) + " " + System.Math.Ceiling(1.2) + " " + System.Math.Sqrt(2));
    }

    private static void Collections()
    {
        Section("collections");
        var list = new List<int> { 5, 3, 9, 1, 7 };
        list.Sort();
        list.Add(11);
        list.Remove(3);
        list.Insert(0, 0);
        Console.WriteLine(string.Join(",", list) + " count=" + list.Count + " has9=" + list.Contains(9));
        var words = new Dictionary<string, int>();
        foreach (string w in "the quick brown fox jumps over the lazy dog the end".Split(' '))
            words[w] = words.TryGetValue(w, out int c) ? c + 1 : 1;
        foreach (var pair in words) Console.Write($"{pair.Key}={pair.Value} ");
        Console.WriteLine();
        words.Remove("fox");
        words["cat"] = 1;
        Console.WriteLine(string.Join(" ", words.Keys));
        var set = new HashSet<int> { 1, 2, 3 };
        set.UnionWith(new[] { 3, 4, 5 });
        set.Remove(1);
        Console.WriteLine(string.Join(",", set) + " " + set.Contains(4));
        var queue = new Queue<string>();
        queue.Enqueue("a"); queue.Enqueue("b"); queue.Enqueue("c");
        Console.WriteLine(queue.Dequeue() + queue.Peek() + queue.Count);
        var stack = new Stack<int>();
        for (int i = 0; i < 4; i++) stack.Push(i * i);
        Console.WriteLine(stack.Pop() + " " + stack.Peek() + " " + stack.Count);
        int[] array = { 4, 2, 8, 6 };
        System.Array.Sort(array);
        System.Array.Reverse(array);
        Console.WriteLine(string.Join(" ", array) + " idx=" + System.Array.IndexOf(array, 2));
        List<int> collection = [1, 2, 3, .. array];
        Console.WriteLine(collection.Count + " " + collection[^1]);
        var people = new List<Person> { new("Ada", 36), new("Alan", 41), new("Grace", 85) };
        people.Sort((a, b) => b.Age.CompareTo(a.Age));
        foreach (var p in people) Console.WriteLine(p);
    }

    private static T Largest<T>(IReadOnlyList<T> items) where T : IComparable<T>
    {
        T best = items[0];
        for (int i = 1; i < items.Count; i++) if (items[i].CompareTo(best) > 0) best = items[i];
        return best;
    }

    private static void Swap<T>(ref T a, ref T b) => (a, b) = (b, a);

    private static void Generics()
    {
        Section("generics");
        Console.WriteLine(Largest(new[] { 3, 17, 5 }));
        Console.WriteLine(Largest(new[] { "pear", "apple", "zucchini" }));
        Console.WriteLine(Largest(new[] { 2.5, -1.0, 9.75 }));
        var p = new Point(1, 2);
        var q = new Point(10, 20);
        Swap(ref p, ref q);
        Console.WriteLine(p + " " + q + " " + p.Add(q) + " " + (p == new Point(10, 20)));
        var boxes = new List<Point> { p, q };
        Console.WriteLine(boxes.IndexOf(new Point(1, 2)));
        var pairs = new Dictionary<Point, string> { [p] = "p", [q] = "q" };
        Console.WriteLine(pairs[new Point(1, 2)]);
        (int, string) tuple = (7, "seven");
        Console.WriteLine(tuple.Item1 + tuple.Item2);
        int? maybe = null;
        Console.WriteLine((maybe ?? -1) + " " + maybe.HasValue);
        maybe = 5;
        Console.WriteLine(maybe.Value * 2);
    }

    private static void Interfaces()
    {
        Section("interfaces");
        IShape[] shapes = { new Circle(1), new Rectangle(2, 3), new Square(4), new Triangle(3, 4), new Hexagon(1), new Circle(2) };
        double total = 0;
        foreach (IShape shape in shapes)
        {
            Console.WriteLine(shape.Describe());
            total += shape.Area();
        }
        Console.WriteLine($"total {total:F4}");
        Console.WriteLine(shapes[0].ToString() + " " + shapes[1]);
        ICounter[] counters = { new ByOne(), new ByTwo(), new ByTen(), new Squares(), new Fixed(), new Negative() };
        var sums = new StringBuilder();
        for (int round = 0; round < 3; round++)
            foreach (ICounter counter in counters) sums.Append(counter.Next()).Append(' ');
        Console.WriteLine(sums.ToString().TrimEnd());
        object o = new Rectangle(1, 1);
        Console.WriteLine((o is IShape) + " " + (o is Shape) + " " + (o is Circle) + " " + (o as ICounter == null));
    }

    private static void Delegates()
    {
        Section("delegates");
        int captured = 10;
        Func<int, int> addCaptured = x => x + captured;
        captured = 20;
        Console.WriteLine(addCaptured(1));
        Func<int, int, int> multiply = static (a, b) => a * b;
        Console.WriteLine(multiply(6, 7));
        Action<string> print = Console.WriteLine;
        print("method group");
        var counters = new List<Func<int>>();
        for (int i = 0; i < 3; i++) { int copy = i; counters.Add(() => copy * 100); }
        foreach (var f in counters) Console.Write(f() + " ");
        Console.WriteLine();
        Predicate<int> even = n => n % 2 == 0;
        Console.WriteLine(new List<int> { 1, 2, 3, 4, 5, 6 }.FindAll(even).Count);
        Comparison<string> byLength = (a, b) => a.Length.CompareTo(b.Length);
        var names = new List<string> { "Grace", "Al", "Barbara" };
        names.Sort(byLength);
        Console.WriteLine(string.Join(" ", names));
    }

    private static void Statics()
    {
        Section("statics");
        Console.WriteLine(Registry.Greeting);
        Console.WriteLine(Lazy.Value);
        Console.WriteLine(string.Join(",", Registry.Events));
    }

    private static void PatternsAndSpans()
    {
        Section("patterns");
        object[] things = { 42, "text", 3.5, null!, new Point(3, 4), new List<int> { 1 } };
        foreach (object thing in things)
        {
            string kind = thing switch
            {
                int i when i > 40 => $"big int {i}",
                int i => $"int {i}",
                string { Length: > 2 } s => $"string {s}",
                double d => $"double {d}",
                Point { X: 3 } pt => $"point on x=3 {pt.Y}",
                null => "null",
                _ => "something else",
            };
            Console.WriteLine(kind);
        }
        Span<int> numbers = stackalloc int[8];
        for (int i = 0; i < numbers.Length; i++) numbers[i] = i * 3;
        Span<int> middle = numbers.Slice(2, 4);
        int sum = 0;
        foreach (int v in middle) sum += v;
        Console.WriteLine(sum + " " + middle.Length + " " + numbers.IndexOf(9));
        using (var resource = new Resource("r1")) Console.WriteLine("using " + resource.Name);
        var gate = new object();
        lock (gate) Console.WriteLine("locked");
    }

    private sealed class Resource(string name) : IDisposable
    {
        public string Name => name;
        public void Dispose() => Console.WriteLine("disposed " + name);
    }

    /// <summary>
    /// Block copies, fills and compares at every alignment, length and overlap (the core
    /// library's word-wide paths and their byte-wise edges): a checksum of the results.
    /// </summary>
    private static void Copies()
    {
        Section("copies");
        long sum = 0;
        var buffer = new byte[96];
        for (int from = 0; from < 9; from++)
            for (int to = 0; to < 9; to++)
                for (int length = 0; length < 72; length += 5)
                {
                    for (int i = 0; i < buffer.Length; i++) buffer[i] = (byte)(i * 7 + 1);
                    Array.Copy(buffer, from, buffer, to, length);
                    for (int i = 0; i < buffer.Length; i++) sum = sum * 31 + buffer[i];
                }
        Console.WriteLine("overlapping copies " + sum);
        var longs = new long[40];
        var strings = new string[40];
        for (int shift = -5; shift <= 5; shift++)
        {
            for (int i = 0; i < longs.Length; i++) { longs[i] = i * 1000003L; strings[i] = "s" + i; }
            int source = shift < 0 ? -shift : 0, target = shift > 0 ? shift : 0;
            Array.Copy(longs, source, longs, target, 30);
            Array.Copy(strings, source, strings, target, 30);
            Console.WriteLine("shift " + shift + ": " + longs[0] + " " + longs[17] + " " + longs[35] + " " + string.Join("", strings));
        }
        sum = 0;
        for (int start = 0; start < 9; start++)
            for (int length = 0; length < 40; length += 3)
            {
                var fill = new byte[64];
                fill.AsSpan(start, length).Fill((byte)(start + length));
                for (int i = 0; i < fill.Length; i++) sum = sum * 31 + fill[i];
            }
        Console.WriteLine("fills " + sum);
        var left = new byte[64];
        var right = new byte[64];
        int equal = 0;
        for (int offset = 0; offset < 5; offset++)
            for (int differ = -1; differ < 40; differ++)
            {
                for (int i = 0; i < 64; i++) left[i] = right[i] = (byte)i;
                if (differ >= 0) right[offset + differ] ^= 0x40;
                if (left.AsSpan(offset, 40).SequenceEqual(right.AsSpan(offset, 40))) equal++;
            }
        Console.WriteLine("equal comparisons " + equal + " of 205");
    }

    private static async Task<int> Slow(int id, int milliseconds)
    {
        await Task.Delay(milliseconds);
        Console.WriteLine($"slow {id} done");
        return id * 10;
    }

    private static async ValueTask<string> Quick(string text)
    {
        await Task.Yield();
        return text + "!";
    }

    private static async Task Async()
    {
        Section("async");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        int[] results = await Task.WhenAll(Slow(1, 300), Slow(2, 100), Slow(3, 200));
        Console.WriteLine(string.Join(",", results));
        Task<int> four = Slow(4, 250), five = Slow(5, 50);
        Task<int> first = await Task.WhenAny(four, five);
        Console.WriteLine("first " + await first);
        // Finish the slower one before going on: output must not depend on how fast timers run.
        Console.WriteLine("then " + await four);
        Console.WriteLine(await Quick("quick"));
        var completion = new TaskCompletionSource<string>();
        _ = Task.Run(async () => { await Task.Delay(50); completion.SetResult("from tcs"); });
        Console.WriteLine(await completion.Task);
        using var cancel = new CancellationTokenSource();
        cancel.CancelAfter(20);
        Task delayed = Task.Delay(10000, cancel.Token);
        await Task.WhenAny(delayed);
        Console.WriteLine("cancelled " + delayed.IsCanceled);
        await Task.Delay(100);
        Console.WriteLine("elapsed at least 500ms: " + (watch.ElapsedMilliseconds >= 500));
    }
}
