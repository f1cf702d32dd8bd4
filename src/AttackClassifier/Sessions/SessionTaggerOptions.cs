using AttackClassifier.Classification;
using AttackClassifier.Models.LogisticRegression;
using AttackClassifier.Text;

namespace AttackClassifier.Sessions;

/// <summary>How a <see cref="SessionTagger"/> turns per-statement probabilities into tags. The numbers are part of the model file.</summary>
public enum SessionDecoder
{
    /// <summary>A learned tactic-transition chain: Viterbi path, forward–backward probabilities.</summary>
    TransitionSmoothing = 1,

    /// <summary>A bidirectional LSTM over the statements' probability vectors.</summary>
    BiLstm = 2,
}

/// <summary>How <see cref="SessionTagger.Train"/> builds a tactic-transition tagger from a labelled session corpus.</summary>
public sealed record SessionTaggerOptions
{
    /// <summary>TF-IDF blocks of a statement's own text (default: word 1–2-grams and char_wb 2–5-grams, sublinear tf, terms in
    /// at least 2 statements, the 20,000 most frequent per block: the model file stays a few MB).</summary>
    public IReadOnlyList<TfidfOptions> StatementFeatures { get; init; } =
    [
        new TfidfOptions { SublinearTf = true, MinDocumentFrequency = DocumentFrequency.Documents(2), MaxFeatures = 20_000 },
        new TfidfOptions { Analyzer = TextAnalyzer.CharWordBoundary, NGramRange = new(2, 5), SublinearTf = true,
                           MinDocumentFrequency = DocumentFrequency.Documents(2), MaxFeatures = 20_000 },
    ];

    /// <summary>Weight c of the neighbouring statements' word unigrams in a statement's features (default 0.5; 0 = a statement's
    /// own text only). See <c>StatementFeatures</c>.</summary>
    public double ContextWeight { get; init; } = 0.5;

    /// <summary>The per-statement logistic regression (default C = 0.3, chosen on the validation families of both corpora over 0.3, 1, 3
    /// and 10).</summary>
    public LogisticRegressionOptions Classifier { get; init; } = new() { InverseRegularization = 0.3 };

    /// <summary>Class weights of the per-statement model (default balanced: rare tactics count as much as common ones).</summary>
    public ClassWeights ClassWeights { get; init; } = ClassWeights.Balanced;

    /// <summary>Add-α smoothing of the start and transition counts (default 1; must be positive).</summary>
    public double TransitionSmoothing { get; init; } = 1.0;

    /// <summary>Emission weights w tried on the validation sessions (the scale of the per-statement log-probabilities against the
    /// transition log-probabilities). Default 0.5, 1, 1.5, 2, 3.</summary>
    public IReadOnlyList<double> EmissionWeights { get; init; } = [0.5, 1, 1.5, 2, 3];

    /// <summary>Prior exponents β tried on the validation sessions: the emission score is w (log q − β log prior), β = 1 the hybrid
    /// HMM's scaled likelihood q / prior, β = 0 the posterior itself. Default 0, 0.5, 1.</summary>
    public IReadOnlyList<double> PriorExponents { get; init; } = [0, 0.5, 1];

    /// <summary>A single-command classifier whose view of each statement (its benign and tactic probabilities) joins the emission
    /// scores with a weight chosen from <see cref="CommandWeights"/>; null (default): the statement model alone. The same classifier
    /// must then be given when tagging.</summary>
    public IAttackClassifier? CommandModel { get; init; }

    /// <summary>Command-classifier weights w_c tried on the validation sessions when <see cref="CommandModel"/> is set (0 = unused).
    /// Default 0, 0.5, 1, 2.</summary>
    public IReadOnlyList<double> CommandWeights { get; init; } = [0, 0.5, 1, 2];

    /// <summary>Weight w_f of the command classifier's state probabilities as a feature block of the per-statement model (see
    /// <c>StatementFeatures</c>; used only with a <see cref="CommandModel"/>; 0 = no block). Default 1, the choice of the Windows
    /// validation families; the Linux ones chose 8 (README, "Sessions: attack chains"; <c>build-sessions.sh</c> passes both).</summary>
    public double CommandFeatureWeight { get; init; } = 1.0;

    /// <summary>Whether the command-feature block also holds the neighbouring statements' views r_{t−1} and r_{t+1} (see
    /// <c>StatementFeatures</c>; default false).</summary>
    public bool CommandFeatureNeighbours { get; init; }

