using System.Threading;
using System.Threading.Tasks;
using Mirage.Devices;
using Mirage.Xen.Devices.Xenstore;

namespace Mirage.Xen.Devices.Control;

/// <summary>
/// lifecycle "xenstore-control": the toolstack's shutdown requests. <c>xl shutdown</c> (and
/// <c>xl reboot</c>) write "poweroff" ("reboot") to the domain's <c>control/shutdown</c>; the
/// guest acknowledges by clearing the node, as Linux does, and its jobs stop. libxl treats PV and
/// PVH guests (and every ARM guest) as able to take the request, so nothing needs advertising.
/// A reboot request also ends in poweroff: the runtime cannot restart the domain itself.
/// "suspend" is not supported and left unanswered.
/// </summary>
public sealed class XenLifecycle : ILifecycle
{
    public const string ShutdownPath = "control/shutdown";

    private readonly CancellationTokenSource _shutdown = new();

    private XenLifecycle()
    {
    }

    /// <summary>Watches <see cref="ShutdownPath"/>. Without xenstore (plain QEMU) nobody can ask, and the token never fires.</summary>
    public static async ValueTask<Result<ILifecycle, DeviceError>> ConnectAsync()
    {
        var lifecycle = new XenLifecycle();
        var store = XenstoreClient.Connect();
        if (store.IsError) return Result<ILifecycle, DeviceError>.Ok(lifecycle);
        var watch = await store.Value.WatchAsync(ShutdownPath);
        if (watch.IsError)
            return Result<ILifecycle, DeviceError>.Fail(new DeviceError("lifecycle: cannot watch " + ShutdownPath + " (xenstore error " + ((int)watch.Error).ToString(System.Globalization.CultureInfo.InvariantCulture) + ")"));
        _ = lifecycle.ServeRequestsAsync(store.Value, watch.Value);
        return Result<ILifecycle, DeviceError>.Ok(lifecycle);
    }

    public CancellationToken ShutdownRequested => _shutdown.Token;

    private async Task ServeRequestsAsync(XenstoreClient store, XenstoreWatch watch)
    {
        // xenstored fires a new watch once at once: reading the node then catches a request made before boot finished.
        while (await watch.NextAsync() is not null)
        {
            var request = await store.ReadAsync(ShutdownPath);
            if (request.IsError) continue;
            if (request.Value is "poweroff" or "halt" or "reboot")
            {
                await store.WriteAsync(ShutdownPath, "");
                await watch.RemoveAsync();
                _shutdown.Cancel();
                return;
            }
        }
    }
}
