using AttackClassifier.Attack;
using AttackClassifier.Classification;
using AttackClassifier.Kernels;
using AttackClassifier.Models.LogisticRegression;
using AttackClassifier.Models.Sequence;

namespace AttackClassifier.Sessions;

/// <summary>
/// Tags every statement of a session with a tactic (or benign) using its neighbours: a per-statement tactic model gives
/// q_t(j) = p(state j | statement t and its neighbours' words), and a learned tactic-transition chain smooths them over the
/// session. Emission scores e_t(j) = w (log q_t(j) − β log prior(j)) + w_c log r_t(j) + δ [j = benign]; the tag is the Viterbi path,
/// its probability the forward–backward posterior marginal (see <c>TransitionModel</c>). With the <see cref="SessionDecoder.BiLstm"/>
/// decoder a bidirectional LSTM reads each statement's vector x_t = [q_t | r_t] (r: a command classifier's view, when the tagger has
/// one) instead, δ is added to its benign log-probability, and the tag is its most probable state. q itself may read r as a feature
/// block (<c>StatementFeatures</c>). The benign offset δ is chosen on validation families: it moves the line between benign and
/// attacker statements, which the class weights of the statement model and the transitions otherwise set. Immutable and thread-safe.
/// </summary>
public sealed class SessionTagger
{
    private const double ProbabilityFloor = 1e-12;   // log 0 would make a state impossible whatever its neighbours say

    private readonly string[] _states;
    private readonly double[] _logPrior;   // (S)
    private readonly AttackTactic?[] _tactics;

    internal SessionTagger(string[] states, StatementFeatures features, LogisticRegressionModel emission, TransitionModel transitions,
                           double emissionWeight, double priorExponent, double[] logPrior, double commandWeight = 0, BiLstmTagger? sequence = null,
                           double benignOffset = 0)
    {
        if (!double.IsFinite(benignOffset)) throw new ArgumentOutOfRangeException(nameof(benignOffset), benignOffset, "Must be finite.");
        BenignOffset = benignOffset;
        if (sequence is not null && (sequence.ClassCount != states.Length || sequence.FeatureCount != (commandWeight > 0 ? 2 : 1) * states.Length))
            throw new ArgumentException($"The BiLSTM takes {sequence.FeatureCount} features to {sequence.ClassCount} classes; this tagger gives it {(commandWeight > 0 ? 2 : 1) * states.Length} to {states.Length}.", nameof(sequence));
        Sequence = sequence;
        if (!(commandWeight >= 0) || !double.IsFinite(commandWeight)) throw new ArgumentOutOfRangeException(nameof(commandWeight), commandWeight, "Must be ≥ 0.");
        CommandWeight = commandWeight;
        int s = states.Length;
        if (s < 2) throw new ArgumentException($"A tagger needs at least 2 states; it has {s}.", nameof(states));
        if (emission.ClassCount != s || transitions.StateCount != s || logPrior.Length != s)
            throw new ArgumentException($"{s} states, but the emission model has {emission.ClassCount} classes, the transitions {transitions.StateCount} states and the prior {logPrior.Length}.");
        if (features.CommandStateCount is not 0 && features.CommandStateCount != s)
            throw new ArgumentException($"The command-feature block has {features.CommandStateCount} states, the tagger {s}.", nameof(features));
        if (emission.FeatureCount != features.FeatureCount)
            throw new ArgumentException($"The emission model has {emission.FeatureCount} features, the statement features {features.FeatureCount}.", nameof(emission));
        if (!(emissionWeight > 0) || !double.IsFinite(emissionWeight)) throw new ArgumentOutOfRangeException(nameof(emissionWeight), emissionWeight, "Must be positive.");
        if (!(priorExponent >= 0) || !double.IsFinite(priorExponent)) throw new ArgumentOutOfRangeException(nameof(priorExponent), priorExponent, "Must be ≥ 0.");
        foreach (string state in states)
            if (state != SessionCorpus.Benign && !SessionCorpus.TacticNames.Contains(state)) throw new ArgumentException($"Unknown state '{state}'.", nameof(states));
        _states = states;
        Features = features;
        Emission = emission;
        Transitions = transitions;
        EmissionWeight = emissionWeight;
        PriorExponent = priorExponent;
        _logPrior = logPrior;
        _tactics = states.Select(TacticOfState).ToArray();
    }

    // The catalog tactic a state names by its shortname (null for benign): the one lookup the tagger and CommandStates share.
    private static AttackTactic? TacticOfState(string state) => AttackCatalog.Default.Tactics.FirstOrDefault(t => t.ShortName == state);

