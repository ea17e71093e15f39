using System.Collections.Generic;
using System.Threading.Tasks;

namespace System.Threading
{
    public readonly struct CancellationToken : IEquatable<CancellationToken>
    {
        private readonly CancellationTokenSource _source;
        internal CancellationToken(CancellationTokenSource source) { _source = source; }
        public CancellationToken(bool canceled) { _source = canceled ? CancellationTokenSource.Canceled : null; }

        public static CancellationToken None => default;
        public bool IsCancellationRequested => _source != null && _source.IsCancellationRequested;
        public bool CanBeCanceled => _source != null;

        public CancellationTokenRegistration Register(Action callback)
        {
            if (callback == null) throw new ArgumentNullException(nameof(callback));
            return _source == null ? default : _source.Register(callback);
        }

        public CancellationTokenRegistration Register(Action<object> callback, object state)
        {
            if (callback == null) throw new ArgumentNullException(nameof(callback));
            return Register(() => callback(state));
        }

        public void ThrowIfCancellationRequested()
        {
            if (IsCancellationRequested) throw new OperationCanceledException("The operation was canceled.");
        }

        public bool Equals(CancellationToken other) => _source == other._source;
        public override bool Equals(object other) => other is CancellationToken token && Equals(token);
        public override int GetHashCode() => _source?.GetHashCode() ?? 0;
        public static bool operator ==(CancellationToken left, CancellationToken right) => left.Equals(right);
        public static bool operator !=(CancellationToken left, CancellationToken right) => !left.Equals(right);
    }

    public readonly struct CancellationTokenRegistration : IDisposable, IEquatable<CancellationTokenRegistration>
    {
        private readonly CancellationTokenSource _source;
        private readonly Action _callback;
        internal CancellationTokenRegistration(CancellationTokenSource source, Action callback) { _source = source; _callback = callback; }
        public CancellationToken Token => _source == null ? default : _source.Token;
        public void Dispose() => _source?.Unregister(_callback);
        public bool Unregister() => _source != null && _source.Unregister(_callback);
        public bool Equals(CancellationTokenRegistration other) => _source == other._source && _callback == other._callback;
        public override bool Equals(object obj) => obj is CancellationTokenRegistration other && Equals(other);
        public override int GetHashCode() => _callback?.GetHashCode() ?? 0;
    }

    public class CancellationTokenSource : IDisposable
    {
        internal static readonly CancellationTokenSource Canceled = CreateCanceled();
        private static CancellationTokenSource CreateCanceled() { var s = new CancellationTokenSource(); s._canceled = true; return s; }

        private bool _canceled;
        private List<Action> _callbacks;
        private EventLoop.TimerEntry _timer;

        public CancellationTokenSource() { }
        public CancellationTokenSource(int millisecondsDelay) { CancelAfter(millisecondsDelay); }
        public CancellationTokenSource(TimeSpan delay) { CancelAfter(delay); }

        public bool IsCancellationRequested => _canceled;
        public CancellationToken Token => new CancellationToken(this);

        public void Cancel()
        {
            if (_canceled) return;
            _canceled = true;
            if (_timer != null) EventLoop.CancelTimer(_timer);
            List<Action> callbacks = _callbacks;
            _callbacks = null;
            if (callbacks == null) return;
            // .NET runs registrations in reverse order of registration, synchronously.
            for (int i = callbacks.Count - 1; i >= 0; i--) callbacks[i]();
        }

        public void Cancel(bool throwOnFirstException) => Cancel();
        public Task CancelAsync() { Cancel(); return Task.CompletedTask; }

        public void CancelAfter(int millisecondsDelay)
        {
            if (millisecondsDelay < -1) throw new ArgumentOutOfRangeException(nameof(millisecondsDelay));
            if (_canceled) return;
            if (_timer != null) EventLoop.CancelTimer(_timer);
            _timer = millisecondsDelay == Timeout.Infinite ? null : EventLoop.AddTimer(EventLoop.NowNs + (long)millisecondsDelay * 1000000, Cancel);
        }

        public void CancelAfter(TimeSpan delay) => CancelAfter((int)delay.TotalMilliseconds);

        public bool TryReset()
        {
            if (_canceled) return false;
            if (_timer != null) { EventLoop.CancelTimer(_timer); _timer = null; }
            return true;
        }

        internal CancellationTokenRegistration Register(Action callback)
        {
            if (_canceled) { callback(); return default; }
            (_callbacks ??= new List<Action>()).Add(callback);
            return new CancellationTokenRegistration(this, callback);
        }

        internal bool Unregister(Action callback) => _callbacks != null && _callbacks.Remove(callback);

        public static CancellationTokenSource CreateLinkedTokenSource(CancellationToken token) => Link(new[] { token });

        public static CancellationTokenSource CreateLinkedTokenSource(CancellationToken token1, CancellationToken token2) => Link(new[] { token1, token2 });

        public static CancellationTokenSource CreateLinkedTokenSource(params CancellationToken[] tokens)
        {
            if (tokens == null) throw new ArgumentNullException(nameof(tokens));
            return Link((CancellationToken[])tokens.Clone());
        }

        // A linked source keeps its registrations on the tokens it follows, and Dispose removes them:
        // otherwise a long-lived token (a server's "stopping") would keep every linked source made from it.
        private CancellationTokenRegistration[] _links;

        private static CancellationTokenSource Link(CancellationToken[] tokens)
        {
            var linked = new CancellationTokenSource();
            Action cancel = linked.Cancel;
            var links = new CancellationTokenRegistration[tokens.Length];
            for (int i = 0; i < tokens.Length; i++) links[i] = tokens[i].Register(cancel);
            linked._links = links;
            return linked;
        }

        public void Dispose()
        {
            if (_timer != null) EventLoop.CancelTimer(_timer);
            CancellationTokenRegistration[] links = _links;
            _links = null;
            if (links != null)
                for (int i = 0; i < links.Length; i++) links[i].Dispose();
        }
    }
}

