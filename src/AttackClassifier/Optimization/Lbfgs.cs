using System.Numerics.Tensors;
using AttackClassifier.Kernels;

namespace AttackClassifier.Optimization;

/// <summary>Progress after one accepted L-BFGS step.</summary>
/// <param name="Iteration">Accepted steps so far (1 after the first).</param>
/// <param name="Objective">f at the new iterate.</param>
/// <param name="GradientMaxNorm">max |∂f/∂θᵢ| at the new iterate.</param>
/// <param name="Step">α, the accepted step length along the search direction.</param>
/// <param name="Evaluations">Objective evaluations so far.</param>
internal readonly record struct LbfgsProgress(int Iteration, double Objective, double GradientMaxNorm, double Step, int Evaluations);

/// <summary>
/// Limited-memory BFGS for unconstrained minimisation of a smooth f: ℝⁿ → ℝ.
/// Direction: d = −H∇f, H applied by the two-loop recursion (Nocedal &amp; Wright, Numerical Optimization,
/// 2nd ed., Alg. 7.4) over the last m pairs sᵢ = x_{i+1} − xᵢ, yᵢ = ∇f_{i+1} − ∇fᵢ, with H₀ = γI,
/// γ = sᵀy / yᵀy of the newest pair (N&amp;W eq. 7.20). Step: <see cref="LineSearch"/> (strong Wolfe, N&amp;W Alg. 3.5/3.6).
/// Stopping rules as scipy's L-BFGS-B without bounds: max |∇f|ᵢ ≤ pgtol, relative decrease ≤ ftol,
/// iteration and evaluation limits.
/// </summary>
/// <remarks>
/// The vector work is fused (<see cref="FusedVectorKernels"/>) where that keeps every rounding of <see cref="NaiveLbfgs"/>,
/// the one-call-per-operation reference beside it: the two-loop recursion reads ∇f in place instead of copying it, folds the
/// H₀ = γI scaling into the last axpy of the first loop and the negation into the last axpy of the second, reuses yᵀy from the
/// curvature test instead of recomputing it, and the accepted step writes s and the new θ (y and the new ∇f) in one pass. The
/// gradient buffers are copied, not swapped: TensorPrimitives.Dot's summation order follows its first argument's address
/// alignment, so a swap could change the last bit of ∇fᵀd. The iterates are bit-identical to the reference's (tested). Dot products keep their calls.
/// A pair with yᵀs ≤ ε‖y‖² (no positive curvature, possible when the Wolfe step stops early in floating point)
/// is skipped rather than stored, which keeps H positive definite. If f or ∇f is NaN/∞ at the start, the
/// run stops with <see cref="LbfgsStatus.NonFiniteValue"/> and θ unchanged; a non-finite line-search trial
/// is treated as an overlong step and shortened, and if no finite step is found θ is left at the last
/// finite iterate with the same status. θ is never left at a non-finite point.
/// </remarks>
internal sealed class Lbfgs(LbfgsOptions? options = null)
{
    public LbfgsOptions Options { get; } = options ?? new LbfgsOptions();

