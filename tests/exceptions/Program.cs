// Exception handling conformance: everything here must print exactly the same on unix (.NET)
// and on the unikernel targets. Each section prints a header and its results. Runtime-raised
// exceptions print their type through the catch clause that took them (and their message where
// .NET's is a fixed text); only the messages this program chooses are printed otherwise.
using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace ExceptionSuite;

public class AppException : Exception
{
    public AppException(string message) : base(message) { }
    public AppException(string message, Exception inner) : base(message, inner) { }
}

public class ParseError : AppException
{
    public int Line { get; }
    public ParseError(string message, int line) : base(message) { Line = line; }
}

public sealed class DeepParseError : ParseError
{
    public DeepParseError(string message, int line) : base(message, line) { }
}

public sealed class UnrelatedException : Exception
{
    public UnrelatedException() { }
}

public interface IThrower { void Throw(string message); }
public sealed class ThrowingThing : IThrower { public void Throw(string message) => throw new AppException("interface: " + message); }

public struct ThrowingStruct
{
    public int Value;
    public readonly int Checked() => Value < 0 ? throw new ArgumentOutOfRangeException(nameof(Value), "negative") : Value;
}

public static class Program
{
    private static readonly List<string> s_log = new();

    private static void Log(string text) { s_log.Add(text); Console.WriteLine(text); }

    private static void Section(string name) => Console.WriteLine("== " + name);

    public static async Task<int> Main()
    {
        TypedCatches();
        Filters();
        Finally();
        Rethrow();
        Nested();
        RuntimeRaised();
        DeepStacks();
        CallKinds();
        await AcrossAwait();
        Console.WriteLine("== done");
        return 0;
    }

    // ---- catch by type -------------------------------------------------------------------

    private static void Throw(int which)
    {
        switch (which)
        {
            case 0: throw new AppException("app");
            case 1: throw new ParseError("parse", 7);
            case 2: throw new DeepParseError("deep", 9);
            case 3: throw new InvalidOperationException("invalid op");
            case 4: throw new UnrelatedException();
            default: throw new Exception("plain");
        }
    }

    private static string Classify(int which)
    {
        try { Throw(which); return "not thrown"; }
        catch (DeepParseError e) { return "DeepParseError " + e.Message + " line " + e.Line; }
        catch (ParseError e) { return "ParseError " + e.Message + " line " + e.Line; }
        catch (AppException e) { return "AppException " + e.Message; }
        catch (InvalidOperationException e) { return "InvalidOperationException " + e.Message; }
        catch (SystemException) { return "SystemException"; }
        catch (Exception e) when (e is UnrelatedException) { return "UnrelatedException (" + e.Message + ")"; }
        catch (Exception e) { return "Exception " + e.Message; }
    }

    private static void TypedCatches()
    {
        Section("typed catches");
        for (int i = 0; i <= 5; i++) Console.WriteLine(i + ": " + Classify(i));
        try { throw new ParseError("by base", 3); }
        catch (Exception e) { Console.WriteLine("base catch: " + (e is ParseError p ? "ParseError line " + p.Line : "?")); }
        try
        {
            try { throw new AppException("outer takes it"); }
            catch (InvalidOperationException) { Console.WriteLine("wrong handler"); }
        }
        catch (AppException e) { Console.WriteLine("outer: " + e.Message); }
        var inner = new InvalidOperationException("inner");
        try { throw new AppException("wrapped", inner); }
        catch (AppException e) { Console.WriteLine("inner kept: " + ReferenceEquals(e.InnerException, inner) + " " + e.InnerException!.Message); }
        Console.WriteLine("default message: " + new UnrelatedException().Message);
    }

    // ---- when filters --------------------------------------------------------------------

    private static bool Note(string text, bool result) { Log("  filter " + text + " -> " + result); return result; }

    private static bool ThrowingFilter() => throw new InvalidOperationException("filter threw");

    private static void ThrowWithFinally(string name)
    {
        try { throw new AppException(name); }
        finally { Log("  finally in thrower (" + name + ")"); }
    }

