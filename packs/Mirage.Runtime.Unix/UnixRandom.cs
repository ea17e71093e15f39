using System;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Mirage.Devices;

namespace Mirage.Runtime.Unix;

/// <summary>random "os": the operating system's CSPRNG (getrandom on Linux, arc4random on macOS).</summary>
public sealed class UnixRandom : IRandom
{
    private UnixRandom()
    {
    }

    public static ValueTask<Result<IRandom, DeviceError>> ConnectAsync() =>
        new(Result<IRandom, DeviceError>.Ok(new UnixRandom()));

    public void Fill(Span<byte> destination) => RandomNumberGenerator.Fill(destination);
}
