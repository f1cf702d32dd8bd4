using System.Numerics;
using AttackClassifier.Kernels;
using AttackClassifier.Models.LogisticRegression;
using AttackClassifier.Optimization;
using AttackClassifier.Tests.Testing;

namespace AttackClassifier.Tests.Optimization;

/// <summary>L-BFGS with its curvature history stored in float (<see cref="LbfgsOptions.SinglePrecisionHistoryBytes"/>).</summary>
public class SinglePrecisionHistoryTests
{
    private static SoftmaxCrossEntropyLoss Problem(int seed)
    {
        var rng = new Random(seed);
        var x = TinyProblems.SparseRows(rng, n: 300, d: 40, density: 0.15);
        return new SoftmaxCrossEntropyLoss(x, TinyProblems.Labels(rng, 300, 5), 5, TinyProblems.Weights(rng, 300), c: 10, fitIntercept: true);
    }

    private static (LbfgsResult Result, double[] Theta) Fit(IDifferentiableFunction f, long singleAbove)
    {
        var theta = new double[f.Dimension];
        var options = new LbfgsOptions { SinglePrecisionHistoryBytes = singleAbove, GradientTolerance = 1e-8 };
        return (new Lbfgs(options).Minimize(f, theta), theta);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Float_history_reaches_the_double_history_optimum_within_tolerance(int seed)
    {
        SoftmaxCrossEntropyLoss loss = Problem(seed);
        var f = new ScaledFunction(loss, 1.0 / (loss.C * loss.WeightSum));
        Assert.True(new LbfgsOptions { SinglePrecisionHistoryBytes = 0 }.StoresHistoryInSingle(f.Dimension));
        var (exact, thetaExact) = Fit(f, long.MaxValue);
        var (single, thetaSingle) = Fit(f, 0);
        Assert.True(exact.Converged && single.Converged, $"{exact.Status} / {single.Status}");
        Assert.True(Math.Abs(single.Objective - exact.Objective) <= 1e-10 * Math.Abs(exact.Objective), $"f: {single.Objective:R} vs {exact.Objective:R}");
        double scale = thetaExact.Max(Math.Abs);
        for (int i = 0; i < thetaExact.Length; i++)
            Assert.True(Math.Abs(thetaSingle[i] - thetaExact[i]) <= 1e-4 * scale, $"θ[{i}]: {thetaSingle[i]:R} vs {thetaExact[i]:R}");
    }

    [Fact]
    public void The_default_keeps_study_sized_problems_in_double_bit_for_bit()
    {
        // The study preset: at most 5,000 features; with 55 classes θ has 275,055 entries, a 44 MB double history (m = 10).
        var defaults = new LbfgsOptions();
        Assert.Equal(256L << 20, defaults.SinglePrecisionHistoryBytes);
        Assert.False(defaults.StoresHistoryInSingle(5000 * 55 + 55));
        Assert.Equal(defaults.SinglePrecisionHistoryBytes, LogisticRegressionOptionsLbfgs().SinglePrecisionHistoryBytes);
        Assert.True(defaults.StoresHistoryInSingle(2_000_000));   // 320 MB of double history: float

        SoftmaxFitsIdentically();

        static LbfgsOptions LogisticRegressionOptionsLbfgs() => new LogisticRegressionOptions().ToLbfgsOptions();

        static void SoftmaxFitsIdentically()
        {
            SoftmaxCrossEntropyLoss loss = Problem(4);
            var (viaDefault, a) = Fit(loss, new LbfgsOptions().SinglePrecisionHistoryBytes);
            var (viaDouble, b) = Fit(loss, long.MaxValue);
            Assert.Equal(viaDouble, viaDefault);
            Assert.Equal(b, a);
        }
    }

    [Fact]
    public void A_negative_threshold_is_rejected()
    {
        var f = Problem(5);
        var options = new LbfgsOptions { SinglePrecisionHistoryBytes = -1 };
        Assert.Throws<ArgumentOutOfRangeException>(() => new Lbfgs(options).Minimize(f, new double[f.Dimension]));
    }

    [Fact]
    public void Mixed_precision_kernels_match_the_scalar_loops_at_every_length()
    {
        var rng = new Random(6);
        for (int n = 0; n <= 3 * Vector<float>.Count + 1; n++)
        {
            float[] x = TinyProblems.Gaussian(rng, n, 1.0).Select(v => (float)v).ToArray();
            double[] y = TinyProblems.Gaussian(rng, n, 1.0);
            double dot = 0;
            for (int i = 0; i < n; i++) dot += (double)x[i] * y[i];
            Assert.Equal(dot, MixedPrecision.Dot(x, y), 12);
            double[] expected = y.Select((v, i) => v + 0.3 * x[i]).ToArray();
            MixedPrecision.MultiplyAdd(x, 0.3, y);
            for (int i = 0; i < n; i++) Assert.Equal(expected[i], y[i], 14);
            var narrowed = new float[n];
            MixedPrecision.Narrow(y, narrowed);
            for (int i = 0; i < n; i++) Assert.Equal((float)y[i], narrowed[i]);
        }
        Assert.Throws<ArgumentException>(() => MixedPrecision.Dot(new float[3], new double[4]));
        Assert.Throws<ArgumentException>(() => MixedPrecision.MultiplyAdd(new float[3], 1.0, new double[4]));
    }
}