    private static void Filters()
    {
        Section("filters");
        for (int code = 1; code <= 3; code++)
        {
            try { throw new ParseError("code", code); }
            catch (ParseError e) when (Note("line==1", e.Line == 1)) { Console.WriteLine("  took line 1"); }
            catch (ParseError e) when (Note("line==2", e.Line == 2)) { Console.WriteLine("  took line 2"); }
            catch (ParseError e) { Console.WriteLine("  fallback line " + e.Line); }
        }
        // Pass 1 runs filters before any finally of the frames it looks through.
        try { ThrowWithFinally("two passes"); }
        catch (AppException e) when (Note("sees " + e.Message, true)) { Log("  handler"); }
        // A filter that throws says no; its exception goes nowhere.
        try
        {
            try { throw new AppException("filtered"); }
            catch (AppException) when (ThrowingFilter()) { Console.WriteLine("  wrong: throwing filter accepted"); }
        }
        catch (AppException e) { Console.WriteLine("  after throwing filter: " + e.Message); }
        // A filter that catches its own exception inside.
        try { throw new AppException("guarded"); }
        catch (AppException e) when (SafeFilter(e)) { Console.WriteLine("  guarded filter took " + e.Message); }
        // Filter sees locals of its frame.
        int limit = 5;
        try { throw new ParseError("local", 4); }
        catch (ParseError e) when (e.Line < limit) { Console.WriteLine("  filter used local: " + e.Line + " < " + limit); }
    }

    private static bool SafeFilter(Exception e)
    {
        try { throw new InvalidOperationException("inside filter"); }
        catch (InvalidOperationException inner) { Console.WriteLine("  filter caught " + inner.Message); }
        return e.Message == "guarded";
    }

    // ---- finally ---------------------------------------------------------------------------

    private static int ReturnThroughFinally()
    {
        int value = 1;
        try { return value; }
        finally { value = 2; Console.WriteLine("  finally after return, value " + value); }
    }

    private static void NestedFinallys(bool fail)
    {
        try
        {
            try
            {
                try { if (fail) throw new AppException("through three finallys"); Console.WriteLine("  body done"); }
                finally { Console.WriteLine("  finally 1"); }
            }
            finally { Console.WriteLine("  finally 2"); }
        }
        finally { Console.WriteLine("  finally 3"); }
    }

    private static IEnumerable<int> Numbers()
    {
        try { yield return 1; yield return 2; yield return 3; }
        finally { Console.WriteLine("  iterator finally"); }
    }

    private static void Finally()
    {
        Section("finally");
        Console.WriteLine("  returned " + ReturnThroughFinally());
        NestedFinallys(false);
        try { NestedFinallys(true); }
        catch (AppException e) { Console.WriteLine("  caught " + e.Message); }
        foreach (int n in Numbers()) { if (n == 2) break; Console.WriteLine("  n=" + n); }
        try { foreach (int n in Numbers()) if (n == 2) throw new AppException("from foreach"); }
        catch (AppException e) { Console.WriteLine("  caught " + e.Message); }
        // "fault" semantics as C# writes them: run only on the exceptional path, then rethrow.
        for (int fail = 0; fail < 2; fail++)
        {
            try
            {
                try { if (fail == 1) throw new AppException("faulting"); Console.WriteLine("  no fault"); }
                catch { Console.WriteLine("  fault handler"); throw; }
            }
            catch (AppException e) { Console.WriteLine("  caught " + e.Message); }
        }
        using (new Disposable("using block")) Console.WriteLine("  inside using");
        try { using (new Disposable("using with exception")) throw new AppException("in using"); }
        catch (AppException e) { Console.WriteLine("  caught " + e.Message); }
        int counter = 0;
        for (int i = 0; i < 3; i++)
        {
            try { if (i == 1) continue; counter += 10; }
            finally { counter++; }
        }
        Console.WriteLine("  loop counter " + counter);
    }

    private sealed class Disposable(string name) : IDisposable
    {
        public void Dispose() => Console.WriteLine("  disposed " + name);
    }

    // ---- rethrow ---------------------------------------------------------------------------

    private static void Rethrow()
    {
        Section("rethrow");
        AppException original = new("original");
        try
        {
            try { throw original; }
            catch (AppException) { Console.WriteLine("  first handler"); throw; }
        }
        catch (AppException e) { Console.WriteLine("  same object after throw;: " + ReferenceEquals(e, original)); }
        try
        {
            try { throw original; }
            catch (AppException e) { throw e; }
        }
        catch (AppException e) { Console.WriteLine("  same object after throw e: " + ReferenceEquals(e, original)); }
        try
        {
            try { throw new ParseError("to wrap", 1); }
            catch (ParseError e) { throw new AppException("wrapper", e); }
        }
        catch (AppException e) { Console.WriteLine("  wrapped " + e.InnerException!.Message); }
        try
        {
            try { throw new AppException("rethrow from filter-selected handler"); }
            catch (AppException e) when (e.Message.Length > 3) { throw; }
            catch (Exception) { Console.WriteLine("  wrong: sibling handler"); }
        }
        catch (AppException e) { Console.WriteLine("  outer got " + e.Message); }
    }