    /// <summary>
    /// Trains a tagger on the <c>train</c> sessions of a labelled session corpus (CSV, one row per statement; the columns are listed on
    /// <c>SessionCorpus</c>); sessions of other splits are never read into the model. See <c>SessionTaggerTrainer</c> for the steps.
    /// </summary>
    /// <exception cref="Data.DatasetFormatException">The corpus is malformed; the message names the line and field.</exception>
    /// <exception cref="ArgumentException">No training sessions, or fewer than two distinct tags.</exception>
    public static SessionTagger Train(TextReader corpus, string source, SessionTaggerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(source);
        IReadOnlyList<LabelledSession> sessions = SessionCorpus.Load(corpus, source);
        return SessionTaggerTrainer.Train(sessions.Where(s => s.Split == "train").ToArray(), options).Tagger;
    }

    /// <summary>The S states: <c>benign</c>, then tactic shortnames in kill-chain order.</summary>
    public IReadOnlyList<string> States => _states;

    internal StatementFeatures Features { get; }

    internal LogisticRegressionModel Emission { get; }

    internal TransitionModel Transitions { get; }

    /// <summary>w, the emission scale chosen on validation sessions.</summary>
    public double EmissionWeight { get; }

    /// <summary>β, the prior exponent chosen on validation sessions.</summary>
    public double PriorExponent { get; }

    /// <summary>How statement probabilities become tags: transition smoothing (Viterbi) or a BiLSTM.</summary>
    public SessionDecoder Decoder => Sequence is null ? SessionDecoder.TransitionSmoothing : SessionDecoder.BiLstm;

    internal BiLstmTagger? Sequence { get; }

    /// <summary>w_c, the weight of a command classifier's state probabilities in the emission scores (0: the tagger needs none).</summary>
    public double CommandWeight { get; }

    /// <summary>δ, added to the benign state's emission score (or the BiLSTM's benign log-probability); chosen on validation sessions.</summary>
    public double BenignOffset { get; }

    /// <summary>Whether tagging needs a command classifier: its view weighs in the emission scores (w_c &gt; 0) or is a feature block of the statement model.</summary>
    public bool NeedsCommandModel => CommandWeight > 0 || Features.CommandFeatureWeight > 0;

    internal ReadOnlySpan<double> LogPrior => _logPrior;

    /// <summary>The index of the benign state, or −1.</summary>
    internal int BenignState => Array.IndexOf(_states, SessionCorpus.Benign);

    /// <summary>The catalog tactic of state j (null for benign).</summary>
    internal AttackTactic? TacticOf(int state) => _tactics[state];

    /// <summary>q (T, S): each statement's state probabilities from its own text, its neighbours' words and (with a command-feature
    /// block) the command classifier's view r (T, S), before smoothing. r may be empty when the features have no command block.</summary>
    internal void StatementProbabilities(IReadOnlyList<string> statements, ReadOnlySpan<double> r, Span<double> q)
    {
        int s = _states.Length;
        if (q.Length != statements.Count * s) throw new ArgumentException($"q has {q.Length} entries; expected T·S = {statements.Count * s}.", nameof(q));
        for (int t = 0; t < statements.Count; t++)
        {
            int nnz = Features.Row(statements, r, t, out int[] columns, out double[] values);
            Emission.PredictProbabilities(columns.AsSpan(0, nnz), values.AsSpan(0, nnz), q.Slice(t * s, s));
        }
    }

    /// <summary>
    /// e (T, S) = w (log max(q, 10⁻¹²) − β log prior) + w_c log max(r, 10⁻¹²) + δ [j = benign], where r (T, S) are a command
    /// classifier's state probabilities (see <see cref="CommandStates(IAttackClassifier, IReadOnlyList{string}, Span{double}, Span{double})"/>; empty when w_c = 0) and <paramref name="benign"/> the
    /// benign state's index (−1: none).
    /// </summary>
    internal static void EmissionScores(ReadOnlySpan<double> q, ReadOnlySpan<double> r, ReadOnlySpan<double> logPrior, double w, double beta, double wc,
                                        int benign, double delta, Span<double> e)
    {
        int s = logPrior.Length;
        for (int k = 0; k < q.Length; k++) e[k] = w * (Math.Log(Math.Max(q[k], ProbabilityFloor)) - beta * logPrior[k % s]);
        if (wc > 0)
            for (int k = 0; k < q.Length; k++) e[k] += wc * Math.Log(Math.Max(r[k], ProbabilityFloor));
        if (benign >= 0 && delta != 0)
            for (int k = benign; k < q.Length; k += s) e[k] += delta;
    }

