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

    internal TfidfLogisticRegressionClassifier(ITextVectorizer vectorizer, IReadOnlyList<string> labels, LogisticRegressionModel model,
                                               ModelCalibration? calibration = null, CommandNormalizerOptions? normalization = null)
    {
        if (normalization is not null && vectorizer is not ISegmentedTextVectorizer)
            throw new ArgumentException($"{vectorizer.GetType().Name} cannot read normalised (segmented) commands.", nameof(vectorizer));
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

    /// <summary>The fitted feature extractor (a <see cref="TfidfVectorizer"/> or <see cref="TfidfFeatureUnion"/>).</summary>
    public ITextVectorizer Vectorizer { get; }

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
        ITextVectorizer vectorizer;
        CsrMatrix x;
        if (options.Normalization is { } normalization)
        {
            // Each row normalised once; fitting and transforming read the same segments.
            IReadOnlyList<string>[] documents = new IReadOnlyList<string>[commands.Length];
            Parallel.For(0, commands.Length, i => documents[i] = CommandNormalizer.Normalize(commands[i], normalization).Segments);
            ISegmentedTextVectorizer segmented = options.Features.Count == 1
                ? TfidfVectorizer.FitSegmented(documents, options.Features[0])
                : TfidfFeatureUnion.FitSegmented(documents, [.. options.Features]);
            vectorizer = segmented;
            x = segmented.TransformSegmented(documents);
        }
        else
        {
            vectorizer = options.Features.Count == 1
                ? TfidfVectorizer.Fit(commands, options.Features[0])
                : TfidfFeatureUnion.Fit(commands, [.. options.Features]);
            x = vectorizer.Transform(commands);
        }
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
        if (probabilities.Length != _labels.Length)
            throw new ArgumentException($"probabilities has {probabilities.Length} entries; the classifier has {_labels.Length} classes.", nameof(probabilities));
        int nnz = Features(commandLine, out int[] columns, out double[] values);
        Model.PredictProbabilities(columns.AsSpan(0, nnz), values.AsSpan(0, nnz), probabilities);
        TemperatureScaling.Apply(probabilities, Calibration.Temperature);
    }

    /// <summary>
    /// The n-grams of <paramref name="commandLine"/> that pushed <paramref name="technique"/> (default: the predicted one)
    /// most: coefficient × TF-IDF value, largest first.
    /// </summary>
    public IReadOnlyList<Evidence> Explain(string commandLine, int top = 5, string? technique = null)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        int nnz = Features(commandLine, out int[] columns, out double[] values);
        int k;
        if (technique is null)
        {
            Span<double> p = _labels.Length <= 256 ? stackalloc double[_labels.Length] : new double[_labels.Length];
            Model.PredictProbabilities(columns.AsSpan(0, nnz), values.AsSpan(0, nnz), p);
            k = ClassifierExtensions.ArgMax(p);
        }
        else if ((k = Array.IndexOf(_labels, technique)) < 0)
            throw new ArgumentException($"'{technique}' is not one of the classifier's techniques.", nameof(technique));
        return Model.Explain(columns.AsSpan(0, nnz), values.AsSpan(0, nnz), k, top)
            .Select(c => new Evidence(FeatureName(c.FeatureIndex), c.Contribution)).ToArray();
    }

    /// <summary>The n-gram behind feature column <paramref name="column"/>.</summary>
    public string FeatureName(int column)
    {
        switch (Vectorizer)
        {
            case TfidfVectorizer single:
                return single.Terms[column];
            case TfidfFeatureUnion union:
                for (int part = union.Parts.Count - 1; part >= 0; part--)
                    if (column >= union.ColumnOffset(part)) return union.Parts[part].Terms[column - union.ColumnOffset(part)];
                break;
        }
        throw new ArgumentOutOfRangeException(nameof(column), column, "No such feature column.");
    }

    // The command's sparse TF-IDF row in per-thread buffers (no allocation after the first call on a thread).
    private int Features(string commandLine, out int[] columns, out double[] values)
    {
        int d = Vectorizer.FeatureCount;
        if (t_columns is null || t_columns.Length < d) { t_columns = new int[d]; t_values = new double[d]; }
        columns = t_columns;
        values = t_values!;
        return Normalization is { } normalization
            ? ((ISegmentedTextVectorizer)Vectorizer).TransformSegmented(CommandNormalizer.Normalize(commandLine, normalization).Segments, columns.AsSpan(0, d), values.AsSpan(0, d))
            : Vectorizer.Transform(commandLine, columns.AsSpan(0, d), values.AsSpan(0, d));
    }
}