    // ---- nested ----------------------------------------------------------------------------

    private static void Nested()
    {
        Section("nested");
        try
        {
            try { throw new AppException("first"); }
            catch (AppException)
            {
                try { throw new ParseError("inside catch", 2); }
                catch (ParseError e) { Console.WriteLine("  caught inside catch: " + e.Message); }
                Console.WriteLine("  catch continues");
            }
        }
        catch { Console.WriteLine("  wrong"); }
        try
        {
            try { throw new AppException("replaced"); }
            finally { throw new ParseError("from finally", 3); }
        }
        catch (ParseError e) { Console.WriteLine("  finally's exception wins: " + e.Message); }
        catch (AppException) { Console.WriteLine("  wrong: original survived"); }
        try
        {
            try { throw new AppException("catch throws"); }
            catch (AppException e) { throw new InvalidOperationException("from catch: " + e.Message); }
            finally { Console.WriteLine("  finally after throwing catch"); }
        }
        catch (InvalidOperationException e) { Console.WriteLine("  " + e.Message); }
        try
        {
            try
            {
                try { throw new AppException("inner"); }
                finally
                {
                    try { throw new ParseError("caught within finally", 1); }
                    catch (ParseError e) { Console.WriteLine("  " + e.Message); }
                }
            }
            catch (ParseError) { Console.WriteLine("  wrong: handled inside finally"); }
        }
        catch (AppException e) { Console.WriteLine("  original continues: " + e.Message); }
        Console.WriteLine("  depth: " + Depth(0));
    }

    private static int Depth(int level)
    {
        try
        {
            if (level == 4) throw new ParseError("bottom", level);
            return Depth(level + 1);
        }
        catch (ParseError e) when (e.Line - level == 2) { return level * 100 + e.Line; }
        finally { Log("  unwinding level " + level); }
    }

    // ---- raised by the runtime -------------------------------------------------------------

    private static int[] s_array = new int[3];
    private static object s_boxed = "not a number";
    private static string? s_null;
    private static AppException? s_nullObject;
    private static int s_zero;
    private static int s_big = int.MaxValue;

    private static void Check(string what, Action action)
    {
        try { action(); Console.WriteLine("  " + what + ": no exception"); }
        catch (NullReferenceException e) { Console.WriteLine("  " + what + ": NullReferenceException: " + e.Message); }
        catch (IndexOutOfRangeException e) { Console.WriteLine("  " + what + ": IndexOutOfRangeException: " + e.Message); }
        catch (InvalidCastException) { Console.WriteLine("  " + what + ": InvalidCastException"); }
        catch (DivideByZeroException e) { Console.WriteLine("  " + what + ": DivideByZeroException: " + e.Message); }
        catch (OverflowException e) { Console.WriteLine("  " + what + ": OverflowException: " + e.Message); }
        catch (ArgumentOutOfRangeException e) { Console.WriteLine("  " + what + ": ArgumentOutOfRangeException " + e.ParamName); }
        catch (ArithmeticException e) { Console.WriteLine("  " + what + ": ArithmeticException: " + e.Message); }
        catch (KeyNotFoundException) { Console.WriteLine("  " + what + ": KeyNotFoundException"); }
    }

    private static void RuntimeRaised()
    {
        Section("raised by the runtime");
        Check("string length of null", () => Console.WriteLine(s_null!.Length));
        Check("field of null object", () => Console.WriteLine(s_nullObject!.Message.Length));
        Check("virtual call on null", () => Console.WriteLine(s_nullObject!.ToString()));
        Check("array index 3 of 3", () => Console.WriteLine(s_array[s_array.Length]));
        Check("array index -1", () => s_array[s_array.Length - 4] = 1);
        Check("null array", () => Console.WriteLine(((int[])null!)[0]));
        Check("cast string to int", () => Console.WriteLine((int)s_boxed));
        Check("cast object to AppException", () => Console.WriteLine(((AppException)(object)new InvalidOperationException("x")).Message));
        Check("int divide by zero", () => Console.WriteLine(10 / s_zero));
        Check("int remainder by zero", () => Console.WriteLine(10 % s_zero));
        Check("long divide by zero", () => Console.WriteLine(10L / s_zero));
        Check("checked add", () => Console.WriteLine(checked(s_big + 1)));
        Check("checked multiply", () => Console.WriteLine(checked(s_big * 2L * s_big * s_big)));
        Check("checked narrowing", () => Console.WriteLine(checked((byte)(s_big))));
        Check("checked double to int", () => Console.WriteLine(checked((int)(s_big * 4.0))));
        Check("unchecked add", () => Console.WriteLine(unchecked(s_big + 1)));
        Check("struct method", () => Console.WriteLine(new ThrowingStruct { Value = -1 }.Checked()));
        Check("int.Parse", () => Console.WriteLine(int.Parse("99999999999")));
        Check("dictionary key", () => Console.WriteLine(new Dictionary<string, int>()["missing"]));
        Console.WriteLine("  runtime exceptions caught by base: " + CatchAsArithmetic());
    }

