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

        // Pending timers: a binary min-heap ordered by deadline, then registration order. A
        // cancelled timer leaves it at once: servers arm and cancel a timeout per request, and a
        // sorted list kept them (with what their callbacks reference) until their deadlines,
        // walked by every insertion (a third of the website's CPU under wrk).
        private static TimerEntry[] s_timers = new TimerEntry[64];
        private static int s_timerCount;
        private static long s_timerSequence;

        private static Action[] s_pollers = new Action[8];
        private static int s_pollerCount;

        internal sealed class TimerEntry
        {
            internal long DeadlineNs;
            internal long Sequence;
            internal Action Callback;
            internal int HeapIndex = -1; // -1: fired or cancelled
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
            if (s_timerCount == s_timers.Length) Array.Resize(ref s_timers, s_timers.Length * 2);
            s_timers[s_timerCount] = entry;
            entry.HeapIndex = s_timerCount++;
            SiftUp(entry.HeapIndex);
            return entry;
        }

        /// <summary>Takes a timer out before it fires; nothing happens if it has fired or was cancelled already.</summary>
        internal static void CancelTimer(TimerEntry entry)
        {
            if (entry.HeapIndex < 0) return;
            RemoveTimerAt(entry.HeapIndex);
            entry.Callback = null;
        }

        private static void RemoveTimerAt(int index)
        {
            TimerEntry removed = s_timers[index];
            int last = --s_timerCount;
            if (index != last)
            {
                s_timers[index] = s_timers[last];
                s_timers[index].HeapIndex = index;
                s_timers[last] = null;
                if (!SiftUp(index)) SiftDown(index);
            }
            else
            {
                s_timers[last] = null;
            }
            removed.HeapIndex = -1;
        }

        private static bool Earlier(TimerEntry a, TimerEntry b)
            => a.DeadlineNs < b.DeadlineNs || (a.DeadlineNs == b.DeadlineNs && a.Sequence < b.Sequence);

        /// <summary>Moves the entry at <paramref name="index"/> up while it is earlier than its parent; whether it moved.</summary>
        private static bool SiftUp(int index)
        {
            int start = index;
            TimerEntry entry = s_timers[index];
            while (index > 0)
            {
                int parent = (index - 1) / 2;
                if (!Earlier(entry, s_timers[parent])) break;
                s_timers[index] = s_timers[parent];
                s_timers[index].HeapIndex = index;
                index = parent;
            }
            s_timers[index] = entry;
            entry.HeapIndex = index;
            return index != start;
        }

        private static void SiftDown(int index)
        {
            TimerEntry entry = s_timers[index];
            while (true)
            {
                int child = 2 * index + 1;
                if (child >= s_timerCount) break;
                if (child + 1 < s_timerCount && Earlier(s_timers[child + 1], s_timers[child])) child++;
                if (!Earlier(s_timers[child], entry)) break;
                s_timers[index] = s_timers[child];
                s_timers[index].HeapIndex = index;
                index = child;
            }
            s_timers[index] = entry;
            entry.HeapIndex = index;
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
            while (s_timerCount > 0 && s_timers[0].DeadlineNs <= now)
            {
                TimerEntry entry = s_timers[0];
                RemoveTimerAt(0);
                Post(entry.Callback);
                entry.Callback = null;
                fired = true;
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
                if (s_timerCount == 0 && s_pollerCount == 0)
                    RuntimeDiagnostics.FailFast("deadlock: waiting for a task that nothing can complete (no runnable work, no timer, no device)");
                Internal.Platform.Platform.Block(s_timerCount != 0 ? s_timers[0].DeadlineNs : long.MaxValue);
            }
        }
    }
}
