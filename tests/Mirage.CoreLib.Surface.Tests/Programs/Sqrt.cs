using System;
public static class Program
{
    public static int Main()
    {
        ulong s = 88172645463325252UL; long h = 0;
        for (int i = 0; i < 200000; i++)
        {
            s ^= s << 13; s ^= s >> 7; s ^= s << 17;
            double x = BitConverter.Int64BitsToDouble((long)(s & 0x7FEFFFFFFFFFFFFFUL));
            double r = Math.Sqrt(x);
            h = h * 31 + BitConverter.DoubleToInt64Bits(r);
            double y = (s % 1000000) / 7.0;
            h = h * 31 + BitConverter.DoubleToInt64Bits(Math.Sqrt(y));
        }
        Console.WriteLine(h.ToString());
        return 0;
    }
}
