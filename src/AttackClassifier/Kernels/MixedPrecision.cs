using System.Numerics;

namespace AttackClassifier.Kernels;

/// <summary>BLAS-1 products of a float vector with a double vector, in double: the L-BFGS two-loop recursion over curvature
/// pairs stored in float (<c>Optimization/Lbfgs.cs</c>). Each float is widened exactly to double; only the storage was rounded.</summary>
internal static class MixedPrecision
{
    /// <summary>Returns Σᵢ x[i]·y[i], accumulated in double.</summary>
    /// <param name="x">(n) float.</param>
    /// <param name="y">(n) double.</param>
    public static double Dot(ReadOnlySpan<float> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length) throw new ArgumentException($"x ({x.Length}) and y ({y.Length}) differ in length.");
        int width = Vector<float>.Count, i = 0;   // one Vector<float> widens to two Vector<double>
        var acc0 = Vector<double>.Zero;
        var acc1 = Vector<double>.Zero;
        for (; i <= x.Length - width; i += width)
        {
            Vector.Widen(new Vector<float>(x.Slice(i)), out Vector<double> lo, out Vector<double> hi);
            acc0 += lo * new Vector<double>(y.Slice(i));
            acc1 += hi * new Vector<double>(y.Slice(i + Vector<double>.Count));
        }
        double sum = Vector.Sum(acc0 + acc1);
        for (; i < x.Length; i++) sum += x[i] * y[i];   // scalar tail
        return sum;
    }

    /// <summary>y[i] += a · x[i], in double.</summary>
    /// <param name="x">(n) float.</param>
    /// <param name="a">Scalar multiplier.</param>
    /// <param name="y">(n) double, accumulated into.</param>
    public static void MultiplyAdd(ReadOnlySpan<float> x, double a, Span<double> y)
    {
        if (x.Length != y.Length) throw new ArgumentException($"x ({x.Length}) and y ({y.Length}) differ in length.");
        int width = Vector<float>.Count, half = Vector<double>.Count, i = 0;
        var av = new Vector<double>(a);
        for (; i <= x.Length - width; i += width)
        {
            Vector.Widen(new Vector<float>(x.Slice(i)), out Vector<double> lo, out Vector<double> hi);
            (new Vector<double>(y.Slice(i)) + lo * av).CopyTo(y.Slice(i));
            (new Vector<double>(y.Slice(i + half)) + hi * av).CopyTo(y.Slice(i + half));
        }
        for (; i < x.Length; i++) y[i] += a * x[i];   // scalar tail
    }

    /// <summary>destination[i] = (float)x[i], rounded to nearest.</summary>
    public static void Narrow(ReadOnlySpan<double> x, Span<float> destination)
    {
        if (x.Length != destination.Length) throw new ArgumentException($"x ({x.Length}) and destination ({destination.Length}) differ in length.");
        for (int i = 0; i < x.Length; i++) destination[i] = (float)x[i];
    }
}
