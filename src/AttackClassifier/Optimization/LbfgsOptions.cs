namespace AttackClassifier.Optimization;

/// <summary>Settings of the L-BFGS minimiser. Defaults follow scipy's <c>fmin_l_bfgs_b</c> as scikit-learn calls it,
/// except where noted.</summary>
internal sealed record LbfgsOptions
{
    /// <summary>m, the number of curvature pairs (s, y) kept. Default 10 (scipy uses 10). Range 1–100; memory is 2·m·n doubles.</summary>
    public int HistorySize { get; init; } = 10;

    /// <summary>Above this many bytes of curvature history in double (2·m·n·8), the pairs (sᵢ, yᵢ) are stored in float, halving
    /// the history (the default preset's θ grows with the vocabulary: at a million rows the double history alone would be
    /// many GiB). Only the storage is rounded: the pairs are formed in double, ρᵢ is computed from the rounded pair, and the
    /// two-loop recursion accumulates in double, so H stays positive definite and the direction is only perturbed by the
    /// rounding (relative 2⁻²⁴ in each stored entry). Default 256 MiB (a 5,000-feature study problem with 55 classes needs
    /// 44 MB, so it keeps exact double); range ≥ 0, 0 always stores float, <see cref="long.MaxValue"/> never.</summary>
    public long SinglePrecisionHistoryBytes { get; init; } = 256L << 20;

    /// <summary>Whether an n-parameter problem keeps its history in float under these options.</summary>
    internal bool StoresHistoryInSingle(int n) => 2L * HistorySize * n * sizeof(double) > SinglePrecisionHistoryBytes;

    /// <summary>Stop when max |∂f/∂θᵢ| (the infinity norm of the gradient, scipy's projected-gradient <c>pgtol</c> without bounds)
    /// is at or below this. Same units as the gradient. Default 1e-5 (scipy's default); range ≥ 0, 0 disables the rule.</summary>
    public double GradientTolerance { get; init; } = 1e-5;

    /// <summary>Stop when (f_k − f_{k+1}) / max(|f_k|, |f_{k+1}|, 1) ≤ this after an accepted step (scipy's <c>factr·eps</c>).
    /// Dimensionless. Default 64·2⁻⁵² ≈ 1.4e-14, the value scikit-learn passes as <c>ftol</c>; range ≥ 0, 0 disables the rule.</summary>
    public double RelativeDecreaseTolerance { get; init; } = 64 * 2.220446049250313e-16;   // 64 · machine epsilon

    /// <summary>Maximum number of accepted steps (iterations). Default 1000; range ≥ 0 (0 evaluates the start only).</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>Maximum number of objective evaluations in total, line-search trials included. Default 15000 (scipy's <c>maxfun</c>); range ≥ 1.</summary>
    public int MaxEvaluations { get; init; } = 15000;

    /// <summary>Maximum objective evaluations in one line search. Default 20 (scipy's <c>maxls</c>); range ≥ 1.</summary>
    public int MaxLineSearchEvaluations { get; init; } = 20;

    /// <summary>c₁ of the sufficient-decrease (Armijo) condition f(x + αd) ≤ f(x) + c₁ α ∇fᵀd. Default 1e-4; range (0, c₂).</summary>
    public double SufficientDecrease { get; init; } = 1e-4;

    /// <summary>c₂ of the strong curvature condition |∇f(x + αd)ᵀd| ≤ c₂ |∇f(x)ᵀd|. Default 0.9 (the usual quasi-Newton value); range (c₁, 1).</summary>
    public double CurvatureCondition { get; init; } = 0.9;

    internal void Validate()
    {
        if (HistorySize is < 1 or > 100) throw new ArgumentOutOfRangeException(nameof(HistorySize), HistorySize, "HistorySize must be in [1, 100].");
        if (!(GradientTolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(GradientTolerance), GradientTolerance, "GradientTolerance must be ≥ 0.");
        if (!(RelativeDecreaseTolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(RelativeDecreaseTolerance), RelativeDecreaseTolerance, "RelativeDecreaseTolerance must be ≥ 0.");
        if (SinglePrecisionHistoryBytes < 0) throw new ArgumentOutOfRangeException(nameof(SinglePrecisionHistoryBytes), SinglePrecisionHistoryBytes, "SinglePrecisionHistoryBytes must be ≥ 0.");
        if (MaxIterations < 0) throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "MaxIterations must be ≥ 0.");
        if (MaxEvaluations < 1) throw new ArgumentOutOfRangeException(nameof(MaxEvaluations), MaxEvaluations, "MaxEvaluations must be ≥ 1.");
        if (MaxLineSearchEvaluations < 1) throw new ArgumentOutOfRangeException(nameof(MaxLineSearchEvaluations), MaxLineSearchEvaluations, "MaxLineSearchEvaluations must be ≥ 1.");
        if (!(SufficientDecrease > 0 && SufficientDecrease < CurvatureCondition && CurvatureCondition < 1))
            throw new ArgumentOutOfRangeException(nameof(CurvatureCondition), $"Wolfe constants need 0 < c₁ < c₂ < 1; got c₁ = {SufficientDecrease}, c₂ = {CurvatureCondition}.");
    }
}

/// <summary>Outcome of an L-BFGS run.</summary>
/// <param name="Status">Why the run stopped.</param>
/// <param name="Objective">f at the returned point.</param>
/// <param name="GradientMaxNorm">max |∂f/∂θᵢ| at the returned point (the quantity compared with <see cref="LbfgsOptions.GradientTolerance"/>).</param>
/// <param name="GradientNorm">‖∇f‖₂ at the returned point.</param>
/// <param name="Iterations">Accepted steps taken.</param>
/// <param name="Evaluations">Objective evaluations made, line-search trials included.</param>
internal sealed record LbfgsResult(LbfgsStatus Status, double Objective, double GradientMaxNorm, double GradientNorm, int Iterations, int Evaluations)
{
    /// <summary>True for <see cref="LbfgsStatus.ConvergedGradient"/> and <see cref="LbfgsStatus.ConvergedRelativeDecrease"/>.</summary>
    public bool Converged => Status is LbfgsStatus.ConvergedGradient or LbfgsStatus.ConvergedRelativeDecrease;

    /// <summary>A one-sentence explanation of <see cref="Status"/>.</summary>
    public string Message => Status switch
    {
        LbfgsStatus.ConvergedGradient => "Converged: the largest gradient entry is within the gradient tolerance.",
        LbfgsStatus.ConvergedRelativeDecrease => "Converged: the relative decrease of the objective is within tolerance.",
        LbfgsStatus.MaxIterations => "Stopped at the iteration limit before converging.",
        LbfgsStatus.MaxEvaluations => "Stopped at the evaluation limit before converging.",
        LbfgsStatus.LineSearchFailed => "The line search found no step satisfying the strong Wolfe conditions; returned the last accepted point.",
        LbfgsStatus.NotADescentDirection => "The search direction is not a descent direction; this almost always means the gradient does not match the objective.",
        LbfgsStatus.NonFiniteValue => "The objective or gradient became NaN or infinite; returned the last point where both were finite.",
        _ => Status.ToString(),
    };
}