    /// <summary>
    /// Adds δ to the benign log-probability of each row of p (T, S) and renormalises: p'(benign) ∝ e^δ p(benign), p'(j) ∝ p(j).
    /// </summary>
    internal static void OffsetBenign(Span<double> p, int s, int benign, double delta)
    {
        if (benign < 0 || delta == 0) return;
        double factor = Math.Exp(delta);
        for (int t = 0; t < p.Length / s; t++)
        {
            Span<double> row = p.Slice(t * s, s);
            double sum = 0;
            row[benign] *= factor;
            foreach (double v in row) sum += v;
            for (int j = 0; j < s; j++) row[j] /= sum;
        }
    }

    /// <summary>
    /// r (T, S): a single-command classifier's view of each statement over this tagger's states — r(benign) = Σ p(benign classes),
    /// r(tactic) = p(tactic) = Σ p(classes whose technique serves it) — normalised to sum to 1 over the states.
    /// </summary>
    /// <param name="classifier">The command classifier.</param>
    /// <param name="statements">The T statements.</param>
    /// <param name="r">(T, S) written.</param>
    /// <param name="classProbabilities">(T, K) the classifier's class probabilities, written when not empty (so a caller that also
    /// names techniques classifies each statement once).</param>
    internal void CommandStates(IAttackClassifier classifier, IReadOnlyList<string> statements, Span<double> r, Span<double> classProbabilities = default) =>
        CommandStates(classifier, _states, statements, r, classProbabilities);

    /// <summary>As the instance method, for the states <paramref name="states"/> (benign and tactic shortnames) of a tagger not yet built.</summary>
    internal static void CommandStates(IAttackClassifier classifier, IReadOnlyList<string> states, IReadOnlyList<string> statements, Span<double> r,
                                       Span<double> classProbabilities = default)
    {
        int s = states.Count;
        if (r.Length != statements.Count * s) throw new ArgumentException($"r has {r.Length} entries; expected T·S = {statements.Count * s}.", nameof(r));
        ClassTaxonomy taxonomy = ClassTaxonomy.For(classifier.Labels, AttackCatalog.Default);
        var p = new double[classifier.Labels.Count];
        var tactic = new double[taxonomy.Catalog.Tactics.Count];
        int[] column = states.Select(n => n == SessionCorpus.Benign ? -1 : IndexOf(taxonomy.Catalog.Tactics, TacticOfState(n) ?? throw new InvalidOperationException($"State '{n}' is no catalog tactic."))).ToArray();
        for (int t = 0; t < statements.Count; t++)
        {
            classifier.PredictProbabilities(statements[t], p);
            if (!classProbabilities.IsEmpty) p.CopyTo(classProbabilities.Slice(t * p.Length, p.Length));
            taxonomy.TacticProbabilities(p, tactic);
            double benign = 0;
            for (int k = 0; k < p.Length; k++) if (taxonomy.Classes[k].Kind == LabelKind.Benign) benign += p[k];
            Span<double> row = r.Slice(t * s, s);
            double sum = 0;
            for (int j = 0; j < s; j++) sum += row[j] = column[j] < 0 ? benign : tactic[column[j]];
            for (int j = 0; j < s; j++) row[j] = sum > 0 ? row[j] / sum : 1.0 / s;
        }
    }

    /// <summary>Tags <paramref name="statements"/>: q (T, S) before smoothing, the posterior marginals (T, S) and the Viterbi path (T).</summary>
    /// <exception cref="InvalidOperationException">The tagger reads a command classifier (<see cref="NeedsCommandModel"/>) and none is given.</exception>
    internal void Decode(IReadOnlyList<string> statements, Span<double> q, Span<double> posterior, Span<int> path, IAttackClassifier? commandModel = null,
                         Span<double> classProbabilities = default)
    {
        double[] r = [];
        if (NeedsCommandModel)
        {
            if (commandModel is null) throw new InvalidOperationException("This session tagger was trained to read a command classifier's view of each statement: give one (the CLI's --command-model).");
            r = new double[q.Length];
            CommandStates(commandModel, statements, r, classProbabilities);
        }
        StatementProbabilities(statements, r, q);
        if (CommandWeight == 0) r = [];   // the BiLSTM reads r only when the tagger weighs it (its feature count says so)
        if (Sequence is not null)
        {
            float[] x = SequenceFeatures(q, r, _states.Length);
            var p = new float[q.Length];
            Sequence.PredictProbabilities(x, p);
            int s = _states.Length;
            for (int t = 0; t < path.Length; t++)
                for (int j = 0; j < s; j++) posterior[t * s + j] = p[t * s + j];
            OffsetBenign(posterior, s, BenignState, BenignOffset);
            for (int t = 0; t < path.Length; t++) path[t] = ArgMax(posterior.Slice(t * s, s));
            return;
        }
        double[] e = new double[q.Length];
        EmissionScores(q, r, _logPrior, EmissionWeight, PriorExponent, CommandWeight, BenignState, BenignOffset, e);
        Transitions.Viterbi(e, path);
        Transitions.Posteriors(e, posterior);
    }

