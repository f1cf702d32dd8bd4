using System.Globalization;
using AttackClassifier.Classification;
using AttackClassifier.Kernels;
using AttackClassifier.Models.LogisticRegression;
using AttackClassifier.Models.Sequence;
using AttackClassifier.Text;

namespace AttackClassifier.Sessions;

/// <summary>What training chose, and how the choice scored on the validation families.</summary>
/// <param name="ValidationSessions">Sessions held out (whole families) to choose the decoder's weights; 0 when there were too few families.</param>
/// <param name="ValidationStatements">Their statements.</param>
/// <param name="StatementAccuracy">Validation accuracy of the statement model alone (argmax q), or NaN.</param>
/// <param name="ContextAccuracy">Validation accuracy of the chosen tagging in context, or NaN.</param>
/// <param name="FitSessions">Sessions the validation probe was fitted on.</param>
/// <param name="InContext">The chosen tagging's validation scores (accuracy, macro-F1, benign recall), or null.</param>
internal sealed record SessionTrainingReport(int ValidationSessions, int ValidationStatements, double StatementAccuracy, double ContextAccuracy, int FitSessions = 0,
                                             TaggingScores? InContext = null);

/// <summary>
/// Trains a <see cref="SessionTagger"/>: (1) whole families are held out of the training sessions as the test split holds them out
/// (<see cref="HoldOutFamilies"/>: a share <see cref="SessionTaggerOptions.ValidationFamilyShare"/> of the families, mixed sessions
/// with their host family, atomic techniques); (2) a statement model is fitted on the rest (the fit sessions), and the decoder's
/// weights — emission weight w, prior exponent β, command weight w_c, benign offset δ — that give the best accuracy on the held-out
/// families are chosen (ties: the first in option order); (3) the statement model, transitions and prior are refitted on all training
/// sessions and kept with those weights. Test sessions are never seen. Deterministic: same sessions and options, same model.
/// </summary>
internal static class SessionTaggerTrainer
{
    internal static (SessionTagger Tagger, SessionTrainingReport Report) Train(IReadOnlyList<LabelledSession> training, SessionTaggerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        options ??= new SessionTaggerOptions();
        options.Validate();
        if (training.Count == 0) throw new ArgumentException("No training sessions.", nameof(training));
        string[] states = SessionCorpus.States(training.SelectMany(s => s.Tactics));
        if (states.Length < 2) throw new ArgumentException($"Training sessions need at least 2 distinct tags (tactics or benign); they have {states.Length}.", nameof(training));
        var views = new CommandViews(options.CommandModel, states);

        var (fit, validation) = HoldOutFamilies(training, options.ValidationFamilyShare, options.Seed);
        if (options.Decoder == SessionDecoder.BiLstm) return TrainBiLstm(training, fit, validation, states, options, views);
        double bestW = options.EmissionWeights[0], bestBeta = options.PriorExponents[0], bestWc = 0, bestDelta = 0;
        IReadOnlyList<double> commandWeights = options.CommandModel is null ? [0.0] : options.CommandWeights;
        var report = new SessionTrainingReport(0, 0, double.NaN, double.NaN);
        if (validation.Count > 0 && fit.Count > 0)
        {
            SessionTagger probe = Fit(fit, states, options, views, bestW, bestBeta, 0, 0);
            int s = states.Length, benign = probe.BenignState;
            double[][] rs = validation.Select(views.Of).ToArray();
            double[][] qs = validation.Select((v, i) =>
            {
                var q = new double[v.Statements.Length * s];
                probe.StatementProbabilities(v.Statements, rs[i], q);
                return q;
            }).ToArray();
            int[][] truth = validation.Select(v => v.Tactics.Select(t => Array.IndexOf(states, t)).ToArray()).ToArray();
            int total = truth.Sum(y => y.Length);
            double statementCorrect = 0;
            for (int v = 0; v < validation.Count; v++)
                for (int t = 0; t < truth[v].Length; t++)
                    if (SessionTagger.ArgMax(qs[v].AsSpan(t * s, s)) == truth[v][t]) statementCorrect++;
            double bestAccuracy = -1;
            int[][] bestPaths = [];
            foreach (double wc in commandWeights)
            foreach (double beta in options.PriorExponents)
            foreach (double w in options.EmissionWeights)
            foreach (double delta in options.BenignOffsets)
            {
                double correct = 0;
                var paths = new int[validation.Count][];
                for (int v = 0; v < validation.Count; v++)
                {
                    var e = new double[qs[v].Length];
                    SessionTagger.EmissionScores(qs[v], rs[v], probe.LogPrior, w, beta, wc, benign, delta, e);
                    int[] path = paths[v] = new int[truth[v].Length];
                    probe.Transitions.Viterbi(e, path);
                    for (int t = 0; t < path.Length; t++) if (path[t] == truth[v][t]) correct++;
                }
                if (correct > bestAccuracy) (bestAccuracy, bestW, bestBeta, bestWc, bestDelta, bestPaths) = (correct, w, beta, wc, delta, paths);
            }
            report = new SessionTrainingReport(validation.Count, total, statementCorrect / total, bestAccuracy / total, fit.Count,
                SessionEvaluation.Score(truth.SelectMany(y => y).ToList(), bestPaths.SelectMany(y => y).ToList(), [.. states]));
        }
        return (Fit(training, states, options, views, bestW, bestBeta, bestWc, bestDelta), report);
    }

