using System.Buffers;
using System.Runtime.CompilerServices;

namespace System
{
    public sealed partial class String
    {
        public static string Create(IFormatProvider provider, [InterpolatedStringHandlerArgument("provider")] ref DefaultInterpolatedStringHandler handler)
            => handler.ToStringAndClear();

        public static string Create(IFormatProvider provider, Span<char> initialBuffer, [InterpolatedStringHandlerArgument("provider", "initialBuffer")] ref DefaultInterpolatedStringHandler handler)
            => handler.ToStringAndClear();

        public static string Create<TState>(int length, TState state, SpanAction<char, TState> action)
            where TState : allows ref struct
        {
            if (action == null) throw new ArgumentNullException(nameof(action));
            if (length <= 0)
            {
                if (length == 0) return Empty;
                throw new ArgumentOutOfRangeException(nameof(length), "Non-negative number required.");
            }
            string result = FastAllocateString(length);
            action(new Span<char>(ref result._firstChar, length), state);
            return result;
        }
    }
}

namespace System.Buffers
{
    public delegate void SpanAction<T, in TArg>(Span<T> span, TArg arg) where TArg : allows ref struct;
    public delegate void ReadOnlySpanAction<T, in TArg>(ReadOnlySpan<T> span, TArg arg) where TArg : allows ref struct;
}
