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
    internal static Command Create()
    {
        var classification = new ClassificationOptions(["text", "jsonl", "ecs"],
            "Output: text (tab-separated, escaped), jsonl, or ecs (Elastic Common Schema threat.* fields).");
        var input = new Option<string?>("--input") { Description = "Read from this file instead of standard input." };
        var strict = new Option<bool>("--strict") { Description = "Stop at the first input record without a command (exit 2, 'source:line: message') instead of writing an error record for it." };
        var command = new Command("predict", "Classify telemetry, one output record per input record, streaming.");
        classification.AddTo(command);
        command.Options.Add(input);
        command.Options.Add(strict);
        command.SetAction(parsed =>
        {
            string? inputPath = parsed.GetValue(input);
            if (inputPath is not null && !File.Exists(inputPath)) throw new CliException($"--input: file not found: {inputPath}");
            (TelemetryReaderOptions readerOptions, PredictionStreamOptions resolved, LoadedModel model, string modelName) = classification.Resolve(parsed);
            PredictionStreamOptions options = resolved with { Strict = parsed.GetValue(strict), Source = inputPath ?? "<stdin>" };
            OutputFormat output = options.Format;

            TextWriter stdout = parsed.InvocationConfiguration.Output;
            // Live pipelines (tail -F | predict) need each event's output at once: from standard input every record is
            // flushed; from a file, output goes in 32 KiB blocks. On the real console, bytes go straight to the stdout
            // stream: Console.Out's writer autoflushes every write, one system call per fragment.
            bool live = inputPath is null;
            using OutputBuffer buffer = ReferenceEquals(stdout, Console.Out)
                ? OutputBuffer.ForStream(Console.OpenStandardOutput(), live)
                : OutputBuffer.ForTextWriter(stdout, live);
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