    private static string CatchAsArithmetic()
    {
        try { return (1 / s_zero).ToString(); }
        catch (ArithmeticException e) { return e is DivideByZeroException ? "DivideByZeroException as ArithmeticException" : "?"; }
    }

    // ---- deep stacks, call kinds -----------------------------------------------------------

    private static int Recurse(int depth) => depth == 0 ? throw new ParseError("deep", 500) : Recurse(depth - 1) + 1;

    private static unsafe int WithStackAlloc(int depth)
    {
        int* scratch = stackalloc int[16 + depth];
        scratch[0] = depth;
        if (depth == 0) throw new AppException("through stackalloc frames");
        return WithStackAlloc(depth - 1) + scratch[0];
    }

    private static void DeepStacks()
    {
        Section("deep stacks");
        try { Recurse(500); }
        catch (ParseError e) { Console.WriteLine("  500 frames: " + e.Message + " " + e.Line); }
        try { WithStackAlloc(20); }
        catch (AppException e) { Console.WriteLine("  " + e.Message); }
        int caught = 0;
        for (int i = 0; i < 1000; i++)
        {
            try { Recurse(i % 10); }
            catch (ParseError) { caught++; }
        }
        Console.WriteLine("  caught " + caught + " of 1000");
    }

    private static T Generic<T>(T value) where T : class => value is string ? throw new AppException("generic") : value;

    private static void CallKinds()
    {
        Section("call kinds");
        IThrower thrower = new ThrowingThing();
        try { thrower.Throw("called"); }
        catch (AppException e) { Console.WriteLine("  " + e.Message); }
        Func<int, int> lambda = x => x > 0 ? throw new AppException("lambda " + x) : x;
        try { lambda(3); }
        catch (AppException e) { Console.WriteLine("  " + e.Message); }
        try { Generic("text"); }
        catch (AppException) { Console.WriteLine("  caught generic"); }
        Action local = () => { void Inner() => throw new AppException("local function"); Inner(); };
        try { local(); }
        catch (AppException e) { Console.WriteLine("  " + e.Message); }
    }

    // ---- across await ------------------------------------------------------------------------

    private static async Task ThrowAfterYield(AppException exception)
    {
        await Task.Yield();
        throw exception;
    }

    private static async Task<int> ThrowAfterDelay()
    {
        await Task.Delay(5);
        throw new ParseError("after delay", 42);
    }

    private static async Task<int> Chain(int depth) => depth == 0 ? await ThrowAfterDelay() : await Chain(depth - 1) + 1;

    private static async Task<string> Recover()
    {
        try { await ThrowAfterDelay(); return "no"; }
        catch (ParseError e) { await Task.Yield(); return "recovered " + e.Line; }
        finally { Console.WriteLine("  async finally"); }
    }

    private static async Task AcrossAwait()
    {
        Section("across await");
        var original = new AppException("async original");
        try { await ThrowAfterYield(original); }
        catch (AppException e) { Console.WriteLine("  same object at await: " + ReferenceEquals(e, original)); }
        try { await Chain(3); }
        catch (ParseError e) { Console.WriteLine("  through 4 async frames: " + e.Message + " " + e.Line); }
        Console.WriteLine("  " + await Recover());
        Task faulted = ThrowAfterYield(new AppException("observed later"));
        await Task.Delay(10);
        Console.WriteLine("  faulted before await: " + faulted.IsFaulted);
        try { await faulted; }
        catch (AppException e) { Console.WriteLine("  " + e.Message); }
        try { await Task.WhenAll(Task.Delay(1), ThrowAfterYield(new AppException("from WhenAll"))); }
        catch (AppException e) { Console.WriteLine("  " + e.Message); }
        try { ThrowAfterDelay().GetAwaiter().GetResult(); }
        catch (ParseError e) { Console.WriteLine("  GetResult: " + e.Message); }
    }
}
