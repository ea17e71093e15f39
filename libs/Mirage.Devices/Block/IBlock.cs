using System;
using System.Threading.Tasks;

namespace Mirage.Devices;

/// <summary>Device kind <c>block</c>: a disk of fixed-size sectors (blkfront on Xen, a file on unix).</summary>
public interface IBlock
{
    BlockInfo Info { get; }

    /// <summary>Reads whole sectors starting at <paramref name="sector"/>; the buffer length must be a multiple of the sector size.</summary>
    ValueTask<Result<Unit, BlockError>> ReadAsync(long sector, Memory<byte> buffer);

    /// <summary>Writes whole sectors; a read-only disk answers <see cref="BlockError.ReadOnly"/>.</summary>
    ValueTask<Result<Unit, BlockError>> WriteAsync(long sector, ReadOnlyMemory<byte> data);

    /// <summary>Makes earlier writes durable.</summary>
    ValueTask<Result<Unit, BlockError>> FlushAsync();
}

public readonly record struct BlockInfo(int SectorSize, long SectorCount, bool ReadWrite);

public enum BlockError
{
    IoError,
    ReadOnly,
    OutOfRange,
    Misaligned,
    Disconnected,
}
