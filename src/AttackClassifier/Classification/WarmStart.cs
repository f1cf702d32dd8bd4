using AttackClassifier.Data;
using AttackClassifier.Models.LogisticRegression;
using AttackClassifier.Models.Lstm;
using AttackClassifier.Text;

namespace AttackClassifier.Classification;

/// <summary>Settings of <see cref="WarmStart"/>: the objective the child is fitted to, and how long to refine.</summary>
public sealed record WarmStartOptions
{
    /// <summary>
    /// The L-BFGS fit of the child. Default: the library default's C = 100, a relative-decrease tolerance of 1e-6 instead of
    /// scipy's 2.2e-9, and at most 15 iterations. A warm start begins near the old optimum; most of a fit's iterations go to
    /// the last stretch towards the tight tolerance, which moves held-out metrics by nothing measurable. In the simulated
    /// analyst loop (benchmarks/README.md, "Analyst in the loop") 15 iterations per round matched the cold fit's held-out
    /// macro F1 (mean difference +0.005 over 30 rounds) at about a fifth of its cost, while 10 lost up to 0.04 in a round; the
    /// next round continues where this one stopped. For one large batch of new rows, raise <c>MaxIterations</c> (or pass
    /// <c>new LogisticRegressionOptions { InverseRegularization = 100 }</c> to fit exactly as tightly as a cold fit).
    /// </summary>
    public LogisticRegressionOptions Classifier { get; init; } = new()
    {
        InverseRegularization = TfidfLogisticRegressionOptions.Default.Classifier.InverseRegularization,
        RelativeDecreaseTolerance = 1e-6,
        MaxIterations = 15,
    };

    /// <summary>Class weights of the child's fit (default balanced, as the library default).</summary>
    public ClassWeights ClassWeights { get; init; } = TfidfLogisticRegressionOptions.Default.ClassWeights;
}

