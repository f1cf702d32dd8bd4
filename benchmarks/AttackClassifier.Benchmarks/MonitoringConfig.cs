using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace AttackClassifier.Benchmarks;

/// <summary>
/// For operations of 100 ms and more: BenchmarkDotNet's Monitoring strategy (no pilot, <paramref name="warmups"/> warm-up and
/// <paramref name="iterations"/> measured runs, one launch). A job named on the command line (CI's <c>--job Dry</c>) replaces
/// it: BenchmarkDotNet runs an attribute's <c>[SimpleJob]</c> beside a command-line job, and a long Monitoring run in CI
/// would only prove the benchmark still works, slowly.
/// </summary>
internal abstract class MonitoringConfig : ManualConfig
{
    /// <summary>True when the command line names a job (<c>--job Dry</c>, <c>-j short</c>, …).</summary>
    internal static bool JobGivenOnCommandLine =>
        Environment.GetCommandLineArgs().Any(a => a is "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal));

    protected MonitoringConfig(int warmups, int iterations)
    {
        if (!JobGivenOnCommandLine)
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(warmups).WithIterationCount(iterations));
    }
}

/// <summary>Full fits: one warm-up and three measured runs.</summary>
internal sealed class FitMonitoringConfig : MonitoringConfig
{
    public FitMonitoringConfig() : base(warmups: 1, iterations: 3) { }
}
