using System.Numerics.Tensors;
using AttackClassifier.Kernels;
using AttackClassifier.Tests.Testing;

namespace AttackClassifier.Tests.Kernels;

/// <summary>The fused L-BFGS passes against the unfused calls they replace (<c>Optimization/NaiveLbfgs.cs</c>): bit-identical at
/// every length from 0 to a few vector widths plus one, and in place.</summary>
public class FusedVectorKernelsTests
{
    public static TheoryData<int> Lengths() => [.. Enumerable.Range(0, 37)];

    private static void AssertBits(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(BitConverter.DoubleToInt64Bits(expected[i]) == BitConverter.DoubleToInt64Bits(actual[i]), $"[{i}]: {actual[i]:R} vs {expected[i]:R}");
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void MultiplyAddMultiply_equals_MultiplyAdd_then_Multiply(int n)
    {
        var rng = new Random(n);
        double[] x = TinyProblems.Gaussian(rng, n, 3), v = TinyProblems.Gaussian(rng, n, 3);
        foreach (double c in new[] { 1.0, -1.0, 0.37 })
        {
            var expected = new double[n];
            TensorPrimitives.MultiplyAdd(x, -0.713, v, expected);
            TensorPrimitives.Multiply(expected, c, expected);
            var actual = new double[n];
            FusedVectorKernels.MultiplyAddMultiply(x, -0.713, v, c, actual);
            AssertBits(expected, actual);
            var inPlace = (double[])v.Clone();
            FusedVectorKernels.MultiplyAddMultiply(x, -0.713, inPlace, c, inPlace);
            AssertBits(expected, inPlace);
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Float_MultiplyAddMultiply_equals_the_mixed_precision_axpy_then_Multiply(int n)
    {
        var rng = new Random(n);
        float[] x = Array.ConvertAll(TinyProblems.Gaussian(rng, n, 3), e => (float)e);
        double[] v = TinyProblems.Gaussian(rng, n, 3);
        var expected = (double[])v.Clone();
        MixedPrecision.MultiplyAdd(x, 1.91, expected);
        TensorPrimitives.Multiply(expected, -1.0, expected);
        var actual = (double[])v.Clone();
        FusedVectorKernels.MultiplyAddMultiply(x, 1.91, actual, -1.0, actual);
        AssertBits(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void SubtractAndCopy_equals_Subtract_then_CopyTo(int n)
    {
        var rng = new Random(n);
        double[] x = TinyProblems.Gaussian(rng, n, 3), y = TinyProblems.Gaussian(rng, n, 3);
        var expected = new double[n];
        TensorPrimitives.Subtract(x, y, expected);
        var difference = new double[n];
        FusedVectorKernels.SubtractAndCopy(x, y, difference);
        AssertBits(expected, difference);
        AssertBits(x, y);
    }

    [Fact]
    public void Mismatched_lengths_throw()
    {
        Assert.Throws<ArgumentException>(() => FusedVectorKernels.MultiplyAddMultiply(new double[4], 1, new double[4], 1, new double[3]));
        Assert.Throws<ArgumentException>(() => FusedVectorKernels.SubtractAndCopy(new double[4], new double[5], new double[4]));
    }
}
