using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace System.Runtime.CompilerServices
{
    public interface INotifyCompletion { void OnCompleted(Action continuation); }
    public interface ICriticalNotifyCompletion : INotifyCompletion { void UnsafeOnCompleted(Action continuation); }
    public interface IAsyncStateMachine { void MoveNext(); void SetStateMachine(IAsyncStateMachine stateMachine); }

    public readonly struct TaskAwaiter : ICriticalNotifyCompletion
    {
        private readonly Task _task;
        internal TaskAwaiter(Task task) { _task = task; }
        public bool IsCompleted => _task.IsCompleted;
        public void OnCompleted(Action continuation) => _task.AddContinuation(continuation);
        public void UnsafeOnCompleted(Action continuation) => _task.AddContinuation(continuation);
        public void GetResult()
        {
            if (!_task.IsCompleted) EventLoop.RunUntilCompleted(_task);
            _task.ThrowIfFailed();
        }
    }

    public readonly struct TaskAwaiter<TResult> : ICriticalNotifyCompletion
    {
        private readonly Task<TResult> _task;
        internal TaskAwaiter(Task<TResult> task) { _task = task; }
        public bool IsCompleted => _task.IsCompleted;
        public void OnCompleted(Action continuation) => _task.AddContinuation(continuation);
        public void UnsafeOnCompleted(Action continuation) => _task.AddContinuation(continuation);
        public TResult GetResult() => _task.Result;
    }

    public readonly struct ConfiguredTaskAwaitable
    {
        private readonly Task _task;
        internal ConfiguredTaskAwaitable(Task task) { _task = task; }
        public ConfiguredTaskAwaiter GetAwaiter() => new ConfiguredTaskAwaiter(_task);

        public readonly struct ConfiguredTaskAwaiter : ICriticalNotifyCompletion
        {
            private readonly Task _task;
            internal ConfiguredTaskAwaiter(Task task) { _task = task; }
            public bool IsCompleted => _task.IsCompleted;
            public void OnCompleted(Action continuation) => _task.AddContinuation(continuation);
            public void UnsafeOnCompleted(Action continuation) => _task.AddContinuation(continuation);
            public void GetResult() => new TaskAwaiter(_task).GetResult();
        }
    }

    public readonly struct ConfiguredTaskAwaitable<TResult>
    {
        private readonly Task<TResult> _task;
        internal ConfiguredTaskAwaitable(Task<TResult> task) { _task = task; }
        public ConfiguredTaskAwaiter GetAwaiter() => new ConfiguredTaskAwaiter(_task);

        public readonly struct ConfiguredTaskAwaiter : ICriticalNotifyCompletion
        {
            private readonly Task<TResult> _task;
            internal ConfiguredTaskAwaiter(Task<TResult> task) { _task = task; }
            public bool IsCompleted => _task.IsCompleted;
            public void OnCompleted(Action continuation) => _task.AddContinuation(continuation);
            public void UnsafeOnCompleted(Action continuation) => _task.AddContinuation(continuation);
            public TResult GetResult() => _task.Result;
        }
    }

    public readonly struct YieldAwaitable
    {
        public YieldAwaiter GetAwaiter() => default;

        public readonly struct YieldAwaiter : ICriticalNotifyCompletion
        {
            public bool IsCompleted => false;
            public void OnCompleted(Action continuation) => EventLoop.Post(continuation);
            public void UnsafeOnCompleted(Action continuation) => EventLoop.Post(continuation);
            public void GetResult() { }
        }
    }

    /// <summary>
    /// Holds an async method's state machine on the heap once it first suspends; the box is also
    /// the method's Task, as in .NET.
    /// </summary>
    internal sealed class AsyncStateMachineBox<TResult, TStateMachine> : Task<TResult> where TStateMachine : IAsyncStateMachine
    {
        internal TStateMachine StateMachine;
        private Action _moveNext;
        internal Action MoveNextAction => _moveNext ??= MoveNext;
        private void MoveNext() => StateMachine.MoveNext();
    }

    internal static class AsyncBuilderCore
    {
        internal static void Start<TStateMachine>(ref TStateMachine stateMachine) where TStateMachine : IAsyncStateMachine
        {
            if (stateMachine == null) throw new ArgumentNullException(nameof(stateMachine));
            stateMachine.MoveNext();
        }

        internal static Action GetContinuation<TResult, TStateMachine>(ref Task<TResult> taskField, ref TStateMachine stateMachine)
            where TStateMachine : IAsyncStateMachine
        {
            if (taskField is AsyncStateMachineBox<TResult, TStateMachine> existing) return existing.MoveNextAction;
            var box = new AsyncStateMachineBox<TResult, TStateMachine>();
            taskField = box;                    // visible through the builder inside the copied state machine
            box.StateMachine = stateMachine;
            return box.MoveNextAction;
        }
    }

    public struct AsyncTaskMethodBuilder
    {
        private Task<VoidTaskResult> m_task;

        public static AsyncTaskMethodBuilder Create() => default;
        public Task Task => m_task ??= new Task<VoidTaskResult>();
        public void Start<TStateMachine>(ref TStateMachine stateMachine) where TStateMachine : IAsyncStateMachine => AsyncBuilderCore.Start(ref stateMachine);
        public void SetStateMachine(IAsyncStateMachine stateMachine) { }

        public void AwaitOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
            where TAwaiter : INotifyCompletion where TStateMachine : IAsyncStateMachine
            => awaiter.OnCompleted(AsyncBuilderCore.GetContinuation(ref m_task, ref stateMachine));

        public void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
            where TAwaiter : ICriticalNotifyCompletion where TStateMachine : IAsyncStateMachine
            => awaiter.UnsafeOnCompleted(AsyncBuilderCore.GetContinuation(ref m_task, ref stateMachine));

        public void SetResult()
        {
            if (m_task == null) m_task = (Task<VoidTaskResult>)(object)CompletedVoid;
            else m_task.TrySetResult(default);
        }

        private static readonly Task<VoidTaskResult> CompletedVoid = CreateCompleted();
        private static Task<VoidTaskResult> CreateCompleted() { var t = new Task<VoidTaskResult>(); t.TrySetResult(default); return t; }

        public void SetException(Exception exception) => (m_task ??= new Task<VoidTaskResult>()).TrySetException(exception);
    }

    public struct AsyncTaskMethodBuilder<TResult>
    {
        private Task<TResult> m_task;

        public static AsyncTaskMethodBuilder<TResult> Create() => default;
        public Task<TResult> Task => m_task ??= new Task<TResult>();
        public void Start<TStateMachine>(ref TStateMachine stateMachine) where TStateMachine : IAsyncStateMachine => AsyncBuilderCore.Start(ref stateMachine);
        public void SetStateMachine(IAsyncStateMachine stateMachine) { }

        public void AwaitOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
            where TAwaiter : INotifyCompletion where TStateMachine : IAsyncStateMachine
            => awaiter.OnCompleted(AsyncBuilderCore.GetContinuation(ref m_task, ref stateMachine));

        public void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
            where TAwaiter : ICriticalNotifyCompletion where TStateMachine : IAsyncStateMachine
            => awaiter.UnsafeOnCompleted(AsyncBuilderCore.GetContinuation(ref m_task, ref stateMachine));

        public void SetResult(TResult result)
        {
            if (m_task == null) m_task = System.Threading.Tasks.Task.FromResult(result);
            else m_task.TrySetResult(result);
        }

        public void SetException(Exception exception) => (m_task ??= new Task<TResult>()).TrySetException(exception);
    }

    public struct AsyncVoidMethodBuilder
    {
        private Task<VoidTaskResult> m_task;

        public static AsyncVoidMethodBuilder Create() => default;
        public void Start<TStateMachine>(ref TStateMachine stateMachine) where TStateMachine : IAsyncStateMachine => AsyncBuilderCore.Start(ref stateMachine);
        public void SetStateMachine(IAsyncStateMachine stateMachine) { }

        public void AwaitOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
            where TAwaiter : INotifyCompletion where TStateMachine : IAsyncStateMachine
            => awaiter.OnCompleted(AsyncBuilderCore.GetContinuation(ref m_task, ref stateMachine));

        public void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
            where TAwaiter : ICriticalNotifyCompletion where TStateMachine : IAsyncStateMachine
            => awaiter.UnsafeOnCompleted(AsyncBuilderCore.GetContinuation(ref m_task, ref stateMachine));

        public void SetResult() { }

        /// <summary>An exception escaping an async void method ends the program, as in .NET.</summary>
        public void SetException(Exception exception) => throw exception;
    }

    public struct AsyncValueTaskMethodBuilder
    {
        private Task<VoidTaskResult> m_task;
        private bool _completedSynchronously;

        public static AsyncValueTaskMethodBuilder Create() => default;
        public ValueTask Task => m_task == null ? (_completedSynchronously ? default : new ValueTask(m_task = new Task<VoidTaskResult>())) : new ValueTask(m_task);
        public void Start<TStateMachine>(ref TStateMachine stateMachine) where TStateMachine : IAsyncStateMachine => AsyncBuilderCore.Start(ref stateMachine);
        public void SetStateMachine(IAsyncStateMachine stateMachine) { }

        public void AwaitOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
            where TAwaiter : INotifyCompletion where TStateMachine : IAsyncStateMachine
            => awaiter.OnCompleted(AsyncBuilderCore.GetContinuation(ref m_task, ref stateMachine));

        public void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
            where TAwaiter : ICriticalNotifyCompletion where TStateMachine : IAsyncStateMachine
            => awaiter.UnsafeOnCompleted(AsyncBuilderCore.GetContinuation(ref m_task, ref stateMachine));

        public void SetResult()
        {
            if (m_task == null) _completedSynchronously = true;
            else m_task.TrySetResult(default);
        }

        public void SetException(Exception exception) => (m_task ??= new Task<VoidTaskResult>()).TrySetException(exception);
    }

    public struct AsyncValueTaskMethodBuilder<TResult>
    {
        private Task<TResult> m_task;
        private TResult _result;
        private bool _completedSynchronously;

        public static AsyncValueTaskMethodBuilder<TResult> Create() => default;
        public ValueTask<TResult> Task
        {
            get
            {
                if (m_task != null) return new ValueTask<TResult>(m_task);
                if (_completedSynchronously) return new ValueTask<TResult>(_result);
                return new ValueTask<TResult>(m_task = new Task<TResult>());
            }
        }
        public void Start<TStateMachine>(ref TStateMachine stateMachine) where TStateMachine : IAsyncStateMachine => AsyncBuilderCore.Start(ref stateMachine);
        public void SetStateMachine(IAsyncStateMachine stateMachine) { }

        public void AwaitOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
            where TAwaiter : INotifyCompletion where TStateMachine : IAsyncStateMachine
            => awaiter.OnCompleted(AsyncBuilderCore.GetContinuation(ref m_task, ref stateMachine));

        public void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
            where TAwaiter : ICriticalNotifyCompletion where TStateMachine : IAsyncStateMachine
            => awaiter.UnsafeOnCompleted(AsyncBuilderCore.GetContinuation(ref m_task, ref stateMachine));

        public void SetResult(TResult result)
        {
            if (m_task == null) { _result = result; _completedSynchronously = true; }
            else m_task.TrySetResult(result);
        }

        public void SetException(Exception exception) => (m_task ??= new Task<TResult>()).TrySetException(exception);
    }
}

