using System.Threading.Tasks;

namespace Mirage.Boot;

/// <summary>
/// Adapts the shapes a job's <c>StartAsync</c> may return to an exit code, for the generated main:
/// a job that completes without a code succeeded (0).
/// </summary>
public static class JobCompletion
{
    public static Task<int> ExitCode(Task<int> job) => job;

    public static async Task<int> ExitCode(Task job)
    {
        await job;
        return 0;
    }

    public static Task<int> ExitCode(ValueTask<int> job) => job.AsTask();

    public static async Task<int> ExitCode(ValueTask job)
    {
        await job;
        return 0;
    }

    /// <summary>Runs jobs side by side; the exit code is the first non-zero one in job order, else 0.</summary>
    public static async Task<int> All(params Task<int>[] jobs)
    {
        int[] codes = await Task.WhenAll(jobs);
        foreach (int code in codes)
            if (code != 0) return code;
        return 0;
    }
}