    /// <summary>
    /// Tags one session window: its statements are decoded together with the window's context statements (<see cref="SessionWindow.Before"/>,
    /// <see cref="SessionWindow.After"/>), and only its own statements are returned, with the attack chain they form. With
    /// <paramref name="techniques"/> (a command classifier), each statement tagged with a tactic also gets the classifier's most
    /// probable technique among those that serve that tactic; a tagger that <see cref="NeedsCommandModel"/> also reads it for its statement probabilities or emission scores.
    /// </summary>
    /// <exception cref="InvalidOperationException">The tagger needs a command classifier and <paramref name="techniques"/> is null.</exception>
    public TaggedSession Tag(SessionWindow window, IAttackClassifier? techniques = null)
    {
        ArgumentNullException.ThrowIfNull(window);
        ClassTaxonomy? taxonomy = techniques is null ? null : ClassTaxonomy.For(techniques.Labels, AttackCatalog.Default);
        int k = techniques?.Labels.Count ?? 0;
        int before = window.Before.Count, n = window.Statements.Count, s = _states.Length;
        string[] texts = [.. window.Before.Select(x => x.Text), .. window.Statements.Select(x => x.Text), .. window.After.Select(x => x.Text)];
        var q = new double[texts.Length * s];
        var posterior = new double[texts.Length * s];
        var path = new int[texts.Length];
        // (T, K) the command classifier's class probabilities: filled by Decode when the tagger weighs it, else below for tagged statements.
        var classProbabilities = new double[techniques is null ? 0 : texts.Length * k];
        Decode(texts, q, posterior, path, techniques, NeedsCommandModel ? classProbabilities : default);
        var tagged = new TaggedStatement[n];
        for (int i = 0; i < n; i++)
        {
            int t = before + i, j = path[t];
            int alone = ArgMax(q.AsSpan(t * s, s));
            AttackTechnique? technique = null;
            double techniqueProbability = 0;
            if (taxonomy is not null && _tactics[j] is { } tactic)
            {
                // The best class whose technique serves the tagged tactic (the taxonomy's tactic indices are the catalog's).
                int tacticIndex = IndexOf(taxonomy.Catalog.Tactics, tactic);
                Span<double> p = classProbabilities.AsSpan(t * k, k);
                if (!NeedsCommandModel) techniques!.PredictProbabilities(texts[t], p);
                for (int c = 0; c < k; c++)
                    if (taxonomy.Classes[c].Technique is { } candidate && p[c] > techniqueProbability && Array.IndexOf(taxonomy.TacticsOfClass[c], tacticIndex) >= 0)
                        (technique, techniqueProbability) = (candidate, p[c]);
            }
            tagged[i] = new TaggedStatement(window.Statements[i], _states[j], _tactics[j], posterior[t * s + j], _states[alone], q[t * s + alone],
                                            technique, techniqueProbability);
        }
        return new TaggedSession(window, tagged, AttackChain.Spans(tagged));
    }

    /// <summary>The BiLSTM's statement vectors (T, F): x_t = [q_t (S) | r_t (S)], r only when given (non-empty).</summary>
    internal static float[] SequenceFeatures(ReadOnlySpan<double> q, ReadOnlySpan<double> r, int s)
    {
        int n = q.Length / s, f = r.IsEmpty ? s : 2 * s;
        var x = new float[n * f];
        for (int t = 0; t < n; t++)
            for (int j = 0; j < s; j++)
            {
                x[t * f + j] = (float)q[t * s + j];
                if (!r.IsEmpty) x[t * f + s + j] = (float)r[t * s + j];
            }
        return x;
    }

    private static int IndexOf(IReadOnlyList<AttackTactic> tactics, AttackTactic tactic)
    {
        for (int i = 0; i < tactics.Count; i++) if (tactics[i].Id == tactic.Id) return i;
        return -1;
    }

    internal static int ArgMax(ReadOnlySpan<double> p)
    {
        int best = 0;
        for (int k = 1; k < p.Length; k++) if (p[k] > p[best]) best = k;
        return best;
    }
}
