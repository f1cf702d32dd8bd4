using System.Numerics.Tensors;

namespace AttackClassifier.Optimization;

/// <summary>Outcome of one line search.</summary>
internal enum LineSearchOutcome
{
    /// <summary>A step satisfying the strong Wolfe conditions was found; the trial buffers hold it.</summary>
    Accepted,
    /// <summary>No acceptable step within the trial budget, or the bracket shrank to nothing.</summary>
    Failed,
    /// <summary>Every trial in the budget was NaN/∞ (the last one included).</summary>
    NonFinite,
    /// <summary>The global evaluation budget ran out.</summary>
    OutOfEvaluations,
}

/// <summary>
/// Line search for the strong Wolfe conditions, Nocedal &amp; Wright, Numerical Optimization (2nd ed.),
/// Alg. 3.5 (bracketing) and Alg. 3.6 (zoom), trial steps inside the bracket chosen by the cubic
/// interpolation of eq. (3.59), safeguarded by bisection. With φ(α) = f(x + αd):
///   sufficient decrease  φ(α) ≤ φ(0) + c₁ α φ'(0)
///   strong curvature     |φ'(α)| ≤ c₂ |φ'(0)|
/// A non-finite trial value counts as "too far": it becomes the upper end of the bracket, and the next
/// trial is the bisection point (a cubic through NaN is meaningless).
/// </summary>
internal sealed class LineSearch(LbfgsOptions options)
{
    private const double MaxStep = 1e20;

    /// <summary>Searches along d from x. On <see cref="LineSearchOutcome.Accepted"/>, xTrial and gTrial hold x + αd and ∇f there.</summary>
    /// <param name="f">The objective.</param>
    /// <param name="x">Start point, (n).</param>
    /// <param name="f0">φ(0) = f(x).</param>
    /// <param name="dphi0">φ'(0) = ∇f(x)ᵀd, negative.</param>
    /// <param name="d">Search direction, (n).</param>
    /// <param name="alpha0">First trial step, &gt; 0.</param>
    /// <param name="xTrial">Scratch for trial points, (n).</param>
    /// <param name="gTrial">Scratch for trial gradients, (n).</param>
    /// <param name="evaluationsLeft">Global evaluation budget, decremented per trial.</param>
    /// <param name="fTrial">φ(α) of the accepted step.</param>
    public LineSearchOutcome Search(IDifferentiableFunction f, ReadOnlySpan<double> x, double f0, double dphi0,
        ReadOnlySpan<double> d, double alpha0, Span<double> xTrial, Span<double> gTrial, ref int evaluationsLeft, out double fTrial)
    {
        double c1 = options.SufficientDecrease, c2 = options.CurvatureCondition;
        int trialsLeft = options.MaxLineSearchEvaluations;
        fTrial = double.NaN;

        // Alg. 3.5: increase α until the bracket [αPrev, α] must contain an acceptable step.
        double alphaPrev = 0, phiPrev = f0, dphiPrev = dphi0;
        double alpha = alpha0;
        bool lastFinite = true;
        for (int i = 0; ; i++)
        {
            if (evaluationsLeft <= 0) return LineSearchOutcome.OutOfEvaluations;
            if (trialsLeft-- <= 0) return lastFinite ? LineSearchOutcome.Failed : LineSearchOutcome.NonFinite;
            double phi = Phi(f, x, d, alpha, xTrial, gTrial, out double dphi, ref evaluationsLeft);
            lastFinite = double.IsFinite(phi) && double.IsFinite(dphi);
            if (!lastFinite || phi > f0 + c1 * alpha * dphi0 || (i > 0 && phi >= phiPrev))
                return Zoom(f, x, f0, dphi0, d, alphaPrev, phiPrev, dphiPrev, alpha, phi, dphi, xTrial, gTrial, ref trialsLeft, ref evaluationsLeft, out fTrial);
            if (Math.Abs(dphi) <= -c2 * dphi0) { fTrial = phi; return LineSearchOutcome.Accepted; }
            if (dphi >= 0)
                return Zoom(f, x, f0, dphi0, d, alpha, phi, dphi, alphaPrev, phiPrev, dphiPrev, xTrial, gTrial, ref trialsLeft, ref evaluationsLeft, out fTrial);
            (alphaPrev, phiPrev, dphiPrev) = (alpha, phi, dphi);
            alpha = Math.Min(2 * alpha, MaxStep);   // still descending steeply: double the step
        }
    }

