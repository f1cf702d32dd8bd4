using AttackClassifier.Optimization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace AttackClassifier.Tests.Optimization;

public class LbfgsTests
{
    private static readonly LbfgsOptions Tight = new() { GradientTolerance = 1e-10, RelativeDecreaseTolerance = 0 };

    private static (LbfgsResult Result, double[] X, List<double> Accepted) Run(IDifferentiableFunction f, double[] x0, LbfgsOptions? options = null)
    {
        var x = (double[])x0.Clone();
        var accepted = new List<double>();
        var result = new Lbfgs(options ?? Tight).Minimize(f, x, p => accepted.Add(p.Objective));
        return (result, x, accepted);
    }

    private static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"x[{i}] = {actual[i]}, expected {expected[i]} ± {tolerance}");
    }

    [Fact]
    public void Solves_Rosenbrock_2d_from_the_classic_start()
    {
        var (result, x, _) = Run(TestFunctions.Rosenbrock(2), [-1.2, 1.0]);
        Assert.True(result.Converged, result.Message);
        AssertClose([1, 1], x, 1e-8);
        Assert.True(result.Objective < 1e-16);
        Assert.True(result.Iterations is > 10 and < 100, $"{result.Iterations} iterations");
    }

    [Theory]
    [InlineData(10)]
    [InlineData(100)]
    public void Solves_extended_Rosenbrock(int n)
    {
        double[] x0 = Enumerable.Range(0, n).Select(i => i % 2 == 0 ? -1.2 : 1.0).ToArray();
        var (result, x, _) = Run(TestFunctions.Rosenbrock(n), x0);
        Assert.True(result.Converged, result.Message);
        AssertClose(Enumerable.Repeat(1.0, n).ToArray(), x, 1e-7);
    }

    [Fact]
    public void Solves_Beale()
    {
        var (result, x, _) = Run(TestFunctions.Beale(), [1.0, 1.0]);
        Assert.True(result.Converged, result.Message);
        AssertClose([3, 0.5], x, 1e-8);
    }

    [Fact]
    public void Solves_Booth()
    {
        var (result, x, _) = Run(TestFunctions.Booth(), [0.0, 0.0]);
        Assert.True(result.Converged, result.Message);
        AssertClose([1, 3], x, 1e-9);
    }

    [Fact]
    public void Approaches_the_singular_minimum_of_extended_Powell()
    {
        // The Hessian is singular at 0, so convergence is only linear; the objective still falls by > 16 orders of magnitude.
        var f = TestFunctions.Powell(8);
        double[] x0 = [3, -1, 0, 1, 3, -1, 0, 1];
        var (result, x, _) = Run(f, x0, new LbfgsOptions { GradientTolerance = 1e-12, RelativeDecreaseTolerance = 0, MaxIterations = 5000 });
        Assert.NotEqual(LbfgsStatus.NonFiniteValue, result.Status);
        Assert.True(result.Objective < 1e-14, $"f = {result.Objective} ({result.Status})");
        AssertClose(new double[8], x, 1e-4);
    }

    public static TheoryData<string> MathNetProblems => ["Rosenbrock2", "Rosenbrock10", "Beale", "Booth"];

    [Theory]
    [MemberData(nameof(MathNetProblems))]
    public void Agrees_with_MathNet_LimitedMemoryBfgsMinimizer(string name)
    {
        (DelegateFunction f, double[] x0) = name switch
        {
            "Rosenbrock2" => (TestFunctions.Rosenbrock(2), new[] { -1.2, 1.0 }),
            "Rosenbrock10" => (TestFunctions.Rosenbrock(10), Enumerable.Range(0, 10).Select(i => i % 2 == 0 ? -1.2 : 1.0).ToArray()),
            "Beale" => (TestFunctions.Beale(), new[] { 1.0, 1.0 }),
            _ => (TestFunctions.Booth(), new[] { 0.0, 0.0 }),
        };
        var objective = ObjectiveFunction.Gradient(
            v => f.Evaluate(v.ToArray(), new double[f.Dimension]),
            v => { var g = new double[f.Dimension]; f.Evaluate(v.ToArray(), g); return Vector<double>.Build.DenseOfArray(g); });
        var mathNet = new LimitedMemoryBfgsMinimizer(1e-10, 1e-14, 1e-14, 10, 10_000).FindMinimum(objective, Vector<double>.Build.DenseOfArray(x0));

        var (result, x, _) = Run(f, x0);
        Assert.True(result.Converged, result.Message);
        AssertClose(mathNet.MinimizingPoint.ToArray(), x, 1e-6);
    }

    [Property(MaxTest = 60)]
    public Property Reaches_the_minimum_of_random_SPD_quadratics()
    {
        var gen = Gen.Choose(1, 30).SelectMany(n => Gen.Choose(0, int.MaxValue).Select(seed => (n, seed)));
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var rng = new Random(t.seed);
            int n = t.n;
            var m = Matrix<double>.Build.Dense(n, n, (_, _) => rng.NextDouble() * 2 - 1);
            Matrix<double> a = m.TransposeThisAndMultiply(m) + Matrix<double>.Build.DenseIdentity(n) * 0.5;   // SPD, λmin ≥ 0.5
            var b = Vector<double>.Build.Dense(n, _ => rng.NextDouble() * 10 - 5);
            Vector<double> expected = a.Cholesky().Solve(b);                                              // x* = A⁻¹b, direct solve

            var (result, x, accepted) = Run(TestFunctions.Quadratic(a.ToArray(), b.ToArray()), new double[n],
                new LbfgsOptions { GradientTolerance = 1e-6, RelativeDecreaseTolerance = 0, MaxIterations = 10_000 });
            Assert.True(result.Converged, $"n = {n}: {result.Message}");
            double scale = Math.Max(1, expected.AbsoluteMaximum());
            // ‖x − x*‖ ≤ ‖∇f‖ / λmin ≤ √30 · 1e-6 / 0.5 ≈ 1.1e-5. (A tighter gradient tolerance is not reachable in double:
            // near x* the decrease of f per step, ~‖∇f‖²/λ, falls below the rounding noise of f, and the line search fails.)
            for (int i = 0; i < n; i++) Assert.True(Math.Abs(x[i] - expected[i]) <= 2e-5 * scale, $"x[{i}] = {x[i]} vs {expected[i]}");
            for (int i = 1; i < accepted.Count; i++) Assert.True(accepted[i] <= accepted[i - 1], $"f rose at step {i}");
        });
    }

    [Fact]
    public void Never_increases_f_on_an_accepted_step()
    {
        var (result, _, accepted) = Run(TestFunctions.Rosenbrock(20), Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? -1.2 : 1.0).ToArray());
        Assert.Equal(result.Iterations, accepted.Count);
        double f0 = TestFunctions.Rosenbrock(20).Evaluate(Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? -1.2 : 1.0).ToArray(), new double[20]);
        Assert.True(accepted[0] < f0);
        for (int i = 1; i < accepted.Count; i++) Assert.True(accepted[i] <= accepted[i - 1], $"f rose at step {i}: {accepted[i - 1]} → {accepted[i]}");
    }

    [Fact]
    public void Reports_gradient_and_evaluation_counts_of_the_returned_point()
    {
        var f = TestFunctions.Rosenbrock(2);
        var (result, x, _) = Run(f, [-1.2, 1.0], new LbfgsOptions { GradientTolerance = 1e-3 });
        var g = new double[2];
        double fx = TestFunctions.Rosenbrock(2).Evaluate(x, g);
        Assert.Equal(LbfgsStatus.ConvergedGradient, result.Status);
        Assert.Equal(fx, result.Objective);
        Assert.Equal(Math.Max(Math.Abs(g[0]), Math.Abs(g[1])), result.GradientMaxNorm);
        Assert.True(result.GradientMaxNorm <= 1e-3);
        Assert.Equal(Math.Sqrt(g[0] * g[0] + g[1] * g[1]), result.GradientNorm, 12);
        Assert.Equal(f.Evaluations, result.Evaluations);
    }

    [Fact]
    public void Stops_on_relative_decrease_when_the_gradient_rule_is_off()
    {
        var (result, x, _) = Run(TestFunctions.Booth(), [0.0, 0.0], new LbfgsOptions { GradientTolerance = 0, RelativeDecreaseTolerance = 1e-6 });
        Assert.Equal(LbfgsStatus.ConvergedRelativeDecrease, result.Status);
        AssertClose([1, 3], x, 1e-2);
    }

    [Fact]
    public void Stops_at_the_iteration_limit()
    {
        var (result, x, accepted) = Run(TestFunctions.Rosenbrock(2), [-1.2, 1.0], Tight with { MaxIterations = 3 });
        Assert.Equal(LbfgsStatus.MaxIterations, result.Status);
        Assert.Equal(3, result.Iterations);
        Assert.Equal(3, accepted.Count);
        Assert.False(result.Converged);
        Assert.Equal(accepted[^1], TestFunctions.Rosenbrock(2).Evaluate(x, new double[2]));
    }

    [Fact]
    public void Stops_at_the_evaluation_limit()
    {
        var f = TestFunctions.Rosenbrock(2);
        var (result, _, _) = Run(f, [-1.2, 1.0], Tight with { MaxEvaluations = 7 });
        Assert.Equal(LbfgsStatus.MaxEvaluations, result.Status);
        Assert.True(f.Evaluations <= 7, $"{f.Evaluations} evaluations");
        Assert.Equal(f.Evaluations, result.Evaluations);
    }

    [Fact]
    public void Zero_iterations_evaluates_the_start_only()
    {
        var (result, x, _) = Run(TestFunctions.Booth(), [0.0, 0.0], Tight with { MaxIterations = 0 });
        Assert.Equal(LbfgsStatus.MaxIterations, result.Status);
        Assert.Equal(0, result.Iterations);
        Assert.Equal(1, result.Evaluations);
        Assert.Equal([0.0, 0.0], x);
        Assert.Equal(74.0, result.Objective);   // 7² + 5²
    }

    [Fact]
    public void Converges_immediately_at_a_stationary_start()
    {
        var (result, x, _) = Run(TestFunctions.Booth(), [1.0, 3.0]);
        Assert.Equal(LbfgsStatus.ConvergedGradient, result.Status);
        Assert.Equal(0, result.Iterations);
        Assert.Equal([1.0, 3.0], x);
    }

    [Fact]
    public void Non_finite_value_at_the_start_is_a_failure_and_leaves_theta_unchanged()
    {
        var f = new DelegateFunction(2, (x, g) => { g[0] = 1; g[1] = 1; return double.NaN; });
        var (result, x, _) = Run(f, [0.5, -0.5]);
        Assert.Equal(LbfgsStatus.NonFiniteValue, result.Status);
        Assert.False(result.Converged);
        Assert.Equal([0.5, -0.5], x);
        Assert.Equal(0, result.Iterations);
    }

    [Fact]
    public void Non_finite_gradient_at_the_start_is_a_failure()
    {
        var f = new DelegateFunction(1, (x, g) => { g[0] = double.PositiveInfinity; return x[0] * x[0]; });
        var (result, _, _) = Run(f, [2.0]);
        Assert.Equal(LbfgsStatus.NonFiniteValue, result.Status);
    }

    [Fact]
    public void Non_finite_everywhere_but_the_start_returns_the_start_with_a_failure_status()
    {
        double[] start = [2.0, -1.0];
        var f = new DelegateFunction(2, (x, g) =>
        {
            bool atStart = x[0] == start[0] && x[1] == start[1];
            g[0] = 2 * x[0]; g[1] = 2 * x[1];
            return atStart ? x[0] * x[0] + x[1] * x[1] : double.NaN;
        });
        var (result, x, accepted) = Run(f, start);
        Assert.Equal(LbfgsStatus.NonFiniteValue, result.Status);
        Assert.Equal(start, x);
        Assert.Empty(accepted);
        Assert.Equal(5.0, result.Objective);
    }

    [Fact]
    public void Shortens_steps_that_land_where_f_is_not_finite()
    {
        // f = (x − 3)² but NaN beyond x = 3.5: the first trial steps overshoot into the NaN region and must be cut back.
        var f = new DelegateFunction(1, (x, g) =>
        {
            g[0] = 2 * (x[0] - 3);
            return x[0] > 3.5 ? double.NaN : (x[0] - 3) * (x[0] - 3);
        });
        var (result, x, _) = Run(f, [-100.0], new LbfgsOptions { GradientTolerance = 1e-8 });
        Assert.True(result.Converged, result.Message);
        Assert.Equal(3.0, x[0], 6);
    }

    [Fact]
    public void A_wrong_gradient_is_not_reported_as_convergence()
    {
        // The "gradient" has the wrong sign: every search direction points uphill in reality.
        var f = new DelegateFunction(2, (x, g) => { g[0] = -2 * x[0]; g[1] = -2 * x[1]; return x[0] * x[0] + x[1] * x[1]; });
        var (result, x, _) = Run(f, [1.0, 1.0]);
        Assert.False(result.Converged);
        Assert.Equal(LbfgsStatus.LineSearchFailed, result.Status);
        Assert.Equal([1.0, 1.0], x);
    }

    [Fact]
    public void Rejects_bad_options_and_mismatched_theta()
    {
        var f = TestFunctions.Booth();
        Assert.Throws<ArgumentOutOfRangeException>(() => new Lbfgs(new LbfgsOptions { HistorySize = 0 }).Minimize(f, new double[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Lbfgs(new LbfgsOptions { GradientTolerance = double.NaN }).Minimize(f, new double[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Lbfgs(new LbfgsOptions { SufficientDecrease = 0.95 }).Minimize(f, new double[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Lbfgs(new LbfgsOptions { MaxEvaluations = 0 }).Minimize(f, new double[2]));
        var ex = Assert.Throws<ArgumentException>(() => new Lbfgs().Minimize(f, new double[3]));
        Assert.Contains("dimension 2", ex.Message);
    }

    [Fact]
    public void History_size_one_still_solves_Rosenbrock()
    {
        var (result, x, _) = Run(TestFunctions.Rosenbrock(2), [-1.2, 1.0], Tight with { HistorySize = 1, MaxIterations = 10_000 });
        Assert.True(result.Converged, result.Message);
        AssertClose([1, 1], x, 1e-7);
    }

    [Fact]
    public void Cubic_interpolation_is_exact_for_a_quadratic()
    {
        // φ(α) = (α − 2)²: φ(0) = 4, φ'(0) = −4, φ(3) = 1, φ'(3) = 2 → the interpolating cubic is φ itself, minimum at 2.
        Assert.Equal(2.0, LineSearch.CubicMinimizer(0, 4, -4, 3, 1, 2), 12);
        Assert.Equal(2.0, LineSearch.CubicMinimizer(3, 1, 2, 0, 4, -4), 12);
        // φ(α) = α³ − 3α (min at 1): a = 0 (φ 0, φ' −3), b = 2 (φ 2, φ' 9).
        Assert.Equal(1.0, LineSearch.CubicMinimizer(0, 0, -3, 2, 2, 9), 12);
    }
}
