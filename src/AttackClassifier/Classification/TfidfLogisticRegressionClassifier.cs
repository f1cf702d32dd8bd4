using AttackClassifier.Attack;
using AttackClassifier.Calibration;
using AttackClassifier.Data;
using AttackClassifier.Kernels;
using AttackClassifier.Models.LogisticRegression;
using AttackClassifier.Normalization;
using AttackClassifier.Text;

namespace AttackClassifier.Classification;

/// <summary>
/// The TF-IDF + logistic regression pipeline's settings. A new instance holds the study's settings (<see cref="Study"/>);
/// <see cref="Default"/> is the library's generalising default.
/// </summary>
public sealed record TfidfLogisticRegressionOptions
{
    /// <summary>
    /// The study's pipeline exactly (word 1–2-grams over the cyber tokenizer, at most 5000 features, C = 10, no class
    /// weights): kept for reproduction and parity with scikit-learn.
    /// </summary>
    public static TfidfLogisticRegressionOptions Study { get; } = new();

    /// <summary>
    /// The library's default, chosen to generalise to command lines of other authors (see MODELS.md for how it was chosen):
    /// word 1–2-grams and character 2–5-grams within words (char_wb), both with sublinear tf and no feature cap, balanced
    /// class weights, C = 100.
    /// </summary>
    public static TfidfLogisticRegressionOptions Default { get; } = new()
    {
        Features =
        [
            new TfidfOptions { SublinearTf = true },
            new TfidfOptions { Analyzer = TextAnalyzer.CharWordBoundary, NGramRange = new(2, 5), SublinearTf = true },
        ],
        Classifier = new LogisticRegressionOptions { InverseRegularization = 100 },
        ClassWeights = ClassWeights.Balanced,
        Normalization = new CommandNormalizerOptions(),
    };

    /// <summary>
    /// The feature blocks, concatenated column-wise in this order. Default: the study's word 1–2-grams over the
    /// cyber tokenizer, at most 5000 features. Add e.g. a <see cref="TextAnalyzer.CharWordBoundary"/> 2–5 block for character n-grams.
    /// </summary>
    public IReadOnlyList<TfidfOptions> Features { get; init; } = [new TfidfOptions { MaxFeatures = 5000 }];

    /// <summary>The logistic regression settings (default C = 10, as the study).</summary>
    public LogisticRegressionOptions Classifier { get; init; } = new();

    /// <summary>Class weights multiplied into the observation counts (default none, as the study).</summary>
    public ClassWeights ClassWeights { get; init; } = ClassWeights.None;

    /// <summary>
    /// Command normalisation (<see cref="CommandNormalizer"/>): when set, features come from the cleaned whole line, each of
    /// its statements and each decoded payload (n-grams never cross them); null (the study) reads the raw line only.
    /// </summary>
    public CommandNormalizerOptions? Normalization { get; init; }
}

/// <summary>
/// A trained TF-IDF + multinomial logistic regression classifier over raw command lines: the vectorizer fitted on the
/// training rows, the label set, and the model. Immutable and thread-safe; prediction allocates nothing but its result.
/// </summary>
public sealed class TfidfLogisticRegressionClassifier : IAttackClassifier
{
    [ThreadStatic] private static int[]? t_columns;
    [ThreadStatic] private static double[]? t_values;

    private readonly string[] _labels;

    internal TfidfLogisticRegressionClassifier(TfidfFeatureUnion vectorizer, IReadOnlyList<string> labels, LogisticRegressionModel model,
                                               ModelCalibration? calibration = null, CommandNormalizerOptions? normalization = null)
    {
        Normalization = normalization;
        if (model.FeatureCount != vectorizer.FeatureCount)
            throw new ArgumentException($"The model has {model.FeatureCount} features, the vectorizer {vectorizer.FeatureCount}.", nameof(model));
        if (model.ClassCount != labels.Count)
            throw new ArgumentException($"The model has {model.ClassCount} classes, the label set {labels.Count}.", nameof(labels));
        Vectorizer = vectorizer;
        Model = model;
        _labels = labels.ToArray();
        Calibration = (calibration ?? ModelCalibration.None).Validated();
    }

