using AttackClassifier.Kernels;
using AttackClassifier.Models.Lstm;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;

namespace AttackClassifier.Tests.Models.Lstm;

public class LstmKernelsTests
{
    private static float[] Random(Random rng, int n) => Enumerable.Range(0, n).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();

    // Every m, n, k from 0 to past two 4×16 tiles and a depth block (tails in rows, columns and depth).
    public static TheoryData<int> Sizes() => new(Enumerable.Range(0, 37));

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Tiled_product_matches_the_naive_loop_for_every_column_count(int n)
    {
        var rng = new Random(n);
        foreach (int m in new[] { 0, 1, 3, 4, 5, 9 })
            foreach (int k in new[] { 0, 1, 7, 129, 260 })
            {
                int lda = k + 3, ldb = n + 2, ldc = n + 1;
                float[] a = Random(rng, Math.Max(1, m * lda)), b = Random(rng, Math.Max(1, k * ldb)), c = Random(rng, Math.Max(1, m * ldc));
                float[] expected = (float[])c.Clone();
                LstmKernels.MultiplyAccumulateNaive<float>(m, n, k, a, lda, 1, b, ldb, expected, ldc);
                LstmKernels.MultiplyAccumulate<float>(m, n, k, a, lda, 1, b, ldb, c, ldc);
                for (int i = 0; i < c.Length; i++) Assert.True(Math.Abs(expected[i] - c[i]) < 1e-4f * (1 + k), $"m={m} n={n} k={k} [{i}]: {expected[i]} vs {c[i]}");
            }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Tiled_product_with_transposed_A_matches_the_naive_loop(int m)
    {
        var rng = new Random(100 + m);
        foreach (int n in new[] { 1, 8, 16, 17, 40 })
            foreach (int k in new[] { 1, 5, 130 })
            {
                int lda = m + 2;                           // A stored (k, lda): A(i, p) = a[p·lda + i]
                float[] a = Random(rng, k * lda), b = Random(rng, k * n), c = Random(rng, Math.Max(1, m * n));
                float[] expected = (float[])c.Clone();
                LstmKernels.MultiplyAccumulateNaive<float>(m, n, k, a, 1, lda, b, n, expected, n);
                LstmKernels.MultiplyAccumulate<float>(m, n, k, a, 1, lda, b, n, c, n);
                for (int i = 0; i < c.Length; i++) Assert.True(Math.Abs(expected[i] - c[i]) < 1e-4f * (1 + k), $"m={m} n={n} k={k} [{i}]");
            }
    }

    // Both vector paths, whatever MultiplyAccumulate picks on this machine: every column count up to past two 32-wide
    // panels (full panels, 16-wide and 32-wide zero-padded tails), row counts around the 4- and 8-row tiles, depths
    // around both depth blocks (128 and 256), A plain and transposed.
    public static TheoryData<int, int> PathsAndColumns()
    {
        var data = new TheoryData<int, int>();
        foreach (int width in new[] { 256, 512 })
            for (int n = 0; n < 70; n++) data.Add(width, n);
        return data;
    }

    [Theory]
    [MemberData(nameof(PathsAndColumns))]
    public void Each_vector_path_matches_the_naive_loop(int width, int n)
    {
        bool accelerated = width == 512 ? System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated : System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated;
        void Run(int m, int n, int k, float[] a, int rs, int ds, float[] b, int ldb, float[] c, int ldc)
        {
            if (width == 512) LstmKernels.MultiplyAccumulateVector512(m, n, k, a, rs, ds, b, ldb, c, ldc);
            else LstmKernels.MultiplyAccumulateVector256(m, n, k, a, rs, ds, b, ldb, c, ldc);
        }
        if (!accelerated)
        {
            Assert.Throws<PlatformNotSupportedException>(() => Run(1, 1, 1, [1f], 1, 1, [1f], 1, new float[1], 1));
            return;
        }
        var rng = new Random(1000 * width + n);
        foreach (int m in new[] { 0, 1, 3, 4, 7, 8, 9, 17 })
            foreach (int k in new[] { 0, 1, 7, 129, 257, 300 })
                foreach (bool transposed in new[] { false, true })
                {
                    int lda = (transposed ? m : k) + 3, ldb = n + 2, ldc = n + 1;
                    (int rs, int ds) = transposed ? (1, lda) : (lda, 1);
                    float[] a = Random(rng, Math.Max(1, (transposed ? k : m) * lda)), b = Random(rng, Math.Max(1, k * ldb)), c = Random(rng, Math.Max(1, m * ldc));
                    float[] expected = (float[])c.Clone();
                    LstmKernels.MultiplyAccumulateNaive<float>(m, n, k, a, rs, ds, b, ldb, expected, ldc);
                    Run(m, n, k, a, rs, ds, b, ldb, c, ldc);
                    for (int i = 0; i < c.Length; i++)
                        Assert.True(Math.Abs(expected[i] - c[i]) < 1e-4f * (1 + k), $"m={m} n={n} k={k} transposed={transposed} [{i}]: {expected[i]} vs {c[i]}");
                }
    }

    [Fact]
    public void Vector_matrix_product_matches_the_naive_loop_with_one_row()
    {
        var rng = new Random(77);
        foreach (int n in new[] { 0, 1, 7, 31, 32, 33, 127, 128, 129, 160, 256, 300 })
            foreach (int k in new[] { 0, 1, 5, 64, 100 })
            {
                int ldb = n + 3;
                float[] x = Random(rng, k), b = Random(rng, Math.Max(1, k * ldb)), y = Random(rng, n);
                float[] expected = (float[])y.Clone();
                LstmKernels.MultiplyAccumulateNaive<float>(n == 0 ? 0 : 1, n, k, x.Length == 0 ? [0f] : x, k, 1, b, ldb, expected, Math.Max(n, 1));
                LstmKernels.VectorMatrixMultiplyAccumulate(x, b, ldb, y);
                for (int j = 0; j < n; j++) Assert.True(Math.Abs(expected[j] - y[j]) < 1e-4f * (1 + k), $"n={n} k={k} [{j}]: {expected[j]} vs {y[j]}");
            }
        Assert.Throws<ArgumentException>(() => LstmKernels.VectorMatrixMultiplyAccumulate(new float[3], new float[2 * 4 + 3], 4, new float[4]));
        Assert.Throws<ArgumentOutOfRangeException>(() => LstmKernels.VectorMatrixMultiplyAccumulate(new float[3], new float[12], 3, new float[4]));
    }

    [Fact]
    public void Vector_paths_reject_operands_too_short_for_their_shapes()
    {
        if (System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated)
            Assert.Throws<ArgumentException>(() => LstmKernels.MultiplyAccumulateVector512(2, 3, 4, new float[8], 4, 1, new float[12], 3, new float[5], 3));
        if (System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated)
            Assert.Throws<ArgumentException>(() => LstmKernels.MultiplyAccumulateVector256(2, 3, 4, new float[7], 4, 1, new float[12], 3, new float[6], 3));
    }

    [Fact]
    public void Gate_sized_product_matches_MathNet()
    {
        var rng = new Random(7);
        int m = 32, n = 256, k = 100;                      // (B, E) · (E, 4H) as in the model
        float[] a = Random(rng, m * k), b = Random(rng, k * n), c = new float[m * n];
        LstmKernels.MultiplyAccumulate<float>(m, n, k, a, k, 1, b, n, c, n);
        var A = Matrix<float>.Build.Dense(m, k, (i, p) => a[i * k + p]);
        var B = Matrix<float>.Build.Dense(k, n, (p, j) => b[p * n + j]);
        var C = A * B;
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) Assert.True(Math.Abs(C[i, j] - c[i * n + j]) < 1e-4f, $"[{i},{j}]: {C[i, j]} vs {c[i * n + j]}");
    }

