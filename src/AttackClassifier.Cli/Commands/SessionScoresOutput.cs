using System.Globalization;
using System.Text.Json;
using AttackClassifier.Classification;
using AttackClassifier.Sessions;

namespace AttackClassifier.Cli.Commands;

/// <summary>
/// How <c>train-sessions</c> (on its test split) and <c>score-sessions</c> (on any labelled session corpus) print tagging scores:
/// in context, statement model alone, single-command model, and the same per source of the sessions. One owner for both.
/// </summary>
internal static class SessionScoresOutput
{
    /// <summary>The scores of <paramref name="sessions"/> and of each group of them by source (sources named in the corpus only).</summary>
    internal static (SessionEvaluationResult All, (string Source, int Sessions, SessionEvaluationResult Result)[] BySource) Evaluate(
        SessionTagger tagger, IReadOnlyList<LabelledSession> sessions, IAttackClassifier? commandModel, Action<LabelledSession, int[]>? decoded = null)
    {
        SessionEvaluationResult all = SessionEvaluation.Evaluate(tagger, sessions, commandModel, decoded);
        var bySource = sessions.GroupBy(s => s.Source).Where(g => g.Key.Length > 0).OrderBy(g => g.Key, StringComparer.Ordinal)
                               .Select(g => (Source: g.Key, Sessions: g.Count(), Result: SessionEvaluation.Evaluate(tagger, g.ToArray(), commandModel))).ToArray();
        return (all, bySource);
    }

    /// <summary>Writes <c>"NAME": { "sessions", "in_context", "statement_only", "command_model"?, "by_source": {…} }</c>.</summary>
    internal static void WriteJson(Utf8JsonWriter w, string name, int sessions, SessionEvaluationResult result,
                                   (string Source, int Sessions, SessionEvaluationResult Result)[] bySource)
    {
        w.WriteStartObject(name);
        w.WriteNumber("sessions", sessions);
        Scores(w, "in_context", result.InContext);
        Scores(w, "statement_only", result.StatementOnly);
        if (result.CommandModel is { } cm) Scores(w, "command_model", cm);
        w.WriteStartObject("by_source");
        foreach (var (source, count, r) in bySource)
        {
            w.WriteStartObject(source);
            w.WriteNumber("sessions", count);
            Scores(w, "in_context", r.InContext);
            Scores(w, "statement_only", r.StatementOnly);
            if (r.CommandModel is { } sourceCm) Scores(w, "command_model", sourceCm);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Writes the heading line, then one line per way of tagging, then the same per source.</summary>
    internal static void WriteText(TextWriter output, string heading, int sessions, SessionEvaluationResult result,
                                   (string Source, int Sessions, SessionEvaluationResult Result)[] bySource)
    {
        output.WriteLine($"{heading} ({sessions} sessions, {result.InContext.Statements} statements):");
        Line(output, "in context", result.InContext);
        Line(output, "statement model alone", result.StatementOnly);
        if (result.CommandModel is { } cm) Line(output, "single-command model", cm);
        foreach (var (source, count, r) in bySource)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {heading} sessions from {source} ({count} sessions, {r.InContext.Statements} statements):"));
            Line(output, "  in context", r.InContext);
            Line(output, "  statement model alone", r.StatementOnly);
            if (r.CommandModel is { } sourceCm) Line(output, "  single-command model", sourceCm);
        }
    }

    /// <summary>Writes a number, or null when it is not finite (benign recall without benign statements).</summary>
    internal static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, value);
        else w.WriteNull(name);
    }

    private static void Scores(Utf8JsonWriter w, string name, TaggingScores s)
    {
        w.WriteStartObject(name);
        w.WriteNumber("statements", s.Statements);
        w.WriteNumber("accuracy", s.Accuracy);
        w.WriteNumber("macro_f1", s.MacroF1);
        Number(w, "benign_recall", s.BenignRecall);
        w.WriteEndObject();
    }

    private static void Line(TextWriter output, string name, TaggingScores s) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-22} accuracy {s.Accuracy:P1}   macro-F1 {s.MacroF1:F3}   benign recall {s.BenignRecall:P1}"));
}
