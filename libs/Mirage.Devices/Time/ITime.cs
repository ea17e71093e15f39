using System;
using System.Threading;
using System.Threading.Tasks;

namespace Mirage.Devices;

/// <summary>Device kind <c>time</c>: sleeping on the platform's one-shot timer.</summary>
public interface ITime
{
    /// <summary>Completes after at least <paramref name="duration"/>; a cancelled sleep completes as cancelled.</summary>
    Task SleepAsync(TimeSpan duration, CancellationToken cancellationToken = default);
}
