using AttackClassifier.Data;
using AttackClassifier.Metrics;

namespace AttackClassifier.Classification;

/// <summary>Prediction and evaluation shared by every <see cref="IAttackClassifier"/>.</summary>
public static class ClassifierExtensions
{
    /// <summary>The most probable technique and the <paramref name="top"/> most probable ones, best first.</summary>
    public static TechniquePrediction Predict(this IAttackClassifier classifier, string commandLine, int top = 3)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        Span<double> p = classifier.Labels.Count <= 256 ? stackalloc double[classifier.Labels.Count] : new double[classifier.Labels.Count];
        classifier.PredictProbabilities(commandLine, p);
        return TopK(classifier.Labels, p, top);
    }

    /// <summary>Predicts many command lines on all cores; results are in input order and identical to one-by-one calls.</summary>
    public static TechniquePrediction[] PredictBatch(this IAttackClassifier classifier, IReadOnlyList<string> commandLines, int top = 3)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(commandLines);
        var results = new TechniquePrediction[commandLines.Count];
        Parallel.For(0, commandLines.Count, i => results[i] = classifier.Predict(commandLines[i], top));
        return results;
    }

    /// <summary>The most probable class index of each command line, on all cores.</summary>
    public static int[] PredictClasses(this IAttackClassifier classifier, IReadOnlyList<string> commandLines)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(commandLines);
        int k = classifier.Labels.Count;
        var predicted = new int[commandLines.Count];
        Parallel.For(0, commandLines.Count, () => new double[k], (i, _, p) =>
        {
            classifier.PredictProbabilities(commandLines[i], p);
            predicted[i] = ArgMax(p);
            return p;
        }, _ => { });
        return predicted;
    }

    /// <summary>
    /// Scores the classifier on labelled data with observation counts as sample weights (the study's metrics).
    /// Labels of <paramref name="data"/> the classifier never saw are kept as classes of the report (always mispredicted).
    /// </summary>
    public static ClassificationReport Evaluate(this IAttackClassifier classifier, CommandDataset data)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(data);
        if (data.Count == 0) throw new ArgumentException("The evaluation data has no rows.", nameof(data));
        var names = new List<string>(classifier.Labels);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int k = 0; k < names.Count; k++) index[names[k]] = k;
        int[] y = data.Records.Select(r => index.TryGetValue(r.Label, out int k) ? k : index[r.Label] = AddName(names, r.Label)).ToArray();
        int[] predicted = classifier.PredictClasses(data.CommandLines());
        return ClassificationReport.Compute(y, predicted, data.Weights(), names);
    }

    private static int AddName(List<string> names, string label)
    {
        names.Add(label);
        return names.Count - 1;
    }

    internal static int ArgMax(ReadOnlySpan<double> p)
    {
        int best = 0;
        for (int k = 1; k < p.Length; k++) if (p[k] > p[best]) best = k;   // first of equal maxima, as numpy's argmax
        return best;
    }

    internal static TechniquePrediction TopK(IReadOnlyList<string> labels, ReadOnlySpan<double> p, int top)
    {
        int count = Math.Min(top, p.Length);
        var best = new TechniqueProbability[count];
        Span<bool> taken = p.Length <= 1024 ? stackalloc bool[p.Length] : new bool[p.Length];
        for (int t = 0; t < count; t++)
        {
            int arg = -1;
            for (int k = 0; k < p.Length; k++)
                if (!taken[k] && (arg < 0 || p[k] > p[arg])) arg = k;
            taken[arg] = true;
            best[t] = new TechniqueProbability(labels[arg], p[arg]);
        }
        return new TechniquePrediction(best[0].Technique, best[0].Probability, best);
    }
}
