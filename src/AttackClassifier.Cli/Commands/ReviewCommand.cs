using System.CommandLine;
using System.Globalization;
using AttackClassifier.Review;
using AttackClassifier.Serialization;
using AttackClassifier.Telemetry;

namespace AttackClassifier.Cli.Commands;

/// <summary>
/// <c>attack-classifier review</c>: reads telemetry, collapses near-duplicates, and writes the commands most worth an analyst's
/// label as a CSV in the training schema (<see cref="ReviewQueue"/>, <see cref="ReviewCsv"/>).
/// </summary>
internal static class ReviewCommand
{
    internal static Command Create()
    {
        var defaults = new ReviewQueueOptions();
        var modelPath = new Option<string>("--model") { Description = "The model whose uncertainty chooses the queue: a model file or builtin:linux / builtin:windows.", Required = true };
        var input = new Option<string?>("--input") { Description = "Telemetry to choose from (default: standard input)." };
        var inputFormat = new Option<string>("--input-format") { Description = "As predict: plain, jsonl (with --field), ecs, sysmon, win4688, osquery, auditd.", DefaultValueFactory = _ => "plain" };
        inputFormat.AcceptOnlyFromAmong(ClassificationOptions.InputFormats);
        var field = new Option<string?>("--field") { Description = "Dot path of the command line in each JSON object (required for jsonl)." };
        var budget = new Option<int>("--budget") { Description = "Queue rows to write (distinct commands after near-duplicate collapse), ≥ 1.", Required = true };
        var strategy = new Option<string>("--strategy")
        {
            Description = "margin (smallest p1 − p2 first), entropy (largest −Σ p ln p first), least-confident (largest 1 − p1 first) or random (seeded).",
            DefaultValueFactory = _ => Name(defaults.Strategy),
        };
        strategy.AcceptOnlyFromAmong(Enum.GetValues<SelectionStrategy>().Select(Name).ToArray());
        var diversity = new Option<bool>("--diversity") { Description = $"Spread the budget: k-means++ over the TF-IDF rows of the {defaults.CandidatesPerSlot}×budget top-ranked commands, one command per cluster." };
        var seed = new Option<int>("--seed") { Description = "Seed of random's order and of k-means++.", DefaultValueFactory = _ => defaults.Seed };
        var outPath = new Option<string>("--out") { Description = "Where to write the queue CSV.", Required = true };
        var command = new Command("review", "Choose the commands most worth an analyst's label and write them as a CSV to fill in (technique_grouped).");
        foreach (Option o in new Option[] { modelPath, input, inputFormat, field, budget, strategy, diversity, seed, outPath }) command.Options.Add(o);
        command.SetAction(parsed =>
        {
            int rows = parsed.GetValue(budget);
            if (rows < 1) throw new CliException($"--budget must be at least 1 (got {rows}): an empty queue has nothing to review.");
            TelemetryFormat format = Enum.Parse<TelemetryFormat>(parsed.GetValue(inputFormat)!, ignoreCase: true);
            string? fieldPath = parsed.GetValue(field);
            if (fieldPath is null && format == TelemetryFormat.Jsonl) throw new CliException("--input-format jsonl needs --field: the dot path of the command line in each object.");
            string? inputPath = parsed.GetValue(input);
            if (inputPath is not null && !File.Exists(inputPath)) throw new CliException($"--input: file not found: {inputPath}");
            LoadedModel model = EvaluateCommand.OpenModel(parsed.GetValue(modelPath)!);
            var options = new ReviewQueueOptions
            {
                Budget = rows,
                Strategy = Enum.Parse<SelectionStrategy>(parsed.GetValue(strategy)!.Replace("-", "", StringComparison.Ordinal), ignoreCase: true),
                Diversity = parsed.GetValue(diversity),
                Seed = parsed.GetValue(seed),
            };
            var readerOptions = new TelemetryReaderOptions { Format = format, FieldPath = fieldPath };
            long records = 0, errors = 0;
            IEnumerable<TelemetryRecord> Counted(IEnumerable<TelemetryRecord> source)
            {
                foreach (TelemetryRecord r in source)
                {
                    records++;
                    if (r.CommandLine is null) errors++;
                    yield return r;
                }
            }
            IReadOnlyList<ReviewItem> queue;
            if (inputPath is not null)
            {
                using var file = File.OpenRead(inputPath);
                queue = ReviewQueue.Select(model.Classifier, Counted(TelemetryReader.Read(file, readerOptions)), options);
            }
            else queue = ReviewQueue.Select(model.Classifier, Counted(TelemetryReader.Read(CliApp.Input, readerOptions)), options);
            string outFile = parsed.GetValue(outPath)!;
            try
            {
                ReviewCsv.WriteFile(outFile, queue);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"--out: cannot write {outFile}: {e.Message}");
            }
            parsed.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"review: {records} input records ({errors} without a command); {queue.Count} queue rows ({queue.Sum(q => q.Occurrences)} commands with their near-duplicates), strategy {parsed.GetValue(strategy)}{(options.Diversity ? ", diversity" : "")}; written to {outFile}. Fill in technique_grouped, then: train --warm-start {parsed.GetValue(modelPath)} --data {outFile}"));
            return 0;
        });
        return command;
    }

    // The option text of a strategy: LeastConfident → least-confident.
    private static string Name(SelectionStrategy s) => s == SelectionStrategy.LeastConfident ? "least-confident" : s.ToString().ToLowerInvariant();
}
