using AttackClassifier.Attack;
using AttackClassifier.Calibration;
using AttackClassifier.Data;
using AttackClassifier.Metrics;

namespace AttackClassifier.Classification;

/// <summary>Prediction, calibration and evaluation shared by every <see cref="IAttackClassifier"/>.</summary>
public static class ClassifierExtensions
{
    /// <summary>
    /// The prediction for one command line: the most probable class resolved against <paramref name="catalog"/> (default:
    /// <see cref="AttackCatalog.Default"/>), the <paramref name="top"/> most probable classes, the 3 most probable tactics, and
    /// kind <see cref="LabelKind.Unknown"/> when the top probability is below <paramref name="minProbability"/> (default: the
    /// classifier's calibrated abstention threshold).
    /// </summary>
    public static Prediction Predict(this IAttackClassifier classifier, string commandLine, int top = 3, double? minProbability = null, AttackCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        return PredictWith(classifier, p => classifier.PredictProbabilities(commandLine, p), top, minProbability, catalog);
    }

    /// <summary>Writes the K calibrated probabilities of one input.</summary>
    internal delegate void ProbabilityWriter(Span<double> probabilities);

    // The one decision step behind every Predict: probabilities from `write`, then the taxonomy, top-k and abstention.
    internal static Prediction PredictWith(IAttackClassifier classifier, ProbabilityWriter write, int top, double? minProbability, AttackCatalog? catalog)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        double threshold = CheckThreshold(minProbability ?? classifier.Calibration.AbstentionThreshold);
        Span<double> p = classifier.Labels.Count <= 256 ? stackalloc double[classifier.Labels.Count] : new double[classifier.Labels.Count];
        write(p);
        return Decide(ClassTaxonomy.For(classifier.Labels, catalog ?? AttackCatalog.Default), p, top, threshold);
    }

    private static double CheckThreshold(double threshold)
        => threshold is >= 0 and <= 1 ? threshold : throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "A minimum probability must lie in [0, 1].");

    /// <summary>Predicts many command lines on all cores; results are in input order and identical to one-by-one calls.</summary>
    public static Prediction[] PredictBatch(this IAttackClassifier classifier, IReadOnlyList<string> commandLines, int top = 3,
                                            double? minProbability = null, AttackCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(commandLines);
        var results = new Prediction[commandLines.Count];
        Parallel.For(0, commandLines.Count, i => results[i] = classifier.Predict(commandLines[i], top, minProbability, catalog));
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

    /// <summary>
    /// Fits the temperature on <paramref name="validation"/> (count-weighted NLL; rows whose label the classifier lacks are
    /// left out of the fit) and chooses the abstention threshold there (<see cref="AbstentionThreshold"/>'s rule; such rows
    /// count as wrong). Returns the classifier with that calibration; without validation weight, T = 1 and no abstention.
    /// </summary>
    public static IAttackClassifier Calibrate(this IAttackClassifier classifier, CommandDataset validation)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(validation);
        IAttackClassifier raw = classifier.WithCalibration(ModelCalibration.None);
        int k = raw.Labels.Count, n = validation.Count;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < k; c++) index[raw.Labels[c]] = c;
        var logP = new double[n * k];
        var y = new int[n];
        var s = new double[n];
        var known = new List<int>(n);
        Parallel.For(0, n, () => new double[k], (i, _, p) =>
        {
            raw.PredictProbabilities(validation.Records[i].CommandLine, p);
            for (int c = 0; c < k; c++) logP[i * k + c] = Math.Log(Math.Max(p[c], 1e-300));   // floor: a zero keeps the NLL finite
            return p;
        }, _ => { });
        for (int i = 0; i < n; i++)
        {
            y[i] = index.TryGetValue(validation.Records[i].Label, out int c) ? c : -1;
            s[i] = validation.Records[i].Count;
            if (y[i] >= 0) known.Add(i);
        }
        double[] knownLogP = known.SelectMany(i => logP.AsSpan(i * k, k).ToArray()).ToArray();
        double temperature = TemperatureScaling.Fit(knownLogP, k, known.Select(i => y[i]).ToArray(), known.Select(i => s[i]).ToArray());
        var confidence = new double[n];
        var correct = new bool[n];
        var q = new double[k];
        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < k; c++) q[c] = Math.Exp(logP[i * k + c]);
            TemperatureScaling.Apply(q, temperature);
            int best = ArgMax(q);
            confidence[i] = q[best];
            correct[i] = best == y[i];
        }
        double threshold = s.Sum() > 0 ? AbstentionThreshold.Choose(confidence, correct, s) : 0.0;
        return classifier.WithCalibration(new ModelCalibration(temperature, threshold, s.Sum() > 0 ? AbstentionThreshold.Rule : "none (no validation data)"));
    }

    /// <summary>
    /// How well the classifier's calibrated top probability says when it is right on <paramref name="data"/> (count-weighted;
    /// see <see cref="CalibrationReport"/>), at the abstention threshold <paramref name="minProbability"/> (default: the classifier's).
    /// </summary>
    public static CalibrationReport EvaluateCalibration(this IAttackClassifier classifier, CommandDataset data, double? minProbability = null)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(data);
        if (data.Count == 0) throw new ArgumentException("The evaluation data has no rows.", nameof(data));
        double threshold = CheckThreshold(minProbability ?? classifier.Calibration.AbstentionThreshold);
        int k = classifier.Labels.Count, n = data.Count;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < k; c++) index[classifier.Labels[c]] = c;
        var confidence = new double[n];
        var trueP = new double[n];
        var squares = new double[n];
        var correct = new bool[n];
        Parallel.For(0, n, () => new double[k], (i, _, p) =>
        {
            classifier.PredictProbabilities(data.Records[i].CommandLine, p);
            int best = ArgMax(p);
            int y = index.TryGetValue(data.Records[i].Label, out int c) ? c : -1;
            confidence[i] = p[best];
            trueP[i] = y >= 0 ? p[y] : 0;
            double sum = 0;
            foreach (double v in p) sum += v * v;
            squares[i] = sum;
            correct[i] = best == y;
            return p;
        }, _ => { });
        return CalibrationReport.Compute(confidence, trueP, squares, correct, data.Weights(), threshold);
    }

    /// <summary>Count-weighted share of rows whose true label is among the <paramref name="k"/> most probable classes (top-k accuracy).</summary>
    public static double TopKAccuracy(this IAttackClassifier classifier, CommandDataset data, int k)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        Prediction[] predictions = classifier.PredictBatch(data.CommandLines(), k, minProbability: 0);
        double hit = 0, total = 0;
        for (int i = 0; i < predictions.Length; i++)
        {
            CommandRecord r = data.Records[i];
            total += r.Count;
            foreach (ClassProbability c in predictions[i].Top)
                if (string.Equals(c.Label, r.Label, StringComparison.Ordinal)) { hit += r.Count; break; }
        }
        return total > 0 ? hit / total : double.NaN;
    }

    internal static Prediction Decide(ClassTaxonomy taxonomy, ReadOnlySpan<double> p, int top, double threshold)
    {
        int count = Math.Min(top, p.Length);
        var best = new ClassProbability[count];
        Span<bool> taken = p.Length <= 1024 ? stackalloc bool[p.Length] : new bool[p.Length];
        for (int t = 0; t < count; t++)
        {
            int arg = -1;
            for (int k = 0; k < p.Length; k++)
                if (!taken[k] && (arg < 0 || p[k] > p[arg])) arg = k;
            taken[arg] = true;
            AttackLabel c = taxonomy.Classes[arg];
            best[t] = new ClassProbability(c.Label, c.Kind, c.Technique, p[arg]);
        }
        IReadOnlyList<AttackTactic> tactics = taxonomy.Catalog.Tactics;
        Span<double> pTactic = tactics.Count <= 256 ? stackalloc double[tactics.Count] : new double[tactics.Count];
        taxonomy.TacticProbabilities(p, pTactic);
        var topTactics = new List<TacticProbability>(3);
        Span<bool> tacticTaken = tactics.Count <= 256 ? stackalloc bool[tactics.Count] : new bool[tactics.Count];
        for (int t = 0; t < 3; t++)
        {
            int arg = -1;
            for (int j = 0; j < pTactic.Length; j++)
                if (!tacticTaken[j] && pTactic[j] > 0 && (arg < 0 || pTactic[j] > pTactic[arg])) arg = j;   // ties: kill-chain order
            if (arg < 0) break;
            tacticTaken[arg] = true;
            topTactics.Add(new TacticProbability(tactics[arg], pTactic[arg]));
        }
        ClassProbability first = best[0];
        bool answered = first.Probability >= threshold;
        return new Prediction(first.Label, answered ? first.Kind : LabelKind.Unknown, answered ? first.Technique : null,
                              first.Probability, best, topTactics);
    }
}
