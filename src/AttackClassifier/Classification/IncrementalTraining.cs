using AttackClassifier.Data;
using AttackClassifier.Kernels;
using AttackClassifier.Models.LogisticRegression;
using AttackClassifier.Normalization;
using AttackClassifier.Text;

namespace AttackClassifier.Classification;

/// <summary>
/// The state of a retraining loop over a TF-IDF + LR model: the current model and every row trained on so far, already
/// turned into features, so a round featurises only its new rows. <see cref="WarmStart"/> is one round of it.
/// </summary>
/// <remarks>
/// Why this matters: on a few hundred rows, turning commands into features (normalisation, word and character n-grams)
/// costs more than the L-BFGS iterations, so a warm start that featurised every replayed row again could not be much cheaper
/// than a cold fit however few iterations it took. A cached row stays exact when the vocabulary grows: old terms keep their
/// idf, so a row all of whose terms were in the vocabulary is unchanged up to the renumbering of its columns; a row that had
/// terms outside it (pruned, or a replayed row the parent never saw) is featurised again, since a new term may be one of them.
/// Every round therefore trains on exactly the rows a fresh transform with the grown vocabulary would give.
/// </remarks>
internal sealed class IncrementalTraining
{
    private sealed record Row(string Command, int[] Columns, double[] Values, bool Complete, int Label, double Weight);

    private readonly WarmStartOptions _options;
    private readonly List<string> _labels;
    private readonly Dictionary<string, int> _labelIndex = new(StringComparer.Ordinal);
    private List<Row> _rows = [];

    /// <summary>Starts from <paramref name="parent"/>, with <paramref name="replay"/> (old rows, consolidated) featurised by it.</summary>
    internal IncrementalTraining(TfidfLogisticRegressionClassifier parent, CommandDataset? replay, WarmStartOptions options)
    {
        Model = parent;
        _options = options;
        _labels = [.. parent.Labels];
        for (int k = 0; k < _labels.Count; k++) _labelIndex[_labels[k]] = k;
        if (replay is not null) _rows = Featurize(replay.Consolidate(), parent.Vectorizer);
    }

    /// <summary>The latest model.</summary>
    internal TfidfLogisticRegressionClassifier Model { get; private set; }

    /// <summary>Rows trained on so far (the replayed ones included).</summary>
    internal int RowCount => _rows.Count;

    /// <summary>
    /// One round: the classes and vocabulary grow by <paramref name="newRows"/> (see <see cref="WarmStart"/>), the cached rows
    /// follow the renumbered columns, and L-BFGS continues from the current θ on all rows.
    /// </summary>
    internal TfidfLogisticRegressionClassifier Add(CommandDataset newRows)
    {
        ArgumentNullException.ThrowIfNull(newRows);
        CommandDataset added = newRows.Consolidate();
        if (added.Count + _rows.Count == 0) throw new ArgumentException("There are no rows to retrain on.", nameof(newRows));
        foreach (string label in WarmStart.ChildLabels(_labels, added).Skip(_labels.Count))
        {
            _labelIndex[label] = _labels.Count;
            _labels.Add(label);
        }

        // The vocabulary grows by the new rows' terms; N for their idf counts every row trained on.
        TfidfLogisticRegressionClassifier parent = Model;
        string[] commands = added.CommandLines();
        IReadOnlyList<string>[]? documents = parent.Normalization is { } normalization ? Segments(commands, normalization) : null;
        int others = _rows.Count;
        (TfidfVectorizer, int[]) Grow(TfidfVectorizer part) => documents is null
            ? (part.Extend(commands, others, out int[] map), map)
            : (part.ExtendSegmented(documents, others, out int[] segmentedMap), segmentedMap);
        TfidfFeatureUnion vectorizer = parent.Vectorizer.Extend(Grow, out int[] oldToNew);

        // Cached rows: renumbered when complete, featurised again otherwise; then the new rows.
        var rows = new List<Row>(_rows.Count + added.Count);
        foreach (Row r in _rows)
            rows.Add(r.Complete ? r with { Columns = Array.ConvertAll(r.Columns, j => oldToNew[j]) } : Featurize(r.Command, r.Label, r.Weight, vectorizer));
        rows.AddRange(Featurize(added, vectorizer));
        _rows = rows;

        CsrMatrix x = Features(vectorizer.FeatureCount);
        int[] y = rows.Select(r => r.Label).ToArray();
        string[] labels = [.. _labels];
        double[] s = _options.ClassWeights.Apply(y, rows.Select(r => r.Weight).ToArray(), labels);
        LogisticRegressionModel start = WarmStart.ExtendParameters(parent.Model, oldToNew, vectorizer.FeatureCount, labels.Length);
        LogisticRegressionModel model = new LogisticRegressionTrainer(_options.Classifier).Fit(x, y, labels.Length, s, warmStart: start);
        Model = new TfidfLogisticRegressionClassifier(vectorizer, labels, model, parent.Calibration, parent.Normalization);
        return Model;
    }

    /// <summary>The cached rows stacked, (N, D): replayed rows first, then each round's new rows in order.</summary>
    internal CsrMatrix Features(int featureCount) => CsrMatrix.Stack(featureCount, _rows.Count, (n, columns, values) =>
    {
        _rows[n].Columns.CopyTo(columns);
        _rows[n].Values.CopyTo(values);
        return _rows[n].Columns.Length;
    });

    /// <summary>The cached rows' command lines, in row order.</summary>
    internal IEnumerable<string> Commands => _rows.Select(r => r.Command);

    private List<Row> Featurize(CommandDataset data, TfidfFeatureUnion vectorizer)
    {
        var rows = new Row[data.Count];
        for (int n = 0; n < rows.Length; n++)
        {
            CommandRecord r = data.Records[n];
            if (!_labelIndex.TryGetValue(r.Label, out int k))
            {
                k = _labels.Count;
                _labelIndex[r.Label] = k;
                _labels.Add(r.Label);
            }
            rows[n] = Featurize(r.CommandLine, k, r.Count, vectorizer);
        }
        return [.. rows];
    }

    // One row's features under `vectorizer`, and whether every term of the command was in its vocabulary.
    private Row Featurize(string command, int label, double weight, TfidfFeatureUnion vectorizer)
    {
        int d = vectorizer.FeatureCount;
        int[] columns = new int[d];
        double[] values = new double[d];
        int unknown;
        int nnz = Model.Normalization is { } n
            ? vectorizer.TransformSegmented(CommandNormalizer.Normalize(command, n).Segments, columns, values, out unknown)
            : vectorizer.Transform(command, columns, values, out unknown);
        return new Row(command, columns[..nnz], values[..nnz], unknown == 0, label, weight);
    }

    // Each command normalised once, as TfidfLogisticRegressionClassifier.Train does.
    private static IReadOnlyList<string>[] Segments(string[] commands, CommandNormalizerOptions normalization)
    {
        var documents = new IReadOnlyList<string>[commands.Length];
        Parallel.For(0, commands.Length, i => documents[i] = CommandNormalizer.Normalize(commands[i], normalization).Segments);
        return documents;
    }
}
