namespace Mirage.Xen.Devices.Xenstore;

/// <summary>xsd_sockmsg_type (xen/include/public/io/xs_wire.h): the operations this client uses.</summary>
public enum XenstoreMessageType : uint
{
    Directory = 1,
    Read = 2,
    Watch = 4,
    Unwatch = 5,
    TransactionStart = 6,
    TransactionEnd = 7,
    Write = 11,
    Remove = 13,
    WatchEvent = 15,
    Error = 16,
}
