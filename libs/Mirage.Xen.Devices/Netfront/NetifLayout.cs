namespace Mirage.Xen.Devices.Netfront;

/// <summary>The netif ring entries (xen/include/public/io/netif.h), identical on x86_64 and ARM.</summary>
internal static class NetifLayout
{
    // netif_tx_request { grant_ref_t gref; uint16 offset; uint16 flags; uint16 id; uint16 size; } = 12 bytes
    public const int TxEntrySize = 12;
    public const int TxGref = 0, TxOffset = 4, TxFlags = 6, TxId = 8, TxSize = 10;
    // netif_tx_response { uint16 id; int16 status; }
    public const int TxResponseId = 0, TxResponseStatus = 2;

    // netif_rx_request { uint16 id; uint16 pad; grant_ref_t gref; } = 8 bytes
    public const int RxEntrySize = 8;
    public const int RxId = 0, RxGref = 4;
    // netif_rx_response { uint16 id; uint16 offset; uint16 flags; int16 status; }
    public const int RxResponseId = 0, RxResponseOffset = 2, RxResponseFlags = 4, RxResponseStatus = 6;

    public const int RxFlagMoreData = 4;
    public const int RxFlagExtraInfo = 8;
    public const short StatusOkay = 0;

    /// <summary>The largest frame: 1500 bytes of payload and the 14-byte Ethernet header (no VLAN tag, no GSO).</summary>
    public const int MaxFrame = 1514;
}
