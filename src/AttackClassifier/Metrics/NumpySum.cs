namespace AttackClassifier.Metrics;

/// <summary>
/// numpy's pairwise summation (<c>pairwise_sum_DOUBLE</c> in numpy/core/src/umath/loops_utils.h), used by <c>np.sum</c>,
/// <c>np.mean</c> and <c>np.average</c> on a contiguous float64 array.
/// </summary>
/// <remarks>
/// scikit-learn's averages and the supports it prints go through these sums. Summing in the same order reproduces its
/// values to the last bit, which matters where a value is printed with all 17 significant digits (the support column with
/// sample weights) or sits on a rounding tie. The rounding error is O(log n) units in the last place instead of O(n).
/// </remarks>
internal static class NumpySum
{
    private const int BlockSize = 128;   // numpy's PW_BLOCKSIZE

    /// <summary>Σᵢ x[i], associated exactly as numpy does: plain loop below 8 terms, 8 interleaved partial sums up to
    /// 128 terms, and above that recursive halves (the split rounded down to a multiple of 8).</summary>
    internal static double Pairwise(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        if (n < 8)
        {
            double res = 0.0;
            for (int i = 0; i < n; i++) res += x[i];
            return res;
        }
        if (n <= BlockSize)
        {
            Span<double> r = stackalloc double[8];
            x[..8].CopyTo(r);
            int i = 8;
            for (; i < n - n % 8; i += 8)
                for (int j = 0; j < 8; j++) r[j] += x[i + j];
            double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) res += x[i];   // the n mod 8 tail
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return Pairwise(x[..n2]) + Pairwise(x[n2..]);
    }
}
