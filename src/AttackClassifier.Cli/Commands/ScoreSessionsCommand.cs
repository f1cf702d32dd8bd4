using System.CommandLine;
using System.Globalization;
using AttackClassifier.Classification;
using AttackClassifier.Metrics;
using AttackClassifier.Serialization;
using AttackClassifier.Sessions;

namespace AttackClassifier.Cli.Commands;

/// <summary>
/// <c>attack-classifier score-sessions</c>: scores a trained session tagger (a file or a built-in one) on a labelled session corpus
/// without training anything — the user's own labelled sessions, or a split of ours — with the same figures as
/// <c>train-sessions</c> reports on its test split, plus the in-context per-tag table.
/// </summary>
internal static class ScoreSessionsCommand
{
    internal static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Labelled session corpus CSV (one row per statement; see README, 'Sessions: attack chains').", Required = true };
        var model = new Option<string>("--model") { Description = "The session tagger to score: a file written by train-sessions, or builtin:linux-sessions / builtin:windows-sessions.", Required = true };
        var commandModel = new Option<string?>("--command-model") { Description = "The single-command model the tagger weighs and that is scored alone beside it (default: the one the tagger was trained with; 'none' when the tagger needs none)." };
        var split = new Option<string>("--split") { Description = "Which sessions to score: all, train or test.", DefaultValueFactory = _ => "all" };
        split.AcceptOnlyFromAmong("all", "train", "test");
        var predictions = new Option<string?>("--predictions") { Description = "Also write every scored statement with its true and in-context tag to this CSV (session_id, command_index, statement_index, statement, tactic, predicted)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var command = new Command("score-sessions", "Score a session tagger on labelled sessions: per-statement tactic accuracy in context and without, macro-F1, benign recall, per tag.");
        foreach (Option o in new Option[] { data, model, commandModel, split, predictions, json }) command.Options.Add(o);
        command.SetAction(parsed =>
        {
            string path = parsed.GetValue(data)!;
            if (!File.Exists(path)) throw new CliException($"--data: file not found: {path}");
            string modelName = parsed.GetValue(model)!;
            LoadedSessionTagger loaded = BuiltinModels.BuiltinModels.OpenSessionTagger(modelName);
            string? trainedWith = loaded.Info.Metadata?.Options.GetValueOrDefault("command_model");
            string commandModelName = parsed.GetValue(commandModel) ?? (trainedWith is null or "none" ? "none" : trainedWith);
            IAttackClassifier? single = commandModelName == "none" ? null : EvaluateCommand.LoadModel(commandModelName);
            if (single is null && loaded.Tagger.NeedsCommandModel)
                throw new CliException($"--command-model none: the session model {modelName} weighs a command classifier's view of each statement; give that classifier (it was trained with {trainedWith ?? "one"}).");
            string which = parsed.GetValue(split)!;
            LabelledSession[] sessions = SessionCorpus.Load(path).Where(s => which == "all" || s.Split == which).ToArray();
            if (sessions.Length == 0 || sessions.All(s => s.Statements.Length == 0))
                throw new CliException(which == "all" ? $"{path}: no sessions." : $"{path}: no sessions with split '{which}'.");
            string? predictionsPath = parsed.GetValue(predictions);
            using StreamWriter? predictionsFile = predictionsPath is null ? null : OpenPredictions(predictionsPath);
            void Write(LabelledSession session, int[] path)
            {
                // The corpus keeps the statements' order, not their indices: a statement's index is its place within its command.
                for (int t = 0, within = 0; t < path.Length; t++, within++)
                {
                    if (t > 0 && session.CommandIndex[t] != session.CommandIndex[t - 1]) within = 0;
                    predictionsFile!.Write(string.Join(',', Csv(session.Id), session.CommandIndex[t].ToString(CultureInfo.InvariantCulture),
                                                       within.ToString(CultureInfo.InvariantCulture), Csv(session.Statements[t]),
                                                       session.Tactics[t], loaded.Tagger.States[path[t]]) + "\n");
                }
            }
            var (result, bySource) = SessionScoresOutput.Evaluate(loaded.Tagger, sessions, single, predictionsFile is null ? null : Write);
            TextWriter output = parsed.InvocationConfiguration.Output;
            if (parsed.GetValue(json))
            {
                JsonOutput.WriteLine(output, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("model", modelName);
                    w.WriteString("command_model", commandModelName);
                    w.WriteString("split", which);
                    SessionScoresOutput.WriteJson(w, "scores", sessions.Length, result, bySource);
                    w.WriteStartArray("in_context_per_tag");
                    foreach (MetricsRow row in PresentRows(result.InContext.Report))
                    {
                        w.WriteStartObject();
                        w.WriteString("tag", row.Label);
                        w.WriteNumber("precision", row.Precision);
                        w.WriteNumber("recall", row.Recall);
                        w.WriteNumber("f1", row.F1);
                        w.WriteNumber("support", row.Support);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    // Confusion counts, true tag → predicted tag → statements (non-zero cells only): where the errors go.
                    ClassificationReport report = result.InContext.Report;
                    w.WriteStartObject("in_context_confusion");
                    foreach (int t in report.PresentClasses)
                    {
                        w.WriteStartObject(report.Classes[t].Label);
                        foreach (int p in report.PresentClasses)
                            if (report.Confusion(t, p) > 0) w.WriteNumber(report.Classes[p].Label, report.Confusion(t, p));
                        w.WriteEndObject();
                    }
                    w.WriteEndObject();
                    w.WriteEndObject();
                });
            }
            else
            {
                output.WriteLine($"{modelName} scored on {Path.GetFileName(path)}" + (which == "all" ? "" : $", split {which}") + (single is null ? "" : $"; single-command model {commandModelName}"));
                SessionScoresOutput.WriteText(output, "scored", sessions.Length, result, bySource);
                output.WriteLine("in context, per tag:");
                output.Write(result.InContext.Report.ToText());
            }
            return 0;
        });
        return command;
    }

    private static StreamWriter OpenPredictions(string path)
    {
        try
        {
            var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            writer.Write("session_id,command_index,statement_index,statement,tactic,predicted\n");
            return writer;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"--predictions: cannot write {path}: {e.Message}");
        }
    }

    /// <summary>RFC 4180 field: quoted when it holds a comma, quote or line break.</summary>
    private static string Csv(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The report's rows of the tags present in truth or predictions, in the report's order.</summary>
    private static IEnumerable<MetricsRow> PresentRows(ClassificationReport report) => report.PresentClasses.Select(k => report.Classes[k]);
}
