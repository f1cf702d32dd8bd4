using System.Globalization;
using AttackClassifier.Benchmarks.Corpus;
using AttackClassifier.Benchmarks.Telemetry;
using AttackClassifier.Benchmarks.TrainingCost;

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
// `write-corpus ROWS FILE`: the training-cost corpus (SyntheticCorpus, seed 42) in the study's CSV schema, for the
// scikit-learn side of benchmarks/scaling.py.
if (args is ["write-corpus", var corpusRows, var corpusPath])
{
    using var writer = new StreamWriter(corpusPath);
    SyntheticCorpus.Generate(int.Parse(corpusRows, CultureInfo.InvariantCulture), seed: 42).Write(writer);
    return 0;
}

// `fit-once study|default|default-df2|lstm ROWS`: one fit in this (short-lived) process, for benchmarks/scaling.py: prints one JSON line
// with the fit's wall-clock seconds and the process's peak resident memory (VmHWM), corpus included.
if (args is ["fit-once", var kind, var fitRows])
{
    Console.WriteLine(ScalingRun.FitOnce(kind, int.Parse(fitRows, CultureInfo.InvariantCulture)));
    return 0;
}
// `lbfgs-profile ROWS [naive] [--target F]`: one LR corpus fit, its time split between the loss-and-gradient evaluations and the
// optimizer's own vector work, and with --target the time at which f first reached F (Optimization/LbfgsProfile.cs;
// benchmarks/README.md, "L-BFGS iteration").
if (args is ["lbfgs-profile", var profileRows, .. var profileRest])
{
    int targetAt = Array.IndexOf(profileRest, "--target");
    double? target = targetAt >= 0 && targetAt + 1 < profileRest.Length ? double.Parse(profileRest[targetAt + 1], CultureInfo.InvariantCulture) : null;
    Console.WriteLine(AttackClassifier.Benchmarks.Optimization.LbfgsProfile.Run(int.Parse(profileRows, CultureInfo.InvariantCulture), profileRest.Contains("naive"), target));
    return 0;
}
BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(SiemPipelineBenchmarks).Assembly).Run(args);
return 0;