    /// <summary>
    /// The BiLSTM decoder: (1) cross-fitted statement probabilities q for the fit sessions — folds by family (<see cref="FamilyFolds"/>,
    /// held out as the validation families are), each fold's q from a statement model fitted on the other folds — and, with a command classifier, its view r; (2) q of the validation sessions
    /// from a statement model fitted on all fit sessions (as test sessions get theirs from one fitted on all training sessions);
    /// (3) a BiLSTM over x_t = [q_t | r_t], trained on the fit sessions with early stopping on the validation families, and the benign
    /// offset δ chosen on them; (4) the statement model refitted on all training sessions for tagging (the BiLSTM learnt from
    /// out-of-fold q, which is what it will see on new sessions). Validation sessions never reach the BiLSTM's gradient nor the
    /// statement models whose q it learns from.
    /// </summary>
    private static (SessionTagger, SessionTrainingReport) TrainBiLstm(IReadOnlyList<LabelledSession> training, List<LabelledSession> fit,
        List<LabelledSession> validation, string[] states, SessionTaggerOptions options, CommandViews views)
    {
        int s = states.Length, folds = options.SequenceFolds;
        double wc = options.CommandModel is null ? 0 : 1;
        IReadOnlyList<LabelledSession> pool = fit.Count > 0 ? fit : training;
        // Out-of-fold q: each fold's held sessions from a statement model fitted on its fit sessions (FamilyFolds: host families and
        // atomic techniques never on both sides). A mixed session whose two families fall in different folds has no out-of-fold q
        // and is left out of the BiLSTM's training, as the validation split leaves such sessions out.
        var outOfFold = new Dictionary<LabelledSession, double[]>(ReferenceEqualityComparer.Instance);
        foreach (var (inner, heldOut) in FamilyFolds(pool, folds, options.Seed))
        {
            if (inner.Count == 0 || heldOut.Count == 0) continue;
            SessionTagger foldModel = Fit(inner, states, options, views, 1, 0, 0, 0);
            foreach (LabelledSession session in heldOut)
            {
                var qi = new double[session.Statements.Length * s];
                foldModel.StatementProbabilities(session.Statements, views.Of(session), qi);
                outOfFold.Add(session, qi);
            }
        }
        SessionTagger final = Fit(training, states, options, views, 1, 0, wc, 0);
        SessionTagger? probe = validation.Count > 0 ? (ReferenceEquals(pool, training) ? final : Fit(pool, states, options, views, 1, 0, wc, 0)) : null;
        if (outOfFold.Count == 0)   // every family in one fold: fall back to the in-sample probabilities
            foreach (LabelledSession session in pool)
            {
                var qi = new double[session.Statements.Length * s];
                (probe ?? final).StatementProbabilities(session.Statements, views.Of(session), qi);
                outOfFold.Add(session, qi);
            }
        LabelledSession[] learn = pool.Where(outOfFold.ContainsKey).ToArray();   // in the pool's order
        double[][] q = learn.Select(x => outOfFold[x]).ToArray();
        float[][] Vectors(LabelledSession session, double[] qi)
        {
            float[] x = SessionTagger.SequenceFeatures(qi, wc > 0 ? views.Of(session) : [], s);
            int f = x.Length / session.Statements.Length;
            return Enumerable.Range(0, session.Statements.Length).Select(t => x.AsSpan(t * f, f).ToArray()).ToArray();
        }
        int[][] Labels(IEnumerable<LabelledSession> part) => part.Select(x => x.Tactics.Select(t => Array.IndexOf(states, t)).ToArray()).ToArray();
        TaggedSequences train = TaggedSequences.FromSessions(learn.Select((x, i) => Vectors(x, q[i])).ToArray(), Labels(learn), states);
        TaggedSequences? valid = null;
        if (probe is not null)
        {
            float[][][] vectors = validation.Select(v =>
            {
                var qv = new double[v.Statements.Length * s];
                probe.StatementProbabilities(v.Statements, views.Of(v), qv);
                return Vectors(v, qv);
            }).ToArray();
            valid = TaggedSequences.FromSessions(vectors, Labels(validation), states);
        }
        BiLstmTagger sequence = BiLstmTagger.Fit(train, valid, new BiLstmTaggerOptions
        {
            HiddenSize = options.SequenceHiddenSize, MaxEpochs = options.SequenceMaxEpochs, Seed = options.Seed,
        });
        var report = new SessionTrainingReport(0, 0, double.NaN, double.NaN);
        double bestDelta = 0;
        int benign = Array.IndexOf(states, SessionCorpus.Benign);
        if (valid is not null)
        {
            float[] p = sequence.PredictProbabilities(valid.Features, valid.Starts);
            int n = valid.StatementCount, f = valid.FeatureCount;
            double alone = 0, bestCorrect = -1;
            int[] bestTags = [];
            for (int t = 0; t < n; t++)
            {
                int bq = 0;
                for (int j = 1; j < s; j++) if (valid.Features[t * f + j] > valid.Features[t * f + bq]) bq = j;
                if (bq == valid.Labels[t]) alone++;
            }
            var row = new double[s];
            foreach (double delta in options.BenignOffsets)
            {
                double correct = 0;
                var tags = new int[n];
                for (int t = 0; t < n; t++)
                {
                    for (int j = 0; j < s; j++) row[j] = p[t * s + j];
                    SessionTagger.OffsetBenign(row, s, benign, delta);
                    tags[t] = SessionTagger.ArgMax(row);
                    if (tags[t] == valid.Labels[t]) correct++;
                }
                if (correct > bestCorrect) (bestCorrect, bestDelta, bestTags) = (correct, delta, tags);
            }
            report = new SessionTrainingReport(validation.Count, n, alone / n, bestCorrect / n, pool.Count,
                SessionEvaluation.Score(valid.Labels.Take(n).ToList(), [.. bestTags], [.. states]));
        }
        var tagger = new SessionTagger(states, final.Features, final.Emission, final.Transitions, 1, 0, final.LogPrior.ToArray(), final.CommandWeight, sequence, bestDelta);
        return (tagger, report);
    }

