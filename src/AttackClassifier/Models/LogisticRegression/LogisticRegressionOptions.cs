using AttackClassifier.Optimization;

namespace AttackClassifier.Models.LogisticRegression;

/// <summary>Settings of <see cref="LogisticRegressionTrainer"/>; names map to scikit-learn's
/// <c>LogisticRegression(solver='lbfgs', multi_class='multinomial')</c> as noted.</summary>
public sealed record LogisticRegressionOptions
{
    /// <summary>C, the inverse L2 strength (scikit-learn's <c>C</c>): the objective is C·Σₙ sₙ·CEₙ + ½‖w‖².
    /// Larger means weaker regularisation. Default 10 (the study's value); range (0, <see cref="MaxInverseRegularization"/>].</summary>
    public double InverseRegularization { get; init; } = 10.0;

    /// <summary>The largest C accepted, 1e12. The penalty ‖w‖²/(2C) is then below 1e-12 of any weight's contribution —
    /// effectively unregularised — while C·Σₙ sₙ·CEₙ stays far inside double range for any realistic total weight; a
    /// larger C changes no fit and only brings the objective closer to overflow.</summary>
    public const double MaxInverseRegularization = 1e12;

    /// <summary>Fit one unpenalised intercept per class (scikit-learn's <c>fit_intercept</c>). Default true.</summary>
    public bool FitIntercept { get; init; } = true;

    /// <summary>Maximum L-BFGS iterations (scikit-learn's <c>max_iter</c>). Default 1000, not scikit-learn's 100:
    /// on TF-IDF data with C = 10, 100 iterations routinely stop before convergence (scikit-learn then warns),
    /// and the study raised the limit. Range ≥ 0.</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>Stop when the largest absolute entry of the gradient of f / C = Σₙ sₙ CEₙ + ‖w‖² / (2C) — the function
    /// scikit-learn 1.2 hands to scipy — is at or below this (scikit-learn's <c>tol</c>, passed to scipy as <c>gtol</c>).
    /// Default 1e-4 (scikit-learn's). With observation counts as weights this gradient is a sum over Σsₙ observations, so
    /// on real data the rule rarely fires and <see cref="RelativeDecreaseTolerance"/> ends the fit, as it does in scikit-learn.
    /// Range ≥ 0.</summary>
    public double GradientTolerance { get; init; } = 1e-4;

    /// <summary>Stop when the relative decrease of the objective in one step, (f_k − f_{k+1}) / max(|f_k|, |f_{k+1}|, 1), is at
    /// or below this (scipy's <c>ftol</c>). Default 2.22e-9 = 1e7·ε, scipy's default (<c>factr</c> = 1e7), which scikit-learn
    /// 1.2 leaves in place; later scikit-learn versions pass 64ε and also divide f by Σsₙ. Range ≥ 0.</summary>
    public double RelativeDecreaseTolerance { get; init; } = 1e7 * 2.220446049250313e-16;

    /// <summary>L-BFGS history m (curvature pairs kept). Default 10; range 1–100. Memory is 2·m·(D+1)·K doubles.</summary>
    public int HistorySize { get; init; } = 10;

    internal LbfgsOptions ToLbfgsOptions() => new()
    {
        MaxIterations = MaxIterations,
        GradientTolerance = GradientTolerance,
        RelativeDecreaseTolerance = RelativeDecreaseTolerance,
        HistorySize = HistorySize,
        MaxLineSearchEvaluations = 20,   // scipy's default maxls, which scikit-learn 1.2 leaves in place
    };

    internal void Validate()
    {
        if (!(InverseRegularization > 0 && InverseRegularization <= MaxInverseRegularization))
            throw new ArgumentOutOfRangeException(nameof(InverseRegularization), InverseRegularization, $"InverseRegularization (C) must be in (0, {MaxInverseRegularization:0e0}].");
        ToLbfgsOptions().Validate();
    }
}

/// <summary>How the L-BFGS fit of a <see cref="LogisticRegressionModel"/> ended.</summary>
/// <param name="Status">Why the optimiser stopped.</param>
/// <param name="Iterations">Accepted L-BFGS steps.</param>
/// <param name="Evaluations">Objective evaluations, line-search trials included.</param>
/// <param name="Objective">f / C = Σₙ sₙ CEₙ + ‖w‖² / (2C) at the returned coefficients: scikit-learn's sum form, the function
/// L-BFGS minimised (f = C Σₙ sₙ CEₙ + ½‖w‖² is C times it; the optimum is the same).</param>
/// <param name="GradientMaxNorm">max |∂(f/C)/∂θᵢ| at the same coefficients, in the same scale as <paramref name="Objective"/>: the quantity
/// compared with <see cref="LogisticRegressionOptions.GradientTolerance"/>.</param>
public sealed record LogisticRegressionDiagnostics(LbfgsStatus Status, int Iterations, int Evaluations, double Objective, double GradientMaxNorm);

/// <summary>Progress of a logistic-regression fit after one accepted L-BFGS step, in the scales of
/// <see cref="LogisticRegressionDiagnostics"/>.</summary>
/// <param name="Iteration">Accepted L-BFGS steps so far (1 after the first; increasing).</param>
/// <param name="MaxIterations">The iteration limit (<see cref="LogisticRegressionOptions.MaxIterations"/>).</param>
/// <param name="Objective">f / C = Σₙ sₙ CEₙ + ‖w‖² / (2C) at the new iterate, as <see cref="LogisticRegressionDiagnostics.Objective"/>.</param>
/// <param name="GradientMaxNorm">max |∂θᵢ| of f / C at the new iterate, the quantity the gradient tolerance is compared with.</param>
public readonly record struct LogisticRegressionProgress(int Iteration, int MaxIterations, double Objective, double GradientMaxNorm);
