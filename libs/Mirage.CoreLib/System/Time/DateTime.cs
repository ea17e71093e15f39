namespace System
{
    public enum DateTimeKind { Unspecified = 0, Utc = 1, Local = 2 }
    public enum DayOfWeek { Sunday = 0, Monday = 1, Tuesday = 2, Wednesday = 3, Thursday = 4, Friday = 5, Saturday = 6 }

    /// <summary>
    /// A proleptic Gregorian date and time. The unikernel has no time zone: Now is UtcNow and
    /// local time is UTC.
    /// </summary>
    public readonly struct DateTime : IComparable, IComparable<DateTime>, IEquatable<DateTime>, IFormattable
    {
        private const long TicksPerDay = TimeSpan.TicksPerDay;
        private const long UnixEpochTicks = 621355968000000000;
        private const long MaxTicks = 3155378975999999999;
        private static readonly int[] s_daysToMonth365 = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365 };
        private static readonly int[] s_daysToMonth366 = { 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366 };

        public static readonly DateTime MinValue = new DateTime(0, DateTimeKind.Unspecified);
        public static readonly DateTime MaxValue = new DateTime(MaxTicks, DateTimeKind.Unspecified);
        public static readonly DateTime UnixEpoch = new DateTime(UnixEpochTicks, DateTimeKind.Utc);

        private readonly long _ticks;
        private readonly DateTimeKind _kind;

        public DateTime(long ticks) : this(ticks, DateTimeKind.Unspecified) { }

        public DateTime(long ticks, DateTimeKind kind)
        {
            if ((ulong)ticks > MaxTicks) throw new ArgumentOutOfRangeException(nameof(ticks), "Ticks must be between DateTime.MinValue.Ticks and DateTime.MaxValue.Ticks.");
            _ticks = ticks;
            _kind = kind;
        }

        public DateTime(int year, int month, int day) : this(DateToTicks(year, month, day), DateTimeKind.Unspecified) { }
        public DateTime(int year, int month, int day, int hour, int minute, int second) : this(year, month, day, hour, minute, second, DateTimeKind.Unspecified) { }
        public DateTime(int year, int month, int day, int hour, int minute, int second, DateTimeKind kind)
            : this(DateToTicks(year, month, day) + TimeToTicks(hour, minute, second), kind) { }
        public DateTime(int year, int month, int day, int hour, int minute, int second, int millisecond)
            : this(DateToTicks(year, month, day) + TimeToTicks(hour, minute, second) + CheckedMilliseconds(millisecond), DateTimeKind.Unspecified) { }
        public DateTime(int year, int month, int day, int hour, int minute, int second, int millisecond, DateTimeKind kind)
            : this(DateToTicks(year, month, day) + TimeToTicks(hour, minute, second) + CheckedMilliseconds(millisecond), kind) { }

        private static long CheckedMilliseconds(int millisecond)
        {
            if ((uint)millisecond >= 1000) throw new ArgumentOutOfRangeException(nameof(millisecond), "Valid values are between 0 and 999, inclusive.");
            return millisecond * TimeSpan.TicksPerMillisecond;
        }

        public static bool IsLeapYear(int year)
        {
            if (year < 1 || year > 9999) throw new ArgumentOutOfRangeException(nameof(year), "Year must be between 1 and 9999.");
            return (year & 3) == 0 && ((year & 15) == 0 || year % 25 != 0);
        }

        public static int DaysInMonth(int year, int month)
        {
            if (month < 1 || month > 12) throw new ArgumentOutOfRangeException(nameof(month), "Month must be between one and twelve.");
            int[] days = IsLeapYear(year) ? s_daysToMonth366 : s_daysToMonth365;
            return days[month] - days[month - 1];
        }

        private static long DateToTicks(int year, int month, int day)
        {
            if (year < 1 || year > 9999 || month < 1 || month > 12) throw new ArgumentOutOfRangeException(null, "Year, Month, and Day parameters describe an un-representable DateTime.");
            int[] days = IsLeapYear(year) ? s_daysToMonth366 : s_daysToMonth365;
            if (day < 1 || day > days[month] - days[month - 1]) throw new ArgumentOutOfRangeException(null, "Year, Month, and Day parameters describe an un-representable DateTime.");
            int y = year - 1;
            int n = y * 365 + y / 4 - y / 100 + y / 400 + days[month - 1] + day - 1;
            return n * TicksPerDay;
        }

        private static long TimeToTicks(int hour, int minute, int second)
        {
            if ((uint)hour >= 24 || (uint)minute >= 60 || (uint)second >= 60) throw new ArgumentOutOfRangeException(null, "Hour, Minute, and Second parameters describe an un-representable DateTime.");
            return hour * TimeSpan.TicksPerHour + minute * TimeSpan.TicksPerMinute + second * TimeSpan.TicksPerSecond;
        }

        /// <summary>From the platform's wall clock (Xen's shared-info wallclock plus the system time).</summary>
        public static DateTime UtcNow => new DateTime(UnixEpochTicks + Internal.Platform.Platform.WallNanoseconds() / 100, DateTimeKind.Utc);
        public static DateTime Now => new DateTime(UtcNow._ticks, DateTimeKind.Local);
        public static DateTime Today => Now.Date;

        public long Ticks => _ticks;
        public DateTimeKind Kind => _kind;
        public DateTime Date => new DateTime(_ticks - _ticks % TicksPerDay, _kind);
        public TimeSpan TimeOfDay => new TimeSpan(_ticks % TicksPerDay);
        public int Hour => (int)(_ticks / TimeSpan.TicksPerHour % 24);
        public int Minute => (int)(_ticks / TimeSpan.TicksPerMinute % 60);
        public int Second => (int)(_ticks / TimeSpan.TicksPerSecond % 60);
        public int Millisecond => (int)(_ticks / TimeSpan.TicksPerMillisecond % 1000);
        public int Microsecond => (int)(_ticks / TimeSpan.TicksPerMicrosecond % 1000);
        public int Nanosecond => (int)(_ticks % TimeSpan.TicksPerMicrosecond * 100);
        public DayOfWeek DayOfWeek => (DayOfWeek)((_ticks / TicksPerDay + 1) % 7);
        public int DayOfYear { get { GetDate(out _, out _, out _, out int dayOfYear); return dayOfYear; } }
        public int Year { get { GetDate(out int year, out _, out _, out _); return year; } }
        public int Month { get { GetDate(out _, out int month, out _, out _); return month; } }
        public int Day { get { GetDate(out _, out _, out int day, out _); return day; } }

        private void GetDate(out int year, out int month, out int day, out int dayOfYear)
        {
            int n = (int)(_ticks / TicksPerDay);
            int y400 = n / 146097; n -= y400 * 146097;
            int y100 = n / 36524; if (y100 == 4) y100 = 3; n -= y100 * 36524;
            int y4 = n / 1461; n -= y4 * 1461;
            int y1 = n / 365; if (y1 == 4) y1 = 3; n -= y1 * 365;
            year = y400 * 400 + y100 * 100 + y4 * 4 + y1 + 1;
            dayOfYear = n + 1;
            int[] days = (y1 == 3 && (y4 != 24 || y100 == 3)) ? s_daysToMonth366 : s_daysToMonth365;
            int m = (n >> 5) + 1;
            while (n >= days[m]) m++;
            month = m;
            day = n - days[m - 1] + 1;
        }

        public DateTime Add(TimeSpan value) => AddTicks(value.Ticks);
        public DateTime AddTicks(long value) => new DateTime(checked(_ticks + value), _kind);
        public DateTime AddMilliseconds(double value) => AddTicks((long)(value * TimeSpan.TicksPerMillisecond));
        public DateTime AddSeconds(double value) => AddTicks((long)(value * TimeSpan.TicksPerSecond));
        public DateTime AddMinutes(double value) => AddTicks((long)(value * TimeSpan.TicksPerMinute));
        public DateTime AddHours(double value) => AddTicks((long)(value * TimeSpan.TicksPerHour));
        public DateTime AddDays(double value) => AddTicks((long)(value * TicksPerDay));
        public DateTime AddMonths(int months)
        {
            GetDate(out int year, out int month, out int day, out _);
            int i = month - 1 + months;
            if (i >= 0) { month = i % 12 + 1; year += i / 12; }
            else { month = 12 + (i + 1) % 12; year += (i - 11) / 12; }
            int daysInMonth = DaysInMonth(year, month);
            if (day > daysInMonth) day = daysInMonth;
            return new DateTime(DateToTicks(year, month, day) + _ticks % TicksPerDay, _kind);
        }
        public DateTime AddYears(int value) => AddMonths(checked(value * 12));
        public TimeSpan Subtract(DateTime value) => new TimeSpan(_ticks - value._ticks);
        public DateTime Subtract(TimeSpan value) => AddTicks(-value.Ticks);
        public DateTime ToUniversalTime() => new DateTime(_ticks, DateTimeKind.Utc);
        public DateTime ToLocalTime() => new DateTime(_ticks, DateTimeKind.Local);
        public static DateTime SpecifyKind(DateTime value, DateTimeKind kind) => new DateTime(value._ticks, kind);

        public static DateTime operator +(DateTime d, TimeSpan t) => d.AddTicks(t.Ticks);
        public static DateTime operator -(DateTime d, TimeSpan t) => d.AddTicks(-t.Ticks);
        public static TimeSpan operator -(DateTime d1, DateTime d2) => new TimeSpan(d1._ticks - d2._ticks);
        public static bool operator ==(DateTime d1, DateTime d2) => d1._ticks == d2._ticks;
        public static bool operator !=(DateTime d1, DateTime d2) => d1._ticks != d2._ticks;
        public static bool operator <(DateTime t1, DateTime t2) => t1._ticks < t2._ticks;
        public static bool operator <=(DateTime t1, DateTime t2) => t1._ticks <= t2._ticks;
        public static bool operator >(DateTime t1, DateTime t2) => t1._ticks > t2._ticks;
        public static bool operator >=(DateTime t1, DateTime t2) => t1._ticks >= t2._ticks;

        public static int Compare(DateTime t1, DateTime t2) => t1._ticks.CompareTo(t2._ticks);
        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is DateTime other) return CompareTo(other);
            throw new ArgumentException("Object must be of type DateTime.");
        }
        public int CompareTo(DateTime value) => _ticks.CompareTo(value._ticks);
        public bool Equals(DateTime value) => _ticks == value._ticks;
        public override bool Equals(object value) => value is DateTime other && _ticks == other._ticks;
        public static bool Equals(DateTime t1, DateTime t2) => t1._ticks == t2._ticks;
        public override int GetHashCode() => _ticks.GetHashCode();

        public long ToUnixTimeMilliseconds() => (_ticks - UnixEpochTicks) / TimeSpan.TicksPerMillisecond;

        /// <summary>Invariant general format "MM/dd/yyyy HH:mm:ss"; "o"/"O" round-trip and "s"/"u"/"R" are supported too.</summary>
        public override string ToString() => ToString((string)null);

        public string ToString(string format)
        {
            GetDate(out int year, out int month, out int day, out _);
            Span<char> buffer = stackalloc char[40];
            int at = 0;
            switch (format)
            {
                case null: case "": case "G":
                    Two(buffer, ref at, month); buffer[at++] = '/'; Two(buffer, ref at, day); buffer[at++] = '/'; Four(buffer, ref at, year);
                    buffer[at++] = ' '; Time(buffer, ref at);
                    break;
                case "d":
                    Two(buffer, ref at, month); buffer[at++] = '/'; Two(buffer, ref at, day); buffer[at++] = '/'; Four(buffer, ref at, year);
                    break;
                case "o": case "O":
                    IsoDate(buffer, ref at, year, month, day); buffer[at++] = 'T'; Time(buffer, ref at);
                    buffer[at++] = '.';
                    int fraction = (int)(_ticks % TimeSpan.TicksPerSecond);
                    for (int divisor = 1000000; divisor >= 1; divisor /= 10) buffer[at++] = (char)('0' + fraction / divisor % 10);
                    if (_kind == DateTimeKind.Utc) buffer[at++] = 'Z';
                    else if (_kind == DateTimeKind.Local) { "+00:00".AsSpan().CopyTo(buffer.Slice(at)); at += 6; }
                    break;
                case "s":
                    IsoDate(buffer, ref at, year, month, day); buffer[at++] = 'T'; Time(buffer, ref at);
                    break;
                case "u":
                    IsoDate(buffer, ref at, year, month, day); buffer[at++] = ' '; Time(buffer, ref at); buffer[at++] = 'Z';
                    break;
                case "r": case "R":
                    {
                        string dayName = "SunMonTueWedThuFriSat".Substring((int)DayOfWeek * 3, 3);
                        string monthName = "JanFebMarAprMayJunJulAugSepOctNovDec".Substring((month - 1) * 3, 3);
                        dayName.AsSpan().CopyTo(buffer.Slice(at)); at += 3; buffer[at++] = ','; buffer[at++] = ' ';
                        Two(buffer, ref at, day); buffer[at++] = ' ';
                        monthName.AsSpan().CopyTo(buffer.Slice(at)); at += 3; buffer[at++] = ' ';
                        Four(buffer, ref at, year); buffer[at++] = ' '; Time(buffer, ref at);
                        " GMT".AsSpan().CopyTo(buffer.Slice(at)); at += 4;
                        break;
                    }
                default:
                    throw new FormatException("Format string '" + format + "' is not supported by Mirage.CoreLib.");
            }
            return new string(buffer.Slice(0, at));
        }

        public string ToString(string format, IFormatProvider provider) => ToString(format);
        public string ToString(IFormatProvider provider) => ToString((string)null);

        private void Time(Span<char> buffer, ref int at)
        {
            Two(buffer, ref at, Hour); buffer[at++] = ':'; Two(buffer, ref at, Minute); buffer[at++] = ':'; Two(buffer, ref at, Second);
        }

        private static void IsoDate(Span<char> buffer, ref int at, int year, int month, int day)
        {
            Four(buffer, ref at, year); buffer[at++] = '-'; Two(buffer, ref at, month); buffer[at++] = '-'; Two(buffer, ref at, day);
        }

        private static void Two(Span<char> buffer, ref int at, int value) { buffer[at++] = (char)('0' + value / 10); buffer[at++] = (char)('0' + value % 10); }
        private static void Four(Span<char> buffer, ref int at, int value) { Two(buffer, ref at, value / 100); Two(buffer, ref at, value % 100); }
    }

    public readonly struct DateTimeOffset : IComparable<DateTimeOffset>, IEquatable<DateTimeOffset>
    {
        private readonly DateTime _utc;
        public DateTimeOffset(DateTime dateTime) { _utc = DateTime.SpecifyKind(dateTime, DateTimeKind.Utc); }
        public DateTimeOffset(long ticks, TimeSpan offset) { _utc = new DateTime(ticks - offset.Ticks, DateTimeKind.Utc); }
        public static DateTimeOffset UtcNow => new DateTimeOffset(DateTime.UtcNow);
        public static DateTimeOffset Now => UtcNow;
        public static readonly DateTimeOffset UnixEpoch = new DateTimeOffset(DateTime.UnixEpoch);
        public DateTime UtcDateTime => _utc;
        public DateTime DateTime => DateTime.SpecifyKind(_utc, DateTimeKind.Unspecified);
        public TimeSpan Offset => TimeSpan.Zero;
        public long Ticks => _utc.Ticks;
        public long UtcTicks => _utc.Ticks;
        public long ToUnixTimeSeconds() => (_utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond;
        public long ToUnixTimeMilliseconds() => (_utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;
        public static DateTimeOffset FromUnixTimeSeconds(long seconds) => new DateTimeOffset(new DateTime(DateTime.UnixEpoch.Ticks + seconds * TimeSpan.TicksPerSecond, DateTimeKind.Utc));
        public static DateTimeOffset FromUnixTimeMilliseconds(long milliseconds) => new DateTimeOffset(new DateTime(DateTime.UnixEpoch.Ticks + milliseconds * TimeSpan.TicksPerMillisecond, DateTimeKind.Utc));
        public int CompareTo(DateTimeOffset other) => _utc.CompareTo(other._utc);
        public bool Equals(DateTimeOffset other) => _utc == other._utc;
        public override bool Equals(object obj) => obj is DateTimeOffset other && Equals(other);
        public override int GetHashCode() => _utc.GetHashCode();
        public static TimeSpan operator -(DateTimeOffset left, DateTimeOffset right) => left._utc - right._utc;
        public static bool operator ==(DateTimeOffset left, DateTimeOffset right) => left._utc == right._utc;
        public static bool operator !=(DateTimeOffset left, DateTimeOffset right) => left._utc != right._utc;
        public static bool operator <(DateTimeOffset left, DateTimeOffset right) => left._utc < right._utc;
        public static bool operator >(DateTimeOffset left, DateTimeOffset right) => left._utc > right._utc;
        public override string ToString() => _utc.ToString() + " +00:00";
    }
}