    /// <summary>Benign offsets δ tried on the validation sessions: added to the benign state's emission score (or the BiLSTM's benign
    /// log-probability), they move the line between benign and attacker statements. Default 0, ±0.5, ±1, ±1.5, ±2, 3, 4, smallest first, so that a tie keeps
    /// the smaller offset.</summary>
    public IReadOnlyList<double> BenignOffsets { get; init; } = [0, -0.5, 0.5, -1, 1, -1.5, 1.5, -2, 2, 3, 4];

    /// <summary>The decoder trained (default <see cref="SessionDecoder.TransitionSmoothing"/>).</summary>
    public SessionDecoder Decoder { get; init; } = SessionDecoder.TransitionSmoothing;

    /// <summary>BiLSTM decoder: state width H of each direction (default 32).</summary>
    public int SequenceHiddenSize { get; init; } = 32;

    /// <summary>BiLSTM decoder: most training epochs (default 30; early stopping on the validation families).</summary>
    public int SequenceMaxEpochs { get; init; } = 30;

    /// <summary>BiLSTM decoder: folds (by family, with host families and atomic techniques kept to one side, as validation holds them out) of the cross-fitted statement probabilities it is trained on (default 3): the
    /// statement model's probabilities on its own training rows are overconfident, so each fold's are predicted by a model fitted
    /// on the other folds.</summary>
    public int SequenceFolds { get; init; } = 3;

    /// <summary>Share of the training families held out to choose w and β (default 0.2; whole families, never single sessions).</summary>
    public double ValidationFamilyShare { get; init; } = 0.2;

    /// <summary>Seed of the family hold-out (default 42).</summary>
    public int Seed { get; init; } = 42;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(StatementFeatures);
        if (StatementFeatures.Count == 0) throw new ArgumentException("At least one statement feature block is needed.", nameof(StatementFeatures));
        if (!(ContextWeight >= 0) || !double.IsFinite(ContextWeight)) throw new ArgumentOutOfRangeException(nameof(ContextWeight), ContextWeight, "The context weight must be ≥ 0.");
        if (!(TransitionSmoothing > 0) || !double.IsFinite(TransitionSmoothing)) throw new ArgumentOutOfRangeException(nameof(TransitionSmoothing), TransitionSmoothing, "α must be positive.");
        if (EmissionWeights is not { Count: > 0 } || EmissionWeights.Any(w => !(w > 0) || !double.IsFinite(w))) throw new ArgumentException("Emission weights must be positive.", nameof(EmissionWeights));
        if (PriorExponents is not { Count: > 0 } || PriorExponents.Any(b => !(b >= 0) || !double.IsFinite(b))) throw new ArgumentException("Prior exponents must be ≥ 0.", nameof(PriorExponents));
        if (CommandWeights is not { Count: > 0 } || CommandWeights.Any(b => !(b >= 0) || !double.IsFinite(b))) throw new ArgumentException("Command weights must be ≥ 0.", nameof(CommandWeights));
        if (!(CommandFeatureWeight >= 0) || !double.IsFinite(CommandFeatureWeight)) throw new ArgumentOutOfRangeException(nameof(CommandFeatureWeight), CommandFeatureWeight, "Must be ≥ 0.");
        if (BenignOffsets is not { Count: > 0 } || BenignOffsets.Any(d => !double.IsFinite(d))) throw new ArgumentException("Benign offsets must be finite.", nameof(BenignOffsets));
        if (!Enum.IsDefined(Decoder)) throw new ArgumentOutOfRangeException(nameof(Decoder), Decoder, "Unknown decoder.");
        if (SequenceHiddenSize is < 1 or > 1024) throw new ArgumentOutOfRangeException(nameof(SequenceHiddenSize), SequenceHiddenSize, "Must be in [1, 1024].");
        if (SequenceMaxEpochs is < 1 or > 1000) throw new ArgumentOutOfRangeException(nameof(SequenceMaxEpochs), SequenceMaxEpochs, "Must be in [1, 1000].");
        if (SequenceFolds is < 2 or > 10) throw new ArgumentOutOfRangeException(nameof(SequenceFolds), SequenceFolds, "Must be in [2, 10].");
        if (ValidationFamilyShare is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(ValidationFamilyShare), ValidationFamilyShare, "Must be in [0, 1).");
    }
}
