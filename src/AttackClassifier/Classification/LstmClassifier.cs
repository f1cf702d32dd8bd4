using AttackClassifier.Calibration;
using AttackClassifier.Data;
using AttackClassifier.Models.Lstm;
using AttackClassifier.Text;

namespace AttackClassifier.Classification;

/// <summary>The study's deep-learning baseline: a Keras-style sequence encoder, then Embedding → LSTM → Dropout → Dense → softmax.</summary>
public sealed record LstmClassifierOptions
{
    /// <summary>How command lines become token ids (default: Keras Tokenizer, 5000 words, <c>&lt;unk&gt;</c>, length 20, post padding).</summary>
    public SequenceEncoderOptions Encoder { get; init; } = new();

    /// <summary>The network and its training (default: E 100, H 64, dropout 0.5, Adam 1e-3, batch 32, 10 epochs, patience 3).</summary>
    public LstmOptions Network { get; init; } = new();
}

/// <summary>
/// A trained sequence encoder + LSTM classifier over raw command lines. Immutable and thread-safe.
/// </summary>
public sealed class LstmClassifier : IAttackClassifier
{
    private readonly string[] _labels;

    internal LstmClassifier(SequenceEncoder encoder, IReadOnlyList<string> labels, LstmModel model, ModelCalibration? calibration = null)
    {
        if (model.ClassCount != labels.Count) throw new ArgumentException($"The model has {model.ClassCount} classes, the label set {labels.Count}.", nameof(labels));
        if (model.VocabularySize < encoder.VocabularySize)
            throw new ArgumentException($"The model embeds {model.VocabularySize} token ids; the encoder emits up to {encoder.VocabularySize}.", nameof(model));
        CheckMasking(encoder.Options, model.MasksPadding);
        Encoder = encoder;
        Model = model;
        _labels = labels.ToArray();
        Calibration = (calibration ?? ModelCalibration.None).Validated();
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> Labels => _labels;

    /// <inheritdoc/>
    public ModelCalibration Calibration { get; }

    /// <inheritdoc/>
    public IAttackClassifier WithCalibration(ModelCalibration calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        return new LstmClassifier(Encoder, _labels, Model, calibration);
    }

    /// <summary>The fitted text → token-id encoder.</summary>
    public SequenceEncoder Encoder { get; }

    /// <summary>The trained network, with its per-epoch history.</summary>
    public LstmModel Model { get; }

    // Masking reads the state at each row's last real token, having run the LSTM over every step before it. With post-padding
    // that is exactly Keras's mask_zero=True (the padding comes after the output step). With pre-padding Keras's mask skips
    // the leading padding steps and keeps h = c = 0 through them; this network would run the gates over them instead, a
    // different model under the same name, so the combination is refused rather than quietly computed another way.
    private static void CheckMasking(SequenceEncoderOptions encoder, bool masksPadding)
    {
        if (masksPadding && encoder.Padding == SequenceEnd.Pre)
            throw new ArgumentException("Masking padding (MaskPadding) needs post-padding (Padding = Post): with pre-padding Keras's mask " +
                                        "skips the leading padding steps, which this LSTM does not; pad after the tokens or turn masking off.");
    }

    /// <summary>
    /// Fits the encoder on the training command lines and trains the network with observation counts as sample weights.
    /// Validation rows drive early stopping; those whose label the training rows lack have no defined loss and are left
    /// out of the validation loss only (evaluate them with <see cref="ClassifierExtensions.Evaluate"/>).
    /// </summary>
    public static LstmClassifier Train(CommandDataset training, CommandDataset? validation = null, LstmClassifierOptions? options = null,
                                       IProgress<LstmProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        options ??= new LstmClassifierOptions();
        CheckMasking(options.Encoder, options.Network.MaskPadding);
        LabelSet labels = training.Labels();
        if (labels.Count < 2) throw new ArgumentException($"Training data needs at least 2 classes; it has {labels.Count}.", nameof(training));
        string[] commands = training.CommandLines();
        SequenceEncoder encoder = SequenceEncoder.Fit(commands, options.Encoder);
        int T = options.Encoder.MaxLength;
        var train = new TokenSequences(encoder.Encode(commands), T, labels.Encode(training.Records.Select(r => r.Label)), training.Weights());
        TokenSequences? val = null;
        if (validation is not null)
        {
            CommandRecord[] known = validation.Records.Where(r => labels.IndexOf(r.Label) >= 0).ToArray();
            if (known.Length > 0)
                val = new TokenSequences(encoder.Encode(known.Select(r => r.CommandLine).ToArray()), T,
                                         labels.Encode(known.Select(r => r.Label)), known.Select(r => r.Count).ToArray());
        }
        LstmModel model = new LstmTrainer(options.Network).Fit(train, encoder.VocabularySize, labels.Count, val, progress, cancellationToken);
        return new LstmClassifier(encoder, labels.Labels, model);
    }

    /// <inheritdoc/>
    public void PredictProbabilities(string commandLine, Span<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        if (probabilities.Length != _labels.Length)
            throw new ArgumentException($"probabilities has {probabilities.Length} entries; the classifier has {_labels.Length} classes.", nameof(probabilities));
        int T = Encoder.Options.MaxLength;
        Span<int> ids = T <= 512 ? stackalloc int[T] : new int[T];
        Encoder.Encode(commandLine, ids);
        Span<float> p = _labels.Length <= 512 ? stackalloc float[_labels.Length] : new float[_labels.Length];
        Model.PredictProbabilities(ids, p);
        for (int k = 0; k < p.Length; k++) probabilities[k] = p[k];
        TemperatureScaling.Apply(probabilities, Calibration.Temperature);
    }
}