/// <summary>
/// Retrains a model from its parent on newly labelled rows, without a rebuild from scratch:
/// <list type="bullet">
/// <item><b>Classes</b>: the parent's, in its order, then labels new in the data (ordinal order). The parent's θ is extended
/// with zero weight columns and zero intercepts for them. A parent class absent from the data keeps its column; without
/// replayed old rows its probabilities shrink (pass the old data as replay to keep it).</item>
/// <item><b>Features</b> (LR): the parent's vocabulary and idf are kept; terms of the new rows the vocabulary lacks are added
/// (see <see cref="TfidfVectorizer"/>'s <c>Extend</c>: idf of a new term over all rows of the fit with df counted in the new
/// ones, columns in ordinal term order). Each old term's weight row moves with its term, so before the first step the child
/// scores every old command exactly as the parent did; new terms start at weight 0. Replayed rows are featurised once and
/// follow the renumbering (<c>IncrementalTraining</c>, which also serves a loop of many rounds).</item>
/// <item><b>Fit</b> (LR): L-BFGS from that θ on the new rows plus the replayed ones (consolidated), with
/// <see cref="WarmStartOptions.Classifier"/>. (LSTM): Adam from the parent's weights; the encoder's vocabulary stays the
/// parent's (new words map to its OOV id).</item>
/// </list>
/// The parent's calibration (temperature, abstention threshold) is kept; recalibrate with
/// <see cref="ClassifierExtensions.Calibrate"/> on fresh validation rows. Deterministic, as a cold fit.
/// </summary>
public static class WarmStart
{
    /// <summary>Fits a child of <paramref name="parent"/> on <paramref name="newRows"/> plus <paramref name="replay"/> (old rows mixed back in).</summary>
    /// <exception cref="ArgumentException">No rows, or a row's weight is invalid.</exception>
    public static TfidfLogisticRegressionClassifier Retrain(TfidfLogisticRegressionClassifier parent, CommandDataset newRows, CommandDataset? replay,
                                                            WarmStartOptions? options)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(newRows);
        options ??= new WarmStartOptions();
        ArgumentNullException.ThrowIfNull(options.Classifier, nameof(options));
        ArgumentNullException.ThrowIfNull(options.ClassWeights, nameof(options));
        if (newRows.Count == 0 && (replay is null || replay.Count == 0)) throw new ArgumentException("There are no rows to retrain on.", nameof(newRows));
        return new IncrementalTraining(parent, replay, options).Add(newRows);
    }

    /// <summary>Fine-tunes an LSTM child of <paramref name="parent"/> with <paramref name="network"/>'s Adam settings (its seed,
    /// epochs and early stopping on <paramref name="validation"/>), from the parent's weights; new classes extend the softmax
    /// layer with zero rows.</summary>
    public static LstmClassifier Retrain(LstmClassifier parent, CommandDataset newRows, CommandDataset? replay, CommandDataset? validation,
                                         LstmOptions? network, IProgress<LstmProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(newRows);
        CommandDataset data = Mix(newRows, replay);
        string[] labels = ChildLabels(parent.Labels, data);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int k = 0; k < labels.Length; k++) index[labels[k]] = k;
        LstmModel p = parent.Model;
        network ??= new LstmOptions { EmbeddingSize = p.EmbeddingSize, HiddenSize = p.HiddenSize, MaskPadding = p.MasksPadding };
        if (network.EmbeddingSize != p.EmbeddingSize || network.HiddenSize != p.HiddenSize)
            throw new ArgumentException($"The parent has E = {p.EmbeddingSize}, H = {p.HiddenSize}; a fine-tune keeps the network's widths.", nameof(network));
        int T = parent.Encoder.Options.MaxLength;
        TokenSequences Encode(IReadOnlyList<CommandRecord> rows) =>
            new(parent.Encoder.Encode(rows.Select(r => r.CommandLine).ToArray()), T, rows.Select(r => index[r.Label]).ToArray(), rows.Select(r => r.Count).ToArray());
        TokenSequences training = Encode(data.Records);
        CommandRecord[] known = validation is null ? [] : validation.Records.Where(r => index.ContainsKey(r.Label)).ToArray();
        TokenSequences? held = known.Length > 0 ? Encode(known) : null;
        float[] theta = ExtendSoftmax(p, labels.Length);
        LstmModel model = new LstmTrainer(network).Fit(training, p.VocabularySize, labels.Length, held, progress, CancellationToken.None, initialParameters: theta);
        return new LstmClassifier(parent.Encoder, labels, model).WithCalibration(parent.Calibration) as LstmClassifier
               ?? throw new InvalidOperationException("WithCalibration changed the classifier kind.");
    }

    /// <summary>New rows then replayed rows, consolidated (a row in both adds its counts).</summary>
    internal static CommandDataset Mix(CommandDataset newRows, CommandDataset? replay)
    {
        if (newRows.Count == 0 && (replay is null || replay.Count == 0)) throw new ArgumentException("There are no rows to retrain on.", nameof(newRows));
        return new CommandDataset(replay is null ? newRows.Records : newRows.Records.Concat(replay.Records)).Consolidate();
    }

    /// <summary>The parent's labels in its order, then the data's labels it lacks, in ordinal order.</summary>
    internal static string[] ChildLabels(IReadOnlyList<string> parentLabels, CommandDataset data)
    {
        var known = new HashSet<string>(parentLabels, StringComparer.Ordinal);
        return parentLabels.Concat(data.Records.Select(r => r.Label).Where(l => !known.Contains(l)).Distinct().Order(StringComparer.Ordinal)).ToArray();
    }

    /// <summary>
    /// The parent's θ = [ w (D,K) | b (K) ] laid out for D' ≥ D features and K' ≥ K classes: w'[oldToNew[j], k] = w[j, k],
    /// b'[k] = b[k] for k &lt; K; every other entry 0 (new terms, new classes).
    /// </summary>
    internal static LogisticRegressionModel ExtendParameters(LogisticRegressionModel parent, ReadOnlySpan<int> oldToNew, int featureCount, int classCount)
    {
        int D = parent.FeatureCount, K = parent.ClassCount;
        if (oldToNew.Length != D) throw new ArgumentException($"The column map has {oldToNew.Length} entries; the parent has {D} features.", nameof(oldToNew));
        if (featureCount < D || classCount < K) throw new ArgumentException("A child has at least the parent's features and classes.", nameof(featureCount));
        var theta = new double[(featureCount + 1) * classCount];   // (D'+1, K')
        ReadOnlySpan<double> w = parent.Coefficients;
        for (int j = 0; j < D; j++) w.Slice(j * K, K).CopyTo(theta.AsSpan(oldToNew[j] * classCount, K));
        parent.Intercepts.CopyTo(theta.AsSpan(featureCount * classCount, K));
        return new LogisticRegressionModel(featureCount, classCount, parent.HasIntercept ? theta : theta.AsSpan(0, featureCount * classCount));
    }

    /// <summary>The parent's LSTM θ with the softmax layer grown to K' classes: θ = [ … | wy (K,H) | by (K) ] becomes
    /// [ … | wy (K,H), 0 (K'−K, H) | by (K), 0 (K'−K) ] (the class dimension is outermost in both, so the old rows stay in place).</summary>
    internal static float[] ExtendSoftmax(LstmModel parent, int classCount)
    {
        LstmLayout old = parent.Layout;
        var grown = old with { K = classCount };
        ReadOnlySpan<float> theta = parent.Parameters;
        var result = new float[grown.Count];
        theta[..old.By].CopyTo(result);                                        // embedding, LSTM, wy (K,H)
        theta.Slice(old.By, old.K).CopyTo(result.AsSpan(grown.By, old.K));     // by (K)
        return result;
    }
}
