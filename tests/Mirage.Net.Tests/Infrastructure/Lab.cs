using System;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mirage.Devices;
using Mirage.Net.Tcp;

namespace Mirage.Net.Tests.Infrastructure;

/// <summary>Shorthands for the tests: addresses, and stacks connected on a wire in virtual time.</summary>
internal static class Lab
{
    public static readonly Ipv4Address AddressA = Ipv4Address.Parse("10.0.0.1");
    public static readonly Ipv4Address AddressB = Ipv4Address.Parse("10.0.0.2");
    public static readonly MacAddress PeerMac = new(0x02_00_00_00_00_0BUL);

    public static async Task<DirectStackV4> StackAsync(VirtualTimeLoop loop, INetwork network, string cidr, int seed, TcpSettings? settings = null, string? gateway = null)
    {
        Result<IStackV4, DeviceError> connected = await DirectStackV4.ConnectAsync(network, loop, loop, new SeededRandom(seed),
            Ipv4Cidr.Parse(cidr), gateway is null ? null : Ipv4Address.Parse(gateway), 30, settings ?? new TcpSettings());
        if (!connected.TryGetValue(out IStackV4 stack, out DeviceError error)) Assert.Fail("stack did not connect: " + error.Message);
        return (DirectStackV4)stack;
    }

    public static byte[] Pattern(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }
}
