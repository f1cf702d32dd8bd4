using AttackClassifier.Data;
using AttackClassifier.Metrics;
using BenchmarkDotNet.Attributes;

namespace AttackClassifier.Benchmarks.Metrics;

/// <summary>Cost of scoring predictions and of splitting labels at the study's scale and larger: both should be
/// negligible next to training (one pass over N, O(K²) for the confusion matrix).</summary>
[MemoryDiagnoser]
public class MetricsAndSplitBenchmarks
{
    [Params(10_000, 1_000_000)] public int N;
    private const int K = 50;   // techniques

    private int[] _y = [], _yHat = [];
    private double[] _counts = [];
    private string[] _names = [];

    [GlobalSetup]   // seeded: every run and every job measures the same data
    public void Setup()
    {
        var rng = new Random(42);
        _names = Enumerable.Range(0, K).Select(k => $"T{1000 + k}").ToArray();
        _y = Enumerable.Range(0, N).Select(_ => (int)(K * Math.Pow(rng.NextDouble(), 2))).ToArray();   // skewed class sizes
        _yHat = _y.Select(t => rng.NextDouble() < 0.8 ? t : rng.Next(K)).ToArray();
        _counts = Enumerable.Range(0, N).Select(_ => Math.Floor(1 / (1 - 0.999 * rng.NextDouble()))).ToArray();   // 1..1000, heavy tail
    }

    [Benchmark] public ClassificationReport ReportUnweighted() => ClassificationReport.Compute(_y, _yHat, _names);
    [Benchmark] public ClassificationReport ReportWeighted() => ClassificationReport.Compute(_y, _yHat, _counts, _names);
    [Benchmark] public string ReportText() => ClassificationReport.Compute(_y, _yHat, _counts, _names).ToText(4);
    [Benchmark] public (int[], int[], int[]) TrainValidationTest() => StratifiedSplit.TrainValidationTest(_y, 0.2, 0.2, seed: 7);
    [Benchmark] public IReadOnlyList<(int[] Train, int[] Test)> KFold3() => StratifiedSplit.KFold(_y, 3, seed: 7);
}
