using AttackClassifier.Attack;
using AttackClassifier.Classification;
using AttackClassifier.Metrics;

namespace AttackClassifier.Sessions;

/// <summary>Per-statement scores of one way of tagging labelled sessions.</summary>
/// <param name="Statements">Statements scored.</param>
/// <param name="Accuracy">Share of statements whose tag is the true tactic (or benign).</param>
/// <param name="MacroF1">Unweighted mean F1 over the tags present in truth or predictions (benign is one of them).</param>
/// <param name="BenignRecall">Share of the benign statements tagged benign (NaN when there are none).</param>
/// <param name="Report">The full per-tag report.</param>
internal sealed record TaggingScores(int Statements, double Accuracy, double MacroF1, double BenignRecall, ClassificationReport Report);

/// <summary>Tagging scored three ways on the same statements: the tagger in context (Viterbi), its statement model alone
/// (argmax q, no transitions), and optionally a single-command classifier's tactic (no session at all).</summary>
internal sealed record SessionEvaluationResult(TaggingScores InContext, TaggingScores StatementOnly, TaggingScores? CommandModel);

internal static class SessionEvaluation
{
    /// <summary>Tags every session with <paramref name="tagger"/> (and <paramref name="commandModel"/> when it weighs one) and scores the
    /// tags three ways against the corpus's labels.</summary>
    /// <param name="tagger">The session tagger.</param>
    /// <param name="sessions">Labelled sessions.</param>
    /// <param name="commandModel">The single-command model: the tagger's input when it needs one, and scored alone.</param>
    /// <param name="decoded">Called with each session and its decoded path (state indices into <see cref="SessionTagger.States"/>),
    /// in order — for a caller that writes the tags out.</param>
    internal static SessionEvaluationResult Evaluate(SessionTagger tagger, IReadOnlyList<LabelledSession> sessions, IAttackClassifier? commandModel = null,
                                                     Action<LabelledSession, int[]>? decoded = null)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        if (sessions.Count == 0 || sessions.All(s => s.Statements.Length == 0)) throw new ArgumentException("No sessions to evaluate.", nameof(sessions));
        var names = new List<string>(tagger.States);
        int Index(string tag)
        {
            int k = names.IndexOf(tag);
            if (k < 0) { names.Add(tag); k = names.Count - 1; }
            return k;
        }
        int s = tagger.States.Count;
        var truth = new List<int>();
        var context = new List<int>();
        var alone = new List<int>();
        var command = new List<int>();
        foreach (LabelledSession session in sessions)
        {
            int n = session.Statements.Length;
            var q = new double[n * s];
            var posterior = new double[n * s];
            var path = new int[n];
            tagger.Decode(session.Statements, q, posterior, path, commandModel);
            decoded?.Invoke(session, path);
            for (int t = 0; t < n; t++)
            {
                truth.Add(Index(session.Tactics[t]));
                context.Add(path[t]);
                alone.Add(SessionTagger.ArgMax(q.AsSpan(t * s, s)));
                if (commandModel is not null) command.Add(Index(CommandModelTag(commandModel, session.Statements[t])));
            }
        }
        return new SessionEvaluationResult(Score(truth, context, names), Score(truth, alone, names),
                                           commandModel is null ? null : Score(truth, command, names));
    }

    /// <summary>
    /// The tag a single-command classifier gives one statement: the most probable of benign (the summed probability of its benign
    /// classes) and each catalog tactic (p(tactic) = Σ p(class) over the classes whose technique serves it; see <see cref="TacticProbability"/>).
    /// Ties go to benign, then kill-chain order.
    /// </summary>
    internal static string CommandModelTag(IAttackClassifier classifier, string statement)
    {
        ClassTaxonomy taxonomy = ClassTaxonomy.For(classifier.Labels, AttackCatalog.Default);
        var p = new double[classifier.Labels.Count];
        classifier.PredictProbabilities(statement, p);
        var tactic = new double[taxonomy.Catalog.Tactics.Count];
        taxonomy.TacticProbabilities(p, tactic);
        double benign = 0;
        for (int k = 0; k < p.Length; k++) if (taxonomy.Classes[k].Kind == LabelKind.Benign) benign += p[k];
        int best = SessionTagger.ArgMax(tactic);
        return benign >= tactic[best] ? SessionCorpus.Benign : taxonomy.Catalog.Tactics[best].ShortName;
    }

    /// <summary>Scores predicted tags against true ones (indices into <paramref name="names"/>).</summary>
    internal static TaggingScores Score(List<int> truth, List<int> predicted, List<string> names)
    {
        var report = ClassificationReport.Compute(truth.ToArray(), predicted.ToArray(), names.ToArray());
        int benign = names.IndexOf(SessionCorpus.Benign);
        double benignRecall = benign >= 0 && truth.Contains(benign) ? report.Classes[benign].Recall : double.NaN;
        return new TaggingScores(truth.Count, report.Accuracy, report.MacroAverage.F1, benignRecall, report);
    }
}
