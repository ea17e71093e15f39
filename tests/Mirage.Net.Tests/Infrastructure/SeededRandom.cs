using System;
using Mirage.Devices;

namespace Mirage.Net.Tests.Infrastructure;

/// <summary>A deterministic random device, so that a failing run can be replayed.</summary>
internal sealed class SeededRandom(int seed) : IRandom
{
    private readonly Random _random = new(seed);

    public void Fill(Span<byte> destination) => _random.NextBytes(destination);
}
