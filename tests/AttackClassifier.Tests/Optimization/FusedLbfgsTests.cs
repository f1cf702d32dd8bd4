using AttackClassifier.Models.LogisticRegression;
using AttackClassifier.Optimization;
using AttackClassifier.Tests.Testing;

namespace AttackClassifier.Tests.Optimization;

/// <summary>The tuned <see cref="Lbfgs"/> against its reference <see cref="NaiveLbfgs"/>: the fused vector passes keep every
/// rounding, so every accepted iterate — f, max |∇f|, the reported step — and the final θ must be equal bit for bit.</summary>
public class FusedLbfgsTests
{
    private static (LbfgsResult Result, double[] Theta, List<LbfgsProgress> Steps) Run(bool naive, IDifferentiableFunction f, double[] start, LbfgsOptions options, bool report = true)
    {
        var theta = (double[])start.Clone();
        var steps = new List<LbfgsProgress>();
        Action<LbfgsProgress>? progress = report ? steps.Add : null;
        LbfgsResult result = naive ? new NaiveLbfgs(options).Minimize(f, theta, progress) : new Lbfgs(options).Minimize(f, theta, progress);
        return (result, theta, steps);
    }

    private static void AssertIdentical(IDifferentiableFunction f, double[] start, LbfgsOptions options)
    {
        var naive = Run(naive: true, f, start, options);
        var tuned = Run(naive: false, f, start, options);
        Assert.Equal(naive.Result, tuned.Result);
        Assert.Equal(naive.Steps, tuned.Steps);   // record equality: bit-for-bit doubles
        for (int i = 0; i < naive.Theta.Length; i++)
            Assert.True(BitConverter.DoubleToInt64Bits(naive.Theta[i]) == BitConverter.DoubleToInt64Bits(tuned.Theta[i]), $"θ[{i}]: {tuned.Theta[i]:R} vs {naive.Theta[i]:R}");
        var silent = Run(naive: false, f, start, options, report: false);   // the reported step is skipped without a listener
        Assert.Equal(tuned.Result, silent.Result);
        Assert.Equal(tuned.Theta, silent.Theta);
    }

    // A study-shaped LR problem (sparse TF-IDF-like rows, K classes, sample weights, C = 10, scikit-learn's scaling), run for a
    // fixed number of iterations so the history wraps around several times.
    private static ScaledFunction SoftmaxProblem(int seed, int n, int d, int k)
    {
        var rng = new Random(seed);
        var x = TinyProblems.SparseRows(rng, n, d, density: 0.05);
        var loss = new SoftmaxCrossEntropyLoss(x, TinyProblems.Labels(rng, n, k), k, TinyProblems.Weights(rng, n), c: 10, fitIntercept: true);
        return new ScaledFunction(loss, 1.0 / (loss.C * loss.WeightSum));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void Softmax_fit_iterates_are_bit_identical_to_the_reference(int seed, bool floatHistory)
    {
        ScaledFunction f = SoftmaxProblem(seed, n: 1500, d: 400, k: 12);   // θ: 4,812 entries
        var options = new LbfgsOptions
        {
            GradientTolerance = 0, RelativeDecreaseTolerance = 0, MaxIterations = 80,
            SinglePrecisionHistoryBytes = floatHistory ? 0 : long.MaxValue,
        };
        AssertIdentical(f, new double[f.Dimension], options);
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(37, 3)]
    [InlineData(1001, 10)]
    public void Rosenbrock_iterates_are_bit_identical_to_the_reference(int dimension, int historySize)
    {
        double[] start = Enumerable.Range(0, dimension + dimension % 2).Select(i => i % 2 == 0 ? -1.2 : 1.0).ToArray();
        var options = new LbfgsOptions { GradientTolerance = 1e-10, RelativeDecreaseTolerance = 0, HistorySize = historySize };
        AssertIdentical(TestFunctions.Rosenbrock(start.Length), start, options);
    }
}
