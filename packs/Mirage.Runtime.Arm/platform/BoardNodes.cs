namespace Mirage.Runtime.Arm.Platform
{
    /// <summary>
    /// The device-tree nodes the platform binding uses, found in one walk of the tree
    /// (<see cref="DeviceTree.Scan"/>); a node not in the tree has <see cref="DeviceNode.IsPresent"/> false.
    /// </summary>
    internal unsafe struct BoardNodes
    {
        /// <summary>The first node with device_type "memory".</summary>
        public DeviceNode Memory;

        /// <summary>/chosen: bootargs.</summary>
        public DeviceNode Chosen;

        /// <summary>/hypervisor, "xen,xen": the guest runs on Xen (its interrupt is the event-channel PPI).</summary>
        public DeviceNode Xen;

        /// <summary>A GICv2 (Xen's virtual GIC for ARMv7 guests, QEMU virt's).</summary>
        public DeviceNode GicV2;

        /// <summary>A GICv3, which this binding does not drive (reported, not used).</summary>
        public DeviceNode GicV3;

        /// <summary>"arm,armv7-timer": the generic timer's interrupts and optional clock-frequency.</summary>
        public DeviceNode GenericTimer;

        public DeviceNode Pl011;

        /// <summary>A 16550-compatible UART ("snps,dw-apb-uart" on Allwinner SoCs, "ns16550a").</summary>
        public DeviceNode Ns16550;

        /// <summary>"arm,pl031": QEMU virt's real-time clock.</summary>
        public DeviceNode Pl031;

        /// <summary>The Allwinner A10/A20 timer block (for CPUs without the generic timer).</summary>
        public DeviceNode AllwinnerTimer;

        internal void Classify(DeviceNode node, int depth, byte* compatible, int compatibleLength, byte* deviceType, int deviceTypeLength)
        {
            if (!Memory.IsPresent && deviceType != null && deviceTypeLength > 0 && DeviceTree.EqualsAscii(deviceType, deviceTypeLength - 1, "memory"))
                Memory = node;
            if (!Chosen.IsPresent && depth == 2 && DeviceTree.EqualsAscii(node.Name, node.NameLength, "chosen"))
                Chosen = node;
            if (compatible == null) return;
            if (!Xen.IsPresent && Has(compatible, compatibleLength, "xen,xen")) Xen = node;
            else if (!GicV2.IsPresent && (Has(compatible, compatibleLength, "arm,cortex-a15-gic") || Has(compatible, compatibleLength, "arm,cortex-a7-gic")
                     || Has(compatible, compatibleLength, "arm,gic-400") || Has(compatible, compatibleLength, "arm,cortex-a9-gic"))) GicV2 = node;
            else if (!GicV3.IsPresent && Has(compatible, compatibleLength, "arm,gic-v3")) GicV3 = node;
            else if (!GenericTimer.IsPresent && (Has(compatible, compatibleLength, "arm,armv7-timer") || Has(compatible, compatibleLength, "arm,armv8-timer"))) GenericTimer = node;
            else if (!Pl011.IsPresent && Has(compatible, compatibleLength, "arm,pl011")) Pl011 = node;
            else if (!Ns16550.IsPresent && (Has(compatible, compatibleLength, "snps,dw-apb-uart") || Has(compatible, compatibleLength, "ns16550a"))) Ns16550 = node;
            else if (!Pl031.IsPresent && Has(compatible, compatibleLength, "arm,pl031")) Pl031 = node;
            else if (!AllwinnerTimer.IsPresent && Has(compatible, compatibleLength, "allwinner,sun4i-a10-timer")) AllwinnerTimer = node;
        }

        private static bool Has(byte* list, int length, string text) => DeviceNode.ListContains(list, length, text);
    }
}
