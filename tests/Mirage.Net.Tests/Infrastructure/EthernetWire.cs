using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Net.Tests.Infrastructure;

/// <summary>How a <see cref="EthernetWire"/> mistreats frames, netem-style: loss, duplication, delay, and reordering by sending some frames without the delay.</summary>
internal sealed record Impairment(double Loss = 0, double Duplicate = 0, TimeSpan Delay = default, double Reorder = 0);

/// <summary>
/// An Ethernet segment between two <see cref="WireEnd"/>s inside the test process. Frames are
/// copied and delivered later on the event loop (never inside the sender's call), optionally
/// impaired; every frame can be observed (and dropped) by a test's filter.
/// </summary>
internal sealed class EthernetWire
{
    private readonly Random _random;
    private readonly ITime _time;

    public EthernetWire(ITime time, int seed = 1, MacAddress? macA = null, MacAddress? macB = null)
    {
        _time = time;
        _random = new Random(seed);
        A = new WireEnd(this, macA ?? new MacAddress(0x02_00_00_00_00_0AUL));
        B = new WireEnd(this, macB ?? new MacAddress(0x02_00_00_00_00_0BUL));
    }

    public WireEnd A { get; }

    public WireEnd B { get; }

    public Impairment Impairment { get; set; } = new();

    /// <summary>Sees every frame before delivery; returning false drops it.</summary>
    public Func<WireEnd, byte[], bool>? Filter { get; set; }

    public long Carried { get; private set; }

    internal void Carry(WireEnd from, byte[] frame)
    {
        WireEnd to = from == A ? B : A;
        if (Filter is not null && !Filter(from, frame)) return;
        Impairment impairment = Impairment;
        if (impairment.Loss > 0 && _random.NextDouble() < impairment.Loss) return;
        int copies = impairment.Duplicate > 0 && _random.NextDouble() < impairment.Duplicate ? 2 : 1;
        for (int i = 0; i < copies; i++)
        {
            Carried++;
            TimeSpan delay = impairment.Delay;
            if (impairment.Reorder > 0 && _random.NextDouble() < impairment.Reorder) delay = TimeSpan.Zero;
            if (delay > TimeSpan.Zero) _ = DeliverLaterAsync(to, frame, delay);
            else SynchronizationContext.Current!.Post(static s => { var (end, f) = ((WireEnd, byte[]))s!; end.Deliver(f); }, (to, frame));
        }
    }

    private async Task DeliverLaterAsync(WireEnd to, byte[] frame, TimeSpan delay)
    {
        await _time.SleepAsync(delay);
        to.Deliver(frame);
    }
}

/// <summary>One end of a <see cref="EthernetWire"/>: the network device a stack under test uses.</summary>
internal sealed class WireEnd : INetwork
{
    private readonly EthernetWire _wire;
    private Func<ReadOnlyMemory<byte>, ValueTask>? _onFrame;

    public WireEnd(EthernetWire wire, MacAddress mac)
    {
        _wire = wire;
        Mac = mac;
    }

    public MacAddress Mac { get; }

    public int Mtu => 1500;

    public NetworkStatistics Statistics { get; } = new();

    /// <summary>Frames that arrived while nothing listened (a test reading the wire itself looks here).</summary>
    public List<byte[]> Unclaimed { get; } = new();

    public ValueTask<Result<Unit, NetworkError>> WriteAsync(ReadOnlyMemory<byte> frame)
    {
        if (frame.Length > 14 + Mtu) return new(Result<Unit, NetworkError>.Fail(NetworkError.FrameTooLarge));
        Statistics.FramesSent++;
        _wire.Carry(this, frame.ToArray());
        return new(Result.Ok<NetworkError>());
    }

    public Task<Result<Unit, NetworkError>> ListenAsync(Func<ReadOnlyMemory<byte>, ValueTask> onFrame, CancellationToken cancellationToken = default)
    {
        _onFrame = onFrame;
        var done = new TaskCompletionSource<Result<Unit, NetworkError>>();
        cancellationToken.Register(() =>
        {
            _onFrame = null;
            done.TrySetResult(Result.Ok<NetworkError>());
        });
        return done.Task;
    }

    /// <summary>Sends a hand-made frame from this end (a scripted peer).</summary>
    public void Inject(byte[] frame) => _wire.Carry(this, frame);

    internal void Deliver(byte[] frame)
    {
        Statistics.FramesReceived++;
        if (_onFrame is null)
        {
            if (Unclaimed.Count < 100_000) Unclaimed.Add(frame);
            return;
        }
        ValueTask pending = _onFrame(frame);
        if (!pending.IsCompleted) pending.AsTask().GetAwaiter().GetResult();
    }
}
