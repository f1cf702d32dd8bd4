using System.Numerics;

namespace AttackClassifier.Kernels;

/// <summary>
/// Element-wise BLAS-1 passes of the L-BFGS iteration (<c>Optimization/Lbfgs.cs</c>) fused so that each n-vector is read and
/// written once where the reference (<c>Optimization/NaiveLbfgs.cs</c>) makes two or three passes. Every element goes through
/// exactly the operations of the unfused calls, in the same order — a product, then a sum, then a product, each rounded — so
/// the results are bit-identical to them (no fused multiply-add, no reassociation). Dot products are not fused here: their
/// summation order is TensorPrimitives.Dot's, which a hand-written loop would not reproduce.
/// </summary>
internal static class FusedVectorKernels
{
    /// <summary>destination[i] = (x[i]·a + v[i])·c — an axpy followed by a scaling. With c = −1 it is the axpy then a
    /// negation (multiplying by ±1 is exact); v and destination may be the same span.</summary>
    /// <param name="x">(n) double.</param>
    /// <param name="a">Multiplier of x.</param>
    /// <param name="v">(n) the addend.</param>
    /// <param name="c">Multiplier of the sum.</param>
    /// <param name="destination">(n).</param>
    public static void MultiplyAddMultiply(ReadOnlySpan<double> x, double a, ReadOnlySpan<double> v, double c, Span<double> destination)
    {
        CheckLengths(x.Length, v.Length, destination.Length);
        int i = 0, width = Vector<double>.Count;
        var av = new Vector<double>(a);
        var cv = new Vector<double>(c);
        for (; i <= x.Length - width; i += width)
            ((new Vector<double>(x.Slice(i)) * av + new Vector<double>(v.Slice(i))) * cv).CopyTo(destination.Slice(i));
        for (; i < x.Length; i++) destination[i] = (x[i] * a + v[i]) * c;   // scalar tail
    }

    /// <summary>destination[i] = ((double)x[i]·a + v[i])·c, x stored in float and widened exactly: the float-history form of
    /// <see cref="MultiplyAddMultiply(ReadOnlySpan{double}, double, ReadOnlySpan{double}, double, Span{double})"/>.</summary>
    public static void MultiplyAddMultiply(ReadOnlySpan<float> x, double a, ReadOnlySpan<double> v, double c, Span<double> destination)
    {
        CheckLengths(x.Length, v.Length, destination.Length);
        int i = 0, width = Vector<float>.Count, half = Vector<double>.Count;   // one Vector<float> widens to two Vector<double>
        var av = new Vector<double>(a);
        var cv = new Vector<double>(c);
        for (; i <= x.Length - width; i += width)
        {
            Vector.Widen(new Vector<float>(x.Slice(i)), out Vector<double> lo, out Vector<double> hi);
            ((lo * av + new Vector<double>(v.Slice(i))) * cv).CopyTo(destination.Slice(i));
            ((hi * av + new Vector<double>(v.Slice(i + half))) * cv).CopyTo(destination.Slice(i + half));
        }
        for (; i < x.Length; i++) destination[i] = ((double)x[i] * a + v[i]) * c;   // scalar tail
    }

    /// <summary>difference[i] = x[i] − y[i], then y[i] = x[i]: the step s = x_{k+1} − x_k and the move to x_{k+1} in one pass.</summary>
    /// <param name="x">(n) the new point.</param>
    /// <param name="y">(n) the old point on entry, a copy of x on exit.</param>
    /// <param name="difference">(n).</param>
    public static void SubtractAndCopy(ReadOnlySpan<double> x, Span<double> y, Span<double> difference)
    {
        CheckLengths(x.Length, y.Length, difference.Length);
        int i = 0, width = Vector<double>.Count;
        for (; i <= x.Length - width; i += width)
        {
            var xv = new Vector<double>(x.Slice(i));
            (xv - new Vector<double>(y.Slice(i))).CopyTo(difference.Slice(i));
            xv.CopyTo(y.Slice(i));
        }
        for (; i < x.Length; i++) { difference[i] = x[i] - y[i]; y[i] = x[i]; }   // scalar tail
    }

    private static void CheckLengths(int x, int v, int destination)
    {
        if (v != x || destination != x) throw new ArgumentException($"Length mismatch: {x}, {v} and {destination}.");
    }
}