    private TfidfLogisticRegressionClassifier(TfidfLogisticRegressionClassifier source, ModelCalibration calibration)
    {
        Vectorizer = source.Vectorizer;
        Model = source.Model;
        _labels = source._labels;
        Normalization = source.Normalization;
        Calibration = calibration.Validated();
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> Labels => _labels;

    /// <inheritdoc/>
    public ModelCalibration Calibration { get; }

    /// <inheritdoc/>
    public IAttackClassifier WithCalibration(ModelCalibration calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        return new TfidfLogisticRegressionClassifier(this, calibration);
    }

    /// <summary>The fitted feature extractor: one or more TF-IDF blocks side by side (one block is a union of one).</summary>
    public TfidfFeatureUnion Vectorizer { get; }

    /// <summary>The command normalisation the features are computed after, or null (raw lines, the study).</summary>
    public CommandNormalizerOptions? Normalization { get; }

    /// <summary>The fitted logistic regression (coefficients, intercepts, training diagnostics).</summary>
    public LogisticRegressionModel Model { get; }

    /// <summary>
    /// Fits the vectorizer on the training command lines, then the model with observation counts (times the class
    /// weights) as sample weights. Classes are the training labels in ordinal order. Without options:
    /// <see cref="TfidfLogisticRegressionOptions.Default"/>; the study's pipeline is <see cref="TfidfLogisticRegressionOptions.Study"/>.
    /// </summary>
    /// <param name="training">The rows to learn from (consolidated).</param>
    /// <param name="options">The pipeline's settings; null for the default preset.</param>
    /// <param name="progress">Receives the L-BFGS fit's progress after every accepted step, or null.</param>
    /// <param name="cancellationToken">Checked after fitting the features and before every L-BFGS iteration.</param>
    /// <exception cref="ArgumentException">Fewer than two classes, no rows, or all counts zero.</exception>
    /// <exception cref="Models.TrainingFailedException">The fit ended on a non-finite objective or coefficients.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static TfidfLogisticRegressionClassifier Train(CommandDataset training, TfidfLogisticRegressionOptions? options = null,
        IProgress<LogisticRegressionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        options ??= TfidfLogisticRegressionOptions.Default;
        ArgumentNullException.ThrowIfNull(options.ClassWeights, nameof(options));
        if (options.Features is null || options.Features.Count == 0) throw new ArgumentException("At least one feature block is needed.", nameof(options));
        LabelSet labels = training.Labels();
        if (labels.Count < 2) throw new ArgumentException($"Training data needs at least 2 classes; it has {labels.Count}.", nameof(training));
        string[] commands = training.CommandLines();
        TfidfFeatureUnion vectorizer;
        CsrMatrix x;
        if (options.Normalization is { } normalization)
        {
            // Each row normalised once; fitting and transforming read the same segments.
            IReadOnlyList<string>[] documents = new IReadOnlyList<string>[commands.Length];
            Parallel.For(0, commands.Length, i => documents[i] = CommandNormalizer.Normalize(commands[i], normalization).Segments);
            vectorizer = TfidfFeatureUnion.FitTransformSegmented(documents, options.Features, out x);
        }
        else vectorizer = TfidfFeatureUnion.FitTransform(commands, options.Features, out x);
        cancellationToken.ThrowIfCancellationRequested();
        int[] y = labels.Encode(training.Records.Select(r => r.Label));
        double[] s = options.ClassWeights.Apply(y, training.Weights(), labels.Labels);
        LogisticRegressionModel model = new LogisticRegressionTrainer(options.Classifier).Fit(x, y, labels.Count, s, progress: progress, cancellationToken: cancellationToken);
        return new TfidfLogisticRegressionClassifier(vectorizer, labels.Labels, model, normalization: options.Normalization);
    }

    /// <inheritdoc/>
    public void PredictProbabilities(string commandLine, Span<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        CheckLength(probabilities);
        int nnz = Features(commandLine, out int[] columns, out double[] values);
        Probabilities(columns.AsSpan(0, nnz), values.AsSpan(0, nnz), probabilities);
    }

