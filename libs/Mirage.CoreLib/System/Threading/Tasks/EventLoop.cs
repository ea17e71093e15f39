using Internal.Runtime;

namespace System.Threading.Tasks
{
    /// <summary>
    /// The unikernel's only thread runs this loop, as Lwt's main loop runs a MirageOS unikernel:
    /// queued continuations run in FIFO order; when none is runnable, due timers fire; when nothing
    /// is due, the CPU blocks in the platform until the next timer deadline or a device event.
    /// Blocking waits (Task.Wait, GetAwaiter().GetResult() on an unfinished task) run the loop
    /// until the task completes.
    /// </summary>
    internal static class EventLoop
    {
        private static Action[] s_queue = new Action[64];
        private static int s_head, s_count;

        private static TimerEntry s_timers; // sorted by deadline, then by registration order
        private static long s_timerSequence;

        private static Action[] s_pollers = new Action[8];
        private static int s_pollerCount;

        internal sealed class TimerEntry
        {
            internal long DeadlineNs;
            internal long Sequence;
            internal Action Callback;
            internal TimerEntry Next;
            internal bool Cancelled;
        }

        internal static long NowNs => Internal.Platform.Platform.MonotonicNanoseconds();

        internal static void Post(Action action)
        {
            if (s_count == s_queue.Length)
            {
                Action[] larger = new Action[s_queue.Length * 2];
                for (int i = 0; i < s_count; i++) larger[i] = s_queue[(s_head + i) % s_queue.Length];
                s_queue = larger;
                s_head = 0;
            }
            s_queue[(s_head + s_count) % s_queue.Length] = action;
            s_count++;
        }

        internal static TimerEntry AddTimer(long deadlineNs, Action callback)
        {
            var entry = new TimerEntry { DeadlineNs = deadlineNs, Sequence = s_timerSequence++, Callback = callback };
            if (s_timers == null || deadlineNs < s_timers.DeadlineNs)
            {
                entry.Next = s_timers;
                s_timers = entry;
                return entry;
            }
            TimerEntry at = s_timers;
            while (at.Next != null && at.Next.DeadlineNs <= deadlineNs) at = at.Next;
            entry.Next = at.Next;
            at.Next = entry;
            return entry;
        }

        /// <summary>Device drivers register a poll function that runs after every wake-up (event channels, rings).</summary>
        internal static void AddPoller(Action poller)
        {
            if (s_pollerCount == s_pollers.Length) Array.Resize(ref s_pollers, s_pollers.Length * 2);
            s_pollers[s_pollerCount++] = poller;
        }

        private static bool RunOne()
        {
            if (s_count == 0) return false;
            Action action = s_queue[s_head];
            s_queue[s_head] = null;
            s_head = (s_head + 1) % s_queue.Length;
            s_count--;
            action();
            return true;
        }

        private static bool FireDueTimers()
        {
            bool fired = false;
            long now = NowNs;
            while (s_timers != null && s_timers.DeadlineNs <= now)
            {
                TimerEntry entry = s_timers;
                s_timers = entry.Next;
                if (!entry.Cancelled) { Post(entry.Callback); fired = true; }
            }
            return fired;
        }

        /// <summary>Runs the loop until <paramref name="task"/> has completed.</summary>
        internal static void RunUntilCompleted(Task task)
        {
            while (!task.IsCompleted)
            {
                if (RunOne()) continue;
                for (int i = 0; i < s_pollerCount; i++) s_pollers[i]();
                if (s_count != 0) continue;
                if (FireDueTimers()) continue;
                while (s_timers != null && s_timers.Cancelled) s_timers = s_timers.Next;
                if (s_timers == null && s_pollerCount == 0)
                    RuntimeDiagnostics.FailFast("deadlock: waiting for a task that nothing can complete (no runnable work, no timer, no device)");
                Internal.Platform.Platform.Block(s_timers != null ? s_timers.DeadlineNs : long.MaxValue);
            }
        }
    }
}
