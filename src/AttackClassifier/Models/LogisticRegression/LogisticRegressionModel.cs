using System.Numerics.Tensors;
using AttackClassifier.Kernels;
using AttackClassifier.Text;

namespace AttackClassifier.Models.LogisticRegression;

/// <summary>How much one feature pushed one class's logit: <c>Contribution = w[FeatureIndex, class] · x[FeatureIndex]</c>.</summary>
/// <param name="FeatureIndex">Column of the feature (a TF-IDF vocabulary index).</param>
/// <param name="Contribution">Its additive share of the class logit, in logit units.</param>
public readonly record struct FeatureContribution(int FeatureIndex, double Contribution);

/// <summary>
/// A trained multinomial logistic regression: p(k | x) = softmax(x w + b)ₖ with w (D,K) and b (K). Immutable.
/// </summary>
public sealed class LogisticRegressionModel
{
    private readonly double[] _theta;   // [ w (D,K) | b (K) ]; b is zeros when the model has no intercept

    /// <summary>Wraps raw parameters (used by the trainer and by model files).</summary>
    /// <param name="featureCount">D.</param>
    /// <param name="classCount">K ≥ 2.</param>
    /// <param name="theta">[ w (D,K) | b (K) ] of length (D+1)·K, or w alone (D·K) for a model without intercepts. Copied.</param>
    /// <param name="diagnostics">How training ended, or null for a model rebuilt from parameters alone.</param>
    internal LogisticRegressionModel(int featureCount, int classCount, ReadOnlySpan<double> theta, LogisticRegressionDiagnostics? diagnostics = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(featureCount);
        if (classCount < 2) throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "A classifier needs at least 2 classes.");
        long dkLong = (long)featureCount * classCount;   // D and K may come from a file: no silent int overflow
        if (dkLong + classCount > Array.MaxLength)
            throw new ArgumentException($"D·K = {featureCount}·{classCount} parameters is more than an array can hold.", nameof(featureCount));
        int dk = (int)dkLong;
        if (theta.Length != dk && theta.Length != dk + classCount)
            throw new ArgumentException($"theta has length {theta.Length}; expected D·K = {dk} or (D+1)·K = {dk + classCount}.", nameof(theta));
        foreach (double t in theta) if (!double.IsFinite(t)) throw new ArgumentException("theta contains NaN or infinity.", nameof(theta));
        FeatureCount = featureCount;
        ClassCount = classCount;
        HasIntercept = theta.Length == dk + classCount;
        _theta = new double[dk + classCount];
        theta.CopyTo(_theta);
        Diagnostics = diagnostics;
    }

    /// <summary>D, the number of input features.</summary>
    public int FeatureCount { get; }

    /// <summary>K, the number of classes.</summary>
    public int ClassCount { get; }

    /// <summary>Whether the model was fitted with intercepts (otherwise <see cref="Intercepts"/> are all zero).</summary>
    public bool HasIntercept { get; }

    /// <summary>How training ended (status, iterations, objective); null for a model loaded from parameters alone.</summary>
    public LogisticRegressionDiagnostics? Diagnostics { get; }

    /// <summary>w, (D,K) row-major: the weight of feature j for class k is at [j·K + k].</summary>
    public ReadOnlySpan<double> Coefficients => _theta.AsSpan(0, FeatureCount * ClassCount);

    /// <summary>b, (K): one intercept per class.</summary>
    public ReadOnlySpan<double> Intercepts => _theta.AsSpan(FeatureCount * ClassCount, ClassCount);

    /// <summary>θ as the trainer lays it out: [ w (D,K) | b (K) ], or w alone without intercepts.</summary>
    internal ReadOnlySpan<double> Parameters => HasIntercept ? _theta : _theta.AsSpan(0, FeatureCount * ClassCount);

    /// <summary>Writes the logits z = x w + b of one sparse row.</summary>
    /// <param name="columns">Feature indices of the row's non-zeros, in [0, D).</param>
    /// <param name="values">Their values, aligned with <paramref name="columns"/>.</param>
    /// <param name="logits">Receives z, (K).</param>
    public void PredictLogits(ReadOnlySpan<int> columns, ReadOnlySpan<double> values, Span<double> logits)
    {
        if (columns.Length != values.Length) throw new ArgumentException($"columns ({columns.Length}) and values ({values.Length}) differ in length.", nameof(values));
        if (logits.Length != ClassCount) throw new ArgumentException($"logits has length {logits.Length}; the model has {ClassCount} classes.", nameof(logits));
        Intercepts.CopyTo(logits);                                                        // z = b
        SparseRowKernels.GatherMultiplyAddUnpadded(Coefficients, ClassCount, columns, values, logits);   // z += Σⱼ xⱼ w[j,:]
    }

    /// <summary>Writes p(k | x) for one sparse row.</summary>
    /// <param name="columns">Feature indices of the row's non-zeros, in [0, D).</param>
    /// <param name="values">Their values.</param>
    /// <param name="probabilities">Receives p, (K); sums to 1.</param>
    public void PredictProbabilities(ReadOnlySpan<int> columns, ReadOnlySpan<double> values, Span<double> probabilities)
    {
        PredictLogits(columns, values, probabilities);
        Softmax.Probabilities(probabilities, probabilities);
    }

    /// <summary>Class probabilities of every row of <paramref name="x"/>, as an (N,K) row-major array.</summary>
    /// <param name="x">Rows to classify, (N, D).</param>
    public double[] PredictProbabilities(CsrMatrix x)
    {
        CheckColumns(x);
        var p = new double[x.RowCount * ClassCount];
        for (int n = 0; n < x.RowCount; n++)
            PredictProbabilities(x.RowColumns(n), x.RowValues(n), p.AsSpan(n * ClassCount, ClassCount));
        return p;
    }

    /// <summary>The most probable class of one sparse row (the lowest index among exact ties).</summary>
    /// <param name="columns">Feature indices of the row's non-zeros.</param>
    /// <param name="values">Their values.</param>
    public int Predict(ReadOnlySpan<int> columns, ReadOnlySpan<double> values)
    {
        Span<double> z = ClassCount <= 256 ? stackalloc double[ClassCount] : new double[ClassCount];
        PredictLogits(columns, values, z);
        return TensorPrimitives.IndexOfMax<double>(z);   // argmax z = argmax softmax(z)
    }

    /// <summary>The most probable class of every row of <paramref name="x"/>, (N).</summary>
    /// <param name="x">Rows to classify, (N, D).</param>
    public int[] Predict(CsrMatrix x)
    {
        CheckColumns(x);
        var y = new int[x.RowCount];
        for (int n = 0; n < x.RowCount; n++) y[n] = Predict(x.RowColumns(n), x.RowValues(n));
        return y;
    }

    /// <summary>
    /// The features that pushed class <paramref name="classIndex"/> most for this row: the <paramref name="top"/> largest
    /// contributions w[j, k]·xⱼ, largest first (ties by ascending feature index). Contributions can be negative when the row
    /// has fewer than <paramref name="top"/> features pushing the class up. The intercept is not a feature and is not listed.
    /// </summary>
    /// <param name="columns">Feature indices of the row's non-zeros.</param>
    /// <param name="values">Their values.</param>
    /// <param name="classIndex">k, in [0, K).</param>
    /// <param name="top">How many features to return at most, ≥ 0.</param>
    public IReadOnlyList<FeatureContribution> Explain(ReadOnlySpan<int> columns, ReadOnlySpan<double> values, int classIndex, int top)
    {
        if (columns.Length != values.Length) throw new ArgumentException($"columns ({columns.Length}) and values ({values.Length}) differ in length.", nameof(values));
        if ((uint)classIndex >= (uint)ClassCount) throw new ArgumentOutOfRangeException(nameof(classIndex), classIndex, $"Class index outside [0, {ClassCount}).");
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        var all = new FeatureContribution[columns.Length];
        for (int e = 0; e < columns.Length; e++)
        {
            if ((uint)columns[e] >= (uint)FeatureCount) throw new ArgumentOutOfRangeException(nameof(columns), columns[e], $"Feature index outside [0, {FeatureCount}).");
            all[e] = new FeatureContribution(columns[e], _theta[columns[e] * ClassCount + classIndex] * values[e]);
        }
        Array.Sort(all, static (a, b) => a.Contribution != b.Contribution ? b.Contribution.CompareTo(a.Contribution) : a.FeatureIndex.CompareTo(b.FeatureIndex));
        return all.AsSpan(0, Math.Min(top, all.Length)).ToArray();
    }

    private void CheckColumns(CsrMatrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.ColumnCount != FeatureCount) throw new ArgumentException($"x has {x.ColumnCount} columns; the model was trained on {FeatureCount} features.", nameof(x));
    }
}
