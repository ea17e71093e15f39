using System;

namespace Mirage.Devices;

/// <summary>Device kind <c>random</c>: entropy from the platform (the OS CSPRNG on unix, RDRAND/Xen on unikernels).</summary>
public interface IRandom
{
    void Fill(Span<byte> destination);
}
