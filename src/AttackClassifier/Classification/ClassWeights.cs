namespace AttackClassifier.Classification;

/// <summary>How classes are weighted in the loss (scikit-learn's <c>class_weight</c>).</summary>
public enum ClassWeightMode
{
    /// <summary>Every class weighs 1: rows weigh their observation count only (the study).</summary>
    None,

    /// <summary>Class k weighs W / (K · W_k), W the total and W_k the class's count-weighted total (scikit-learn's
    /// <c>"balanced"</c> with sample weights), so every class carries the same total weight.</summary>
    Balanced,

    /// <summary>Per-class weights given by name (<see cref="ClassWeights.Explicit"/>); classes not named weigh 1.</summary>
    Explicit,
}

/// <summary>
/// Class weights, multiplied into each row's sample weight (its observation count) before fitting: sₙ ← sₙ · w_{yₙ},
/// as scikit-learn multiplies <c>class_weight</c> into <c>sample_weight</c>.
/// </summary>
public sealed record ClassWeights
{
    private ClassWeights(ClassWeightMode mode, IReadOnlyDictionary<string, double>? weights)
    {
        Mode = mode;
        Weights = weights ?? new Dictionary<string, double>();
    }

    /// <summary>The mode.</summary>
    public ClassWeightMode Mode { get; }

    /// <summary>The explicit weights by class label (empty unless <see cref="Mode"/> is <see cref="ClassWeightMode.Explicit"/>).</summary>
    public IReadOnlyDictionary<string, double> Weights { get; }

    /// <summary>No class weighting.</summary>
    public static ClassWeights None { get; } = new(ClassWeightMode.None, null);

    /// <summary>scikit-learn's balanced weights from count-weighted class totals.</summary>
    public static ClassWeights Balanced { get; } = new(ClassWeightMode.Balanced, null);

    /// <summary>Explicit weights by class label; each must be finite and ≥ 0.</summary>
    public static ClassWeights Explicit(IReadOnlyDictionary<string, double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        foreach (var (label, w) in weights)
            if (!(double.IsFinite(w) && w >= 0)) throw new ArgumentOutOfRangeException(nameof(weights), w, $"The weight of class '{label}' must be finite and ≥ 0.");
        return new(ClassWeightMode.Explicit, new Dictionary<string, double>(weights, StringComparer.Ordinal));
    }

    /// <summary>Each class's weight, in class-index order, for rows of classes <paramref name="y"/> with counts <paramref name="s"/>.</summary>
    internal double[] PerClass(ReadOnlySpan<int> y, ReadOnlySpan<double> s, IReadOnlyList<string> labels)
    {
        int k = labels.Count;
        var w = new double[k];
        switch (Mode)
        {
            case ClassWeightMode.None:
                Array.Fill(w, 1.0);
                break;
            case ClassWeightMode.Balanced:
                var total = new double[k];
                double all = 0;
                for (int i = 0; i < y.Length; i++) { total[y[i]] += s[i]; all += s[i]; }
                for (int c = 0; c < k; c++) w[c] = total[c] > 0 ? all / (k * total[c]) : 1.0;   // W / (K · W_k); an empty class never weighs a row
                break;
            case ClassWeightMode.Explicit:
                for (int c = 0; c < k; c++) w[c] = Weights.TryGetValue(labels[c], out double v) ? v : 1.0;
                break;
        }
        return w;
    }

    /// <summary>sₙ · w_{yₙ} for every row.</summary>
    internal double[] Apply(ReadOnlySpan<int> y, ReadOnlySpan<double> s, IReadOnlyList<string> labels)
    {
        double[] perClass = PerClass(y, s, labels);
        var weighted = new double[y.Length];
        for (int i = 0; i < y.Length; i++) weighted[i] = s[i] * perClass[y[i]];
        return weighted;
    }
}
