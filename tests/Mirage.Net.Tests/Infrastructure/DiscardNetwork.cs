using System;
using System.Threading;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Net.Tests.Infrastructure;

/// <summary>A network device that takes every frame and keeps only the last one (in a reused buffer): for measuring what the stack itself allocates.</summary>
internal sealed class DiscardNetwork : INetwork
{
    private readonly byte[] _last = new byte[1600];

    public MacAddress Mac { get; } = new(0x02_00_00_00_00_0AUL);

    public int Mtu => 1500;

    public NetworkStatistics Statistics { get; } = new();

    public int LastLength { get; private set; }

    public ReadOnlySpan<byte> Last => _last.AsSpan(0, LastLength);

    public ValueTask<Result<Unit, NetworkError>> WriteAsync(ReadOnlyMemory<byte> frame)
    {
        frame.Span.CopyTo(_last);
        LastLength = frame.Length;
        Statistics.FramesSent++;
        return new(Result.Ok<NetworkError>());
    }

    public Task<Result<Unit, NetworkError>> ListenAsync(Func<ReadOnlyMemory<byte>, ValueTask> onFrame, CancellationToken cancellationToken = default) =>
        new TaskCompletionSource<Result<Unit, NetworkError>>().Task;
}