    [Fact]
    public void Product_rejects_operands_too_short_for_their_shapes()
    {
        var x = new float[10];
        Assert.Throws<ArgumentException>(() => LstmKernels.MultiplyAccumulate<float>(3, 3, 4, x, 4, 1, new float[12], 3, new float[9], 3));
        Assert.Throws<ArgumentException>(() => LstmKernels.MultiplyAccumulate<float>(2, 3, 4, new float[8], 4, 1, new float[11], 3, new float[6], 3));
        Assert.Throws<ArgumentException>(() => LstmKernels.MultiplyAccumulate<float>(2, 3, 4, new float[8], 4, 1, new float[12], 3, new float[5], 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => LstmKernels.MultiplyAccumulate<float>(2, 3, 4, new float[8], 4, 1, new float[12], 2, new float[6], 3));
    }

    [Fact]
    public void Double_product_uses_the_same_contract()
    {
        double[] a = [1, 2, 3, 4], b = [5, 6, 7, 8], c = [1, 1, 1, 1];
        LstmKernels.MultiplyAccumulate<double>(2, 2, 2, a, 2, 1, b, 2, c, 2);    // [[1,2],[3,4]]·[[5,6],[7,8]] + 1
        Assert.Equal([20.0, 23, 44, 51], c);
    }

    [Property(MaxTest = 200)]
    public Property Log_softmax_exponentiates_to_one_and_ignores_a_shift_of_100()
    {
        var logits = Gen.Choose(1, 40).SelectMany(n => Gen.ArrayOf(Gen.Choose(-3000, 3000).Select(v => v / 100f), n));
        return Prop.ForAll(logits.ToArbitrary(), z =>
        {
            var logP = new float[z.Length];
            var shifted = new float[z.Length];
            Softmax.LogSoftmax<float>(z, logP);
            Softmax.LogSoftmax<float>(z.Select(v => v + 100f).ToArray(), shifted);
            Assert.Equal(1.0, logP.Sum(v => Math.Exp(v)), 4);
            for (int i = 0; i < z.Length; i++) Assert.True(Math.Abs(logP[i] - shifted[i]) < 1e-4f, $"{logP[i]} vs {shifted[i]}");   // z + 100 itself rounds by ~4e-6
        });
    }

    [Fact]
    public void Transpose_swaps_indices_and_checks_lengths()
    {
        float[] s = [1, 2, 3, 9, 4, 5, 6, 9];            // (2, 3) with row stride 4
        var d = new float[6];
        LstmKernels.Transpose<float>(2, 3, s, 4, d);
        Assert.Equal([1f, 4, 2, 5, 3, 6], d);
        Assert.Throws<ArgumentException>(() => LstmKernels.Transpose<float>(2, 3, s, 4, new float[5]));
    }
}
