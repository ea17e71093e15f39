using System.Collections.Generic;

namespace System
{
    public struct ValueTuple : IEquatable<ValueTuple>
    {
        public bool Equals(ValueTuple other) => true;
        public override bool Equals(object obj) => obj is ValueTuple;
        public override int GetHashCode() => 0;
        public override string ToString() => "()";
        public static ValueTuple Create() => default;
        public static ValueTuple<T1, T2> Create<T1, T2>(T1 item1, T2 item2) => new ValueTuple<T1, T2>(item1, item2);
        public static ValueTuple<T1, T2, T3> Create<T1, T2, T3>(T1 item1, T2 item2, T3 item3) => new ValueTuple<T1, T2, T3>(item1, item2, item3);
    }

    public struct ValueTuple<T1> : IEquatable<ValueTuple<T1>>
    {
        public T1 Item1;
        public ValueTuple(T1 item1) { Item1 = item1; }
        public bool Equals(ValueTuple<T1> other) => EqualityComparer<T1>.Default.Equals(Item1, other.Item1);
        public override bool Equals(object obj) => obj is ValueTuple<T1> other && Equals(other);
        public override int GetHashCode() => Item1?.GetHashCode() ?? 0;
        public override string ToString() => "(" + Item1?.ToString() + ")";
    }

    public struct ValueTuple<T1, T2> : IEquatable<ValueTuple<T1, T2>>
    {
        public T1 Item1;
        public T2 Item2;
        public ValueTuple(T1 item1, T2 item2) { Item1 = item1; Item2 = item2; }
        public bool Equals(ValueTuple<T1, T2> other)
            => EqualityComparer<T1>.Default.Equals(Item1, other.Item1) && EqualityComparer<T2>.Default.Equals(Item2, other.Item2);
        public override bool Equals(object obj) => obj is ValueTuple<T1, T2> other && Equals(other);
        public override int GetHashCode() => HashCode.Combine(Item1, Item2);
        public override string ToString() => "(" + Item1?.ToString() + ", " + Item2?.ToString() + ")";
    }

    public struct ValueTuple<T1, T2, T3> : IEquatable<ValueTuple<T1, T2, T3>>
    {
        public T1 Item1;
        public T2 Item2;
        public T3 Item3;
        public ValueTuple(T1 item1, T2 item2, T3 item3) { Item1 = item1; Item2 = item2; Item3 = item3; }
        public bool Equals(ValueTuple<T1, T2, T3> other)
            => EqualityComparer<T1>.Default.Equals(Item1, other.Item1) && EqualityComparer<T2>.Default.Equals(Item2, other.Item2) && EqualityComparer<T3>.Default.Equals(Item3, other.Item3);
        public override bool Equals(object obj) => obj is ValueTuple<T1, T2, T3> other && Equals(other);
        public override int GetHashCode() => HashCode.Combine(Item1, Item2, Item3);
        public override string ToString() => "(" + Item1?.ToString() + ", " + Item2?.ToString() + ", " + Item3?.ToString() + ")";
    }

    public struct ValueTuple<T1, T2, T3, T4> : IEquatable<ValueTuple<T1, T2, T3, T4>>
    {
        public T1 Item1;
        public T2 Item2;
        public T3 Item3;
        public T4 Item4;
        public ValueTuple(T1 item1, T2 item2, T3 item3, T4 item4) { Item1 = item1; Item2 = item2; Item3 = item3; Item4 = item4; }
        public bool Equals(ValueTuple<T1, T2, T3, T4> other)
            => EqualityComparer<T1>.Default.Equals(Item1, other.Item1) && EqualityComparer<T2>.Default.Equals(Item2, other.Item2)
            && EqualityComparer<T3>.Default.Equals(Item3, other.Item3) && EqualityComparer<T4>.Default.Equals(Item4, other.Item4);
        public override bool Equals(object obj) => obj is ValueTuple<T1, T2, T3, T4> other && Equals(other);
        public override int GetHashCode() => HashCode.Combine(Item1, Item2, Item3, Item4);
        public override string ToString() => "(" + Item1?.ToString() + ", " + Item2?.ToString() + ", " + Item3?.ToString() + ", " + Item4?.ToString() + ")";
    }

    /// <summary>Combines hash codes (deterministic per image; .NET seeds per process, so no caller depends on values).</summary>
    public struct HashCode
    {
        private uint _value;
        private const uint Prime1 = 2654435761U, Prime2 = 2246822519U, Prime3 = 3266489917U;

        private static uint Mix(uint hash, uint value) => RotateLeft(hash + value * Prime2, 13) * Prime1;
        private static uint RotateLeft(uint value, int offset) => (value << offset) | (value >> (32 - offset));
        private static uint Finish(uint hash)
        {
            hash ^= hash >> 15; hash *= Prime2; hash ^= hash >> 13; hash *= Prime3; hash ^= hash >> 16;
            return hash;
        }

        public static int Combine<T1>(T1 value1) => (int)Finish(Mix(Prime3, (uint)(value1?.GetHashCode() ?? 0)));
        public static int Combine<T1, T2>(T1 value1, T2 value2)
            => (int)Finish(Mix(Mix(Prime3, (uint)(value1?.GetHashCode() ?? 0)), (uint)(value2?.GetHashCode() ?? 0)));
        public static int Combine<T1, T2, T3>(T1 value1, T2 value2, T3 value3)
            => (int)Finish(Mix(Mix(Mix(Prime3, (uint)(value1?.GetHashCode() ?? 0)), (uint)(value2?.GetHashCode() ?? 0)), (uint)(value3?.GetHashCode() ?? 0)));
        public static int Combine<T1, T2, T3, T4>(T1 value1, T2 value2, T3 value3, T4 value4)
            => (int)Finish(Mix(Mix(Mix(Mix(Prime3, (uint)(value1?.GetHashCode() ?? 0)), (uint)(value2?.GetHashCode() ?? 0)), (uint)(value3?.GetHashCode() ?? 0)), (uint)(value4?.GetHashCode() ?? 0)));

        public void Add<T>(T value) => _value = Mix(_value == 0 ? Prime3 : _value, (uint)(value?.GetHashCode() ?? 0));
        public int ToHashCode() => (int)Finish(_value);
        public override int GetHashCode() => throw new NotSupportedException("HashCode is a mutable struct and should not be compared with other HashCodes. Use ToHashCode to retrieve the computed hash code.");
        public override bool Equals(object obj) => throw new NotSupportedException("HashCode is a mutable struct and should not be compared with other HashCodes.");
    }
}