    // Alg. 3.6. Invariants: the bracket between lo and hi contains a strong-Wolfe step; lo satisfies sufficient
    // decrease and has the lowest φ seen so far; φ'(lo)·(hi − lo) < 0.
    private LineSearchOutcome Zoom(IDifferentiableFunction f, ReadOnlySpan<double> x, double f0, double dphi0, ReadOnlySpan<double> d,
        double lo, double phiLo, double dphiLo, double hi, double phiHi, double dphiHi,
        Span<double> xTrial, Span<double> gTrial, ref int trialsLeft, ref int evaluationsLeft, out double fTrial)
    {
        double c1 = options.SufficientDecrease, c2 = options.CurvatureCondition;
        fTrial = double.NaN;
        bool hiFinite = double.IsFinite(phiHi) && double.IsFinite(dphiHi);
        bool lastFinite = hiFinite;   // was the most recent trial finite?
        while (true)
        {
            if (evaluationsLeft <= 0) return LineSearchOutcome.OutOfEvaluations;
            if (trialsLeft-- <= 0) return lastFinite ? LineSearchOutcome.Failed : LineSearchOutcome.NonFinite;
            double width = Math.Abs(hi - lo);
            if (width <= 1e-16 * Math.Max(Math.Abs(lo), Math.Abs(hi))) return lastFinite ? LineSearchOutcome.Failed : LineSearchOutcome.NonFinite;

            double alpha = hiFinite ? CubicMinimizer(lo, phiLo, dphiLo, hi, phiHi, dphiHi) : double.NaN;
            double a = Math.Min(lo, hi), b = Math.Max(lo, hi);
            if (!(alpha >= a + 0.1 * width && alpha <= b - 0.1 * width)) alpha = 0.5 * (lo + hi);   // safeguard: bisect

            double phi = Phi(f, x, d, alpha, xTrial, gTrial, out double dphi, ref evaluationsLeft);
            lastFinite = double.IsFinite(phi) && double.IsFinite(dphi);
            if (!lastFinite || phi > f0 + c1 * alpha * dphi0 || phi >= phiLo)
            {
                (hi, phiHi, dphiHi) = (alpha, phi, dphi);
                hiFinite = lastFinite;
            }
            else
            {
                if (Math.Abs(dphi) <= -c2 * dphi0) { fTrial = phi; return LineSearchOutcome.Accepted; }
                if (dphi * (hi - lo) >= 0) { (hi, phiHi, dphiHi) = (lo, phiLo, dphiLo); hiFinite = true; }
                (lo, phiLo, dphiLo) = (alpha, phi, dphi);
            }
        }
    }

    // Minimiser of the cubic interpolating φ and φ' at a and b, N&W eq. (3.59):
    //   d₁ = φ'(a) + φ'(b) − 3 (φ(a) − φ(b)) / (a − b)
    //   d₂ = sign(b − a) √(d₁² − φ'(a) φ'(b))
    //   α  = b − (b − a) (φ'(b) + d₂ − d₁) / (φ'(b) − φ'(a) + 2 d₂)
    // Returns NaN when the cubic has no minimiser (negative discriminant); the caller then bisects.
    internal static double CubicMinimizer(double a, double phiA, double dphiA, double b, double phiB, double dphiB)
    {
        double d1 = dphiA + dphiB - 3 * (phiA - phiB) / (a - b);
        double disc = d1 * d1 - dphiA * dphiB;
        if (disc < 0) return double.NaN;
        double d2 = Math.Sign(b - a) * Math.Sqrt(disc);
        return b - (b - a) * (dphiB + d2 - d1) / (dphiB - dphiA + 2 * d2);
    }

    // φ(α) = f(x + αd), φ'(α) = ∇f(x + αd)ᵀd; leaves x + αd in xTrial and the gradient in gTrial.
    private static double Phi(IDifferentiableFunction f, ReadOnlySpan<double> x, ReadOnlySpan<double> d, double alpha,
        Span<double> xTrial, Span<double> gTrial, out double dphi, ref int evaluationsLeft)
    {
        TensorPrimitives.MultiplyAdd(d, alpha, x, xTrial);   // xTrial = x + αd
        evaluationsLeft--;
        double phi = f.Evaluate(xTrial, gTrial);
        dphi = TensorPrimitives.Dot(gTrial, d);
        return phi;
    }
}
