using Internal.Runtime.GarbageCollection;

namespace System.Runtime.InteropServices
{
    public enum GCHandleType
    {
        Weak = 0,
        WeakTrackResurrection = 1,
        Normal = 2,
        Pinned = 3,
    }

    /// <summary>
    /// A handle that keeps an object alive (Normal, Pinned) or watches it without keeping it
    /// (Weak). Objects never move in Mirage.NET, so a pinned handle is a strong one whose address
    /// can be handed to a device.
    /// </summary>
    public struct GCHandle : IEquatable<GCHandle>
    {
        private nint _handle;

        private GCHandle(nint handle) { _handle = handle; }

        public static GCHandle Alloc(object value) => Alloc(value, GCHandleType.Normal);

        public static GCHandle Alloc(object value, GCHandleType type)
        {
            if ((uint)type > (uint)GCHandleType.Pinned) throw new ArgumentOutOfRangeException(nameof(type));
            return new GCHandle(GCHandleTable.Allocate(value, type == GCHandleType.Weak || type == GCHandleType.WeakTrackResurrection));
        }

        public bool IsAllocated => _handle != 0;

        public object Target
        {
            get => GCHandleTable.Get(_handle);
            set => GCHandleTable.Set(_handle, value);
        }

        public unsafe IntPtr AddrOfPinnedObject()
        {
            object target = GCHandleTable.Get(_handle);
            if (target == null) return IntPtr.Zero;
            if (target is string text) return (IntPtr)Runtime.CompilerServices.Unsafe.AsPointer(ref Runtime.CompilerServices.Unsafe.AsRef(in text.GetPinnableReference()));
            if (target is Array array) return (IntPtr)Runtime.CompilerServices.Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
            return (IntPtr)Runtime.CompilerServices.Unsafe.AsPointer(ref target.GetRawData());
        }

        public void Free()
        {
            GCHandleTable.Free(_handle);
            _handle = 0;
        }

        public static GCHandle FromIntPtr(IntPtr value)
        {
            if (value == IntPtr.Zero) throw new InvalidOperationException("Handle is not initialized.");
            return new GCHandle((nint)value);
        }

        public static IntPtr ToIntPtr(GCHandle value) => (IntPtr)value._handle;

        public static explicit operator GCHandle(IntPtr value) => FromIntPtr(value);

        public static explicit operator IntPtr(GCHandle value) => ToIntPtr(value);

        public bool Equals(GCHandle other) => _handle == other._handle;

        public override bool Equals(object obj) => obj is GCHandle other && Equals(other);

        public override int GetHashCode() => _handle.GetHashCode();

        public static bool operator ==(GCHandle a, GCHandle b) => a._handle == b._handle;

        public static bool operator !=(GCHandle a, GCHandle b) => a._handle != b._handle;
    }
}
