using System.Threading;

namespace Mirage.Devices;

/// <summary>
/// Device kind <c>lifecycle</c>: the platform asking the unikernel to stop. On Xen it is the
/// toolstack's shutdown request (<c>xl shutdown</c>, <c>xl reboot</c>, <c>xl destroy</c> excepted:
/// xenstore's <c>control/shutdown</c>); on unix SIGTERM or SIGINT. A job passes the token to what
/// it serves, finishes its work and returns; the unikernel then ends with the jobs' exit code
/// (on Xen 0 powers the domain off).
/// </summary>
public interface ILifecycle
{
    /// <summary>Cancelled once, when the first request to stop arrives; never cancelled where nobody can ask.</summary>
    CancellationToken ShutdownRequested { get; }
}
