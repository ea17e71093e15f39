using System;
using System.Runtime;
using System.Threading.Tasks;

namespace Internal.Runtime
{
    /// <summary>
    /// What device drivers compiled against the ordinary reference assemblies (libs/Mirage.Xen.Devices)
    /// need from the runtime, as C symbols they bind with RuntimeImport: a poll function the event
    /// loop runs after every wake-up (rings and event channels are checked there). Allocation is
    /// measured with the public GC.GetTotalAllocatedBytes.
    /// </summary>
    internal static class DriverHooks
    {
        [RuntimeExport("mirage_runtime_add_poller")]
        private static void AddPoller(Action poller) => EventLoop.AddPoller(poller);
    }
}