namespace System.Threading.Tasks
{
    [AsyncMethodBuilder(typeof(AsyncValueTaskMethodBuilder))]
    public readonly struct ValueTask : IEquatable<ValueTask>
    {
        private readonly Task _task;
        public ValueTask(Task task) { _task = task ?? throw new ArgumentNullException(nameof(task)); }
        public static ValueTask CompletedTask => default;
        public static ValueTask FromCanceled(CancellationToken cancellationToken) => new ValueTask(Task.FromCanceled(cancellationToken));
        public static ValueTask FromException(Exception exception) => new ValueTask(Task.FromException(exception));
        public static ValueTask<TResult> FromResult<TResult>(TResult result) => new ValueTask<TResult>(result);
        public bool IsCompleted => _task == null || _task.IsCompleted;
        public bool IsCompletedSuccessfully => _task == null || _task.IsCompletedSuccessfully;
        public bool IsFaulted => _task != null && _task.IsFaulted;
        public bool IsCanceled => _task != null && _task.IsCanceled;
        public Task AsTask() => _task ?? Task.CompletedTask;
        public ValueTask Preserve() => this;
        public ValueTaskAwaiter GetAwaiter() => new ValueTaskAwaiter(_task);
        public ConfiguredValueTaskAwaitable ConfigureAwait(bool continueOnCapturedContext) => new ConfiguredValueTaskAwaitable(_task);
        public bool Equals(ValueTask other) => _task == other._task;
        public override bool Equals(object obj) => obj is ValueTask other && Equals(other);
        public override int GetHashCode() => _task?.GetHashCode() ?? 0;
        public static bool operator ==(ValueTask left, ValueTask right) => left.Equals(right);
        public static bool operator !=(ValueTask left, ValueTask right) => !left.Equals(right);
    }