    /// <summary>
    /// The TF-IDF row of <paramref name="commandLine"/> (after this classifier's normalisation): computed once, it serves
    /// <see cref="PredictProbabilities(FeatureRow, Span{double})"/>, <see cref="Predict(FeatureRow, int, double?, AttackCatalog?)"/>
    /// and <see cref="Explain"/> without vectorizing the line again.
    /// </summary>
    public FeatureRow Featurize(string commandLine)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        int nnz = Features(commandLine, out int[] columns, out double[] values);
        return new FeatureRow(Vectorizer, columns[..nnz], values[..nnz]);
    }

    /// <summary>As <see cref="PredictProbabilities(string, Span{double})"/>, from a row <see cref="Featurize"/> computed.</summary>
    /// <exception cref="ArgumentException">The row comes from another vectorizer, or <paramref name="probabilities"/> is not of length K.</exception>
    public void PredictProbabilities(FeatureRow row, Span<double> probabilities)
    {
        CheckRow(row);
        CheckLength(probabilities);
        Probabilities(row.Columns, row.Values, probabilities);
    }

    /// <summary>As <see cref="ClassifierExtensions.Predict"/>, from a row <see cref="Featurize"/> computed.</summary>
    /// <exception cref="ArgumentException">The row comes from another vectorizer.</exception>
    public Prediction Predict(FeatureRow row, int top = 3, double? minProbability = null, AttackCatalog? catalog = null)
    {
        CheckRow(row);
        return ClassifierExtensions.PredictWith(this, p => Probabilities(row.Columns, row.Values, p), top, minProbability, catalog);
    }

    /// <summary>
    /// The n-grams of <paramref name="row"/> that pushed <paramref name="technique"/> (default: the predicted one)
    /// most: coefficient × TF-IDF value, largest first.
    /// </summary>
    /// <exception cref="ArgumentException">The row comes from another vectorizer, or the technique is not a class.</exception>
    public IReadOnlyList<Evidence> Explain(FeatureRow row, int top = 5, string? technique = null)
    {
        CheckRow(row);
        int k;
        if (technique is null)
        {
            Span<double> p = _labels.Length <= 256 ? stackalloc double[_labels.Length] : new double[_labels.Length];
            Model.PredictProbabilities(row.Columns, row.Values, p);
            k = ClassifierExtensions.ArgMax(p);
        }
        else if ((k = Array.IndexOf(_labels, technique)) < 0)
            throw new ArgumentException($"'{technique}' is not one of the classifier's techniques.", nameof(technique));
        return Model.Explain(row.Columns, row.Values, k, top)
            .Select(c => new Evidence(Vectorizer.Term(c.FeatureIndex), c.Contribution)).ToArray();
    }

    // Calibrated probabilities of one row: the one step every prediction path takes.
    private void Probabilities(ReadOnlySpan<int> columns, ReadOnlySpan<double> values, Span<double> probabilities)
    {
        Model.PredictProbabilities(columns, values, probabilities);
        TemperatureScaling.Apply(probabilities, Calibration.Temperature);
    }

    private void CheckLength(Span<double> probabilities)
    {
        if (probabilities.Length != _labels.Length)
            throw new ArgumentException($"probabilities has {probabilities.Length} entries; the classifier has {_labels.Length} classes.", nameof(probabilities));
    }

    private void CheckRow(FeatureRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!ReferenceEquals(row.Vectorizer, Vectorizer))
            throw new ArgumentException("The row was computed by another classifier's vectorizer; call this classifier's Featurize.", nameof(row));
    }

    // The command's sparse TF-IDF row in per-thread buffers (no allocation after the first call on a thread).
    private int Features(string commandLine, out int[] columns, out double[] values)
    {
        int d = Vectorizer.FeatureCount;
        if (t_columns is null || t_columns.Length < d) { t_columns = new int[d]; t_values = new double[d]; }
        columns = t_columns;
        values = t_values!;
        return Normalization is { } normalization
            ? Vectorizer.TransformSegmented(CommandNormalizer.Normalize(commandLine, normalization).Segments, columns.AsSpan(0, d), values.AsSpan(0, d))
            : Vectorizer.Transform(commandLine, columns.AsSpan(0, d), values.AsSpan(0, d));
    }
}

/// <summary>
/// One command line's TF-IDF row as a <see cref="TfidfLogisticRegressionClassifier"/> computed it (<see cref="TfidfLogisticRegressionClassifier.Featurize"/>):
/// non-zero columns ascending and their values. Immutable; accepted only by a classifier sharing the vectorizer that made it.
/// </summary>
public sealed class FeatureRow
{
    private readonly int[] _columns;    // (nnz)
    private readonly double[] _values;  // (nnz)

    internal FeatureRow(TfidfFeatureUnion vectorizer, int[] columns, double[] values)
    {
        Vectorizer = vectorizer;
        _columns = columns;
        _values = values;
    }

    internal TfidfFeatureUnion Vectorizer { get; }

    /// <summary>The non-zero feature columns, ascending (see <see cref="TfidfFeatureUnion.Term"/> for their n-grams).</summary>
    public ReadOnlySpan<int> Columns => _columns;

    /// <summary>The TF-IDF value of each column in <see cref="Columns"/>.</summary>
    public ReadOnlySpan<double> Values => _values;
}
