using AttackClassifier.Benchmarks.Corpus;
using AttackClassifier.Benchmarks.TrainingCost;
using AttackClassifier.Data;
using AttackClassifier.Models.LogisticRegression;
using AttackClassifier.Text;
using BenchmarkDotNet.Attributes;

namespace AttackClassifier.Benchmarks.Training;

/// <summary>
/// One evaluation of the LR objective f and ∇f — the hot loop of every L-BFGS iteration — tuned
/// (<see cref="SoftmaxCrossEntropyLoss"/>: identical rows grouped, padded K, SIMD, parallel chunks) against the plain loops of
/// <see cref="NaiveSoftmaxCrossEntropyLoss"/> (baseline), on the training-cost corpus with the study's TF-IDF (word 1–2-grams,
/// 5,000 features), C = 10, with intercept, at a seeded random θ. Sizes follow <c>ATTACK_BENCH_ROWS</c> like the training-cost suite.
/// </summary>
[MemoryDiagnoser]
public class SoftmaxCrossEntropyLossBenchmarks
{
    [ParamsSource(nameof(RowCounts))]
    public int Rows { get; set; }

    public static IEnumerable<int> RowCounts() => TrainingCostBenchmarks.RowCounts();

    private SoftmaxCrossEntropyLoss _tuned = null!;
    private NaiveSoftmaxCrossEntropyLoss _naive = null!;
    private double[] _theta = [], _gradient = [];

    [GlobalSetup]   // seeded: every run and every job measures the same rows and θ
    public void Setup()
    {
        CommandDataset data = SyntheticCorpus.Generate(Rows, seed: 42);
        string[] commands = data.CommandLines();
        var x = TfidfVectorizer.Fit(commands, new TfidfOptions { NGramRange = new NGramRange(1, 2), MaxFeatures = 5000 }).Transform(commands);
        LabelSet labels = data.Labels();
        int[] y = labels.Encode(data.Records.Select(r => r.Label));
        double[] s = data.Weights();
        _tuned = new SoftmaxCrossEntropyLoss(x, y, labels.Count, s, c: 10, fitIntercept: true);
        _naive = new NaiveSoftmaxCrossEntropyLoss(x, y, labels.Count, s, c: 10, fitIntercept: true);
        var rng = new Random(7);
        _theta = new double[_tuned.Dimension];
        for (int i = 0; i < _theta.Length; i++) _theta[i] = 0.1 * (rng.NextDouble() - 0.5);
        _gradient = new double[_tuned.Dimension];
    }

    [Benchmark(Baseline = true)]
    public double Naive() => _naive.Evaluate(_theta, _gradient);

    [Benchmark]
    public double Tuned() => _tuned.Evaluate(_theta, _gradient);
}
