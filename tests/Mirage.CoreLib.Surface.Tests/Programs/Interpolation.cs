using System;
using System.Text;
public static class Program
{
    public static int Main()
    {
        int x = 42; string s = "hi"; long big = -1234567890123;
        Console.WriteLine($"x={x} s={s} big={big} [{x,6}] [{x,-6}] [{s,5}] {'c'} {true}");
        var sb = new StringBuilder();
        sb.Append($"a{x}b{s,-4}|");
        sb.AppendLine($"line {x}");
        Console.Write(sb.ToString());
        Span<char> buf = stackalloc char[10];
        bool ok = buf.TryWrite($"{x}-{s}", out int n);
        Console.WriteLine(ok + " " + n + " " + new string(buf.Slice(0, n)));
        ok = buf.TryWrite($"{x}-{s}-too-long-text", out n);
        Console.WriteLine(ok + " " + n);
        int? ni = 5; int? nn = null;
        Console.WriteLine($"[{ni}] [{nn}] [{ni,4}]");
        Console.WriteLine(string.Create(3, 'z', (span, c) => span.Fill(c)));
        return 0;
    }
}
