using AttackClassifier.Models.LogisticRegression;
using AttackClassifier.Optimization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace AttackClassifier.Benchmarks.Training;

/// <summary>
/// Cost of weighted multinomial LR training on a TF-IDF-like problem: N = 100,000 rows, D = 5,000 features, 15 non-zeros
/// per row, K = 30 classes (θ has 150,030 entries). <see cref="LossAndGradient"/> is one evaluation of f and ∇f;
/// the fits run a fixed 30 L-BFGS iterations (m = 10) from θ = 0, ours against MathNet.Numerics'
/// <c>LimitedMemoryBfgsMinimizer</c> driving the same objective, and return the objective reached so the work is comparable.
/// </summary>
[Config(typeof(FitMonitoringConfig))]
[MemoryDiagnoser]
public class LogisticRegressionBenchmarks
{
    private const int Iterations = 30;
    private SyntheticTfidf _data = null!;
    private SoftmaxCrossEntropyLoss _loss = null!;
    private ScaledFunction _scaled = null!;
    private double[] _theta = [];
    private double[] _gradient = [];

    [GlobalSetup]   // seeded: every run and every job measures the same data
    public void Setup()
    {
        _data = SyntheticTfidf.Create(rows: 100_000, features: 5_000, nonZerosPerRow: 15, classes: 30, seed: 42);
        _loss = new SoftmaxCrossEntropyLoss(_data.X, _data.Y, _data.ClassCount, _data.Weights, c: 10, fitIntercept: true);
        _scaled = new ScaledFunction(_loss, 1.0 / (10 * _loss.WeightSum));
        _theta = new double[_loss.Dimension];
        var rng = new Random(7);
        for (int i = 0; i < _theta.Length; i++) _theta[i] = 0.1 * (rng.NextDouble() - 0.5);
        _gradient = new double[_loss.Dimension];
    }

    [Benchmark]
    public double LossAndGradient() => _loss.Evaluate(_theta, _gradient);

    [Benchmark(Baseline = true)]
    public double FitMathNetLbfgs()
    {
        double best = double.PositiveInfinity;   // lowest f MathNet evaluated: the point it would return
        var objective = ObjectiveFunction.Gradient(v =>
        {
            var g = new double[_scaled.Dimension];
            double f = _scaled.Evaluate(v.AsArray() ?? v.ToArray(), g);
            best = Math.Min(best, f);
            return (f, Vector<double>.Build.Dense(g));
        });
        var minimizer = new LimitedMemoryBfgsMinimizer(1e-12, 1e-15, 1e-15, memory: 10, maximumIterations: Iterations);
        try
        {
            minimizer.FindMinimum(objective, Vector<double>.Build.Dense(_scaled.Dimension));
        }
        catch (MaximumIterationsException)
        {
            // MathNet signals the iteration limit by throwing; the work is done either way.
        }
        return best;
    }

    [Benchmark]
    public double FitOurLbfgs()
    {
        var theta = new double[_scaled.Dimension];
        var options = new LbfgsOptions { MaxIterations = Iterations, GradientTolerance = 0, RelativeDecreaseTolerance = 0 };
        return new Lbfgs(options).Minimize(_scaled, theta).Objective;
    }

    [Benchmark]
    public LogisticRegressionModel FitTrainer() =>
        new LogisticRegressionTrainer(new LogisticRegressionOptions { MaxIterations = Iterations, GradientTolerance = 0, RelativeDecreaseTolerance = 0 })
            .Fit(_data.X, _data.Y, _data.ClassCount, _data.Weights);
}
