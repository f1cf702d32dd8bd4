using AttackClassifier.Kernels;
using AttackClassifier.Optimization;
using AttackClassifier.Text;

namespace AttackClassifier.Models.LogisticRegression;

/// <summary>
/// Fits weighted multinomial logistic regression with L-BFGS, minimising scikit-learn's objective
///   f(w, b) = C Σₙ sₙ [ log Σₖ exp zₙₖ − zₙ,yₙ ] + ½‖w‖²,   zₙ = xₙ w + b
/// (see <c>SoftmaxCrossEntropyLoss</c>). As in scikit-learn 1.2 (the study's version), L-BFGS sees f / C = Σₙ sₙ CEₙ + ‖w‖² / (2C),
/// with scipy's default stopping rules, so <see cref="LogisticRegressionOptions.GradientTolerance"/> means the same as
/// scikit-learn's <c>tol</c> and the fit stops where scikit-learn's does; the reported objective is unscaled f. Deterministic: the same inputs give bit-identical
/// coefficients on any number of cores.
/// <para>With two classes the trainer still fits K = 2 softmax rows: scikit-learn's <c>LogisticRegression(multi_class='multinomial')</c>.
/// scikit-learn 1.2's default for two classes (<c>multi_class='auto'</c>) is the binomial model with one coefficient row,
/// which is the two-row softmax at C/2, not at C (the logit difference z₁ − z₀ of the symmetric two-row solution is twice
/// one row's logit); to reproduce that default, halve <see cref="LogisticRegressionOptions.InverseRegularization"/>.</para>
/// </summary>
public sealed class LogisticRegressionTrainer
{
    /// <summary>Creates a trainer.</summary>
    /// <param name="options">Settings; null for the defaults.</param>
    public LogisticRegressionTrainer(LogisticRegressionOptions? options = null)
    {
        Options = options ?? new LogisticRegressionOptions();
        Options.Validate();
    }

    /// <summary>The settings used by <see cref="Fit"/>.</summary>
    public LogisticRegressionOptions Options { get; }

    /// <summary>Fits a model.</summary>
    /// <param name="x">Features, (N, D), e.g. TF-IDF rows.</param>
    /// <param name="y">Class index of each row, (N), in [0, <paramref name="classCount"/>).</param>
    /// <param name="classCount">K ≥ 2. Classes without examples are allowed (their probabilities shrink towards 0).</param>
    /// <param name="sampleWeights">sₙ ≥ 0 per row, (N) (e.g. observation counts); empty means all 1. Not all zero.</param>
    /// <param name="warmStart">A model to start from (same D and K), or null to start from θ = 0.</param>
    /// <param name="progress">Receives a report after every accepted L-BFGS step, or null.</param>
    /// <param name="cancellationToken">Checked before every L-BFGS iteration.</param>
    /// <exception cref="TrainingFailedException">The objective or the coefficients became NaN or infinite.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public LogisticRegressionModel Fit(CsrMatrix x, ReadOnlySpan<int> y, int classCount, ReadOnlySpan<double> sampleWeights = default,
        LogisticRegressionModel? warmStart = null, IProgress<LogisticRegressionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.RowCount == 0) throw new ArgumentException("x has no rows; at least one example is needed.", nameof(x));
        if (classCount < 2) throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "classCount must be at least 2.");
        if (y.Length != x.RowCount) throw new ArgumentException($"y has {y.Length} labels; x has {x.RowCount} rows.", nameof(y));
        for (int n = 0; n < y.Length; n++)
            if ((uint)y[n] >= (uint)classCount) throw new ArgumentOutOfRangeException(nameof(y), y[n], $"Label at row {n} is outside [0, {classCount}).");
        double[] s;
        if (sampleWeights.IsEmpty) { s = new double[x.RowCount]; Array.Fill(s, 1.0); }
        else
        {
            if (sampleWeights.Length != x.RowCount) throw new ArgumentException($"sampleWeights has {sampleWeights.Length} entries; x has {x.RowCount} rows.", nameof(sampleWeights));
            for (int n = 0; n < sampleWeights.Length; n++)
                if (!(sampleWeights[n] >= 0) || double.IsPositiveInfinity(sampleWeights[n]))
                    throw new ArgumentOutOfRangeException(nameof(sampleWeights), sampleWeights[n], $"Sample weight at row {n} must be finite and ≥ 0.");
            s = sampleWeights.ToArray();
        }
        for (int n = 0; n < x.RowCount; n++)
        {
            foreach (double v in x.RowValues(n))
                if (!double.IsFinite(v)) throw new ArgumentException($"x has a NaN or infinite value in row {n}.", nameof(x));
        }

        var loss = new SoftmaxCrossEntropyLoss(x, y, classCount, s, Options.InverseRegularization, Options.FitIntercept);
        if (!(loss.WeightSum > 0)) throw new ArgumentException("All sample weights are zero; nothing to fit.", nameof(sampleWeights));

        var theta = new double[loss.Dimension];   // [ w (D,K) | b (K) ]
        if (warmStart is not null)
        {
            if (warmStart.FeatureCount != x.ColumnCount || warmStart.ClassCount != classCount)
                throw new ArgumentException($"warmStart has D = {warmStart.FeatureCount}, K = {warmStart.ClassCount}; this fit has D = {x.ColumnCount}, K = {classCount}.", nameof(warmStart));
            warmStart.Coefficients.CopyTo(theta);
            if (Options.FitIntercept) warmStart.Intercepts.CopyTo(theta.AsSpan(x.ColumnCount * classCount));
        }

        double scale = 1.0 / Options.InverseRegularization;   // scikit-learn 1.2's scaling (the stopping rules depend on it; the optimum does not)
        int maxIterations = Options.MaxIterations;
        Action<LbfgsProgress>? report = progress is null ? null
            : p => progress.Report(new LogisticRegressionProgress(p.Iteration, maxIterations, p.Objective, p.GradientMaxNorm));
        var result = new Lbfgs(Options.ToLbfgsOptions()).Minimize(new ScaledFunction(loss, scale), theta, report, cancellationToken);
        EnsureFitted(result, theta, scale);
        var diagnostics = new LogisticRegressionDiagnostics(result.Status, result.Iterations, result.Evaluations, result.Objective, result.GradientMaxNorm);   // both of f / C, the function L-BFGS minimised
        return new LogisticRegressionModel(x.ColumnCount, classCount, theta, diagnostics);
    }

    // A run that stopped on a non-finite value, or ended with a non-finite objective or θ, fitted nothing: L-BFGS keeps the last
    // finite iterate, which at iteration 0 is the start θ, so returning it would present an unfitted model as trained.
    private static void EnsureFitted(LbfgsResult result, ReadOnlySpan<double> theta, double scale)
    {
        double objective = result.Objective / scale;
        if (result.Status == LbfgsStatus.NonFiniteValue)
            throw new TrainingFailedException($"L-BFGS stopped on a non-finite objective or gradient after {result.Iterations} iterations (f = {objective:G6}): " +
                                              "C or the sample weights are too large for double precision; lower C or rescale the weights.");
        if (!double.IsFinite(objective))
            throw new TrainingFailedException($"the objective is {objective:G6} after {result.Iterations} L-BFGS iterations ({result.Status}): " +
                                              "C or the sample weights are too large for double precision; lower C or rescale the weights.");
        foreach (double v in theta)
            if (!double.IsFinite(v))
                throw new TrainingFailedException($"the fitted coefficients hold a non-finite value after {result.Iterations} L-BFGS iterations ({result.Status}).");
    }
}
