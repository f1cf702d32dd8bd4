using System.CommandLine;
using System.Globalization;
using AttackClassifier.Attack;
using AttackClassifier.Classification;
using AttackClassifier.Data;
using AttackClassifier.Serialization;

namespace AttackClassifier.Cli.Commands;

/// <summary>
/// <c>attack-classifier predict</c>: streams command lines (or raw auditd records) from standard input or a file and
/// writes one prediction per line, as text or JSONL.
/// </summary>
internal static class PredictCommand
{
    internal static Command Create()
    {
        var modelPath = new Option<string>("--model") { Description = "A model file written by train.", Required = true };
        var top = new Option<int>("--top") { Description = "How many techniques to list per command.", DefaultValueFactory = _ => 3 };
        var explain = new Option<bool>("--explain") { Description = "Add the n-grams that pushed the prediction most (TF-IDF + LR models)." };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "jsonl");
        var input = new Option<string?>("--input") { Description = "Read from this file instead of standard input." };
        var minProbability = new Option<double?>("--min-probability") { Description = "Answer 'unknown' below this calibrated top probability (default: the model's threshold, chosen on validation data)." };
        var inputFormat = new Option<string>("--input-format") { Description = "plain: one command line per line; auditd: raw audit log, PROCTITLE records decoded, other records skipped.", DefaultValueFactory = _ => "plain" };
        inputFormat.AcceptOnlyFromAmong("plain", "auditd");
        var command = new Command("predict", "Classify command lines, one per input line, streaming.");
        foreach (Option o in new Option[] { modelPath, top, explain, format, input, inputFormat, minProbability }) command.Options.Add(o);
        command.SetAction(parsed =>
        {
            int k = parsed.GetValue(top);
            if (k < 1) throw new CliException("--top must be ≥ 1.");
            double? threshold = parsed.GetValue(minProbability);
            if (threshold is { } t && !(t >= 0 && t <= 1)) throw new CliException($"--min-probability must lie in [0, 1]; got {t.ToString(CultureInfo.InvariantCulture)}.");
            string name = parsed.GetValue(modelPath)!;
            LoadedModel model = EvaluateCommand.OpenModel(name);
            IAttackClassifier classifier = model.Classifier;
            bool wantEvidence = parsed.GetValue(explain);
            if (wantEvidence && classifier is not TfidfLogisticRegressionClassifier)
                throw new CliException("--explain needs a TF-IDF + logistic regression model.");
            string? inputPath = parsed.GetValue(input);
            if (inputPath is not null && !File.Exists(inputPath)) throw new CliException($"--input: file not found: {inputPath}");
            using TextReader reader = inputPath is null ? CliApp.Input : new StreamReader(inputPath);
            Run(model, model.Info.Metadata?.Name ?? Path.GetFileName(name), reader, parsed.InvocationConfiguration.Output, k, threshold, wantEvidence, parsed.GetValue(format) == "jsonl",
                parsed.GetValue(inputFormat) == "auditd", inputPath ?? "<stdin>");
            return 0;
        });
        return command;
    }

    private static void Run(LoadedModel model, string modelName, TextReader reader, TextWriter output, int top, double? minProbability,
                            bool explain, bool jsonl, bool auditd, string source)
    {
        IAttackClassifier classifier = model.Classifier;
        long lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;   // a blank line holds no command: classifying "" would only mislead
            string commandLine = line;
            if (auditd)
            {
                try
                {
                    if (!AuditdProctitle.TryDecodeRecord(line, out commandLine)) continue;
                }
                catch (FormatException e)
                {
                    throw new CliException($"{source}:{lineNumber}: {e.Message}");
                }
            }
            Prediction prediction = classifier.Predict(commandLine, top, minProbability);
            IReadOnlyList<Evidence> evidence = explain ? ((TfidfLogisticRegressionClassifier)classifier).Explain(commandLine, 5, prediction.Label) : [];
            if (jsonl)
                JsonOutput.WriteLine(output, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("input", commandLine);
                    PredictionJson.WriteFields(w, prediction);
                    if (explain)
                    {
                        w.WriteStartArray("evidence");
                        foreach (Evidence e in evidence)
                        {
                            w.WriteStartObject();
                            w.WriteString("ngram", e.Feature);
                            w.WriteNumber("weight", e.Weight);
                            w.WriteEndObject();
                        }
                        w.WriteEndArray();
                    }
                    PredictionJson.WriteModel(w, modelName, model.Info);
                    w.WriteEndObject();
                });
            else
            {
                var ci = CultureInfo.InvariantCulture;
                string decision = prediction.Kind == LabelKind.Unknown ? "unknown\t" : "";
                string tops = decision + string.Join("; ", prediction.Top.Select(t => string.Create(ci, $"{t.Label} {t.Probability:F3}")));
                string because = explain ? "\tbecause: " + string.Join(", ", evidence.Select(e => string.Create(ci, $"'{e.Feature}' {e.Weight:+0.000;-0.000}"))) : "";
                output.WriteLine($"{commandLine}\t{tops}{because}");
            }
        }
    }
}
