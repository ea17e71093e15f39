namespace System
{
    /// <summary>
    /// Delegates. The fields and Initialize* methods are a contract with ilc, which emits the
    /// construction of every delegate as a call to one of them.
    /// </summary>
    public abstract class Delegate : ICloneable
    {
        internal object _firstParameter;
        internal object _helperObject;
        internal nint _extraFunctionPointerOrData;
        internal IntPtr _functionPointer;

        private void InitializeClosedInstance(object firstParameter, IntPtr functionPointer)
        {
            if (firstParameter == null) throw new ArgumentException("Delegate to an instance method cannot have null 'this'.");
            _functionPointer = functionPointer;
            _firstParameter = firstParameter;
        }

        private void InitializeClosedInstanceSlow(object firstParameter, IntPtr functionPointer) => InitializeClosedInstance(firstParameter, functionPointer);

        private void InitializeClosedInstanceWithGVMResolution(object firstParameter, RuntimeMethodHandle tokenOfGenericVirtualMethod)
            => throw new NotSupportedException("Delegates to generic virtual methods are not supported by Mirage.CoreLib.");

        private void InitializeClosedInstanceToInterface(object firstParameter, IntPtr dispatchCell)
            => throw new NotSupportedException("Delegates to interface methods resolved at run time are not supported by Mirage.CoreLib.");

        private void InitializeClosedStaticThunk(object firstParameter, IntPtr functionPointer, IntPtr functionPointerThunk)
        {
            _extraFunctionPointerOrData = functionPointer;
            _helperObject = firstParameter;
            _functionPointer = functionPointerThunk;
            _firstParameter = this;
        }

        private void InitializeOpenStaticThunk(object firstParameter, IntPtr functionPointer, IntPtr functionPointerThunk)
        {
            _firstParameter = this;
            _functionPointer = functionPointerThunk;
            _extraFunctionPointerOrData = functionPointer;
        }

        private void InitializeOpenInstanceThunk(object firstParameter, IntPtr functionPointer, IntPtr functionPointerThunk)
        {
            _firstParameter = this;
            _functionPointer = functionPointerThunk;
            _extraFunctionPointerOrData = functionPointer;
        }

        internal IntPtr GetThunk(int whichThunk) => IntPtr.Zero;

        public object Target => _firstParameter == (object)this ? _helperObject : _firstParameter;

        public object Clone() => MemberwiseClone();

        public override bool Equals(object obj)
        {
            if (obj is not Delegate other || !SameType(this, other)) return false;
            return _functionPointer == other._functionPointer
                && _extraFunctionPointerOrData == other._extraFunctionPointerOrData
                && ReferenceEquals(Target, other.Target);
        }

        private static unsafe bool SameType(Delegate a, Delegate b) => a.GetMethodTable() == b.GetMethodTable();

        public override int GetHashCode() => _functionPointer.GetHashCode();

        public static bool operator ==(Delegate d1, Delegate d2) => d1 is null ? d2 is null : d1.Equals(d2);
        public static bool operator !=(Delegate d1, Delegate d2) => !(d1 == d2);

        /// <summary>Multicast delegates (+= of two delegates) are not supported yet: combining with null works.</summary>
        public static Delegate Combine(Delegate a, Delegate b)
        {
            if (a is null) return b;
            if (b is null) return a;
            throw new NotSupportedException("Multicast delegates are not supported by Mirage.CoreLib.");
        }

        public static Delegate Remove(Delegate source, Delegate value)
        {
            if (source is null) return null;
            if (value is null) return source;
            return source.Equals(value) ? null : source;
        }
    }

    public abstract class MulticastDelegate : Delegate
    {
        public static bool operator ==(MulticastDelegate d1, MulticastDelegate d2) => (Delegate)d1 == d2;
        public static bool operator !=(MulticastDelegate d1, MulticastDelegate d2) => (Delegate)d1 != d2;
        public override bool Equals(object obj) => base.Equals(obj);
        public override int GetHashCode() => base.GetHashCode();
    }

    public delegate void Action();
    public delegate void Action<in T>(T obj);
    public delegate void Action<in T1, in T2>(T1 arg1, T2 arg2);
    public delegate void Action<in T1, in T2, in T3>(T1 arg1, T2 arg2, T3 arg3);
    public delegate void Action<in T1, in T2, in T3, in T4>(T1 arg1, T2 arg2, T3 arg3, T4 arg4);
    public delegate TResult Func<out TResult>();
    public delegate TResult Func<in T, out TResult>(T arg);
    public delegate TResult Func<in T1, in T2, out TResult>(T1 arg1, T2 arg2);
    public delegate TResult Func<in T1, in T2, in T3, out TResult>(T1 arg1, T2 arg2, T3 arg3);
    public delegate TResult Func<in T1, in T2, in T3, in T4, out TResult>(T1 arg1, T2 arg2, T3 arg3, T4 arg4);
    public delegate bool Predicate<in T>(T obj);
    public delegate int Comparison<in T>(T x, T y);
    public delegate TOutput Converter<in TInput, out TOutput>(TInput input);
    public delegate void EventHandler(object sender, EventArgs e);
    public delegate void EventHandler<TEventArgs>(object sender, TEventArgs e);

    public class EventArgs
    {
        public static readonly EventArgs Empty = new EventArgs();
    }
}
