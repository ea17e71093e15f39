using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace System.Threading.Tasks
{
    public enum TaskStatus
    {
        Created, WaitingForActivation, WaitingToRun, Running, WaitingForChildrenToComplete, RanToCompletion, Canceled, Faulted,
    }

    [Flags]
    public enum TaskCreationOptions { None = 0, PreferFairness = 1, LongRunning = 2, AttachedToParent = 4, DenyChildAttach = 8, HideScheduler = 16, RunContinuationsAsynchronously = 64 }

    [Flags]
    public enum TaskContinuationOptions { None = 0, ExecuteSynchronously = 0x80000 }

    /// <summary>
    /// A promise of completion on the event loop. Continuations are never run inline: completing a
    /// task queues them on <see cref="EventLoop"/>, which is what awaiting does on the unix target's
    /// single-threaded SynchronizationContext, so both targets interleave the same way.
    /// </summary>
    public class Task : IAsyncResult, IDisposable
    {
        private TaskStatus _status = TaskStatus.WaitingForActivation;
        private object _continuations; // null, one Action, or a List<Action>
        private Exception _exception;
        private static int s_nextId;
        private int _id;

        internal Task() { }

        internal Task(TaskStatus status) { _status = status; }

        public Task(Action action)
        {
            if (action == null) throw new ArgumentNullException(nameof(action));
            _status = TaskStatus.Created;
            _startAction = action;
        }

        private Action _startAction;

        public void Start()
        {
            if (_status != TaskStatus.Created) throw new InvalidOperationException("Start may not be called on a task that was already started.");
            _status = TaskStatus.WaitingToRun;
            EventLoop.Post(() => { _startAction(); TrySetResultCore(); });
        }

        public int Id => _id != 0 ? _id : (_id = ++s_nextId);
        public TaskStatus Status => _status;
        public bool IsCompleted => _status >= TaskStatus.RanToCompletion;
        public bool IsCompletedSuccessfully => _status == TaskStatus.RanToCompletion;
        public bool IsCanceled => _status == TaskStatus.Canceled;
        public bool IsFaulted => _status == TaskStatus.Faulted;
        public AggregateException Exception => _status == TaskStatus.Faulted ? new AggregateException(_exception) : null;
        public object AsyncState => null;
        bool IAsyncResult.CompletedSynchronously => false;
        public static int? CurrentId => null;

        public static Task CompletedTask { get; } = new Task(TaskStatus.RanToCompletion);

        public TaskAwaiter GetAwaiter() => new TaskAwaiter(this);
        public ConfiguredTaskAwaitable ConfigureAwait(bool continueOnCapturedContext) => new ConfiguredTaskAwaitable(this);
        public ConfiguredTaskAwaitable ConfigureAwait(ConfigureAwaitOptions options) => new ConfiguredTaskAwaitable(this);

        public void Wait()
        {
            EventLoop.RunUntilCompleted(this);
            ThrowIfFailed();
        }

        public bool Wait(int millisecondsTimeout)
        {
            if (millisecondsTimeout == Timeout.Infinite) { Wait(); return true; }
            Task timer = Delay(millisecondsTimeout);
            EventLoop.RunUntilCompleted(WhenAny(this, timer));
            if (!IsCompleted) return false;
            ThrowIfFailed();
            return true;
        }

        public bool Wait(TimeSpan timeout) => Wait((int)timeout.TotalMilliseconds);

        public void Dispose() { }

        internal void ThrowIfFailed()
        {
            if (_status == TaskStatus.Faulted) throw _exception;
            if (_status == TaskStatus.Canceled) throw _exception ?? new TaskCanceledException();
        }

        internal bool TrySetResultCore()
        {
            if (IsCompleted) return false;
            _status = TaskStatus.RanToCompletion;
            RunContinuations();
            return true;
        }

        internal bool TrySetException(Exception exception)
        {
            if (IsCompleted) return false;
            _exception = exception;
            _status = exception is OperationCanceledException ? TaskStatus.Canceled : TaskStatus.Faulted;
            RunContinuations();
            return true;
        }

        internal bool TrySetCanceled(CancellationToken token)
        {
            if (IsCompleted) return false;
            _exception = new TaskCanceledException();
            _status = TaskStatus.Canceled;
            RunContinuations();
            return true;
        }

        private void RunContinuations()
        {
            object continuations = _continuations;
            _continuations = null;
            if (continuations == null) return;
            if (continuations is Action single) { EventLoop.Post(single); return; }
            List<Action> list = Unsafe.As<List<Action>>(continuations);
            for (int i = 0; i < list.Count; i++) EventLoop.Post(list[i]);
        }

        internal void AddContinuation(Action continuation)
        {
            if (IsCompleted) { EventLoop.Post(continuation); return; }
            if (_continuations == null) { _continuations = continuation; return; }
            if (_continuations is Action first)
            {
                var list = new List<Action>(4) { first, continuation };
                _continuations = list;
                return;
            }
            Unsafe.As<List<Action>>(_continuations).Add(continuation);
        }

        public Task ContinueWith(Action<Task> continuationAction)
        {
            if (continuationAction == null) throw new ArgumentNullException(nameof(continuationAction));
            var next = new Task<VoidTaskResult>();
            AddContinuation(() => { continuationAction(this); next.TrySetResult(default); });
            return next;
        }

        public Task<TResult> ContinueWith<TResult>(Func<Task, TResult> continuationFunction)
        {
            if (continuationFunction == null) throw new ArgumentNullException(nameof(continuationFunction));
            var next = new Task<TResult>();
            AddContinuation(() => next.TrySetResult(continuationFunction(this)));
            return next;
        }

        // ----- factories -----

        public static Task<TResult> FromResult<TResult>(TResult result)
        {
            var task = new Task<TResult>();
            task.TrySetResult(result);
            return task;
        }

        public static Task FromException(Exception exception)
        {
            var task = new Task<VoidTaskResult>();
            task.TrySetException(exception ?? throw new ArgumentNullException(nameof(exception)));
            return task;
        }

        public static Task<TResult> FromException<TResult>(Exception exception)
        {
            var task = new Task<TResult>();
            task.TrySetException(exception ?? throw new ArgumentNullException(nameof(exception)));
            return task;
        }

        public static Task FromCanceled(CancellationToken cancellationToken)
        {
            var task = new Task<VoidTaskResult>();
            task.TrySetCanceled(cancellationToken);
            return task;
        }

        public static Task<TResult> FromCanceled<TResult>(CancellationToken cancellationToken)
        {
            var task = new Task<TResult>();
            task.TrySetCanceled(cancellationToken);
            return task;
        }

        public static Task Run(Action action)
        {
            if (action == null) throw new ArgumentNullException(nameof(action));
            var task = new Task<VoidTaskResult>();
            EventLoop.Post(() => { action(); task.TrySetResult(default); });
            return task;
        }

        public static Task<TResult> Run<TResult>(Func<TResult> function)
        {
            if (function == null) throw new ArgumentNullException(nameof(function));
            var task = new Task<TResult>();
            EventLoop.Post(() => task.TrySetResult(function()));
            return task;
        }

        public static Task Run(Func<Task> function)
        {
            if (function == null) throw new ArgumentNullException(nameof(function));
            var proxy = new Task<VoidTaskResult>();
            EventLoop.Post(() =>
            {
                Task inner = function();
                if (inner == null) { proxy.TrySetCanceled(default); return; }
                inner.AddContinuation(() => proxy.CompleteFrom(inner));
            });
            return proxy;
        }

        public static Task<TResult> Run<TResult>(Func<Task<TResult>> function)
        {
            if (function == null) throw new ArgumentNullException(nameof(function));
            var proxy = new Task<TResult>();
            EventLoop.Post(() =>
            {
                Task<TResult> inner = function();
                if (inner == null) { proxy.TrySetCanceled(default); return; }
                inner.AddContinuation(() =>
                {
                    if (inner.IsCompletedSuccessfully) proxy.TrySetResult(inner.ResultUnchecked);
                    else proxy.CompleteFrom(inner);
                });
            });
            return proxy;
        }

        internal void CompleteFrom(Task finished)
        {
            if (finished._status == TaskStatus.RanToCompletion) TrySetResultCore();
            else if (finished._status == TaskStatus.Canceled) TrySetCanceled(default);
            else TrySetException(finished._exception);
        }

        public static Task Delay(int millisecondsDelay) => Delay(millisecondsDelay, default);

        public static Task Delay(TimeSpan delay) => Delay(ToMilliseconds(delay), default);

        public static Task Delay(TimeSpan delay, CancellationToken cancellationToken) => Delay(ToMilliseconds(delay), cancellationToken);

        private static int ToMilliseconds(TimeSpan delay)
        {
            long ms = (long)delay.TotalMilliseconds;
            if (ms < -1 || ms > uint.MaxValue - 1) throw new ArgumentOutOfRangeException(nameof(delay), "The value needs to translate in milliseconds to -1 (signifying an infinite timeout), 0, or a positive integer less than or equal to the maximum allowed timer duration.");
            return (int)ms;
        }

        public static Task Delay(int millisecondsDelay, CancellationToken cancellationToken)
        {
            if (millisecondsDelay < -1) throw new ArgumentOutOfRangeException(nameof(millisecondsDelay), "The value needs to be either -1 (signifying an infinite timeout), 0 or a positive integer.");
            if (cancellationToken.IsCancellationRequested) return FromCanceled(cancellationToken);
            if (millisecondsDelay == 0) return CompletedTask;
            var task = new Task<VoidTaskResult>();
            EventLoop.TimerEntry timer = null;
            if (millisecondsDelay != Timeout.Infinite)
                timer = EventLoop.AddTimer(EventLoop.NowNs + (long)millisecondsDelay * 1000000, () => task.TrySetResult(default));
            if (cancellationToken.CanBeCanceled)
                cancellationToken.Register(() =>
                {
                    if (timer != null) EventLoop.CancelTimer(timer);
                    task.TrySetCanceled(cancellationToken);
                });
            return task;
        }

        public static YieldAwaitable Yield() => default;

        public static Task WhenAll(params Task[] tasks)
        {
            if (tasks == null) throw new ArgumentNullException(nameof(tasks));
            return WhenAll((ReadOnlySpan<Task>)tasks);
        }

        public static Task WhenAll(IEnumerable<Task> tasks)
        {
            if (tasks == null) throw new ArgumentNullException(nameof(tasks));
            var list = new List<Task>(tasks);
            return WhenAll(list.ToArray());
        }

        public static Task WhenAll(params ReadOnlySpan<Task> tasks)
        {
            var all = new Task<VoidTaskResult>();
            Task[] copy = tasks.ToArray();
            int remaining = copy.Length;
            if (remaining == 0) { all.TrySetResult(default); return all; }
            foreach (Task task in copy)
            {
                if (task == null) throw new ArgumentException("The tasks argument included a null value.", nameof(tasks));
                task.AddContinuation(() =>
                {
                    if (--remaining == 0) FinishWhenAll(all, copy);
                });
            }
            return all;
        }

        private static void FinishWhenAll(Task all, Task[] tasks)
        {
            foreach (Task task in tasks)
                if (task.IsFaulted) { all.TrySetException(task._exception); return; }
            foreach (Task task in tasks)
                if (task.IsCanceled) { all.TrySetCanceled(default); return; }
            all.TrySetResultCore();
        }

        public static Task<TResult[]> WhenAll<TResult>(params Task<TResult>[] tasks)
        {
            if (tasks == null) throw new ArgumentNullException(nameof(tasks));
            var all = new Task<TResult[]>();
            Task<TResult>[] copy = (Task<TResult>[])tasks.Clone();
            int remaining = copy.Length;
            if (remaining == 0) { all.TrySetResult(Array.Empty<TResult>()); return all; }
            foreach (Task<TResult> task in copy)
            {
                if (task == null) throw new ArgumentException("The tasks argument included a null value.", nameof(tasks));
                task.AddContinuation(() =>
                {
                    if (--remaining != 0) return;
                    foreach (Task<TResult> t in copy) if (!t.IsCompletedSuccessfully) { FinishWhenAll(all, copy); return; }
                    TResult[] results = new TResult[copy.Length];
                    for (int i = 0; i < copy.Length; i++) results[i] = copy[i].ResultUnchecked;
                    all.TrySetResult(results);
                });
            }
            return all;
        }

        public static Task<TResult[]> WhenAll<TResult>(params ReadOnlySpan<Task<TResult>> tasks) => WhenAll(tasks.ToArray());

        public static Task<TResult[]> WhenAll<TResult>(IEnumerable<Task<TResult>> tasks)
        {
            if (tasks == null) throw new ArgumentNullException(nameof(tasks));
            return WhenAll(new List<Task<TResult>>(tasks).ToArray());
        }

        public static Task<Task> WhenAny(params Task[] tasks)
        {
            if (tasks == null) throw new ArgumentNullException(nameof(tasks));
            if (tasks.Length == 0) throw new ArgumentException("The tasks argument contains no tasks.", nameof(tasks));
            var any = new Task<Task>();
            foreach (Task task in tasks)
            {
                if (task == null) throw new ArgumentException("The tasks argument included a null value.", nameof(tasks));
                if (task.IsCompleted) { any.TrySetResult(task); return any; }
            }
            foreach (Task task in tasks) task.AddContinuation(() => any.TrySetResult(task));
            return any;
        }

        public static Task<Task> WhenAny(Task task1, Task task2) => WhenAny(new[] { task1, task2 });

        public static Task<Task> WhenAny(params ReadOnlySpan<Task> tasks) => WhenAny(tasks.ToArray());

        public static Task<Task<TResult>> WhenAny<TResult>(params ReadOnlySpan<Task<TResult>> tasks) => WhenAny(tasks.ToArray());

        public static Task<Task> WhenAny(IEnumerable<Task> tasks) => WhenAny(new List<Task>(tasks ?? throw new ArgumentNullException(nameof(tasks))).ToArray());

        public static Task<Task<TResult>> WhenAny<TResult>(params Task<TResult>[] tasks)
        {
            if (tasks == null) throw new ArgumentNullException(nameof(tasks));
            if (tasks.Length == 0) throw new ArgumentException("The tasks argument contains no tasks.", nameof(tasks));
            var any = new Task<Task<TResult>>();
            foreach (Task<TResult> task in tasks)
                if (task.IsCompleted) { any.TrySetResult(task); return any; }
            foreach (Task<TResult> task in tasks) task.AddContinuation(() => any.TrySetResult(task));
            return any;
        }

        public static Task<Task<TResult>> WhenAny<TResult>(Task<TResult> task1, Task<TResult> task2) => WhenAny(new[] { task1, task2 });

        public static void WaitAll(params Task[] tasks) => WhenAll(tasks).Wait();

        public static int WaitAny(params Task[] tasks)
        {
            Task<Task> any = WhenAny(tasks);
            any.Wait();
            return Array.IndexOf(tasks, any.ResultUnchecked);
        }
    }

    public class Task<TResult> : Task
    {
        private TResult _result;

        internal Task() { }

        public Task(Func<TResult> function) : base(() => { }) { _function = function; }

        private readonly Func<TResult> _function;

        public TResult Result
        {
            get
            {
                if (!IsCompleted) EventLoop.RunUntilCompleted(this);
                ThrowIfFailed();
                return _result;
            }
        }

        internal TResult ResultUnchecked => _result;

        public new TaskAwaiter<TResult> GetAwaiter() => new TaskAwaiter<TResult>(this);
        public new ConfiguredTaskAwaitable<TResult> ConfigureAwait(bool continueOnCapturedContext) => new ConfiguredTaskAwaitable<TResult>(this);
        public new ConfiguredTaskAwaitable<TResult> ConfigureAwait(ConfigureAwaitOptions options) => new ConfiguredTaskAwaitable<TResult>(this);

        internal bool TrySetResult(TResult result)
        {
            if (IsCompleted) return false;
            _result = result;
            return TrySetResultCore();
        }

        public Task ContinueWith(Action<Task<TResult>> continuationAction)
        {
            if (continuationAction == null) throw new ArgumentNullException(nameof(continuationAction));
            var next = new Task<VoidTaskResult>();
            AddContinuation(() => { continuationAction(this); next.TrySetResult(default); });
            return next;
        }

        public Task<TNewResult> ContinueWith<TNewResult>(Func<Task<TResult>, TNewResult> continuationFunction)
        {
            if (continuationFunction == null) throw new ArgumentNullException(nameof(continuationFunction));
            var next = new Task<TNewResult>();
            AddContinuation(() => next.TrySetResult(continuationFunction(this)));
            return next;
        }
    }

    internal struct VoidTaskResult { }

    public enum ConfigureAwaitOptions { None = 0, ContinueOnCapturedContext = 1, SuppressThrowing = 2, ForceYielding = 4 }

    public class TaskCompletionSource
    {
        private readonly Task<VoidTaskResult> _task = new Task<VoidTaskResult>();
        public TaskCompletionSource() { }
        public TaskCompletionSource(TaskCreationOptions creationOptions) { }
        public TaskCompletionSource(object state) { }
        public Task Task => _task;
        public void SetResult() { if (!TrySetResult()) throw new InvalidOperationException("An attempt was made to transition a task to a final state when it had already completed."); }
        public bool TrySetResult() => _task.TrySetResult(default);
        public void SetException(Exception exception) { if (!TrySetException(exception)) throw new InvalidOperationException("An attempt was made to transition a task to a final state when it had already completed."); }
        public bool TrySetException(Exception exception) => _task.TrySetException(exception ?? throw new ArgumentNullException(nameof(exception)));
        public void SetCanceled() { if (!TrySetCanceled()) throw new InvalidOperationException("An attempt was made to transition a task to a final state when it had already completed."); }
        public void SetCanceled(CancellationToken cancellationToken) { if (!TrySetCanceled(cancellationToken)) throw new InvalidOperationException("An attempt was made to transition a task to a final state when it had already completed."); }
        public bool TrySetCanceled() => _task.TrySetCanceled(default);
        public bool TrySetCanceled(CancellationToken cancellationToken) => _task.TrySetCanceled(cancellationToken);
    }

    public class TaskCompletionSource<TResult>
    {
        private readonly Task<TResult> _task = new Task<TResult>();
        public TaskCompletionSource() { }
        public TaskCompletionSource(TaskCreationOptions creationOptions) { }
        public TaskCompletionSource(object state) { }
        public Task<TResult> Task => _task;
        public void SetResult(TResult result) { if (!TrySetResult(result)) throw new InvalidOperationException("An attempt was made to transition a task to a final state when it had already completed."); }
        public bool TrySetResult(TResult result) => _task.TrySetResult(result);
        public void SetException(Exception exception) { if (!TrySetException(exception)) throw new InvalidOperationException("An attempt was made to transition a task to a final state when it had already completed."); }
        public bool TrySetException(Exception exception) => _task.TrySetException(exception ?? throw new ArgumentNullException(nameof(exception)));
        public void SetCanceled() { if (!TrySetCanceled()) throw new InvalidOperationException("An attempt was made to transition a task to a final state when it had already completed."); }
        public void SetCanceled(CancellationToken cancellationToken) { if (!TrySetCanceled(cancellationToken)) throw new InvalidOperationException("An attempt was made to transition a task to a final state when it had already completed."); }
        public bool TrySetCanceled() => _task.TrySetCanceled(default);
        public bool TrySetCanceled(CancellationToken cancellationToken) => _task.TrySetCanceled(cancellationToken);
    }

}

namespace System
{
    public class AggregateException : Exception
    {
        private readonly Exception[] _inner;
        public AggregateException(params Exception[] innerExceptions) : base("One or more errors occurred.", innerExceptions != null && innerExceptions.Length > 0 ? innerExceptions[0] : null) { _inner = innerExceptions ?? Array.Empty<Exception>(); }
        public AggregateException(string message, params Exception[] innerExceptions) : base(message, innerExceptions != null && innerExceptions.Length > 0 ? innerExceptions[0] : null) { _inner = innerExceptions ?? Array.Empty<Exception>(); }
        public System.Collections.ObjectModel.ReadOnlyCollection<Exception> InnerExceptions => new System.Collections.ObjectModel.ReadOnlyCollection<Exception>(_inner);
        internal override string RuntimeTypeName => "System.AggregateException";
    }

    public interface IAsyncResult
    {
        bool IsCompleted { get; }
        object AsyncState { get; }
        bool CompletedSynchronously { get; }
    }
}

namespace System.Threading
{
    public static class Timeout
    {
        public const int Infinite = -1;
        public static readonly TimeSpan InfiniteTimeSpan = new TimeSpan(0, 0, 0, 0, Infinite);
    }
}
