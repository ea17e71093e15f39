namespace System
{
    public readonly struct TimeSpan : IComparable, IComparable<TimeSpan>, IEquatable<TimeSpan>, IFormattable
    {
        public const long TicksPerMicrosecond = 10;
        public const long TicksPerMillisecond = 10000;
        public const long TicksPerSecond = TicksPerMillisecond * 1000;
        public const long TicksPerMinute = TicksPerSecond * 60;
        public const long TicksPerHour = TicksPerMinute * 60;
        public const long TicksPerDay = TicksPerHour * 24;
        public const long NanosecondsPerTick = 100;

        public static readonly TimeSpan Zero = new TimeSpan(0);
        public static readonly TimeSpan MaxValue = new TimeSpan(long.MaxValue);
        public static readonly TimeSpan MinValue = new TimeSpan(long.MinValue);

        private readonly long _ticks;

        public TimeSpan(long ticks) { _ticks = ticks; }
        public TimeSpan(int hours, int minutes, int seconds) { _ticks = Checked(0, hours, minutes, seconds, 0, 0); }
        public TimeSpan(int days, int hours, int minutes, int seconds) { _ticks = Checked(days, hours, minutes, seconds, 0, 0); }
        public TimeSpan(int days, int hours, int minutes, int seconds, int milliseconds) { _ticks = Checked(days, hours, minutes, seconds, milliseconds, 0); }
        public TimeSpan(int days, int hours, int minutes, int seconds, int milliseconds, int microseconds) { _ticks = Checked(days, hours, minutes, seconds, milliseconds, microseconds); }

        private static long Checked(long days, long hours, long minutes, long seconds, long milliseconds, long microseconds)
        {
            // Whole microseconds fit comfortably below 2^63 for every int input combination except the
            // extremes; those overflow like .NET does.
            long total = ((days * 24 + hours) * 60 + minutes) * 60 + seconds;
            long micro = total * 1000000 + milliseconds * 1000 + microseconds;
            if (micro > long.MaxValue / TicksPerMicrosecond || micro < long.MinValue / TicksPerMicrosecond)
                throw new ArgumentOutOfRangeException(null, "TimeSpan overflowed because the duration is too long.");
            return micro * TicksPerMicrosecond;
        }

        public long Ticks => _ticks;
        public int Days => (int)(_ticks / TicksPerDay);
        public int Hours => (int)(_ticks / TicksPerHour % 24);
        public int Minutes => (int)(_ticks / TicksPerMinute % 60);
        public int Seconds => (int)(_ticks / TicksPerSecond % 60);
        public int Milliseconds => (int)(_ticks / TicksPerMillisecond % 1000);
        public int Microseconds => (int)(_ticks / TicksPerMicrosecond % 1000);
        public int Nanoseconds => (int)(_ticks % TicksPerMicrosecond * 100);
        public double TotalDays => (double)_ticks / TicksPerDay;
        public double TotalHours => (double)_ticks / TicksPerHour;
        public double TotalMinutes => (double)_ticks / TicksPerMinute;
        public double TotalSeconds => (double)_ticks / TicksPerSecond;
        public double TotalMilliseconds
        {
            get
            {
                double ms = (double)_ticks / TicksPerMillisecond;
                if (ms > 922337203685477.0) return 922337203685477.0;
                if (ms < -922337203685477.0) return -922337203685477.0;
                return ms;
            }
        }
        public double TotalMicroseconds => (double)_ticks / TicksPerMicrosecond;
        public double TotalNanoseconds => (double)_ticks * NanosecondsPerTick;

        public static TimeSpan FromDays(double value) => Interval(value, TicksPerDay);
        public static TimeSpan FromHours(double value) => Interval(value, TicksPerHour);
        public static TimeSpan FromMinutes(double value) => Interval(value, TicksPerMinute);
        public static TimeSpan FromSeconds(double value) => Interval(value, TicksPerSecond);
        public static TimeSpan FromMilliseconds(double value) => Interval(value, TicksPerMillisecond);
        public static TimeSpan FromMicroseconds(double value) => Interval(value, TicksPerMicrosecond);
        public static TimeSpan FromTicks(long value) => new TimeSpan(value);
        public static TimeSpan FromDays(int days) => new TimeSpan(checked(days * TicksPerDay));
        public static TimeSpan FromHours(int hours) => new TimeSpan(checked(hours * TicksPerHour));
        public static TimeSpan FromMinutes(long minutes) => new TimeSpan(checked(minutes * TicksPerMinute));
        public static TimeSpan FromSeconds(long seconds) => new TimeSpan(checked(seconds * TicksPerSecond));
        public static TimeSpan FromMilliseconds(long milliseconds, long microseconds = 0) => new TimeSpan(checked(milliseconds * TicksPerMillisecond + microseconds * TicksPerMicrosecond));

        private static TimeSpan Interval(double value, double scale)
        {
            if (double.IsNaN(value)) throw new ArgumentException("TimeSpan does not accept floating point Not-a-Number values.");
            double ticks = value * scale;
            if (ticks > long.MaxValue || ticks < long.MinValue) throw new OverflowException("TimeSpan overflowed because the duration is too long.");
            return new TimeSpan((long)ticks);
        }

        public TimeSpan Add(TimeSpan ts) => this + ts;
        public TimeSpan Subtract(TimeSpan ts) => this - ts;
        public TimeSpan Negate() => -this;
        public TimeSpan Duration() => _ticks < 0 ? -this : this;
        public TimeSpan Multiply(double factor) => this * factor;
        public TimeSpan Divide(double divisor) => this / divisor;
        public double Divide(TimeSpan ts) => this / ts;

        public static TimeSpan operator +(TimeSpan t1, TimeSpan t2) => new TimeSpan(checked(t1._ticks + t2._ticks));
        public static TimeSpan operator -(TimeSpan t1, TimeSpan t2) => new TimeSpan(checked(t1._ticks - t2._ticks));
        public static TimeSpan operator -(TimeSpan t) => new TimeSpan(checked(-t._ticks));
        public static TimeSpan operator +(TimeSpan t) => t;
        public static TimeSpan operator *(TimeSpan timeSpan, double factor) => Interval(timeSpan._ticks * factor, 1);
        public static TimeSpan operator *(double factor, TimeSpan timeSpan) => timeSpan * factor;
        public static TimeSpan operator /(TimeSpan timeSpan, double divisor) => Interval(timeSpan._ticks / divisor, 1);
        public static double operator /(TimeSpan t1, TimeSpan t2) => t1._ticks / (double)t2._ticks;
        public static bool operator ==(TimeSpan t1, TimeSpan t2) => t1._ticks == t2._ticks;
        public static bool operator !=(TimeSpan t1, TimeSpan t2) => t1._ticks != t2._ticks;
        public static bool operator <(TimeSpan t1, TimeSpan t2) => t1._ticks < t2._ticks;
        public static bool operator <=(TimeSpan t1, TimeSpan t2) => t1._ticks <= t2._ticks;
        public static bool operator >(TimeSpan t1, TimeSpan t2) => t1._ticks > t2._ticks;
        public static bool operator >=(TimeSpan t1, TimeSpan t2) => t1._ticks >= t2._ticks;

        public static int Compare(TimeSpan t1, TimeSpan t2) => t1._ticks.CompareTo(t2._ticks);
        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is TimeSpan other) return CompareTo(other);
            throw new ArgumentException("Object must be of type TimeSpan.");
        }
        public int CompareTo(TimeSpan value) => _ticks.CompareTo(value._ticks);
        public bool Equals(TimeSpan obj) => _ticks == obj._ticks;
        public override bool Equals(object value) => value is TimeSpan other && _ticks == other._ticks;
        public static bool Equals(TimeSpan t1, TimeSpan t2) => t1._ticks == t2._ticks;
        public override int GetHashCode() => _ticks.GetHashCode();

        /// <summary>The constant ("c") format: [-][d.]hh:mm:ss[.fffffff].</summary>
        public override string ToString()
        {
            Span<char> buffer = stackalloc char[32];
            int at = 0;
            long ticks = _ticks;
            ulong magnitude = ticks < 0 ? (ulong)(-(ticks + 1)) + 1 : (ulong)ticks;
            if (ticks < 0) buffer[at++] = '-';
            ulong days = magnitude / (ulong)TicksPerDay;
            ulong rest = magnitude - days * (ulong)TicksPerDay;
            if (days != 0) { at += Append(buffer.Slice(at), days, 1); buffer[at++] = '.'; }
            at += Append(buffer.Slice(at), rest / (ulong)TicksPerHour, 2); buffer[at++] = ':';
            at += Append(buffer.Slice(at), rest / (ulong)TicksPerMinute % 60, 2); buffer[at++] = ':';
            at += Append(buffer.Slice(at), rest / (ulong)TicksPerSecond % 60, 2);
            ulong fraction = rest % (ulong)TicksPerSecond;
            if (fraction != 0) { buffer[at++] = '.'; at += Append(buffer.Slice(at), fraction, 7); }
            return new string(buffer.Slice(0, at));
        }

        public string ToString(string format) => format == null || format.Length == 0 || format == "c" || format == "t" || format == "T" ? ToString() : throw new FormatException("Input string was not in a correct format.");
        public string ToString(string format, IFormatProvider formatProvider) => ToString(format);

        private static int Append(Span<char> destination, ulong value, int minimumDigits)
        {
            Span<char> digits = stackalloc char[20];
            int count = 0;
            do { ulong q = value / 10; digits[count++] = (char)('0' + (int)(value - q * 10)); value = q; } while (value != 0);
            while (count < minimumDigits) digits[count++] = '0';
            for (int i = 0; i < count; i++) destination[i] = digits[count - 1 - i];
            return count;
        }
    }
}
