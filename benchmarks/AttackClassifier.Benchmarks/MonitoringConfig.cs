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
    protected MonitoringConfig(int warmups, int iterations)
    {
        bool jobGiven = Environment.GetCommandLineArgs().Any(a => a is "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal));
        if (!jobGiven)
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(warmups).WithIterationCount(iterations));
    }
}
