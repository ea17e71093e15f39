namespace System
{
    /// <summary>
    /// Exceptions. Each core-library exception names itself through <see cref="RuntimeTypeName"/>;
    /// displays prefer the image's symbol table (docs/exceptions.md), which names an application's
    /// own exception types too.
    /// </summary>
    public class Exception
    {
        private readonly string _message;
        private readonly Exception _innerException;

        public Exception() { }
        public Exception(string message) { _message = message; }
        public Exception(string message, Exception innerException) { _message = message; _innerException = innerException; }

        public virtual string Message => _message ?? "Exception of type '" + DisplayTypeName + "' was thrown.";
        public Exception InnerException => _innerException;
        public int HResult { get; set; }
        public virtual string Source { get; set; }
        public virtual string StackTrace => null;
        public System.Collections.IDictionary Data => null;
        public virtual Exception GetBaseException()
        {
            Exception inner = this;
            while (inner._innerException != null) inner = inner._innerException;
            return inner;
        }

        internal virtual string RuntimeTypeName => "System.Exception";
        internal override string RuntimeTypeNameOrDefault => RuntimeTypeName;

        /// <summary>The exception's own type name: from the image's symbol table when it has one (an application's types too), else the core library's.</summary>
        internal unsafe string DisplayTypeName => Internal.Runtime.ExceptionHandling.ManagedSymbols.TypeName(GetMethodTable()) ?? RuntimeTypeName;

        public override string ToString()
        {
            string text = DisplayTypeName;
            string message = Message;
            if (!string.IsNullOrEmpty(message)) text = text + ": " + message;
            if (_innerException != null) text = text + "\n ---> " + _innerException.ToString() + "\n   --- End of inner exception stack trace ---";
            return text;
        }
    }

    public class SystemException : Exception
    {
        public SystemException() : base("System error.") { }
        public SystemException(string message) : base(message) { }
        public SystemException(string message, Exception innerException) : base(message, innerException) { }
        internal override string RuntimeTypeName => "System.SystemException";
    }

    public class ApplicationException : Exception
    {
        public ApplicationException() : base("Error in the application.") { }
        public ApplicationException(string message) : base(message) { }
        public ApplicationException(string message, Exception innerException) : base(message, innerException) { }
        internal override string RuntimeTypeName => "System.ApplicationException";
    }

    public class ArgumentException : SystemException
    {
        private readonly string _paramName;
        public ArgumentException() : base("Value does not fall within the expected range.") { }
        public ArgumentException(string message) : base(message) { }
        public ArgumentException(string message, Exception innerException) : base(message, innerException) { }
        public ArgumentException(string message, string paramName) : base(message) { _paramName = paramName; }
        public ArgumentException(string message, string paramName, Exception innerException) : base(message, innerException) { _paramName = paramName; }
        public virtual string ParamName => _paramName;
        public override string Message
        {
            get
            {
                string message = base.Message;
                return string.IsNullOrEmpty(_paramName) ? message : message + " (Parameter '" + _paramName + "')";
            }
        }
        internal override string RuntimeTypeName => "System.ArgumentException";

        public static void ThrowIfNullOrEmpty(string argument, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(argument))] string paramName = null)
        {
            if (argument == null) throw new ArgumentNullException(paramName);
            if (argument.Length == 0) throw new ArgumentException("The value cannot be an empty string.", paramName);
        }

        public static void ThrowIfNullOrWhiteSpace(string argument, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(argument))] string paramName = null)
        {
            if (argument == null) throw new ArgumentNullException(paramName);
            if (string.IsNullOrWhiteSpace(argument)) throw new ArgumentException("The value cannot be an empty string or composed entirely of whitespace.", paramName);
        }
    }

    public class ArgumentNullException : ArgumentException
    {
        public ArgumentNullException() : base("Value cannot be null.") { }
        public ArgumentNullException(string paramName) : base("Value cannot be null.", paramName) { }
        public ArgumentNullException(string message, Exception innerException) : base(message, innerException) { }
        public ArgumentNullException(string paramName, string message) : base(message, paramName) { }
        internal override string RuntimeTypeName => "System.ArgumentNullException";

        public static void ThrowIfNull(object argument, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(argument))] string paramName = null)
        {
            if (argument == null) throw new ArgumentNullException(paramName);
        }

        public static unsafe void ThrowIfNull(void* argument, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(argument))] string paramName = null)
        {
            if (argument == null) throw new ArgumentNullException(paramName);
        }
    }

    public class ArgumentOutOfRangeException : ArgumentException
    {
        private readonly object _actualValue;
        public ArgumentOutOfRangeException() : base("Specified argument was out of the range of valid values.") { }
        public ArgumentOutOfRangeException(string paramName) : base("Specified argument was out of the range of valid values.", paramName) { }
        public ArgumentOutOfRangeException(string paramName, string message) : base(message, paramName) { }
        public ArgumentOutOfRangeException(string message, Exception innerException) : base(message, innerException) { }
        public ArgumentOutOfRangeException(string paramName, object actualValue, string message) : base(message, paramName) { _actualValue = actualValue; }
        public virtual object ActualValue => _actualValue;
        public override string Message
        {
            get
            {
                string message = base.Message;
                return _actualValue == null ? message : message + "\nActual value was " + _actualValue.ToString() + ".";
            }
        }
        internal override string RuntimeTypeName => "System.ArgumentOutOfRangeException";

        public static void ThrowIfNegative(int value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string paramName = null)
        {
            if (value < 0) throw new ArgumentOutOfRangeException(paramName, value, paramName + " ('" + value.ToString() + "') must be a non-negative value.");
        }

        public static void ThrowIfNegative(long value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string paramName = null)
        {
            if (value < 0) throw new ArgumentOutOfRangeException(paramName, value, paramName + " ('" + value.ToString() + "') must be a non-negative value.");
        }

        public static void ThrowIfNegativeOrZero(int value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string paramName = null)
        {
            if (value <= 0) throw new ArgumentOutOfRangeException(paramName, value, paramName + " ('" + value.ToString() + "') must be a non-negative and non-zero value.");
        }

        public static void ThrowIfZero(int value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string paramName = null)
        {
            if (value == 0) throw new ArgumentOutOfRangeException(paramName, value, paramName + " ('" + value.ToString() + "') must be a non-zero value.");
        }

        public static void ThrowIfGreaterThan(int value, int other, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string paramName = null)
        {
            if (value > other) throw new ArgumentOutOfRangeException(paramName, value, paramName + " ('" + value.ToString() + "') must be less than or equal to '" + other.ToString() + "'.");
        }

        public static void ThrowIfGreaterThanOrEqual(int value, int other, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string paramName = null)
        {
            if (value >= other) throw new ArgumentOutOfRangeException(paramName, value, paramName + " ('" + value.ToString() + "') must be less than '" + other.ToString() + "'.");
        }

        public static void ThrowIfLessThan(int value, int other, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string paramName = null)
        {
            if (value < other) throw new ArgumentOutOfRangeException(paramName, value, paramName + " ('" + value.ToString() + "') must be greater than or equal to '" + other.ToString() + "'.");
        }
    }

    public class ArithmeticException : SystemException
    {
        public ArithmeticException() : base("Overflow or underflow in the arithmetic operation.") { }
        public ArithmeticException(string message) : base(message) { }
        public ArithmeticException(string message, Exception innerException) : base(message, innerException) { }
        internal override string RuntimeTypeName => "System.ArithmeticException";
    }

    public class DivideByZeroException : ArithmeticException
    {
        public DivideByZeroException() : base("Attempted to divide by zero.") { }
        public DivideByZeroException(string message) : base(message) { }
        public DivideByZeroException(string message, Exception innerException) : base(message, innerException) { }
        internal override string RuntimeTypeName => "System.DivideByZeroException";
    }

    public class OverflowException : ArithmeticException
    {
        public OverflowException() : base("Arithmetic operation resulted in an overflow.") { }
        public OverflowException(string message) : base(message) { }
        public OverflowException(string message, Exception innerException) : base(message, innerException) { }
        internal override string RuntimeTypeName => "System.OverflowException";
    }

    public class FormatException : SystemException
    {
        public FormatException() : base("One of the identified items was in an invalid format.") { }
        public FormatException(string message) : base(message) { }
        public FormatException(string message, Exception innerException) : base(message, innerException) { }
        internal override string RuntimeTypeName => "System.FormatException";
    }

    public class IndexOutOfRangeException : SystemException
    {
        public IndexOutOfRangeException() : base("Index was outside the bounds of the array.") { }
        public IndexOutOfRangeException(string message) : base(message) { }
        public IndexOutOfRangeException(string message, Exception innerException) : base(message, innerException) { }
        internal override string RuntimeTypeName => "System.IndexOutOfRangeException";
    }

    public class InvalidCastException : SystemException
    {
        public InvalidCastException() : base("Specified cast is not valid.") { }
        public InvalidCastException(string message) : base(message) { }
        public InvalidCastException(string message, Exception innerException) : base(message, innerException) { }
        internal override string RuntimeTypeName => "System.InvalidCastException";
    }

    public class InvalidOperationException : SystemException
    {
        public InvalidOperationException() : base("Operation is not valid due to the current state of the object.") { }
        public InvalidOperationException(string message) : base(message) { }
        public InvalidOperationException(string message, Exception innerException) : base(message, innerException) { }
        internal override string RuntimeTypeName => "System.InvalidOperationException";
    }

    public class NotImplementedException : SystemException
    {
        public NotImplementedException() : base("The method or operation is not implemented.") { }
        public NotImplementedException(string message) : base(message) { }
        public NotImplementedException(string message, Exception innerException) : base(message, innerException) { }
        internal override string RuntimeTypeName => "System.NotImplementedException";
    }

    public class NotSupportedException : SystemException
    {
        public NotSupportedException() : base("Specified method is not supported.") { }
        public NotSupportedException(string message) : base(message) { }
        public NotSupportedException(string message, Exception innerException) : base(message, innerException) { }
        internal override string RuntimeTypeName => "System.NotSupportedException";
    }

    public class PlatformNotSupportedException : NotSupportedException
    {
        public PlatformNotSupportedException() : base("Operation is not supported on this platform.") { }
        public PlatformNotSupportedException(string message) : base(message) { }
        public PlatformNotSupportedException(string message, Exception innerException) : base(message, innerException) { }
        internal override string RuntimeTypeName => "System.PlatformNotSupportedException";
    }

    public class NullReferenceException : SystemException
    {
        public NullReferenceException() : base("Object reference not set to an instance of an object.") { }
        public NullReferenceException(string message) : base(message) { }
        public NullReferenceException(string message, Exception innerException) : base(message, innerException) { }
        internal override string RuntimeTypeName => "System.NullReferenceException";
    }

    public class OutOfMemoryException : SystemException
    {
        public OutOfMemoryException() : base("Insufficient memory to continue the execution of the program.") { }
        public OutOfMemoryException(string message) : base(message) { }
        public OutOfMemoryException(string message, Exception innerException) : base(message, innerException) { }
        internal override string RuntimeTypeName => "System.OutOfMemoryException";
    }

    public class ArrayTypeMismatchException : SystemException
    {
        public ArrayTypeMismatchException() : base("Attempted to access an element as a type incompatible with the array.") { }
        public ArrayTypeMismatchException(string message) : base(message) { }
        public ArrayTypeMismatchException(string message, Exception innerException) : base(message, innerException) { }
        internal override string RuntimeTypeName => "System.ArrayTypeMismatchException";
    }

    public class InvalidProgramException : SystemException
    {
        public InvalidProgramException() : base("Common Language Runtime detected an invalid program.") { }
        public InvalidProgramException(string message) : base(message) { }
        public InvalidProgramException(string message, Exception innerException) : base(message, innerException) { }
        internal override string RuntimeTypeName => "System.InvalidProgramException";
    }

    public class TypeLoadException : SystemException
    {
        public TypeLoadException() : base("Failure has occurred while loading a type.") { }
        public TypeLoadException(string message) : base(message) { }
        public TypeLoadException(string message, Exception innerException) : base(message, innerException) { }
        internal override string RuntimeTypeName => "System.TypeLoadException";
    }

    public class RankException : SystemException
    {
        public RankException() : base("Attempted to operate on an array with the incorrect number of dimensions.") { }
        public RankException(string message) : base(message) { }
        public RankException(string message, Exception innerException) : base(message, innerException) { }
        internal override string RuntimeTypeName => "System.RankException";
    }

    public class TimeoutException : SystemException
    {
        public TimeoutException() : base("The operation has timed out.") { }
        public TimeoutException(string message) : base(message) { }
        public TimeoutException(string message, Exception innerException) : base(message, innerException) { }
        internal override string RuntimeTypeName => "System.TimeoutException";
    }

    public class OperationCanceledException : SystemException
    {
        public OperationCanceledException() : base("The operation was canceled.") { }
        public OperationCanceledException(string message) : base(message) { }
        public OperationCanceledException(string message, Exception innerException) : base(message, innerException) { }
        internal override string RuntimeTypeName => "System.OperationCanceledException";
    }

    public sealed class ObjectDisposedException : InvalidOperationException
    {
        private readonly string _objectName;
        public ObjectDisposedException(string objectName) : base("Cannot access a disposed object.") { _objectName = objectName; }
        public ObjectDisposedException(string objectName, string message) : base(message) { _objectName = objectName; }
        public ObjectDisposedException(string message, Exception innerException) : base(message, innerException) { }
        public string ObjectName => _objectName ?? "";
        public override string Message => string.IsNullOrEmpty(_objectName) ? base.Message : base.Message + "\nObject name: '" + _objectName + "'.";
        internal override string RuntimeTypeName => "System.ObjectDisposedException";
        public static void ThrowIf(bool condition, object instance)
        {
            if (condition) throw new ObjectDisposedException(null);
        }
    }
}