    [AsyncMethodBuilder(typeof(AsyncValueTaskMethodBuilder<>))]
    public readonly struct ValueTask<TResult> : IEquatable<ValueTask<TResult>>
    {
        private readonly Task<TResult> _task;
        private readonly TResult _result;
        public ValueTask(TResult result) { _task = null; _result = result; }
        public ValueTask(Task<TResult> task) { _task = task ?? throw new ArgumentNullException(nameof(task)); _result = default; }
        public bool IsCompleted => _task == null || _task.IsCompleted;
        public bool IsCompletedSuccessfully => _task == null || _task.IsCompletedSuccessfully;
        public bool IsFaulted => _task != null && _task.IsFaulted;
        public bool IsCanceled => _task != null && _task.IsCanceled;
        public TResult Result => _task == null ? _result : _task.Result;
        public Task<TResult> AsTask() => _task ?? Task.FromResult(_result);
        public ValueTask<TResult> Preserve() => this;
        public ValueTaskAwaiter<TResult> GetAwaiter() => new ValueTaskAwaiter<TResult>(this);
        public ConfiguredValueTaskAwaitable<TResult> ConfigureAwait(bool continueOnCapturedContext) => new ConfiguredValueTaskAwaitable<TResult>(this);
        internal Task<TResult> TaskOrNull => _task;
        public bool Equals(ValueTask<TResult> other) => _task == other._task && EqualityComparer<TResult>.Default.Equals(_result, other._result);
        public override bool Equals(object obj) => obj is ValueTask<TResult> other && Equals(other);
        public override int GetHashCode() => _task != null ? _task.GetHashCode() : _result?.GetHashCode() ?? 0;
        public override string ToString() => IsCompletedSuccessfully ? Result?.ToString() ?? "" : "";
        public static bool operator ==(ValueTask<TResult> left, ValueTask<TResult> right) => left.Equals(right);
        public static bool operator !=(ValueTask<TResult> left, ValueTask<TResult> right) => !left.Equals(right);
    }
}

