using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AttackClassifier.Classification;
using AttackClassifier.Data;
using AttackClassifier.Sessions;
using AttackClassifier.Serialization;
using AttackClassifier.Text;

namespace AttackClassifier.Cli.Commands;

/// <summary>
/// <c>attack-classifier train-sessions</c>: trains a session tagger on the <c>train</c> sessions of a labelled session corpus,
/// reports it on the <c>test</c> sessions (held out by family) — per-statement tactic accuracy in context and without it, macro-F1,
/// benign recall, and optionally a single-command model's figures on the same statements — and saves it.
/// </summary>
internal static class TrainSessionsCommand
{
    internal static Command Create()
    {
        var defaults = new SessionTaggerOptions();
        var data = new Option<string>("--data") { Description = "Session corpus CSV (one row per statement; see README, 'Sessions: attack chains').", Required = true };
        var outPath = new Option<string?>("--out") { Description = "Where to save the session tagger (omit to only measure)." };
        var contextWeight = new Option<double>("--context-weight")
        {
            Description = "Weight of the neighbouring statements' words in a statement's features (0: its own text only).",
            DefaultValueFactory = _ => defaults.ContextWeight,
        };
        var c = new Option<double>("--c") { Description = "Inverse L2 strength C of the per-statement logistic regression.", DefaultValueFactory = _ => defaults.Classifier.InverseRegularization };
        var features = new Option<string>("--features") { Description = "Statement features: word (word 1–2-grams) or word+char (plus char_wb 2–5-grams).", DefaultValueFactory = _ => "word+char" };
        features.AcceptOnlyFromAmong("word", "word+char");
        var maxFeatures = new Option<int>("--max-features") { Description = "Most frequent terms kept per statement block.", DefaultValueFactory = _ => defaults.StatementFeatures[0].MaxFeatures ?? 20_000 };
        var commandModel = new Option<string?>("--command-model") { Description = "A single-command model (a file or builtin:linux / builtin:windows): scored alone on the test statements, and its view of each statement offered to the tagger (weight chosen on validation; tagging then needs the same model)." };
        var commandFeatureWeight = new Option<double>("--command-feature-weight")
        {
            Description = "With --command-model: weight of its view of each statement (benign and tactic probabilities) as a feature block of the statement model (0: none).",
            DefaultValueFactory = _ => defaults.CommandFeatureWeight,
        };
        var commandNeighbours = new Option<bool>("--command-feature-neighbours")
        {
            Description = "With --command-feature-weight > 0: the block also holds the command model's view of the statements just before and after.",
            DefaultValueFactory = _ => defaults.CommandFeatureNeighbours,
        };
        var decoder = new Option<string>("--session-model") { Description = "The decoder: hmm (tactic-transition smoothing, Viterbi) or bilstm (a bidirectional LSTM over the statements' probability vectors).", DefaultValueFactory = _ => "hmm" };
        decoder.AcceptOnlyFromAmong("hmm", "bilstm");
        var hidden = new Option<int>("--hidden-size") { Description = "bilstm: state width of each direction.", DefaultValueFactory = _ => defaults.SequenceHiddenSize };
        var epochs = new Option<int>("--epochs") { Description = "bilstm: most epochs (early stopping on the validation families).", DefaultValueFactory = _ => defaults.SequenceMaxEpochs };
        var name = new Option<string?>("--name") { Description = "Model name stored in the file's metadata." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var command = new Command("train-sessions", "Train a session tagger (tactic per statement in context) on a session corpus's train split; report on its test split.");
        foreach (Option o in new Option[] { data, outPath, contextWeight, c, features, maxFeatures, commandModel, commandFeatureWeight, commandNeighbours, decoder, hidden, epochs, name, json }) command.Options.Add(o);
        command.SetAction(parsed =>
        {
            string path = parsed.GetValue(data)!;
            if (!File.Exists(path)) throw new CliException($"--data: file not found: {path}");
            int cap = parsed.GetValue(maxFeatures);
            if (cap < 1) throw new CliException("--max-features must be ≥ 1.");
            var word = new TfidfOptions { SublinearTf = true, MinDocumentFrequency = DocumentFrequency.Documents(2), MaxFeatures = cap };
            var character = word with { Analyzer = TextAnalyzer.CharWordBoundary, NGramRange = new(2, 5) };
            double weight = parsed.GetValue(contextWeight);
            if (!(weight >= 0) || !double.IsFinite(weight)) throw new CliException("--context-weight must be ≥ 0.");
            double featureWeight = parsed.GetValue(commandFeatureWeight);
            if (!(featureWeight >= 0) || !double.IsFinite(featureWeight)) throw new CliException("--command-feature-weight must be ≥ 0.");
            var options = defaults with
            {
                CommandFeatureWeight = featureWeight,
                CommandFeatureNeighbours = parsed.GetValue(commandNeighbours),
                StatementFeatures = parsed.GetValue(features) == "word" ? [word] : [word, character],
                ContextWeight = weight,
                Classifier = defaults.Classifier with { InverseRegularization = TrainCommand.InverseRegularization(parsed.GetValue(c), "--c") },
                Decoder = parsed.GetValue(decoder) == "bilstm" ? SessionDecoder.BiLstm : SessionDecoder.TransitionSmoothing,
                SequenceHiddenSize = parsed.GetValue(hidden),
                SequenceMaxEpochs = parsed.GetValue(epochs),
            };
            IAttackClassifier? single = parsed.GetValue(commandModel) is { } m ? EvaluateCommand.LoadModel(m) : null;
            options = options with { CommandModel = single };
            IReadOnlyList<LabelledSession> corpus = SessionCorpus.Load(path);
            LabelledSession[] train = corpus.Where(s => s.Split == "train").ToArray(), test = corpus.Where(s => s.Split == "test").ToArray();
            if (train.Length == 0) throw new CliException($"{path}: no sessions with split 'train'.");
            var (tagger, report) = SessionTaggerTrainer.Train(train, options);
            // The test figures, and the same per source of the test sessions (handwritten, atomic, benign, mixed) when the corpus names them.
            var (result, bySource) = test.Length == 0 ? (null, []) : SessionScoresOutput.Evaluate(tagger, test, single);
            string? outFile = parsed.GetValue(outPath);
            if (outFile is not null)
            {
                var values = new Dictionary<string, string>
                {
                    ["session_model"] = parsed.GetValue(decoder)!, ["features"] = parsed.GetValue(features)!, ["max_features"] = cap.ToString(CultureInfo.InvariantCulture),
                    ["context_weight"] = weight.ToString("R", CultureInfo.InvariantCulture), ["C"] = options.Classifier.InverseRegularization.ToString("R", CultureInfo.InvariantCulture),
                    ["emission_weight"] = tagger.EmissionWeight.ToString("R", CultureInfo.InvariantCulture), ["prior_exponent"] = tagger.PriorExponent.ToString("R", CultureInfo.InvariantCulture),
                    ["command_weight"] = tagger.CommandWeight.ToString("R", CultureInfo.InvariantCulture), ["command_model"] = parsed.GetValue(commandModel) ?? "none",
                    ["command_feature_weight"] = tagger.Features.CommandFeatureWeight.ToString("R", CultureInfo.InvariantCulture),
                    ["command_feature_neighbours"] = tagger.Features.CommandNeighbours ? "true" : "false",
                    ["benign_offset"] = tagger.BenignOffset.ToString("R", CultureInfo.InvariantCulture),
                };
                ModelFile.Save(tagger, outFile, TrainCommand.Metadata([path], train.Sum(s => s.Statements.Length), values, parsed.GetValue(name)));
            }
            TextWriter output = parsed.InvocationConfiguration.Output;
            if (parsed.GetValue(json))
            {
                JsonOutput.WriteLine(output, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("session_model", parsed.GetValue(decoder));
                    w.WriteNumber("train_sessions", train.Length);
                    w.WriteNumber("train_statements", train.Sum(s => s.Statements.Length));
                    w.WriteStartArray("states");
                    foreach (string s in tagger.States) w.WriteStringValue(s);
                    w.WriteEndArray();
                    w.WriteNumber("emission_weight", tagger.EmissionWeight);
                    w.WriteNumber("prior_exponent", tagger.PriorExponent);
                    w.WriteNumber("command_weight", tagger.CommandWeight);
                    w.WriteNumber("command_feature_weight", tagger.Features.CommandFeatureWeight);
                    w.WriteBoolean("command_feature_neighbours", tagger.Features.CommandNeighbours);
                    w.WriteNumber("benign_offset", tagger.BenignOffset);
                    w.WriteStartObject("validation");
                    w.WriteNumber("sessions", report.ValidationSessions);
                    w.WriteNumber("statements", report.ValidationStatements);
                    w.WriteNumber("fit_sessions", report.FitSessions);
                    SessionScoresOutput.Number(w, "statement_accuracy", report.StatementAccuracy);
                    SessionScoresOutput.Number(w, "context_accuracy", report.ContextAccuracy);
                    if (report.InContext is { } chosen)
                    {
                        SessionScoresOutput.Number(w, "context_macro_f1", chosen.MacroF1);
                        SessionScoresOutput.Number(w, "context_benign_recall", chosen.BenignRecall);
                    }
                    w.WriteEndObject();
                    if (result is not null) SessionScoresOutput.WriteJson(w, "test", test.Length, result, bySource);
                    if (outFile is not null) w.WriteString("model_file", outFile);
                    w.WriteEndObject();
                });
            }
            else
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{parsed.GetValue(decoder)} tagger trained on {train.Length} sessions ({train.Sum(s => s.Statements.Length)} statements), states {string.Join(", ", tagger.States)}; w = {tagger.EmissionWeight}, β = {tagger.PriorExponent}, w_c = {tagger.CommandWeight}, w_f = {tagger.Features.CommandFeatureWeight}, δ = {tagger.BenignOffset}"));
                if (report.ValidationSessions > 0)
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"validation ({report.ValidationSessions} sessions of held-out training families, {report.ValidationStatements} statements; probe fitted on {report.FitSessions} sessions): statement model {report.StatementAccuracy:P1}, in context {report.ContextAccuracy:P1}") +
                        (report.InContext is { } chosen ? string.Create(CultureInfo.InvariantCulture, $" (macro-F1 {chosen.MacroF1:F3}, benign recall {chosen.BenignRecall:P1})") : ""));
                if (result is not null) SessionScoresOutput.WriteText(output, "test", test.Length, result, bySource);
                if (outFile is not null) output.WriteLine($"model saved to {outFile}");
            }
            return 0;
        });
        return command;
    }
}
