using System.Globalization;
using AttackClassifier.Benchmarks.Telemetry;

// `write-ecs-events N FILE`: SiemPipelineBenchmarks' seeded ECS events (N of them) as a file, to time the installed CLI
// end to end on the same input (benchmarks/README.md).
if (args is ["write-ecs-events", var count, var path])
{
    using var file = File.Create(path);
    EcsEventCorpus.Write(file, EcsEventCorpus.Commands(int.Parse(count, CultureInfo.InvariantCulture)));
    return 0;
}
// `analyst-curves [--seeds N] [--rounds N] [--diversity] [--out DIR]`: the full simulated-analyst study (benchmarks/README.md,
// "Analyst in the loop"): results CSV, curves SVG and summary regenerated from scratch.
if (args is ["analyst-curves", .. var rest]) return AttackClassifier.Benchmarks.Review.AnalystCurves.Run(rest);
BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(SiemPipelineBenchmarks).Assembly).Run(args);
return 0;
