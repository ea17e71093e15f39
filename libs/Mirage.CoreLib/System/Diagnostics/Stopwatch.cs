namespace System.Diagnostics
{
    /// <summary>Measures elapsed time on the platform's monotonic clock (nanosecond ticks).</summary>
    public class Stopwatch
    {
        public static readonly long Frequency = 1000000000;
        public static readonly bool IsHighResolution = true;

        private long _elapsed;
        private long _startTimestamp;
        private bool _isRunning;

        public static Stopwatch StartNew()
        {
            var stopwatch = new Stopwatch();
            stopwatch.Start();
            return stopwatch;
        }

        public static long GetTimestamp() => Internal.Platform.Platform.MonotonicNanoseconds();
        public static TimeSpan GetElapsedTime(long startingTimestamp) => GetElapsedTime(startingTimestamp, GetTimestamp());
        public static TimeSpan GetElapsedTime(long startingTimestamp, long endingTimestamp) => new TimeSpan((endingTimestamp - startingTimestamp) / 100);

        public void Start()
        {
            if (_isRunning) return;
            _startTimestamp = GetTimestamp();
            _isRunning = true;
        }

        public void Stop()
        {
            if (!_isRunning) return;
            _elapsed += GetTimestamp() - _startTimestamp;
            _isRunning = false;
        }

        public void Reset() { _elapsed = 0; _isRunning = false; _startTimestamp = 0; }
        public void Restart() { _elapsed = 0; _startTimestamp = GetTimestamp(); _isRunning = true; }

        public bool IsRunning => _isRunning;
        public long ElapsedTicks => _isRunning ? _elapsed + GetTimestamp() - _startTimestamp : _elapsed;
        public TimeSpan Elapsed => new TimeSpan(ElapsedTicks / 100);
        public long ElapsedMilliseconds => ElapsedTicks / 1000000;
        public override string ToString() => Elapsed.ToString();
    }

    public static class Debug
    {
        [Conditional("DEBUG")]
        public static void Assert(bool condition) { if (!condition) Environment.FailFast("Debug.Assert failed."); }
        [Conditional("DEBUG")]
        public static void Assert(bool condition, string message) { if (!condition) Environment.FailFast("Debug.Assert failed: " + message); }
        [Conditional("DEBUG")]
        public static void WriteLine(string message) => Console.WriteLine(message);
        [Conditional("DEBUG")]
        public static void Fail(string message) => Environment.FailFast(message);
    }

    public static class Debugger
    {
        public static bool IsAttached => false;
        public static void Break() => Environment.FailFast("Debugger.Break() called.");
        public static bool Launch() => false;
    }
}