    /// <summary>Minimises f starting from θ, overwriting θ with the returned point.</summary>
    /// <param name="f">The objective.</param>
    /// <param name="theta">Start point on entry, returned point on exit, (n).</param>
    /// <param name="progress">Called after every accepted step, optional.</param>
    /// <param name="cancellationToken">Checked before every iteration; cancelling throws <see cref="OperationCanceledException"/>
    /// with θ at the last accepted iterate.</param>
    public LbfgsResult Minimize(IDifferentiableFunction f, Span<double> theta, Action<LbfgsProgress>? progress = null,
                                CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        Options.Validate();
        int n = f.Dimension;
        if (n < 1) throw new ArgumentException($"The function has dimension {n}; L-BFGS needs at least one parameter.", nameof(f));
        if (theta.Length != n) throw new ArgumentException($"theta has length {theta.Length}; the function has dimension {n}.", nameof(theta));
        int m = Options.HistorySize;

        var g = new double[n];        // (n) ∇f at θ
        var d = new double[n];        // (n) search direction
        var xTrial = new double[n];   // (n)
        var gTrial = new double[n];   // (n)
        var history = new CurvatureHistory(m, n, Options.StoresHistoryInSingle(n));   // m pairs (sᵢ, yᵢ), circular
        var rho = new double[m];      // ρᵢ = 1 / yᵢᵀsᵢ
        var yyHistory = new double[m]; // yᵢᵀyᵢ, from the curvature test, for γ
        var alphaHistory = new double[m];
        var sNew = new double[n];     // (n) candidate pair, swapped into the history when accepted
        var yNew = new double[n];     // (n)
        int stored = 0, newest = -1;

        int evaluationsLeft = Options.MaxEvaluations - 1;
        double fx = f.Evaluate(theta, g);
        if (!double.IsFinite(fx) || !AllFinite(g)) return Result(LbfgsStatus.NonFiniteValue, fx, g, 0, evaluationsLeft);
        if (MaxAbs(g) <= Options.GradientTolerance) return Result(LbfgsStatus.ConvergedGradient, fx, g, 0, evaluationsLeft);

        var lineSearch = new LineSearch(Options);
        for (int k = 0; ; k++)
        {
            if (k >= Options.MaxIterations) return Result(LbfgsStatus.MaxIterations, fx, g, k, evaluationsLeft);
            cancellationToken.ThrowIfCancellationRequested();

            // Two-loop recursion, N&W Alg. 7.4: d = −H g.
            if (stored == 0) TensorPrimitives.Negate(g, d);   // no pairs yet: H = I
            else
            {
                double gamma = 1.0 / (rho[newest] * yyHistory[newest]);   // γ = sᵀy / yᵀy of the newest pair (N&W eq. 7.20)
                ReadOnlySpan<double> q = g;                                // q = ∇f, read in place until the first axpy writes d
                for (int j = 0, i = newest; j < stored; j++, i = (i - 1 + m) % m)
                {
                    alphaHistory[i] = rho[i] * history.DotS(i, q);                                          // αᵢ = ρᵢ sᵢᵀq
                    history.MultiplyAddYScaled(i, -alphaHistory[i], q, j == stored - 1 ? gamma : 1.0, d);   // q = q − αᵢ yᵢ; last: r = γq
                    q = d;
                }
                for (int j = 0, i = (newest - stored + 1 + m) % m; j < stored; j++, i = (i + 1) % m)
                {
                    double beta = rho[i] * history.DotY(i, d);                                          // β = ρᵢ yᵢᵀr
                    history.MultiplyAddSScaled(i, alphaHistory[i] - beta, d, j == stored - 1 ? -1.0 : 1.0);   // r = r + sᵢ(αᵢ − β); last: d = −r
                }
            }

            double dphi0 = TensorPrimitives.Dot<double>(g, d);
            if (!double.IsFinite(dphi0)) return Result(LbfgsStatus.NonFiniteValue, fx, g, k, evaluationsLeft);   // the direction overflowed
            if (!(dphi0 < 0)) return Result(LbfgsStatus.NotADescentDirection, fx, g, k, evaluationsLeft);

            // First step: no curvature yet, so take a step of length ≤ 1 along −∇f (liblbfgs's 1/‖d‖); afterwards α = 1 is the quasi-Newton step.
            double alpha0 = stored == 0 ? Math.Min(1.0, 1.0 / TensorPrimitives.Norm<double>(d)) : 1.0;
            var outcome = lineSearch.Search(f, theta, fx, dphi0, d, alpha0, xTrial, gTrial, ref evaluationsLeft, out double fNew);
            switch (outcome)
            {
                case LineSearchOutcome.OutOfEvaluations: return Result(LbfgsStatus.MaxEvaluations, fx, g, k, evaluationsLeft);
                case LineSearchOutcome.NonFinite: return Result(LbfgsStatus.NonFiniteValue, fx, g, k, evaluationsLeft);
                case LineSearchOutcome.Failed: return Result(LbfgsStatus.LineSearchFailed, fx, g, k, evaluationsLeft);
            }

            // Accepted: the new curvature pair replaces the oldest one (if it has positive curvature).
            FusedVectorKernels.SubtractAndCopy(xTrial, theta, sNew);   // s = x_{k+1} − x_k, then θ = x_{k+1}
            FusedVectorKernels.SubtractAndCopy(gTrial, g, yNew);       // y = ∇f_{k+1} − ∇f_k, then g = ∇f_{k+1}
            double step = progress is null ? 0 : TensorPrimitives.Norm<double>(sNew) / TensorPrimitives.Norm<double>(d);   // only reported
            int slot = (newest + 1) % m;
            (double ys, double yy) = history.Offer(slot, ref sNew, ref yNew);   // yᵀs and yᵀy of the pair as stored
            if (ys > 2.220446049250313e-16 * yy)
            {
                history.Accept(slot, ref sNew, ref yNew);
                rho[slot] = 1.0 / ys;
                yyHistory[slot] = yy;
                newest = slot;
                stored = Math.Min(stored + 1, m);
            }
            double fOld = fx;
            fx = fNew;
            int iterations = k + 1;
            double gMax = MaxAbs(g);
            progress?.Invoke(new LbfgsProgress(iterations, fx, gMax, step, Options.MaxEvaluations - evaluationsLeft));

            if (gMax <= Options.GradientTolerance) return Result(LbfgsStatus.ConvergedGradient, fx, g, iterations, evaluationsLeft);
            if ((fOld - fx) / Math.Max(Math.Max(Math.Abs(fOld), Math.Abs(fx)), 1.0) <= Options.RelativeDecreaseTolerance)
                return Result(LbfgsStatus.ConvergedRelativeDecrease, fx, g, iterations, evaluationsLeft);
            if (evaluationsLeft <= 0) return Result(LbfgsStatus.MaxEvaluations, fx, g, iterations, evaluationsLeft);
        }
    }

    private LbfgsResult Result(LbfgsStatus status, double fx, double[] g, int iterations, int evaluationsLeft) =>
        new(status, fx, MaxAbs(g), TensorPrimitives.Norm<double>(g), iterations, Options.MaxEvaluations - evaluationsLeft);

    // max |gᵢ|. (TensorPrimitives.MaxMagnitude returns the signed element of largest magnitude, not its absolute value.)
    internal static double MaxAbs(ReadOnlySpan<double> g) => Math.Abs(TensorPrimitives.MaxMagnitude(g));

    private static bool AllFinite(ReadOnlySpan<double> v)
    {
        foreach (double e in v) if (!double.IsFinite(e)) return false;
        return true;
    }
}
