using System.Numerics;
using System.Numerics.Tensors;
using AttackClassifier.Kernels;
using AttackClassifier.Tests.Testing;

namespace AttackClassifier.Tests.Kernels;

public class SparseRowKernelsTests
{
    [Fact]
    public void Unpadded_gather_is_bit_identical_to_one_TensorPrimitives_MultiplyAdd_per_non_zero()
    {
        var rng = new Random(8);
        for (int k = 1; k <= 3 * Vector<double>.Count + 1; k++)
        {
            int d = 9;
            double[] w = TinyProblems.Gaussian(rng, d * k, 1.0);
            int[] columns = [0, 3, 3, 8, 5];   // repeats are allowed: each entry is its own term
            double[] values = TinyProblems.Gaussian(rng, columns.Length, 1.0);
            double[] start = TinyProblems.Gaussian(rng, k, 1.0);
            double[] expected = (double[])start.Clone();
            for (int e = 0; e < columns.Length; e++) TensorPrimitives.MultiplyAdd(w.AsSpan(columns[e] * k, k), values[e], expected, expected);
            double[] actual = (double[])start.Clone();
            SparseRowKernels.GatherMultiplyAddUnpadded(w, k, columns, values, actual);
            Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), actual.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Fact]
    public void Unpadded_gather_rejects_bad_shapes_and_columns()
    {
        double[] w = new double[12];   // (4, 3)
        Assert.Throws<ArgumentException>(() => SparseRowKernels.GatherMultiplyAddUnpadded(w, 5, [0], [1.0], new double[5]));
        Assert.Throws<ArgumentException>(() => SparseRowKernels.GatherMultiplyAddUnpadded(w, 3, [0], [1.0], new double[4]));
        Assert.Throws<ArgumentException>(() => SparseRowKernels.GatherMultiplyAddUnpadded(w, 3, [0, 1], [1.0], new double[3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => SparseRowKernels.GatherMultiplyAddUnpadded(w, 3, [4], [1.0], new double[3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => SparseRowKernels.GatherMultiplyAddUnpadded(w, 3, [-1], [1.0], new double[3]));
    }
}