namespace System.Runtime.CompilerServices
{
    public readonly struct ValueTaskAwaiter : ICriticalNotifyCompletion
    {
        private readonly Task _task;
        internal ValueTaskAwaiter(Task task) { _task = task; }
        public bool IsCompleted => _task == null || _task.IsCompleted;
        public void OnCompleted(Action continuation) { if (_task == null) EventLoop.Post(continuation); else _task.AddContinuation(continuation); }
        public void UnsafeOnCompleted(Action continuation) => OnCompleted(continuation);
        public void GetResult() { if (_task != null) new TaskAwaiter(_task).GetResult(); }
    }

    public readonly struct ValueTaskAwaiter<TResult> : ICriticalNotifyCompletion
    {
        private readonly ValueTask<TResult> _value;
        internal ValueTaskAwaiter(ValueTask<TResult> value) { _value = value; }
        public bool IsCompleted => _value.IsCompleted;
        public void OnCompleted(Action continuation) { Task<TResult> task = _value.TaskOrNull; if (task == null) EventLoop.Post(continuation); else task.AddContinuation(continuation); }
        public void UnsafeOnCompleted(Action continuation) => OnCompleted(continuation);
        public TResult GetResult() => _value.Result;
    }

    public readonly struct ConfiguredValueTaskAwaitable
    {
        private readonly Task _task;
        internal ConfiguredValueTaskAwaitable(Task task) { _task = task; }
        public ConfiguredValueTaskAwaiter GetAwaiter() => new ConfiguredValueTaskAwaiter(_task);
        public readonly struct ConfiguredValueTaskAwaiter : ICriticalNotifyCompletion
        {
            private readonly ValueTaskAwaiter _inner;
            internal ConfiguredValueTaskAwaiter(Task task) { _inner = new ValueTaskAwaiter(task); }
            public bool IsCompleted => _inner.IsCompleted;
            public void OnCompleted(Action continuation) => _inner.OnCompleted(continuation);
            public void UnsafeOnCompleted(Action continuation) => _inner.OnCompleted(continuation);
            public void GetResult() => _inner.GetResult();
        }
    }

    public readonly struct ConfiguredValueTaskAwaitable<TResult>
    {
        private readonly ValueTask<TResult> _value;
        internal ConfiguredValueTaskAwaitable(ValueTask<TResult> value) { _value = value; }
        public ConfiguredValueTaskAwaiter GetAwaiter() => new ConfiguredValueTaskAwaiter(_value);
        public readonly struct ConfiguredValueTaskAwaiter : ICriticalNotifyCompletion
        {
            private readonly ValueTaskAwaiter<TResult> _inner;
            internal ConfiguredValueTaskAwaiter(ValueTask<TResult> value) { _inner = new ValueTaskAwaiter<TResult>(value); }
            public bool IsCompleted => _inner.IsCompleted;
            public void OnCompleted(Action continuation) => _inner.OnCompleted(continuation);
            public void UnsafeOnCompleted(Action continuation) => _inner.OnCompleted(continuation);
            public TResult GetResult() => _inner.GetResult();
        }
    }
}
