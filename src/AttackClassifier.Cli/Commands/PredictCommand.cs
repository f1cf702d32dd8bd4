using System.CommandLine;
using System.Globalization;
using AttackClassifier.Cli.Output;
using AttackClassifier.Serialization;
using AttackClassifier.Telemetry;

namespace AttackClassifier.Cli.Commands;

/// <summary>
/// <c>attack-classifier predict</c>: streams telemetry — plain command lines, JSON Lines, ECS, Sysmon, Windows 4688,
/// osquery or raw auditd — from standard input or a file, and writes exactly one output record per input record, in input
/// order, as text, JSONL or ECS documents. The loop itself is <see cref="PredictionStream"/>.
/// </summary>
internal static class PredictCommand
{
    internal static readonly string[] InputFormats = ["plain", "jsonl", "ecs", "sysmon", "win4688", "osquery", "auditd"];

    internal static Command Create()
    {
        var defaults = new TelemetryReaderOptions();
        var modelPath = new Option<string?>("--model")
        {
            Description = "A model file written by train, or builtin:linux / builtin:windows (default: the built-in model for the input format: windows for sysmon and win4688, linux otherwise).",
        };
        var top = new Option<int>("--top") { Description = "How many techniques to list per command.", DefaultValueFactory = _ => new PredictionStreamOptions().Top };
        var explain = new Option<bool>("--explain") { Description = "Add the n-grams that pushed the prediction most (TF-IDF + LR models)." };
        var format = new Option<string>("--format") { Description = "Output: text (tab-separated, escaped), jsonl, or ecs (Elastic Common Schema threat.* fields).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "jsonl", "ecs");
        var input = new Option<string?>("--input") { Description = "Read from this file instead of standard input." };
        var minProbability = new Option<double?>("--min-probability") { Description = "Answer 'unknown' below this calibrated top probability (default: the model's threshold, chosen on validation data)." };
        var inputFormat = new Option<string>("--input-format")
        {
            Description = "plain: one command per line; jsonl: one JSON object per line, command at --field; ecs, sysmon, win4688, osquery: those events as JSON lines; auditd: raw audit log, one record per execve event.",
            DefaultValueFactory = _ => "plain",
        };
        inputFormat.AcceptOnlyFromAmong(InputFormats);
        var field = new Option<string?>("--field") { Description = "Dot path of the command line in each JSON object (required for jsonl; replaces a preset's command rule)." };
        var emit = new Option<string?>("--emit")
        {
            Description = "JSON output: enriched (the input event plus the classification; default for JSON inputs) or prediction (the prediction alone, plus --keep fields; default for plain and auditd).",
        };
        emit.AcceptOnlyFromAmong("enriched", "prediction");
        var keep = new Option<string[]>("--keep")
        {
            Description = $"Input fields to copy into prediction records, comma-separated: dot paths for JSON inputs; for auditd {string.Join(", ", KeptFields.IdentityNames)}. A missing field is written as null.",
            AllowMultipleArgumentsPerToken = true,
        };
        var strict = new Option<bool>("--strict") { Description = "Stop at the first input record without a command (exit 2, 'source:line: message') instead of writing an error record for it." };
        var maxCommand = new Option<int>("--max-command-bytes")
        {
            Description = "Cut longer commands here and mark them truncated. Counted in UTF-16 chars, the reader's unit: equal to bytes for ASCII, while a non-ASCII command may take up to 3 UTF-8 bytes per char.",
            DefaultValueFactory = _ => defaults.MaxCommandChars,
        };
        var maxLine = new Option<int>("--max-line-bytes")
        {
            Description = "JSON and audit input lines longer than this many UTF-8 bytes become error records (read without being held in memory).",
            DefaultValueFactory = _ => defaults.MaxLineBytes,
        };
        var command = new Command("predict", "Classify telemetry, one output record per input record, streaming.");
        foreach (Option o in new Option[] { modelPath, top, explain, format, input, inputFormat, field, emit, keep, strict, minProbability, maxCommand, maxLine })
            command.Options.Add(o);
        command.SetAction(parsed =>
        {
            double? threshold = parsed.GetValue(minProbability);
            if (threshold is { } t && !(t >= 0 && t <= 1)) throw new CliException($"--min-probability must lie in [0, 1]; got {t.ToString(CultureInfo.InvariantCulture)}.");
            TelemetryFormat telemetry = Enum.Parse<TelemetryFormat>(parsed.GetValue(inputFormat)!, ignoreCase: true);
            bool jsonInput = telemetry is not (TelemetryFormat.Plain or TelemetryFormat.Auditd);
            string? fieldPath = parsed.GetValue(field);
            if (fieldPath is not null && !jsonInput) throw new CliException($"--field applies to JSON inputs, not {PredictionStream.Name(telemetry)}.");
            if (fieldPath is null && telemetry == TelemetryFormat.Jsonl) throw new CliException("--input-format jsonl needs --field: the dot path of the command line in each object (e.g. --field process.command_line).");
            int maxChars = parsed.GetValue(maxCommand), maxBytes = parsed.GetValue(maxLine);
            if (maxChars < 1) throw new CliException("--max-command-bytes must be ≥ 1.");
            if (maxBytes < 1) throw new CliException("--max-line-bytes must be ≥ 1.");
            var readerOptions = new TelemetryReaderOptions { Format = telemetry, FieldPath = fieldPath, MaxCommandChars = maxChars, MaxLineBytes = maxBytes };

            OutputFormat output = Enum.Parse<OutputFormat>(parsed.GetValue(format)!, ignoreCase: true);
            EmitMode emitMode = parsed.GetValue(emit) is { } e ? Enum.Parse<EmitMode>(e, ignoreCase: true)
                : jsonInput && output != OutputFormat.Text ? EmitMode.Enriched : EmitMode.Prediction;
            string[] kept = (parsed.GetValue(keep) ?? []).SelectMany(k => k.Split(',', StringSplitOptions.TrimEntries)).ToArray();

            string? inputPath = parsed.GetValue(input);
            if (inputPath is not null && !File.Exists(inputPath)) throw new CliException($"--input: file not found: {inputPath}");
            string name = parsed.GetValue(modelPath) ?? BuiltinModels.BuiltinModels.DefaultFor(telemetry);
            LoadedModel model = EvaluateCommand.OpenModel(name);
            var options = new PredictionStreamOptions
            {
                Format = output,
                Emit = emitMode,
                InputFormat = telemetry,
                Keep = kept,
                Top = parsed.GetValue(top),
                MinProbability = threshold,
                Explain = parsed.GetValue(explain),
                Strict = parsed.GetValue(strict),
                Source = inputPath ?? "<stdin>",
            };

            TextWriter stdout = parsed.InvocationConfiguration.Output;
            // Live pipelines (tail -F | predict) need each event's output at once: from standard input every record is
            // flushed; from a file, output goes in 32 KiB blocks. On the real console, bytes go straight to the stdout
            // stream: Console.Out's writer autoflushes every write, one system call per fragment.
            bool live = inputPath is null;
            using OutputBuffer buffer = ReferenceEquals(stdout, Console.Out)
                ? OutputBuffer.ForStream(Console.OpenStandardOutput(), live)
                : OutputBuffer.ForTextWriter(stdout, live);
            string modelName = model.Info.Metadata?.Name ?? Path.GetFileName(name);
            var stream = new PredictionStream(model, modelName, options, buffer);
            if (output == OutputFormat.Text)   // JSON records name the model in each record; text lines have no room for it
                parsed.InvocationConfiguration.Error.WriteLine($"predict: model {modelName} ({PredictionJson.ModelVersion(model.Info)}, sha256 {model.Info.Sha256})");
            PredictionSummary summary;
            if (inputPath is not null)
            {
                using var file = FileErrors.Reading("", inputPath, "--input",
                    () => new FileStream(inputPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan));
                summary = stream.Run(TelemetryReader.Read(file, readerOptions));
            }
            else if (ReferenceEquals(CliApp.Input, Console.In))
            {
                // The raw byte stream: UTF-8 whatever the console's encoding, invalid bytes visible as U+FFFD.
                using Stream stdin = Console.OpenStandardInput();
                summary = stream.Run(TelemetryReader.Read(stdin, readerOptions));
            }
            else
            {
                summary = stream.Run(TelemetryReader.Read(CliApp.Input, readerOptions));
            }
            if (summary.Errors > 0)
                parsed.InvocationConfiguration.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"predict: {summary.Errors} of {summary.Records} input records held no command; each has an output record naming its line and the error (--strict stops at the first instead)."));
            return 0;
        });
        return command;
    }
}
