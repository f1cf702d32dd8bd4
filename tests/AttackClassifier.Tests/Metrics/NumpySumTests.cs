using AttackClassifier.Metrics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AttackClassifier.Tests.Metrics;

public class NumpySumTests
{
    // Expected values are numpy 1.24's np.sum on the same arrays. Summed left to right, the ones vanish (ulp(1e16) = 2);
    // numpy's partial sums keep them, so these pin down the association order, not just the value.
    [Theory]
    [InlineData(15, 1.0000000000000014e16)]    // 8 partial sums, one block
    [InlineData(300, 1.0000000000000292e16)]   // recursive halves above 128 terms
    public void Association_order_matches_numpy(int ones, double expected)
    {
        double[] x = [1e16, .. Enumerable.Repeat(1.0, ones)];
        Assert.Equal(expected, NumpySum.Pairwise(x));
    }

    [Property(MaxTest = 300)]
    public Property Equals_the_exact_sum_on_integers()
        => Prop.ForAll(Gen.ArrayOf(Gen.Choose(-1000, 1000)).ToArbitrary(), ints =>
            Assert.Equal((double)ints.Sum(), NumpySum.Pairwise(ints.Select(i => (double)i).ToArray())));
}
