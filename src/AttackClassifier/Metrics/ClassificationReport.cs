using System.Globalization;
using System.Text;

namespace AttackClassifier.Metrics;

/// <summary>
/// Accuracy, per-class precision / recall / F1 / support, their macro, weighted and micro averages and the confusion
/// matrix of one set of predictions, optionally with sample weights (observation counts): scikit-learn's
/// <c>accuracy_score</c>, <c>precision_recall_fscore_support</c>, <c>confusion_matrix</c> and <c>classification_report</c>
/// with <c>zero_division=0</c>.
/// </summary>
/// <remarks>
/// <para>With sample weights sₙ ≥ 0 (all 1 without weights), for class k:</para>
/// <code>
///   TPₖ = Σₙ sₙ [yₙ = k ∧ ŷₙ = k]     predictedₖ = Σₙ sₙ [ŷₙ = k]     supportₖ = Σₙ sₙ [yₙ = k]
///   Pₖ = TPₖ / predictedₖ,   Rₖ = TPₖ / supportₖ,   F1ₖ = 2 Pₖ Rₖ / (Pₖ + Rₖ)      (a zero denominator gives 0, never NaN)
///   accuracy = Σₙ sₙ [yₙ = ŷₙ] / Σₙ sₙ
/// </code>
/// <para><b>Which classes the averages cover.</b> The report has a row for every one of the K named classes, but, as in
/// scikit-learn (which only knows the labels it sees), the averages run over the <em>present</em> classes: those that occur
/// in y or ŷ (in any row, whatever its weight). A class absent from both has all scores 0 and support 0 and would only drag
/// the macro average down. Macro = unweighted mean over present classes; weighted = mean weighted by supportₖ; micro =
/// scores of the pooled counts ΣTP / Σpredicted, ΣTP / Σsupport, which for single-label multiclass data all equal the accuracy.</para>
/// <para><see cref="ToText"/> prints the present classes only, exactly as <c>classification_report(y, ŷ, sample_weight=s,
/// target_names=…, digits=…, zero_division=0)</c> does.</para>
/// </remarks>
public sealed class ClassificationReport
{
    private readonly double[] _confusion;   // (K, K) row-major: rows = true class, columns = predicted class
    private readonly int[] _presentClasses; // class indices that occur in y or ŷ, ascending (exposed read-only)
    private readonly bool _floatSupport;    // supports print as Python floats (12.0): see ToText

    private ClassificationReport(double accuracy, MetricsRow[] classes, MetricsRow macro, MetricsRow weighted, MetricsRow micro,
                                 double[] confusion, int[] presentClasses, bool floatSupport)
    {
        Accuracy = accuracy;
        Classes = Array.AsReadOnly(classes);
        MacroAverage = macro;
        WeightedAverage = weighted;
        MicroAverage = micro;
        _confusion = confusion;
        _presentClasses = presentClasses;
        _floatSupport = floatSupport;
    }

    /// <summary>Weighted fraction of examples whose predicted class is the true class, in [0, 1].</summary>
    public double Accuracy { get; }

    /// <summary>One row per class, in class-index order (K rows), including classes absent from y and ŷ (all zeros).</summary>
    public IReadOnlyList<MetricsRow> Classes { get; }

    /// <summary>Unweighted mean of the per-class scores over the classes present in y or ŷ; Support is Σₖ supportₖ, the total weight.</summary>
    public MetricsRow MacroAverage { get; }

    /// <summary>Mean of the per-class scores weighted by each class's support; Support is Σₖ supportₖ, the total weight.</summary>
    public MetricsRow WeightedAverage { get; }

    /// <summary>Scores of the pooled counts (equal to <see cref="Accuracy"/> for single-label data); Support is Σₖ supportₖ, the total weight.</summary>
    public MetricsRow MicroAverage { get; }

    /// <summary>The classes present: indices of those that occur in y or ŷ in any row, whatever its weight (a weight-0 row
    /// counts), ascending — scikit-learn's label set, the rows <see cref="ToText"/> prints and the averages cover.</summary>
    public IReadOnlyList<int> PresentClasses => _presentClasses;

    /// <summary>K, the number of classes.</summary>
    public int ClassCount => Classes.Count;

    /// <summary>The (K, K) confusion matrix, row-major: entry [t·K + p] is the total sample weight of examples of true class t
    /// predicted as class p (a count without sample weights).</summary>
    public ReadOnlySpan<double> ConfusionMatrix => _confusion;

