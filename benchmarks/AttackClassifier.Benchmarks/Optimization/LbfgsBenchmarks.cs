using AttackClassifier.Optimization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace AttackClassifier.Benchmarks.Optimization;

/// <summary>
/// Optimiser overhead on a cheap objective: extended Rosenbrock from the classic start (−1.2, 1, −1.2, 1, …), solved to
/// max |∇f| ≤ 1e-6 by our L-BFGS and by MathNet.Numerics' <c>LimitedMemoryBfgsMinimizer</c> (both m = 10;
/// MathNet's tolerance applies to its own gradient criterion, so iteration counts can differ). The objective
/// costs O(n), so the vector algebra of the two-loop recursion and the line search dominate. Returns f at the solution.
/// </summary>
[Config(typeof(LbfgsBenchmarkConfig))]
[MemoryDiagnoser]
public class LbfgsBenchmarks
{
    [Params(100, 10_000)] public int Dimension;

    private double[] _start = [];
    private Rosenbrock _f = null!;

    [GlobalSetup]
    public void Setup()
    {
        _start = Enumerable.Range(0, Dimension).Select(i => i % 2 == 0 ? -1.2 : 1.0).ToArray();
        _f = new Rosenbrock(Dimension);
    }

    [Benchmark(Baseline = true)]
    public double MathNet()
    {
        var objective = ObjectiveFunction.Gradient(v =>
        {
            var g = new double[Dimension];
            double f = _f.Evaluate(v.AsArray() ?? v.ToArray(), g);
            return (f, Vector<double>.Build.Dense(g));
        });
        var result = new LimitedMemoryBfgsMinimizer(1e-6, 0, 0, memory: 10, maximumIterations: 100_000)
            .FindMinimum(objective, Vector<double>.Build.DenseOfArray(_start));
        return result.FunctionInfoAtMinimum.Value;
    }

    [Benchmark]
    public double Ours()
    {
        var theta = (double[])_start.Clone();
        var options = new LbfgsOptions { GradientTolerance = 1e-6, RelativeDecreaseTolerance = 0, MaxIterations = 100_000 };
        return new Lbfgs(options).Minimize(_f, theta).Objective;
    }

    /// <summary>Σᵢ 100 (x₂ᵢ₊₁ − x₂ᵢ²)² + (1 − x₂ᵢ)².</summary>
    private sealed class Rosenbrock(int n) : IDifferentiableFunction
    {
        public int Dimension => n;

        public double Evaluate(ReadOnlySpan<double> x, Span<double> g)
        {
            double f = 0;
            for (int i = 0; i < x.Length; i += 2)
            {
                double t1 = x[i + 1] - x[i] * x[i], t2 = 1 - x[i];
                f += 100 * t1 * t1 + t2 * t2;
                g[i] = -400 * x[i] * t1 - 2 * t2;
                g[i + 1] = 200 * t1;
            }
            return f;
        }
    }
}

/// <summary>One launch, three warm-ups, ten measured iterations — unless the command line names a job (CI's dry run).</summary>
internal sealed class LbfgsBenchmarkConfig : ManualConfig
{
    public LbfgsBenchmarkConfig()
    {
        if (!MonitoringConfig.JobGivenOnCommandLine)
            AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10));
    }
}
