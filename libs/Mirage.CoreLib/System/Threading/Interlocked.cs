using System.Runtime.CompilerServices;

namespace System.Threading
{
    /// <summary>
    /// Atomic operations. The unikernel runs one thread, so each is a plain read-modify-write; the
    /// barriers matter for memory shared with the hypervisor and backends, and are compiler
    /// intrinsics (fence instructions).
    /// </summary>
    public static class Interlocked
    {
        public static int Increment(ref int location) => ++location;
        public static long Increment(ref long location) => ++location;
        public static uint Increment(ref uint location) => ++location;
        public static ulong Increment(ref ulong location) => ++location;
        public static int Decrement(ref int location) => --location;
        public static long Decrement(ref long location) => --location;
        public static uint Decrement(ref uint location) => --location;
        public static ulong Decrement(ref ulong location) => --location;
        public static int Add(ref int location1, int value) => location1 += value;
        public static long Add(ref long location1, long value) => location1 += value;
        public static uint Add(ref uint location1, uint value) => location1 += value;
        public static ulong Add(ref ulong location1, ulong value) => location1 += value;
        public static int Exchange(ref int location1, int value) { int old = location1; location1 = value; return old; }
        public static long Exchange(ref long location1, long value) { long old = location1; location1 = value; return old; }
        public static nint Exchange(ref nint location1, nint value) { nint old = location1; location1 = value; return old; }
        public static object Exchange(ref object location1, object value) { object old = location1; location1 = value; return old; }
        public static T Exchange<T>(ref T location1, T value) where T : class { T old = location1; location1 = value; return old; }
        public static int CompareExchange(ref int location1, int value, int comparand) { int old = location1; if (old == comparand) location1 = value; return old; }
        public static long CompareExchange(ref long location1, long value, long comparand) { long old = location1; if (old == comparand) location1 = value; return old; }
        public static nint CompareExchange(ref nint location1, nint value, nint comparand) { nint old = location1; if (old == comparand) location1 = value; return old; }
        public static object CompareExchange(ref object location1, object value, object comparand) { object old = location1; if (old == comparand) location1 = value; return old; }
        public static T CompareExchange<T>(ref T location1, T value, T comparand) where T : class { T old = location1; if (old == comparand) location1 = value; return old; }
        public static long Read(ref readonly long location) => location;
        public static int And(ref int location1, int value) { int old = location1; location1 &= value; return old; }
        public static int Or(ref int location1, int value) { int old = location1; location1 |= value; return old; }

        [Intrinsic]
        public static void MemoryBarrier() { }
    }

    public static class Volatile
    {
        [Intrinsic] public static int Read(ref readonly int location) => location;
        [Intrinsic] public static long Read(ref readonly long location) => location;
        [Intrinsic] public static bool Read(ref readonly bool location) => location;
        [Intrinsic] public static T Read<T>(ref readonly T location) where T : class => location;
        [Intrinsic] public static void Write(ref int location, int value) => location = value;
        [Intrinsic] public static void Write(ref long location, long value) => location = value;
        [Intrinsic] public static void Write(ref bool location, bool value) => location = value;
        [Intrinsic] public static void Write<T>(ref T location, T value) where T : class => location = value;
    }

    /// <summary><c>lock</c> on one thread: entering always succeeds; re-entrance is allowed as in .NET.</summary>
    public static class Monitor
    {
        public static void Enter(object obj)
        {
            if (obj == null) throw new ArgumentNullException(nameof(obj));
        }

        public static void Enter(object obj, ref bool lockTaken)
        {
            if (obj == null) throw new ArgumentNullException(nameof(obj));
            if (lockTaken) throw new ArgumentException("The lockTaken argument must be false.", nameof(lockTaken));
            lockTaken = true;
        }

        public static bool TryEnter(object obj) { Enter(obj); return true; }
        public static void Exit(object obj)
        {
            if (obj == null) throw new ArgumentNullException(nameof(obj));
        }
        public static bool IsEntered(object obj) => true;
    }

    /// <summary>C# 13 'lock' on a Lock: one thread, so scopes nest and never wait.</summary>
    public sealed class Lock
    {
        private int _depth;
        public bool IsHeldByCurrentThread => _depth > 0;
        public void Enter() => _depth++;
        public bool TryEnter() { _depth++; return true; }
        public void Exit()
        {
            if (_depth == 0) throw new SynchronizationLockException("The calling thread does not hold the lock.");
            _depth--;
        }
        public Scope EnterScope() { _depth++; return new Scope(this); }

        public ref struct Scope
        {
            private Lock _lock;
            internal Scope(Lock owner) { _lock = owner; }
            public void Dispose()
            {
                Lock owner = _lock;
                if (owner != null) { _lock = null; owner.Exit(); }
            }
        }
    }

    public class SynchronizationLockException : SystemException
    {
        public SynchronizationLockException() : base("Object synchronization method was called from an unsynchronized block of code.") { }
        public SynchronizationLockException(string message) : base(message) { }
        internal override string RuntimeTypeName => "System.Threading.SynchronizationLockException";
    }
}