    /// <summary>The command classifier's view r (T, S) of each session's statements (<see cref="SessionTagger.CommandStates(IAttackClassifier, IReadOnlyList{string}, IReadOnlyList{string}, Span{double}, Span{double})"/>),
    /// computed once per session; empty without a classifier.</summary>
    private sealed class CommandViews(IAttackClassifier? classifier, string[] states)
    {
        private readonly Dictionary<LabelledSession, double[]> _cache = new(ReferenceEqualityComparer.Instance);

        internal bool Available => classifier is not null;

        internal double[] Of(LabelledSession session)
        {
            if (classifier is null) return [];
            if (!_cache.TryGetValue(session, out double[]? r))
            {
                r = new double[session.Statements.Length * states.Length];
                SessionTagger.CommandStates(classifier, states, session.Statements, r);
                _cache[session] = r;
            }
            return r;
        }
    }

    /// <summary>
    /// Splits sessions by family so that the validation sessions are to the fit sessions what the test split is to the training split:
    /// a family is held out when its seeded hash falls in the first <paramref name="share"/> of the range (FNV-1a of "seed:family", so
    /// the choice does not depend on the order or number of other families), and then
    /// <list type="bullet">
    /// <item>a session that embeds a host family's activity (<see cref="LabelledSession.HostFamily"/>, a mixed session) is validation when
    /// both its families are held out, fit when neither is, and left out of both otherwise — else the benign template of a held-out
    /// family would be fitted inside mixed sessions;</item>
    /// <item>the techniques of the held-out Atomic Red Team sessions (<c>source</c> = atomic) are removed from the fit atomic sessions
    /// (a fit session loses those statements; an emptied one is dropped), as the corpus splits atomic techniques between train and
    /// test: chain families share one pool of tests, so holding out a family alone would fit its very command lines.</item>
    /// </list>
    /// </summary>
    internal static (List<LabelledSession> Fit, List<LabelledSession> Validation) HoldOutFamilies(IReadOnlyList<LabelledSession> sessions, double share, int seed)
    {
        string[] families = Families(sessions);
        var held = new HashSet<string>(StringComparer.Ordinal);
        if (share > 0 && families.Length >= 2)
        {
            foreach (string f in families)
                if (Fnv1a(string.Create(CultureInfo.InvariantCulture, $"{seed}:{f}")) < share * uint.MaxValue) held.Add(f);
            if (held.Count == families.Length) held.Remove(families.Order(StringComparer.Ordinal).First());   // keep something to fit on
        }
        return HoldOut(sessions, held);
    }