    /// <summary>Total sample weight of examples of true class <paramref name="trueClass"/> predicted as <paramref name="predictedClass"/>.</summary>
    public double Confusion(int trueClass, int predictedClass)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trueClass);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(trueClass, ClassCount);
        ArgumentOutOfRangeException.ThrowIfNegative(predictedClass);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(predictedClass, ClassCount);
        return _confusion[trueClass * ClassCount + predictedClass];
    }

    /// <summary>Scores unweighted predictions (every example counts once).</summary>
    /// <param name="trueClasses">y: the true class index of each example, in [0, K). (N)</param>
    /// <param name="predictedClasses">ŷ: the predicted class index of each example, in [0, K). (N)</param>
    /// <param name="classNames">The K class names, indexed by class.</param>
    /// <exception cref="ArgumentException">Lengths differ, N = 0, or a class index is outside [0, K).</exception>
    public static ClassificationReport Compute(ReadOnlySpan<int> trueClasses, ReadOnlySpan<int> predictedClasses, IReadOnlyList<string> classNames)
        => Compute(trueClasses, predictedClasses, default, sampleWeighted: false, classNames);

    /// <summary>Scores predictions with a sample weight per example (e.g. how many times the command line was observed).</summary>
    /// <param name="trueClasses">y: the true class index of each example, in [0, K). (N)</param>
    /// <param name="predictedClasses">ŷ: the predicted class index of each example, in [0, K). (N)</param>
    /// <param name="sampleWeights">s: a finite, non-negative weight per example, not all zero. (N)</param>
    /// <param name="classNames">The K class names, indexed by class.</param>
    /// <exception cref="ArgumentException">Lengths differ, N = 0, a class index is outside [0, K), a weight is negative or
    /// not finite, or all weights are zero.</exception>
    public static ClassificationReport Compute(ReadOnlySpan<int> trueClasses, ReadOnlySpan<int> predictedClasses,
                                              ReadOnlySpan<double> sampleWeights, IReadOnlyList<string> classNames)
        => Compute(trueClasses, predictedClasses, sampleWeights, sampleWeighted: true, classNames);

    private static ClassificationReport Compute(ReadOnlySpan<int> y, ReadOnlySpan<int> yHat, ReadOnlySpan<double> s,
                                                bool sampleWeighted, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        int K = classNames.Count;
        int N = y.Length;
        if (K == 0) throw new ArgumentException("At least one class name is needed.", nameof(classNames));
        for (int k = 0; k < K; k++)
            if (classNames[k] is null) throw new ArgumentException($"Class name {k} is null.", nameof(classNames));
        if (yHat.Length != N) throw new ArgumentException($"There are {N} true classes but {yHat.Length} predicted classes.", "predictedClasses");
        if (N == 0) throw new ArgumentException("Cannot score an empty set of predictions.", "trueClasses");
        if (sampleWeighted && s.Length != N) throw new ArgumentException($"There are {N} examples but {s.Length} sample weights.", "sampleWeights");

        var confusion = new double[K * K];   // (K, K) rows = true class, columns = predicted class
        var tp = new double[K];              // TPₖ
        var predicted = new double[K];       // predictedₖ
        var support = new double[K];         // supportₖ
        var present = new bool[K];
        var w = new double[N];               // sₙ (1 without weights)
        var correct = new double[N];         // sₙ [yₙ = ŷₙ]
        bool anyRight = false;               // some row has yₙ = ŷₙ, whatever its weight
        for (int n = 0; n < N; n++)
        {
            int t = y[n], p = yHat[n];
            if ((uint)t >= (uint)K) throw new ArgumentOutOfRangeException("trueClasses", t, $"True class at position {n} is {t}, outside [0, {K}).");
            if ((uint)p >= (uint)K) throw new ArgumentOutOfRangeException("predictedClasses", p, $"Predicted class at position {n} is {p}, outside [0, {K}).");
            w[n] = 1.0;
            if (sampleWeighted)
            {
                w[n] = s[n];
                if (!double.IsFinite(w[n]) || w[n] < 0) throw new ArgumentOutOfRangeException("sampleWeights", w[n], $"Sample weight at position {n} is {w[n]}; weights must be finite and non-negative.");
            }
            // Accumulated in row order, as scikit-learn's np.bincount(…, weights=s) and coo_matrix(…).toarray() do.
            confusion[t * K + p] += w[n];
            support[t] += w[n];
            predicted[p] += w[n];
            if (t == p) { tp[t] += w[n]; correct[n] = w[n]; anyRight = true; }
            present[t] = present[p] = true;
        }
        double total = NumpySum.Pairwise(w);
        if (total == 0) throw new ArgumentException("All sample weights are zero: there is nothing to score.", "sampleWeights");

        var classes = new MetricsRow[K];
        var precision = new double[K];
        var recall = new double[K];
        var f1 = new double[K];
        for (int k = 0; k < K; k++)
        {
            precision[k] = Divide(tp[k], predicted[k]);
            recall[k] = Divide(tp[k], support[k]);
            f1[k] = F1(precision[k], recall[k]);
            classes[k] = new MetricsRow(classNames[k], precision[k], recall[k], f1[k], support[k]);
        }

        // The averages run over the present classes (scikit-learn's label set), summed as numpy sums them.
        int[] presentClasses = Enumerable.Range(0, K).Where(k => present[k]).ToArray();
        double[] Present(double[] perClass) => presentClasses.Select(k => perClass[k]).ToArray();
        double[] presentSupport = Present(support);
        double supportSum = NumpySum.Pairwise(presentSupport);   // > 0: every positively weighted row has a present true class

        // macro = mean over present classes
        double Macro(double[] perClass) => NumpySum.Pairwise(Present(perClass)) / presentClasses.Length;
        // weighted = Σₖ supportₖ·scoreₖ / Σₖ supportₖ (np.average with weights = support)
        double Weighted(double[] perClass) => NumpySum.Pairwise(presentClasses.Select(k => perClass[k] * support[k]).ToArray()) / supportSum;

        var macro = new MetricsRow("macro avg", Macro(precision), Macro(recall), Macro(f1), supportSum);
        var weighted = new MetricsRow("weighted avg", Weighted(precision), Weighted(recall), Weighted(f1), supportSum);
        // micro = scores of the pooled counts ΣTP, Σpredicted, Σsupport
        double tpSum = NumpySum.Pairwise(Present(tp));
        double microP = Divide(tpSum, NumpySum.Pairwise(Present(predicted))), microR = Divide(tpSum, supportSum);
        var micro = new MetricsRow("micro avg", microP, microR, F1(microP, microR), supportSum);

        // accuracy_score: np.average([yₙ = ŷₙ], weights = s) = Σₙ sₙ[yₙ = ŷₙ] / Σₙ sₙ
        double accuracy = NumpySum.Pairwise(correct) / total;
        // scikit-learn's supports are a float array with sample weights, and also without them when no row is right: its
        // _multilabel_confusion_matrix then takes "the pathological case" and starts every sum from np.zeros (floats)
        // instead of np.bincount (integers). A right row of weight 0 still counts as right there, as here.
        return new ClassificationReport(accuracy, classes, macro, weighted, micro, confusion, presentClasses, floatSupport: sampleWeighted || !anyRight);
    }

    // scikit-learn's _prf_divide with zero_division=0: a zero denominator gives 0.
    private static double Divide(double numerator, double denominator) => denominator == 0 ? 0 : numerator / denominator;

    // F1 = 2·P·R / (P + R), evaluated in scikit-learn 1.2's order ((1 + β²)·P·R / (β²·P + R), β = 1) so results agree bit for bit.
    private static double F1(double precision, double recall)
    {
        double denominator = precision + recall;
        return denominator == 0 ? 0 : 2.0 * precision * recall / denominator;
    }

    /// <summary>
    /// The report as scikit-learn's <c>classification_report</c> prints it: one line per class present in y or ŷ, then
    /// accuracy, macro avg and weighted avg. Scores are rounded half-to-even on the exact binary value (0.125 → 0.12),
    /// support prints as an integer without sample weights and as a Python float (<c>12.0</c>) with them — and also without
    /// them when no prediction is right, as scikit-learn 1.2 prints it.
    /// </summary>
    /// <param name="digits">Decimal places of the scores (scikit-learn's <c>digits</c>), ≥ 0.</param>
    public string ToText(int digits = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(digits);
        const string LongestAverageHeading = "weighted avg";
        int width = Math.Max(LongestAverageHeading.Length, digits);
        foreach (int k in _presentClasses) width = Math.Max(width, CodePoints(Classes[k].Label));

        var text = new StringBuilder();
        // head_fmt = "{:>{width}s} " + " {:>9}" * 4
        text.Append(PadLeft("", width)).Append(' ');
        foreach (string header in (string[])["precision", "recall", "f1-score", "support"]) text.Append(' ').Append(PadLeft(header, 9));
        text.Append("\n\n");
        foreach (int k in _presentClasses) AppendRow(text, Classes[k], width, digits);
        text.Append('\n');
        // The micro average of single-label data is the accuracy: printed as "accuracy" with blank precision and recall.
        text.Append(PadLeft("accuracy", width)).Append(' ')
            .Append(' ').Append(PadLeft("", 9)).Append(' ').Append(PadLeft("", 9))
            .Append(' ').Append(PadLeft(PythonFormat.Fixed(MicroAverage.F1, digits), 9))
            .Append(' ').Append(PadLeft(FormatSupport(MicroAverage.Support), 9)).Append('\n');
        AppendRow(text, MacroAverage, width, digits);
        AppendRow(text, WeightedAverage, width, digits);
        return text.ToString();
    }

    /// <summary>The report text with two decimal places (<see cref="ToText"/>).</summary>
    public override string ToString() => ToText();

    // row_fmt = "{:>{width}s} " + " {:>9.{digits}f}" * 3 + " {:>9}\n"
    private void AppendRow(StringBuilder text, MetricsRow row, int width, int digits)
    {
        text.Append(PadLeft(row.Label, width)).Append(' ');
        foreach (double score in (double[])[row.Precision, row.Recall, row.F1]) text.Append(' ').Append(PadLeft(PythonFormat.Fixed(score, digits), 9));
        text.Append(' ').Append(PadLeft(FormatSupport(row.Support), 9)).Append('\n');
    }

    private string FormatSupport(double support)
        => _floatSupport ? PythonFormat.Repr(support) : ((long)support).ToString(CultureInfo.InvariantCulture);

    // Python pads by code points, not UTF-16 units.
    private static string PadLeft(string s, int width) => new string(' ', Math.Max(0, width - CodePoints(s))) + s;

    private static int CodePoints(string s) => s.EnumerateRunes().Count();
}
