using System.Numerics.Tensors;
using AttackClassifier.Kernels;
using AttackClassifier.Models.LogisticRegression;
using AttackClassifier.Tests.Testing;
using AttackClassifier.Text;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FsCheck;

namespace AttackClassifier.Tests.Models.LogisticRegression;

public class SoftmaxCrossEntropyLossTests
{
    public static TheoryData<string> Fixtures => ["random_sparse_k4_c10", "random_sparse_k5_c1_no_intercept", "command_lines_tfidf_k4_c10", "random_sparse_k2_c10"];

    private static SoftmaxCrossEntropyLoss Loss(SklearnLogisticFixture fx) =>
        new(fx.X, fx.Y, fx.NClasses, fx.SampleWeight, fx.C, fx.FitIntercept);

    [Fact]
    public void Hand_computed_value_and_gradient_on_two_examples()
    {
        // x₁ = [1], y₁ = 0, s₁ = 1;  x₂ = [2], y₂ = 1, s₂ = 3;  C = 1, θ = 0 → z = 0, p = (½, ½).
        // f = 1·log 2 + 3·log 2 = 4 log 2
        // ∇w = 1·1·(½ − 1, ½) + 3·2·(½, ½ − 1) = (−½, ½) + (3, −3) = (2.5, −2.5);  ∇b = (−½, ½) + 3·(½, −½) = (1, −1).
        var x = new CsrMatrix(2, 1, [0, 1, 2], [0, 0], [1.0, 2.0]);
        var f = new SoftmaxCrossEntropyLoss(x, [0, 1], 2, [1.0, 3.0], c: 1.0, fitIntercept: true);
        Assert.Equal(4, f.Dimension);
        var g = new double[4];
        Assert.Equal(4 * Math.Log(2), f.Evaluate(new double[4], g), 14);
        Assert.Equal([2.5, -2.5, 1.0, -1.0], g);

        // With w = (1, −1), b = 0, C = 2: z₁ = (1, −1), z₂ = (2, −2); the penalty ½‖w‖² = 1 is added and w enters ∇w.
        double f2 = new SoftmaxCrossEntropyLoss(x, [0, 1], 2, [1.0, 3.0], c: 2.0, fitIntercept: true).Evaluate([1, -1, 0, 0], g);
        double ce1 = Math.Log(Math.Exp(1) + Math.Exp(-1)) - 1, ce2 = Math.Log(Math.Exp(2) + Math.Exp(-2)) + 2;
        Assert.Equal(2 * (1 * ce1 + 3 * ce2) + 1, f2, 12);
        double p1 = Math.Exp(1) / (Math.Exp(1) + Math.Exp(-1)), p2 = Math.Exp(2) / (Math.Exp(2) + Math.Exp(-2));
        double dz1 = 2 * 1 * (p1 - 1), dz2 = 2 * 3 * p2;                // ∂/∂z₀ of each row (class 1 gets the negative)
        Assert.Equal(1 * dz1 + 2 * dz2 + 1, g[0], 12);
        Assert.Equal(-(1 * dz1 + 2 * dz2) - 1, g[1], 12);
        Assert.Equal(dz1 + dz2, g[2], 12);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Gradient_matches_central_differences_along_random_directions(bool fitIntercept)
    {
        var rng = new Random(1234);
        var x = TinyProblems.SparseRows(rng, n: 40, d: 9, density: 0.4);
        var f = new SoftmaxCrossEntropyLoss(x, TinyProblems.Labels(rng, 40, 4), 4, TinyProblems.Weights(rng, 40), c: 3.0, fitIntercept);
        double[] theta = TinyProblems.Gaussian(rng, f.Dimension, scale: 0.5);
        var g = new double[f.Dimension];
        f.Evaluate(theta, g);
        for (int trial = 0; trial < 10; trial++)
        {
            double[] u = TinyProblems.UnitVector(rng, f.Dimension);
            double numeric = GradientCheck.CentralDifference(f, theta, u, h: 1e-6);   // (f(θ+hu) − f(θ−hu)) / 2h
            double analytic = TensorPrimitives.Dot<double>(g, u);
            Assert.True(GradientCheck.RelativeError(analytic, numeric) < 1e-6, $"trial {trial}: {analytic} vs {numeric}");
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Gradient_matches_central_differences_coordinate_by_coordinate(bool fitIntercept)
    {
        var rng = new Random(99);
        var x = TinyProblems.SparseRows(rng, n: 7, d: 5, density: 0.5);
        var f = new SoftmaxCrossEntropyLoss(x, TinyProblems.Labels(rng, 7, 3), 3, TinyProblems.Weights(rng, 7), c: 0.7, fitIntercept);
        double[] theta = TinyProblems.Gaussian(rng, f.Dimension, scale: 1.0);
        var g = new double[f.Dimension];
        f.Evaluate(theta, g);
        for (int i = 0; i < f.Dimension; i++)
        {
            var e = new double[f.Dimension];
            e[i] = 1;
            double numeric = GradientCheck.CentralDifference(f, theta, e, h: 1e-6);
            Assert.True(GradientCheck.RelativeError(g[i], numeric) < 1e-6, $"θ[{i}]: {g[i]} vs {numeric}");
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Objective_at_sklearn_coefficients_matches_the_numpy_sums_formula(string name)
    {
        var fx = SklearnLogisticFixture.Load(name);
        var f = Loss(fx);
        double value = f.Evaluate(fx.SklearnTheta(), new double[f.Dimension]);
        Assert.True(GradientCheck.RelativeError(value, fx.ObjectiveAtSklearn) < 1e-9, $"{value:R} vs {fx.ObjectiveAtSklearn:R}");
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Objective_and_gradient_at_a_random_point_match_numpy(string name)
    {
        var fx = SklearnLogisticFixture.Load(name);
        var f = Loss(fx);
        Assert.Equal(fx.GradientAtProbe.Length, f.Dimension);
        var g = new double[f.Dimension];
        double value = f.Evaluate(fx.ThetaProbe, g);
        Assert.True(GradientCheck.RelativeError(value, fx.ObjectiveAtProbe) < 1e-9, $"{value:R} vs {fx.ObjectiveAtProbe:R}");
        double scale = fx.GradientAtProbe.Max(Math.Abs);
        for (int i = 0; i < g.Length; i++)
            Assert.True(Math.Abs(g[i] - fx.GradientAtProbe[i]) <= 1e-9 * scale, $"∇[{i}]: {g[i]:R} vs {fx.GradientAtProbe[i]:R}");
    }

    [Fact]
    public void Result_is_bit_identical_whatever_the_degree_of_parallelism()
    {
        var rng = new Random(5);
        int n = 5 * SoftmaxCrossEntropyLoss.MinRowsPerChunk + 17, d = 700;   // several row chunks, the last one shorter
        var x = TinyProblems.SparseRows(rng, n, d, density: 0.01);
        int[] y = TinyProblems.Labels(rng, n, 6);
        double[] s = TinyProblems.Weights(rng, n);
        var parallel = new SoftmaxCrossEntropyLoss(x, y, 6, s, 10, true);
        var serial = new SoftmaxCrossEntropyLoss(x, y, 6, s, 10, true) { Parallelism = new ParallelOptions { MaxDegreeOfParallelism = 1 } };
        var two = new SoftmaxCrossEntropyLoss(x, y, 6, s, 10, true) { Parallelism = new ParallelOptions { MaxDegreeOfParallelism = 2 } };
        Assert.InRange(parallel.ChunkCount, 3, SoftmaxCrossEntropyLoss.MaxChunks);   // several chunks even after duplicate rows merge
        double[] theta = TinyProblems.Gaussian(rng, parallel.Dimension, 0.3);
        var g1 = new double[theta.Length];
        var g2 = new double[theta.Length];
        var g3 = new double[theta.Length];
        double f1 = parallel.Evaluate(theta, g1), f2 = serial.Evaluate(theta, g2), f3 = two.Evaluate(theta, g3);
        Assert.Equal(BitConverter.DoubleToInt64Bits(f2), BitConverter.DoubleToInt64Bits(f1));
        Assert.Equal(BitConverter.DoubleToInt64Bits(f2), BitConverter.DoubleToInt64Bits(f3));
        Assert.Equal(g2, g1);
        Assert.Equal(g2, g3);
        Assert.Equal(f1, parallel.Evaluate(theta, g1));   // no state carried between calls
    }

    [Fact]
    public void Integer_weights_equal_repeated_rows_and_zero_weights_equal_dropped_rows()
    {
        var rng = new Random(17);
        var x = TinyProblems.SparseRows(rng, 20, 6);
        int[] y = TinyProblems.Labels(rng, 20, 3);
        double[] s = Enumerable.Range(0, 20).Select(i => (double)(i % 4)).ToArray();   // 0, 1, 2, 3, …
        int[] repeated = Enumerable.Range(0, 20).SelectMany(i => Enumerable.Repeat(i, i % 4)).ToArray();
        var weighted = new SoftmaxCrossEntropyLoss(x, y, 3, s, 2.0, true);
        var expanded = new SoftmaxCrossEntropyLoss(x.SelectRows(repeated), repeated.Select(i => y[i]).ToArray(), 3,
            Enumerable.Repeat(1.0, repeated.Length).ToArray(), 2.0, true);
        double[] theta = TinyProblems.Gaussian(rng, weighted.Dimension, 0.7);
        var g1 = new double[theta.Length];
        var g2 = new double[theta.Length];
        Assert.Equal(expanded.Evaluate(theta, g2), weighted.Evaluate(theta, g1), 10);
        for (int i = 0; i < g1.Length; i++) Assert.Equal(g2[i], g1[i], 10);
    }

    [Theory]
    [InlineData(1, 5000, 32, 1)]            // tiny N: one chunk, no threads
    [InlineData(2 * SoftmaxCrossEntropyLoss.MinRowsPerChunk - 1, 5000, 32, 1)]
    [InlineData(2 * SoftmaxCrossEntropyLoss.MinRowsPerChunk, 5000, 32, 2)]
    [InlineData(100_000, 5000, 32, SoftmaxCrossEntropyLoss.MaxChunks)]
    [InlineData(100_000, 1_000_000, 32, 1)]   // a (D+1, Kp) buffer of 256 MB: the budget allows only one
    [InlineData(100_000, 100_000, 32, 2)]     // 25.6 MB each: two fit in 64 MiB
    public void Chunk_count_depends_on_the_problem_size_only(int n, int d, int kp, int expected) =>
        Assert.Equal(expected, SoftmaxCrossEntropyLoss.ChunksFor(n, d, kp));

    [Fact]
    public void Sparse_row_multiply_add_matches_the_scalar_loop_and_rejects_ragged_lengths()
    {
        int w = System.Numerics.Vector<double>.Count;
        var rng = new Random(3);
        for (int blocks = 0; blocks <= 5; blocks++)
        {
            double[] x = TinyProblems.Gaussian(rng, blocks * w, 1.0), y = TinyProblems.Gaussian(rng, blocks * w, 1.0);
            double[] expected = y.Select((v, i) => v + 0.37 * x[i]).ToArray();
            SparseRowKernels.MultiplyAdd(x, 0.37, y);
            for (int i = 0; i < y.Length; i++) Assert.Equal(expected[i], y[i], 14);
        }
        Assert.Throws<ArgumentException>(() => SparseRowKernels.MultiplyAdd(new double[w + 1], 1.0, new double[w + 1]));
        Assert.Throws<ArgumentException>(() => SparseRowKernels.MultiplyAdd(new double[w], 1.0, new double[2 * w]));
    }

    [Fact]
    public void Padding_of_the_class_axis_leaves_no_trace_in_the_gradient()
    {
        // K = 5 is not a multiple of any SIMD width, so the padded stride is used; compare against the dense formula
        // ∇w f = C Xᵀ S (P − Y) + w computed directly here.
        var rng = new Random(11);
        int n = 9, d = 4, k = 5;
        var x = TinyProblems.SparseRows(rng, n, d);
        int[] y = TinyProblems.Labels(rng, n, k);
        double[] s = TinyProblems.Weights(rng, n);
        var f = new SoftmaxCrossEntropyLoss(x, y, k, s, 3.0, true);
        double[] theta = TinyProblems.Gaussian(rng, f.Dimension, 0.8);
        var g = new double[f.Dimension];
        double value = f.Evaluate(theta, g);
        double expectedF = 0;
        var expectedG = new double[f.Dimension];
        for (int j = 0; j < d * k; j++) expectedG[j] = theta[j];
        for (int r = 0; r < n; r++)
        {
            var z = new double[k];
            for (int c = 0; c < k; c++)
            {
                z[c] = theta[d * k + c];
                for (int j = 0; j < d; j++) z[c] += x[r, j] * theta[j * k + c];
            }
            double m = z.Max(), sum = z.Sum(v => Math.Exp(v - m)), logZ = m + Math.Log(sum);
            expectedF += 3.0 * s[r] * (logZ - z[y[r]]);
            for (int c = 0; c < k; c++)
            {
                double dz = 3.0 * s[r] * (Math.Exp(z[c] - logZ) - (c == y[r] ? 1 : 0));
                expectedG[d * k + c] += dz;
                for (int j = 0; j < d; j++) expectedG[j * k + c] += x[r, j] * dz;
            }
        }
        expectedF += 0.5 * theta.Take(d * k).Sum(v => v * v);
        Assert.Equal(expectedF, value, 10);
        for (int i = 0; i < g.Length; i++) Assert.Equal(expectedG[i], g[i], 10);
    }

    [Fact]
    public void Identical_feature_rows_are_grouped_with_their_labels_and_weights_in_row_order()
    {
        // Rows 0, 2, 3 share features; row 4 equals row 1 but has weight 0 (dropped); row 5 differs from row 1 in one value bit.
        var x = new CsrMatrix(6, 3, [0, 2, 3, 5, 7, 8, 9], [0, 2, 1, 0, 2, 0, 2, 1, 1], [0.5, 0.25, 1, 0.5, 0.25, 0.5, 0.25, 1, Math.BitIncrement(1.0)]);
        var (row, start, gy, gs) = SoftmaxCrossEntropyLoss.GroupIdenticalRows(x, [0, 1, 2, 0, 1, 1], [1, 2, 3, 4, 0, 6]);
        Assert.Equal([0, 1, 5], row);
        Assert.Equal([0, 3, 4, 5], start);
        Assert.Equal([0, 2, 0, 1, 1], gy);
        Assert.Equal([1.0, 3, 4, 2, 6], gs);
    }

    [Property(MaxTest = 30)]
    public Property Grouping_duplicate_rows_gives_the_objective_of_the_ungrouped_sum()
    {
        // Build X with many repeated rows (different labels and weights) and compare with the sum of per-row objectives,
        // each evaluated on a one-row matrix (nothing to group), plus the regulariser counted once.
        return Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            int distinct = rng.Next(1, 5), n = rng.Next(2, 25), d = rng.Next(1, 6), k = rng.Next(2, 5);
            var pool = TinyProblems.SparseRows(rng, distinct, d, density: 0.6);
            int[] pick = Enumerable.Range(0, n).Select(_ => rng.Next(distinct)).ToArray();
            var x = pool.SelectRows(pick);
            int[] y = Enumerable.Range(0, n).Select(_ => rng.Next(k)).ToArray();
            double[] s = Enumerable.Range(0, n).Select(_ => rng.Next(3) == 0 ? 0.0 : 0.5 + rng.NextDouble()).ToArray();
            if (s.All(v => v == 0)) s[0] = 1;
            var grouped = new SoftmaxCrossEntropyLoss(x, y, k, s, 2.0, true);
            Assert.True(grouped.U <= distinct);
            double[] theta = TinyProblems.Gaussian(rng, grouped.Dimension, 0.7);
            var g = new double[theta.Length];
            double f = grouped.Evaluate(theta, g);
            double expectedF = 0;
            var expectedG = new double[theta.Length];
            var gi = new double[theta.Length];
            for (int r = 0; r < n; r++)
            {
                var one = new SoftmaxCrossEntropyLoss(x.SelectRows([r]), [y[r]], k, [s[r]], 2.0, true);
                expectedF += one.Evaluate(theta, gi);
                for (int i = 0; i < gi.Length; i++) expectedG[i] += gi[i];
            }
            double w2 = theta.Take(d * k).Sum(v => v * v);
            expectedF -= (n - 1) * 0.5 * w2;                      // each one-row objective carried ½‖w‖²
            for (int i = 0; i < d * k; i++) expectedG[i] -= (n - 1) * theta[i];
            Assert.True(Math.Abs(f - expectedF) <= 1e-10 * Math.Max(1, Math.Abs(f)), $"{f:R} vs {expectedF:R}");
            for (int i = 0; i < g.Length; i++) Assert.True(Math.Abs(g[i] - expectedG[i]) <= 1e-10 * Math.Max(1, Math.Abs(g[i])), $"∇[{i}]: {g[i]:R} vs {expectedG[i]:R}");
        });
    }
}