    /// <summary>
    /// The cross-fitting folds: each family goes to fold FNV-1a("seed:fold:family") mod <paramref name="folds"/>, and fold k's
    /// sessions are held out of its fit sessions by the rule of <see cref="HoldOutFamilies"/> (one owner for it): a mixed session
    /// belongs to fold k only when its family and its host family both do (one that spans two folds is in no fold's held part), and
    /// fold k's atomic techniques are removed from its fit sessions. Element k: the sessions fitted for fold k, and those it predicts.
    /// </summary>
    internal static (List<LabelledSession> Fit, List<LabelledSession> Held)[] FamilyFolds(IReadOnlyList<LabelledSession> sessions, int folds, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        string[] families = Families(sessions);
        int[] fold = families.Select(f => (int)(Fnv1a(string.Create(CultureInfo.InvariantCulture, $"{seed}:fold:{f}")) % (uint)folds)).ToArray();
        return Enumerable.Range(0, folds)
            .Select(k => HoldOut(sessions, families.Where((_, i) => fold[i] == k).ToHashSet(StringComparer.Ordinal)))
            .ToArray();
    }

    /// <summary>Every family named by the sessions, their own and their host families, in first-seen order.</summary>
    private static string[] Families(IReadOnlyList<LabelledSession> sessions) =>
        sessions.Select(s => s.Family).Concat(sessions.Select(s => s.HostFamily).Where(f => f.Length > 0)).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Holds the families <paramref name="held"/> out (the rule of <see cref="HoldOutFamilies"/>): held sessions have all
    /// their families held, fit sessions none, and lose the statements of the held atomic sessions' techniques.</summary>
    private static (List<LabelledSession> Fit, List<LabelledSession> Held) HoldOut(IReadOnlyList<LabelledSession> sessions, HashSet<string> held)
    {
        bool Held(LabelledSession s) => held.Contains(s.Family) && (s.HostFamily.Length == 0 || held.Contains(s.HostFamily));
        bool Fitted(LabelledSession s) => !held.Contains(s.Family) && (s.HostFamily.Length == 0 || !held.Contains(s.HostFamily));
        List<LabelledSession> validation = sessions.Where(Held).ToList();
        var heldTechniques = validation.Where(IsAtomic).SelectMany(s => s.Techniques).Where(t => t.Length > 0).ToHashSet(StringComparer.Ordinal);
        var fit = new List<LabelledSession>();
        foreach (LabelledSession s in sessions.Where(Fitted))
        {
            if (!IsAtomic(s) || !s.Techniques.Any(heldTechniques.Contains)) { fit.Add(s); continue; }
            int[] keep = Enumerable.Range(0, s.Statements.Length).Where(t => !heldTechniques.Contains(s.Techniques[t])).ToArray();
            if (keep.Length > 0)
                fit.Add(s with
                {
                    Statements = keep.Select(t => s.Statements[t]).ToArray(), CommandIndex = keep.Select(t => s.CommandIndex[t]).ToArray(),
                    Tactics = keep.Select(t => s.Tactics[t]).ToArray(), Techniques = keep.Select(t => s.Techniques[t]).ToArray(),
                });
        }
        return (fit, validation);
    }

