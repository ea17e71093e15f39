using System;
using System.Threading;
using System.Threading.Tasks;
using Mirage.Devices;
using Mirage.Net.Tests.Infrastructure;

namespace Mirage.Net.Tests.Interop;

/// <summary>
/// netem in user space, at the stack's end of the TAP link: loss, duplication, a fixed delay, and
/// reordering by letting some frames skip the delay (netem's own "reorder"), separately for frames
/// arriving from Linux (what a netem qdisc on the host's TAP interface would impair) and frames
/// the stack sends. This kernel has no sch_netem (CONFIG_NET_SCH_NETEM is not set), hence user
/// space; Linux's TCP on the other end is untouched and sees the same effects.
/// </summary>
internal sealed class ImpairedNetwork : INetwork
{
    private readonly INetwork _inner;
    private readonly ITime _time;
    private readonly Impairment _inbound;
    private readonly Impairment _outbound;
    private readonly Random _random;

    public ImpairedNetwork(INetwork inner, ITime time, Impairment inbound, Impairment outbound, int seed)
    {
        _inner = inner;
        _time = time;
        _inbound = inbound;
        _outbound = outbound;
        _random = new Random(seed);
    }

    public MacAddress Mac => _inner.Mac;

    public int Mtu => _inner.Mtu;

    public NetworkStatistics Statistics => _inner.Statistics;

    public long Dropped { get; private set; }

    public ValueTask<Result<Unit, NetworkError>> WriteAsync(ReadOnlyMemory<byte> frame)
    {
        int copies = Copies(_outbound);
        for (int i = 0; i < copies; i++)
        {
            TimeSpan delay = Delay(_outbound);
            if (delay == TimeSpan.Zero) _ = _inner.WriteAsync(frame.ToArray());
            else _ = SendLaterAsync(frame.ToArray(), delay);
        }
        return new(Result.Ok<NetworkError>());
    }

    public Task<Result<Unit, NetworkError>> ListenAsync(Func<ReadOnlyMemory<byte>, ValueTask> onFrame, CancellationToken cancellationToken = default) =>
        _inner.ListenAsync(frame =>
        {
            int copies = Copies(_inbound);
            for (int i = 0; i < copies; i++)
            {
                TimeSpan delay = Delay(_inbound);
                if (delay == TimeSpan.Zero) onFrame(frame).AsTask().GetAwaiter().GetResult();
                else _ = DeliverLaterAsync(onFrame, frame.ToArray(), delay);
            }
            return default;
        }, cancellationToken);

    private int Copies(Impairment impairment)
    {
        if (impairment.Loss > 0 && _random.NextDouble() < impairment.Loss)
        {
            Dropped++;
            return 0;
        }
        return impairment.Duplicate > 0 && _random.NextDouble() < impairment.Duplicate ? 2 : 1;
    }

    private TimeSpan Delay(Impairment impairment) =>
        impairment.Reorder > 0 && _random.NextDouble() < impairment.Reorder ? TimeSpan.Zero : impairment.Delay;

    private async Task SendLaterAsync(byte[] frame, TimeSpan delay)
    {
        await _time.SleepAsync(delay);
        await _inner.WriteAsync(frame);
    }

    private async Task DeliverLaterAsync(Func<ReadOnlyMemory<byte>, ValueTask> onFrame, byte[] frame, TimeSpan delay)
    {
        await _time.SleepAsync(delay);
        await onFrame(frame);
    }
}
