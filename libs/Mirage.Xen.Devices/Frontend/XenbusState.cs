namespace Mirage.Xen.Devices.Frontend;

/// <summary>XenbusState (xen/include/public/io/xenbus.h): the state each end of a PV device publishes in xenstore.</summary>
public enum XenbusState
{
    Unknown = 0,
    Initialising = 1,
    InitWait = 2,
    Initialised = 3,
    Connected = 4,
    Closing = 5,
    Closed = 6,
    Reconfiguring = 7,
    Reconfigured = 8,
}