namespace System.Collections.Generic
{
    public class KeyNotFoundException : SystemException
    {
        public KeyNotFoundException() : base("The given key was not present in the dictionary.") { }
        public KeyNotFoundException(string message) : base(message) { }
        public KeyNotFoundException(string message, Exception innerException) : base(message, innerException) { }
        internal override string RuntimeTypeName => "System.Collections.Generic.KeyNotFoundException";
    }
}

namespace System.Threading.Tasks
{
    public class TaskCanceledException : OperationCanceledException
    {
        public TaskCanceledException() : base("A task was canceled.") { }
        public TaskCanceledException(string message) : base(message) { }
        public TaskCanceledException(string message, Exception innerException) : base(message, innerException) { }
        internal override string RuntimeTypeName => "System.Threading.Tasks.TaskCanceledException";
    }
}

namespace System.IO
{
    public class IOException : SystemException
    {
        public IOException() : base("I/O error occurred.") { }
        public IOException(string message) : base(message) { }
        public IOException(string message, Exception innerException) : base(message, innerException) { }
        internal override string RuntimeTypeName => "System.IO.IOException";
    }
}

namespace System.IO
{
    public class EndOfStreamException : IOException
    {
        public EndOfStreamException() : base("Attempted to read past the end of the stream.") { }
        public EndOfStreamException(string message) : base(message) { }
        public EndOfStreamException(string message, Exception innerException) : base(message, innerException) { }
        internal override string RuntimeTypeName => "System.IO.EndOfStreamException";
    }
}
