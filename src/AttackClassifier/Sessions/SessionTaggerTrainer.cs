using System.Globalization;
using AttackClassifier.Kernels;
using AttackClassifier.Models.LogisticRegression;
using AttackClassifier.Models.Sequence;
using AttackClassifier.Text;

namespace AttackClassifier.Sessions;

/// <summary>What training chose, and how the choice scored on the validation families.</summary>
/// <param name="ValidationSessions">Sessions held out (whole families) to choose w and β; 0 when there were too few families.</param>
/// <param name="ValidationStatements">Their statements.</param>
/// <param name="StatementAccuracy">Validation accuracy of the statement model alone (argmax q), or NaN.</param>
/// <param name="ContextAccuracy">Validation accuracy of the chosen Viterbi tagging, or NaN.</param>
internal sealed record SessionTrainingReport(int ValidationSessions, int ValidationStatements, double StatementAccuracy, double ContextAccuracy);

/// <summary>
/// Trains a <see cref="SessionTagger"/>: (1) whole families are held out of the training sessions (a share
/// <see cref="SessionTaggerOptions.ValidationFamilyShare"/>, chosen by a seeded hash of the family name); (2) a statement model is
/// fitted on the rest, and the emission weight w and prior exponent β that give the best Viterbi accuracy on the held-out families
/// (and, with a command classifier, its weight w_c) are chosen (ties: the first in option order); (3) the statement model, transitions and prior are refitted on all training
/// sessions and kept with that w and β. Test sessions are never seen. Deterministic: same sessions and options, same model.
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

        var (fit, validation) = HoldOutFamilies(training, options.ValidationFamilyShare, options.Seed);
        if (options.Decoder == SessionDecoder.BiLstm) return TrainBiLstm(training, fit, validation, states, options);
        double bestW = options.EmissionWeights[0], bestBeta = options.PriorExponents[0], bestWc = 0;
        IReadOnlyList<double> commandWeights = options.CommandModel is null ? [0.0] : options.CommandWeights;
        var report = new SessionTrainingReport(0, 0, double.NaN, double.NaN);
        if (validation.Count > 0 && fit.Count > 0)
        {
            SessionTagger probe = Fit(fit, states, options, bestW, bestBeta, 0);
            int s = states.Length;
            var qs = validation.Select(v =>
            {
                var q = new double[v.Statements.Length * s];
                probe.StatementProbabilities(v.Statements, q);
                return q;
            }).ToArray();
            var rs = validation.Select(v =>
            {
                if (options.CommandModel is null) return [];
                var r = new double[v.Statements.Length * s];
                probe.CommandStates(options.CommandModel, v.Statements, r);
                return r;
            }).ToArray();
            int[][] truth = validation.Select(v => v.Tactics.Select(t => Array.IndexOf(states, t)).ToArray()).ToArray();
            int total = truth.Sum(y => y.Length);
            double statementCorrect = 0;
            for (int v = 0; v < validation.Count; v++)
                for (int t = 0; t < truth[v].Length; t++)
                    if (SessionTagger.ArgMax(qs[v].AsSpan(t * s, s)) == truth[v][t]) statementCorrect++;
            double bestAccuracy = -1;
            foreach (double wc in commandWeights)
            foreach (double beta in options.PriorExponents)
                foreach (double w in options.EmissionWeights)
                {
                    double correct = 0;
                    for (int v = 0; v < validation.Count; v++)
                    {
                        var e = new double[qs[v].Length];
                        SessionTagger.EmissionScores(qs[v], rs[v], probe.LogPrior, w, beta, wc, e);
                        var path = new int[truth[v].Length];
                        probe.Transitions.Viterbi(e, path);
                        for (int t = 0; t < path.Length; t++) if (path[t] == truth[v][t]) correct++;
                    }
                    if (correct > bestAccuracy) (bestAccuracy, bestW, bestBeta, bestWc) = (correct, w, beta, wc);
                }
            report = new SessionTrainingReport(validation.Count, total, statementCorrect / total, bestAccuracy / total);
        }
        return (Fit(training, states, options, bestW, bestBeta, bestWc), report);
    }

    /// <summary>
    /// The BiLSTM decoder: (1) cross-fitted statement probabilities q for every training session — folds by family (seeded hash), each
    /// fold's q from a statement model fitted on the other folds — and, with a command classifier, its view r; (2) a BiLSTM over
    /// x_t = [q_t | r_t], trained on the fit sessions with early stopping on the validation families; (3) the statement model refitted on
    /// all training sessions for tagging (the BiLSTM learnt from out-of-fold q, which is what it will see on new sessions).
    /// </summary>
    private static (SessionTagger, SessionTrainingReport) TrainBiLstm(IReadOnlyList<LabelledSession> training, List<LabelledSession> fit,
        List<LabelledSession> validation, string[] states, SessionTaggerOptions options)
    {
        int s = states.Length, folds = options.SequenceFolds;
        var fold = training.Select(x => (int)(Fnv1a(string.Create(CultureInfo.InvariantCulture, $"{options.Seed}:fold:{x.Family}")) % (uint)folds)).ToArray();
        var q = new double[training.Count][];
        for (int k = 0; k < folds; k++)
        {
            var inner = training.Where((_, i) => fold[i] != k).ToArray();
            if (inner.Length == 0 || !training.Where((_, i) => fold[i] == k).Any()) continue;
            SessionTagger foldModel = Fit(inner, states, options, 1, 0, 0);
            for (int i = 0; i < training.Count; i++)
                if (fold[i] == k)
                {
                    q[i] = new double[training[i].Statements.Length * s];
                    foldModel.StatementProbabilities(training[i].Statements, q[i]);
                }
        }
        SessionTagger final = Fit(training, states, options, 1, 0, options.CommandModel is null ? 0 : 1);
        for (int i = 0; i < training.Count; i++)
            if (q[i] is null)   // a single-fold corpus: fall back to the in-sample probabilities
            {
                q[i] = new double[training[i].Statements.Length * s];
                final.StatementProbabilities(training[i].Statements, q[i]);
            }
        float[][] Vectors(int i)
        {
            double[] r = [];
            if (options.CommandModel is not null)
            {
                r = new double[q[i].Length];
                final.CommandStates(options.CommandModel, training[i].Statements, r);
            }
            float[] x = SessionTagger.SequenceFeatures(q[i], r, s);
            int f = x.Length / training[i].Statements.Length;
            return Enumerable.Range(0, training[i].Statements.Length).Select(t => x.AsSpan(t * f, f).ToArray()).ToArray();
        }
        var index = training.Select((x, i) => (x, i)).ToDictionary(p => p.x, p => p.i);
        TaggedSequences Sequences(IReadOnlyList<LabelledSession> part) => TaggedSequences.FromSessions(
            part.Select(x => Vectors(index[x])).ToArray(), part.Select(x => x.Tactics.Select(t => Array.IndexOf(states, t)).ToArray()).ToArray(), states);
        TaggedSequences train = Sequences(fit.Count > 0 ? fit : training);
        TaggedSequences? valid = validation.Count > 0 ? Sequences(validation) : null;
        BiLstmTagger sequence = BiLstmTagger.Fit(train, valid, new BiLstmTaggerOptions
        {
            HiddenSize = options.SequenceHiddenSize, MaxEpochs = options.SequenceMaxEpochs, Seed = (ulong)options.Seed,
        });
        var tagger = new SessionTagger(states, final.Features, final.Emission, final.Transitions, 1, 0, final.LogPrior.ToArray(), final.CommandWeight, sequence);
        var report = new SessionTrainingReport(0, 0, double.NaN, double.NaN);
        if (valid is not null)
        {
            float[] p = sequence.PredictProbabilities(valid.Features, valid.Starts);
            double correct = 0, alone = 0;
            int n = valid.StatementCount;
            for (int t = 0; t < n; t++)
            {
                int best = 0;
                for (int j = 1; j < s; j++) if (p[t * s + j] > p[t * s + best]) best = j;
                if (best == valid.Labels[t]) correct++;
                int f = valid.FeatureCount, bq = 0;
                for (int j = 1; j < s; j++) if (valid.Features[t * f + j] > valid.Features[t * f + bq]) bq = j;
                if (bq == valid.Labels[t]) alone++;
            }
            report = new SessionTrainingReport(validation.Count, n, alone / n, correct / n);
        }
        return (tagger, report);
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
        string[] families = sessions.Select(s => s.Family).Concat(sessions.Select(s => s.HostFamily).Where(f => f.Length > 0))
                                    .Distinct(StringComparer.Ordinal).ToArray();
        var held = new HashSet<string>(StringComparer.Ordinal);
        if (share > 0 && families.Length >= 2)
        {
            foreach (string f in families)
                if (Fnv1a(string.Create(CultureInfo.InvariantCulture, $"{seed}:{f}")) < share * uint.MaxValue) held.Add(f);
            if (held.Count == families.Length) held.Remove(families.Order(StringComparer.Ordinal).First());   // keep something to fit on
        }
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

    private static SessionTagger Fit(IReadOnlyList<LabelledSession> sessions, string[] states, SessionTaggerOptions options, double w, double beta, double wc)
    {
        string[] all = sessions.SelectMany(s => s.Statements).ToArray();
        StatementFeatures features = StatementFeatures.Fit(all, options.StatementFeatures,
            options.ContextWeight > 0 ? new TfidfOptions { NGramRange = new(1, 1), SublinearTf = true, MinDocumentFrequency = DocumentFrequency.Documents(2), MaxFeatures = 10_000 } : null,
            options.ContextWeight);
        CsrMatrix x = features.Rows(sessions.Select(s => (IReadOnlyList<string>)s.Statements).ToArray());
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
        return new SessionTagger(states, features, emission, transitions, w, beta, prior, wc);
    }
}
