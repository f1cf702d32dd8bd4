using AttackClassifier.Benchmarks.Corpus;
using AttackClassifier.Data;
using AttackClassifier.Kernels;
using AttackClassifier.Models.LogisticRegression;
using AttackClassifier.Optimization;
using AttackClassifier.Text;
using BenchmarkDotNet.Attributes;

namespace AttackClassifier.Benchmarks.Optimization;

/// <summary>
/// The optimizer's own vector work per L-BFGS iteration, tuned (<see cref="Lbfgs"/>, fused passes) against the reference
/// (<see cref="NaiveLbfgs"/>, one call per vector operation), in the same run. The objective is a diagonal quadratic
/// f(θ) = ½ Σᵢ aᵢθᵢ² − θᵢ (aᵢ log-uniform in [10⁻², 10²], seeded) that costs one pass over θ, so the time is the two-loop
/// recursion, the line-search trial points and the curvature pair; n = 160,032 is θ of the 100k-row corpus fit (D = 5,000,
/// K = 32). 60 iterations from θ = 0 (history m = 10 full after the 10th), tolerances 0; returns f.
/// </summary>
[Config(typeof(FitMonitoringConfig))]
[MemoryDiagnoser]
public class LbfgsVectorWorkBenchmarks
{
    [Params(160_032)] public int Dimension;
    private const int Iterations = 60;
    private DiagonalQuadratic _f = null!;
    private double[] _theta = [];
    private readonly LbfgsOptions _options = new() { GradientTolerance = 0, RelativeDecreaseTolerance = 0, MaxIterations = Iterations };

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        _f = new DiagonalQuadratic(Enumerable.Range(0, Dimension).Select(_ => Math.Pow(10, 4 * rng.NextDouble() - 2)).ToArray());
        _theta = new double[Dimension];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Iterations)]
    public double Naive()
    {
        Array.Clear(_theta);
        return new NaiveLbfgs(_options).Minimize(_f, _theta).Objective;
    }

    [Benchmark(OperationsPerInvoke = Iterations)]
    public double Fused()
    {
        Array.Clear(_theta);
        return new Lbfgs(_options).Minimize(_f, _theta).Objective;
    }

    private sealed class DiagonalQuadratic(double[] a) : IDifferentiableFunction
    {
        public int Dimension => a.Length;

        public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
        {
            double f = 0;
            for (int i = 0; i < a.Length; i++)
            {
                double ax = a[i] * theta[i];
                f += 0.5 * ax * theta[i] - theta[i];
                gradient[i] = ax - 1;   // ∂f/∂θᵢ = aᵢθᵢ − 1
            }
            return f;
        }
    }
}

/// <summary>
/// A whole LR fit with the tuned optimizer against the reference optimizer, same run: the corpus fit of
/// <see cref="Training.CorpusFitBenchmarks"/> at 100,000 synthetic rows (TF-IDF 5,000 features, C = 10, the trainer's default
/// stopping rules, scikit-learn's scaling). Both reach the same iterate bit for bit (tested), so the ratio is the optimizer's
/// share of the fit. Returns f at the solution.
/// </summary>
[Config(typeof(FitMonitoringConfig))]
[MemoryDiagnoser]
public class LbfgsCorpusFitBenchmarks
{
    [Params(100_000)] public int Rows;
    private ScaledFunction _f = null!;
    private LbfgsOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        CommandDataset data = SyntheticCorpus.Generate(Rows, seed: 42);
        string[] commands = data.CommandLines();
        CsrMatrix x = TfidfVectorizer.Fit(commands, new TfidfOptions { MaxFeatures = 5000 }).Transform(commands);
        LabelSet labels = data.Labels();
        const double c = 10;
        var loss = new SoftmaxCrossEntropyLoss(x, labels.Encode(data.Records.Select(r => r.Label)), labels.Count, data.Weights(), c, fitIntercept: true);
        _f = new ScaledFunction(loss, 1 / c);
        _options = new LogisticRegressionOptions { InverseRegularization = c }.ToLbfgsOptions();
    }

    [Benchmark(Baseline = true)]
    public double NaiveOptimizer() => new NaiveLbfgs(_options).Minimize(_f, new double[_f.Dimension]).Objective;

    [Benchmark]
    public double FusedOptimizer() => new Lbfgs(_options).Minimize(_f, new double[_f.Dimension]).Objective;
}
