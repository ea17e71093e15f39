using System;
using System.Globalization;
using System.Threading.Tasks;
using Mirage.Xen.Devices.Xenstore;

namespace Mirage.Xen.Devices.Frontend;

/// <summary>
/// One PV device as xenstore describes it to the guest: our node device/KIND/ID (with "backend" and
/// "backend-id") and the backend's node in dom0's tree. Publishes our state and waits, through a
/// watch, for the backend's: the frontend/backend handshake of every PV driver.
/// </summary>
internal sealed class FrontendDevice
{
    /// <summary>How long a backend may take to answer a state change: generous, for dom0 under TCG on a loaded machine.</summary>
    public static readonly TimeSpan BackendTimeout = TimeSpan.FromSeconds(60);

    private FrontendDevice(XenstoreClient store, string path, string backendPath, ushort backendDomain)
    {
        Store = store;
        Path = path;
        BackendPath = backendPath;
        BackendDomain = backendDomain;
    }

    public XenstoreClient Store { get; }

    public string Path { get; }

    public string BackendPath { get; }

    public ushort BackendDomain { get; }

    public static async Task<Result<FrontendDevice, string>> OpenAsync(XenstoreClient store, string path)
    {
        // Both reads go out together: each round trip to xenstored in dom0 is a few milliseconds of boot.
        var backendRead = store.ReadAsync(path + "/backend");
        var backendIdRead = store.ReadAsync(path + "/backend-id");
        var backend = await backendRead;
        var backendId = await backendIdRead;
        if (backend.IsError) return Result<FrontendDevice, string>.Fail($"{path}/backend: {backend.Error}");
        if (backendId.IsError || !ushort.TryParse(backendId.Value, NumberStyles.None, CultureInfo.InvariantCulture, out ushort domain))
            return Result<FrontendDevice, string>.Fail($"{path}/backend-id is missing or not a domain id");
        return Result<FrontendDevice, string>.Ok(new FrontendDevice(store, path, backend.Value, domain));
    }

    public Task<Result<Unit, XenstoreError>> SetStateAsync(XenbusState state)
        => Store.WriteAsync(Path + "/state", ((int)state).ToString(CultureInfo.InvariantCulture));

    public async Task<Result<string, string>> ReadBackendAsync(string key)
    {
        var value = await Store.ReadAsync(BackendPath + "/" + key);
        return value.IsOk ? Result<string, string>.Ok(value.Value) : Result<string, string>.Fail($"{BackendPath}/{key}: {value.Error}");
    }

    public async Task<XenbusState> ReadBackendStateAsync()
    {
        var value = await Store.ReadAsync(BackendPath + "/state");
        return value.IsOk && int.TryParse(value.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int state) ? (XenbusState)state : XenbusState.Unknown;
    }

    /// <summary>
    /// Waits until the backend's state is one of <paramref name="wanted"/>. A backend that goes to
    /// Closing or Closed instead (it gave up: a missing disk, a refused ring), or says nothing
    /// within <see cref="BackendTimeout"/>, is an error naming the state it is in.
    /// </summary>
    public async Task<Result<XenbusState, string>> WaitForBackendAsync(params XenbusState[] wanted)
    {
        // The watch and the first read go out together (xenstored answers a connection's requests
        // in order, so a change after the read fires the watch), and the watch is removed without
        // waiting for the answer: when the backend is already there, the wait costs one round trip.
        var watching = Store.WatchAsync(BackendPath + "/state");
        var firstRead = ReadBackendStateAsync();
        var watch = await watching;
        if (watch.IsError) return Result<XenbusState, string>.Fail($"cannot watch {BackendPath}/state: {watch.Error}");
        var result = await WaitAsync(watch.Value, wanted, firstRead);
        _ = watch.Value.RemoveAsync();
        return result;
    }

    private async Task<Result<XenbusState, string>> WaitAsync(XenstoreWatch watch, XenbusState[] wanted, Task<XenbusState> firstRead)
    {
        Task timeout = Task.Delay(BackendTimeout);
        Task<XenbusState>? read = firstRead;
        while (true)
        {
            XenbusState state = await (read ?? ReadBackendStateAsync());
            read = null;
            if (Array.IndexOf(wanted, state) >= 0) return Result<XenbusState, string>.Ok(state);
            if (Array.IndexOf(wanted, XenbusState.Closing) < 0 && Array.IndexOf(wanted, XenbusState.Closed) < 0 && (state == XenbusState.Closing || state == XenbusState.Closed))
                return Result<XenbusState, string>.Fail($"the backend ({BackendPath}) went to {state} instead of {wanted[0]}");
            Task<string?> next = watch.NextAsync();
            if (await Task.WhenAny(next, timeout) == timeout)
                return Result<XenbusState, string>.Fail($"the backend ({BackendPath}) stayed in {state} for {(long)BackendTimeout.TotalSeconds} s (waiting for {wanted[0]})");
            if (next.Result is null) return Result<XenbusState, string>.Fail("the xenstore connection broke");
        }
    }
}
