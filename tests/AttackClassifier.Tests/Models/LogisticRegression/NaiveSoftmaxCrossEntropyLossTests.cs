using AttackClassifier.Models.LogisticRegression;
using AttackClassifier.Tests.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AttackClassifier.Tests.Models.LogisticRegression;

/// <summary>The tuned loss (grouping of identical rows, padded K, SIMD, chunks) against the plain loops it must equal.</summary>
public class NaiveSoftmaxCrossEntropyLossTests
{
    private const double Tolerance = 1e-12;

    [Property(MaxTest = 200)]
    public Property Tuned_loss_matches_the_naive_loops_in_value_and_gradient()
    {
        // Duplicate rows (drawn from a small pool, with differing labels and weights), weights of 0 (and sometimes all of
        // them), K from 2 to 9 (odd K leaves a padded tail at every SIMD width), with and without intercept, C over four
        // decades so the ½‖w‖² term ranges from dominant to negligible, and θ = 0 or the weights w = 0.
        var cases = from seed in Gen.Choose(0, int.MaxValue)
                    from k in Gen.Choose(2, 9)
                    from fitIntercept in Gen.Elements(true, false)
                    from logC in Gen.Choose(-2, 2)
                    from thetaKind in Gen.Elements("random", "zero", "zero-w")
                    select (seed, k, fitIntercept, c: Math.Pow(10, logC), thetaKind);
        return Prop.ForAll(cases.ToArbitrary(), t =>
        {
            var rng = new Random(t.seed);
            int distinct = rng.Next(1, 8), n = rng.Next(1, 40), d = rng.Next(1, 12);
            var pool = TinyProblems.SparseRows(rng, distinct, d, density: 0.5);
            int[] pick = Enumerable.Range(0, n).Select(_ => rng.Next(distinct)).ToArray();
            var x = pool.SelectRows(pick);
            int[] y = Enumerable.Range(0, n).Select(_ => rng.Next(t.k)).ToArray();
            bool allZero = rng.Next(10) == 0;
            double[] s = Enumerable.Range(0, n).Select(_ => allZero || rng.Next(4) == 0 ? 0.0 : 0.25 + 3 * rng.NextDouble()).ToArray();
            var tuned = new SoftmaxCrossEntropyLoss(x, y, t.k, s, t.c, t.fitIntercept);
            var naive = new NaiveSoftmaxCrossEntropyLoss(x, y, t.k, s, t.c, t.fitIntercept);
            Assert.Equal(naive.Dimension, tuned.Dimension);
            double[] theta = t.thetaKind == "zero" ? new double[tuned.Dimension] : TinyProblems.Gaussian(rng, tuned.Dimension, 1.5);
            if (t.thetaKind == "zero-w") Array.Clear(theta, 0, d * t.k);
            AssertAgree(naive, tuned, theta);
        });
    }

    [Fact]
    public void Tuned_loss_matches_the_naive_loops_with_several_parallel_chunks()
    {
        var rng = new Random(23);
        int n = 3 * SoftmaxCrossEntropyLoss.MinRowsPerChunk + 5, d = 300, k = 7;
        var x = TinyProblems.SparseRows(rng, n, d, density: 0.02);
        int[] y = TinyProblems.Labels(rng, n, k);
        double[] s = TinyProblems.Weights(rng, n);
        var tuned = new SoftmaxCrossEntropyLoss(x, y, k, s, 10, true);
        Assert.True(tuned.ChunkCount > 1);
        AssertAgree(new NaiveSoftmaxCrossEntropyLoss(x, y, k, s, 10, true), tuned, TinyProblems.Gaussian(rng, tuned.Dimension, 0.3));
    }

    [Fact]
    public void Naive_loss_gives_the_hand_computed_value_on_two_examples()
    {
        // As in SoftmaxCrossEntropyLossTests: θ = 0 → p = (½, ½); f = (1 + 3) log 2, ∇w = (2.5, −2.5), ∇b = (1, −1).
        var x = new AttackClassifier.Kernels.CsrMatrix(2, 1, [0, 1, 2], [0, 0], [1.0, 2.0]);
        var f = new NaiveSoftmaxCrossEntropyLoss(x, [0, 1], 2, [1.0, 3.0], c: 1.0, fitIntercept: true);
        var g = new double[4];
        Assert.Equal(4 * Math.Log(2), f.Evaluate(new double[4], g), 14);
        Assert.Equal([2.5, -2.5, 1.0, -1.0], g);
    }

    // |f − f̂| ≤ 1e-12 |f|, and every gradient entry within 1e-12 of the largest one (entries that cancel to ≈ 0 carry the
    // rounding of the terms that cancelled, so an entry-wise relative bound would test the summation order, not the maths).
    private static void AssertAgree(NaiveSoftmaxCrossEntropyLoss naive, SoftmaxCrossEntropyLoss tuned, double[] theta)
    {
        var gNaive = new double[theta.Length];
        var gTuned = new double[theta.Length];
        double fNaive = naive.Evaluate(theta, gNaive), fTuned = tuned.Evaluate(theta, gTuned);
        Assert.True(Math.Abs(fTuned - fNaive) <= Tolerance * Math.Abs(fNaive), $"f: {fTuned:R} vs naive {fNaive:R}");
        double scale = gNaive.Length == 0 ? 0 : gNaive.Max(Math.Abs);
        for (int i = 0; i < gNaive.Length; i++)
            Assert.True(Math.Abs(gTuned[i] - gNaive[i]) <= Tolerance * scale, $"∇[{i}]: {gTuned[i]:R} vs naive {gNaive[i]:R} (scale {scale:R})");
    }
}
