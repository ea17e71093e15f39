using System;

namespace Mirage.Http;

/// <summary>IMF-fixdate (RFC 9110 §5.6.7), "Sun, 06 Nov 1994 08:49:37 GMT", formatted by hand so that no culture data is needed.</summary>
internal static class HttpDate
{
    private static readonly string[] Days = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
    private static readonly string[] Months = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

    public static string Format(DateTime time)
    {
        DateTime utc = time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time;
        Span<char> text = stackalloc char[29];
        Days[(int)utc.DayOfWeek].AsSpan().CopyTo(text);
        text[3] = ',';
        text[4] = ' ';
        WriteDigits(text.Slice(5, 2), utc.Day);
        text[7] = ' ';
        Months[utc.Month - 1].AsSpan().CopyTo(text.Slice(8));
        text[11] = ' ';
        WriteDigits(text.Slice(12, 4), utc.Year);
        text[16] = ' ';
        WriteDigits(text.Slice(17, 2), utc.Hour);
        text[19] = ':';
        WriteDigits(text.Slice(20, 2), utc.Minute);
        text[22] = ':';
        WriteDigits(text.Slice(23, 2), utc.Second);
        " GMT".AsSpan().CopyTo(text.Slice(25));
        return new string(text);
    }

    private static void WriteDigits(Span<char> destination, int value)
    {
        for (int i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + value % 10);
            value /= 10;
        }
    }
}
