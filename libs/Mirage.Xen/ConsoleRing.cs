namespace Mirage.Xen
{
    /// <summary>
    /// The PV console (xen/include/public/io/console.h): a 2 KiB output ring in a page shared with
    /// xenconsoled, and an event channel to tell it there is data.
    /// </summary>
    public static unsafe class ConsoleRing
    {
        private const int OutputOffset = 1024;
        private const int OutputSize = 2048;
        private const int OutputConsumerOffset = 3080;
        private const int OutputProducerOffset = 3084;

        private static byte* s_ring;
        private static uint s_port;

        public static bool IsConnected => s_ring != null;

        public static void Connect(byte* ring, uint port)
        {
            s_ring = ring;
            s_port = port;
        }

        /// <summary>Copies all of <paramref name="data"/> into the ring, waiting for the backend when it is full.</summary>
        public static void Write(byte* data, nint length)
        {
            uint* consumer = (uint*)(s_ring + OutputConsumerOffset);
            uint* producer = (uint*)(s_ring + OutputProducerOffset);
            byte* output = s_ring + OutputOffset;
            nint sent = 0;
            while (sent < length)
            {
                uint produced = System.Threading.Volatile.Read(ref *(int*)producer) is int p0 ? (uint)p0 : 0;
                uint space = OutputSize - (produced - (uint)System.Threading.Volatile.Read(ref *(int*)consumer));
                if (space == 0)
                {
                    EventChannel.Notify(s_port);
                    Scheduler.YieldCpu();
                    continue;
                }
                while (space > 0 && sent < length)
                {
                    output[produced & (OutputSize - 1)] = data[sent++];
                    produced++;
                    space--;
                }
                System.Threading.Interlocked.MemoryBarrier();
                System.Threading.Volatile.Write(ref *(int*)producer, (int)produced);
            }
            EventChannel.Notify(s_port);
        }

        /// <summary>Waits (bounded) until xenconsoled has taken everything, so output is not lost at shutdown.</summary>
        public static void Drain()
        {
            if (s_ring == null) return;
            uint* consumer = (uint*)(s_ring + OutputConsumerOffset);
            uint* producer = (uint*)(s_ring + OutputProducerOffset);
            for (int i = 0; i < 100000 && System.Threading.Volatile.Read(ref *(int*)consumer) != System.Threading.Volatile.Read(ref *(int*)producer); i++)
            {
                EventChannel.Notify(s_port);
                Scheduler.YieldCpu();
            }
        }
    }
}
