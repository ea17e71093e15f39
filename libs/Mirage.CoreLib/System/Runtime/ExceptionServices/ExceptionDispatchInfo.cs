namespace System.Runtime.ExceptionServices
{
    /// <summary>
    /// An exception caught in one place and thrown again in another: what the C# compiler emits for an
    /// exception that leaves a catch or finally block containing an await. Throwing it again restarts
    /// its trace here (docs/exceptions.md: there is no saved trace to append to).
    /// </summary>
    public sealed class ExceptionDispatchInfo
    {
        private ExceptionDispatchInfo(Exception source) { SourceException = source; }

        public Exception SourceException { get; }

        public static ExceptionDispatchInfo Capture(Exception source)
        {
            if (source == null) throw new ArgumentNullException(nameof(source));
            return new ExceptionDispatchInfo(source);
        }

        public void Throw() => throw SourceException;

        public static void Throw(Exception source) => Capture(source).Throw();
    }
}