    private static bool IsAtomic(LabelledSession s) => s.Source == "atomic";

    private static uint Fnv1a(string text)
    {
        uint h = 2166136261;
        foreach (char c in text) { h ^= c; h *= 16777619; }
        return h;
    }

    private static SessionTagger Fit(IReadOnlyList<LabelledSession> sessions, string[] states, SessionTaggerOptions options, CommandViews views,
                                     double w, double beta, double wc, double delta)
    {
        string[] all = sessions.SelectMany(s => s.Statements).ToArray();
        double wf = views.Available ? options.CommandFeatureWeight : 0;
        StatementFeatures features = StatementFeatures.Fit(all, options.StatementFeatures,
            options.ContextWeight > 0 ? new TfidfOptions { NGramRange = new(1, 1), SublinearTf = true, MinDocumentFrequency = DocumentFrequency.Documents(2), MaxFeatures = 10_000 } : null,
            options.ContextWeight, wf, states.Length, options.CommandFeatureNeighbours);
        CsrMatrix x = features.Rows(sessions.Select(s => (IReadOnlyList<string>)s.Statements).ToArray(), wf > 0 ? sessions.Select(views.Of).ToArray() : null);
        int[] y = sessions.SelectMany(s => s.Tactics).Select(t => Array.IndexOf(states, t)).ToArray();
        int[] known = Enumerable.Range(0, y.Length).Where(i => y[i] >= 0).ToArray();   // a tag absent from `states` (validation fit only) is left out
        if (known.Length < y.Length)
        {
            x = x.SelectRows(known);
            y = known.Select(i => y[i]).ToArray();
        }
        double[] weights = options.ClassWeights.Apply(y, Enumerable.Repeat(1.0, y.Length).ToArray(), states);
        LogisticRegressionModel fitted = new LogisticRegressionTrainer(options.Classifier).Fit(x, y, states.Length, weights);
        // The model file keeps the coefficients as float32 (half the size); rounding here makes the trained and the loaded
        // tagger the same model.
        double[] theta = fitted.Parameters.ToArray();
        for (int i = 0; i < theta.Length; i++) theta[i] = (float)theta[i];
        var emission = new LogisticRegressionModel(fitted.FeatureCount, fitted.ClassCount, theta, fitted.Diagnostics);

        int[][] sequences = sessions.Select(s => s.Tactics.Select(t => Array.IndexOf(states, t)).ToArray()).Where(q => q.All(j => j >= 0)).ToArray();
        TransitionModel transitions = TransitionModel.Fit(sequences, states.Length, options.TransitionSmoothing);
        var prior = new double[states.Length];
        foreach (int j in y) prior[j]++;
        double sum = prior.Sum() + states.Length;
        for (int j = 0; j < prior.Length; j++) prior[j] = Math.Log((prior[j] + 1) / sum);   // add-one: no state has prior 0
        return new SessionTagger(states, features, emission, transitions, w, beta, prior, wc, benignOffset: delta);
    }
}
