using System.Runtime;

namespace Mirage.Xen
{
    /// <summary>
    /// The event-channel operations device drivers need on the shared-info page this assembly owns,
    /// as C symbols: drivers (libs/Mirage.Xen.Devices) are compiled against the ordinary reference
    /// assemblies and bind them with RuntimeImport. A driver unmasks its port, and its poll function
    /// takes the port's pending flag; while a flag of an unmasked port is set the platform does not
    /// block (<see cref="SharedInfo.AnyUnmaskedPending"/>).
    /// </summary>
    public static class DeviceEvents
    {
        [RuntimeExport("mirage_xen_event_take_pending")]
        private static bool TakePending(uint port) => SharedInfo.TakePending(port);

        [RuntimeExport("mirage_xen_event_unmask")]
        private static void Unmask(uint port) => SharedInfo.Unmask(port);

        [RuntimeExport("mirage_xen_event_mask")]
        private static void Mask(uint port) => SharedInfo.Mask(port);
    }
}
