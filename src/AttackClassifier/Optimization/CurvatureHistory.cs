using System.Numerics.Tensors;
using AttackClassifier.Kernels;

namespace AttackClassifier.Optimization;

/// <summary>
/// The m curvature pairs, circular, in double — or in float when <see cref="LbfgsOptions.SinglePrecisionHistoryBytes"/> says
/// so. A new pair is first <see cref="Offer"/>ed (in float: rounded into a spare slot, and yᵀs, yᵀy computed from the rounded
/// vectors, so the curvature test and ρ describe exactly the pair the recursion will use), then <see cref="Accept"/>ed
/// (buffers swapped, no copy) if it has positive curvature.
/// </summary>
internal sealed class CurvatureHistory(int m, int n, bool single)
{
    private readonly double[]?[] _s = single ? [] : new double[m][];   // m × (n)
    private readonly double[]?[] _y = single ? [] : new double[m][];
    private readonly float[]?[] _sf = single ? new float[m][] : [];    // m × (n), float storage
    private readonly float[]?[] _yf = single ? new float[m][] : [];
    private float[] _sSpare = single ? new float[n] : [], _ySpare = single ? new float[n] : [];   // (n) the offered pair, rounded

    public double DotS(int i, ReadOnlySpan<double> v) => single ? MixedPrecision.Dot(_sf[i], v) : TensorPrimitives.Dot<double>(_s[i], v);

    public double DotY(int i, ReadOnlySpan<double> v) => single ? MixedPrecision.Dot(_yf[i], v) : TensorPrimitives.Dot<double>(_y[i], v);

    public double YY(int i)
    {
        if (!single) return TensorPrimitives.Dot<double>(_y[i], _y[i]);
        double sum = 0;
        foreach (float e in _yf[i]!) sum += (double)e * e;
        return sum;
    }

    public void MultiplyAddS(int i, double a, Span<double> v)
    {
        if (single) MixedPrecision.MultiplyAdd(_sf[i], a, v); else TensorPrimitives.MultiplyAdd(_s[i], a, v, v);
    }

    public void MultiplyAddY(int i, double a, Span<double> v)
    {
        if (single) MixedPrecision.MultiplyAdd(_yf[i], a, v); else TensorPrimitives.MultiplyAdd(_y[i], a, v, v);
    }

    /// <summary>destination = (yᵢ·a + v)·c in one pass (<see cref="FusedVectorKernels"/>): an axpy of the first loop of the
    /// two-loop recursion, reading q from v (∇f for the first pair: no copy), with c = γ on the last pair (r = H₀q).</summary>
    public void MultiplyAddYScaled(int i, double a, ReadOnlySpan<double> v, double c, Span<double> destination)
    {
        if (single) FusedVectorKernels.MultiplyAddMultiply(_yf[i], a, v, c, destination);
        else FusedVectorKernels.MultiplyAddMultiply(_y[i], a, v, c, destination);
    }

    /// <summary>v = (sᵢ·a + v)·c in one pass: an axpy of the second loop, with c = −1 on the last pair (d = −r).</summary>
    public void MultiplyAddSScaled(int i, double a, Span<double> v, double c)
    {
        if (single) FusedVectorKernels.MultiplyAddMultiply(_sf[i], a, v, c, v);
        else FusedVectorKernels.MultiplyAddMultiply(_s[i], a, v, c, v);
    }

    public (double Ys, double Yy) Offer(int slot, ref double[] sNew, ref double[] yNew)
    {
        if (!single) return (TensorPrimitives.Dot<double>(yNew, sNew), TensorPrimitives.Dot<double>(yNew, yNew));
        MixedPrecision.Narrow(sNew, _sSpare);
        MixedPrecision.Narrow(yNew, _ySpare);
        double ys = 0, yy = 0;
        for (int i = 0; i < n; i++)
        {
            double yi = _ySpare[i];
            ys += yi * _sSpare[i];
            yy += yi * yi;
        }
        return (ys, yy);
    }

    public void Accept(int slot, ref double[] sNew, ref double[] yNew)
    {
        if (single)
        {
            (_sf[slot], _sSpare) = (_sSpare, _sf[slot] ?? new float[n]);   // swap buffers: no copy
            (_yf[slot], _ySpare) = (_ySpare, _yf[slot] ?? new float[n]);
        }
        else
        {
            (_s[slot], sNew) = (sNew, _s[slot] ?? new double[n]);
            (_y[slot], yNew) = (yNew, _y[slot] ?? new double[n]);
        }
    }
}
