using System.CommandLine;
using System.Globalization;
using AttackClassifier.Cli.Output;
using AttackClassifier.Serialization;
using AttackClassifier.Telemetry;

namespace AttackClassifier.Cli.Commands;

/// <summary>
/// The options that say how telemetry is read, classified and written — model, input format and field, output format,
/// emit mode, kept fields, top, threshold, explain, size limits — declared once for every command that classifies events
/// (<c>predict</c> on a file or standard input, <c>serve</c> on a NATS stream), and resolved into the reader's and the
/// writer's options with the same checks.
/// </summary>
internal sealed class ClassificationOptions
{
    internal static readonly string[] InputFormats = ["plain", "jsonl", "ecs", "sysmon", "win4688", "osquery", "auditd"];

    private readonly Option<string?> _model = new("--model")
    {
        Description = "A model file written by train, or builtin:linux / builtin:windows (default: the built-in model for the input format: windows for sysmon and win4688, linux otherwise).",
    };
    private readonly Option<int> _top = new("--top") { Description = "How many techniques to list per command.", DefaultValueFactory = _ => new PredictionStreamOptions().Top };
    private readonly Option<bool> _explain = new("--explain") { Description = "Add the n-grams that pushed the prediction most (TF-IDF + LR models)." };
    private readonly Option<string> _format;
    private readonly Option<double?> _minProbability = new("--min-probability") { Description = "Answer 'unknown' below this calibrated top probability (default: the model's threshold, chosen on validation data)." };
    private readonly Option<string> _inputFormat = new("--input-format")
    {
        Description = "plain: one command per line; jsonl: one JSON object per line, command at --field; ecs, sysmon, win4688, osquery: those events as JSON lines; auditd: raw audit log, one record per execve event.",
        DefaultValueFactory = _ => "plain",
    };
    private readonly Option<string?> _field = new("--field") { Description = "Dot path of the command line in each JSON object (required for jsonl; replaces a preset's command rule)." };
    private readonly Option<string?> _emit = new("--emit")
    {
        Description = "JSON output: enriched (the input event plus the classification; default for JSON inputs) or prediction (the prediction alone, plus --keep fields; default for plain and auditd).",
    };
    private readonly Option<string[]> _keep = new("--keep")
    {
        Description = $"Input fields to copy into prediction records, comma-separated: dot paths for JSON inputs; for auditd {string.Join(", ", KeptFields.IdentityNames)}. A missing field is written as null.",
        AllowMultipleArgumentsPerToken = true,
    };
    private readonly Option<int> _cacheLines = new("--cache-lines")
    {
        Description = $"Predictions of repeated command lines kept in memory, so each is classified once (lines over {PredictionCache.MaxCachedLength} chars are never kept; 0 turns the cache off).",
        DefaultValueFactory = _ => new PredictionStreamOptions().CacheCapacity,
    };
    private readonly Option<int> _maxCommand;
    private readonly Option<int> _maxLine;

    /// <param name="formats">The output formats the command offers; the first is the default.</param>
    /// <param name="formatDescription">The <c>--format</c> help text.</param>
    internal ClassificationOptions(string[] formats, string formatDescription)
    {
        var defaults = new TelemetryReaderOptions();
        _format = new Option<string>("--format") { Description = formatDescription, DefaultValueFactory = _ => formats[0] };
        _format.AcceptOnlyFromAmong(formats);
        _inputFormat.AcceptOnlyFromAmong(InputFormats);
        _emit.AcceptOnlyFromAmong("enriched", "prediction");
        _maxCommand = new Option<int>("--max-command-bytes")
        {
            Description = "Cut longer commands here and mark them truncated. Counted in UTF-16 chars, the reader's unit: equal to bytes for ASCII, while a non-ASCII command may take up to 3 UTF-8 bytes per char.",
            DefaultValueFactory = _ => defaults.MaxCommandChars,
        };
        _maxLine = new Option<int>("--max-line-bytes")
        {
            Description = "JSON and audit input lines longer than this many UTF-8 bytes become error records (read without being held in memory).",
            DefaultValueFactory = _ => defaults.MaxLineBytes,
        };
    }

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    internal void AddTo(Command command)
    {
        foreach (Option o in new Option[] { _model, _top, _explain, _format, _inputFormat, _field, _emit, _keep, _minProbability, _cacheLines, _maxCommand, _maxLine })
            command.Options.Add(o);
    }

    /// <summary>Checks the parsed values against each other and loads the model.</summary>
    /// <exception cref="CliException">A value out of range, or options that do not fit together.</exception>
    internal ResolvedClassification Resolve(ParseResult parsed)
    {
        double? threshold = parsed.GetValue(_minProbability);
        if (threshold is { } t && !(t >= 0 && t <= 1)) throw new CliException($"--min-probability must lie in [0, 1]; got {t.ToString(CultureInfo.InvariantCulture)}.");
        TelemetryFormat telemetry = Enum.Parse<TelemetryFormat>(parsed.GetValue(_inputFormat)!, ignoreCase: true);
        bool jsonInput = telemetry is not (TelemetryFormat.Plain or TelemetryFormat.Auditd);
        string? fieldPath = parsed.GetValue(_field);
        if (fieldPath is not null && !jsonInput) throw new CliException($"--field applies to JSON inputs, not {PredictionStream.Name(telemetry)}.");
        if (fieldPath is null && telemetry == TelemetryFormat.Jsonl) throw new CliException("--input-format jsonl needs --field: the dot path of the command line in each object (e.g. --field process.command_line).");
        int maxChars = parsed.GetValue(_maxCommand), maxBytes = parsed.GetValue(_maxLine);
        if (maxChars < 1) throw new CliException("--max-command-bytes must be ≥ 1.");
        if (maxBytes < 1) throw new CliException("--max-line-bytes must be ≥ 1.");
        int cacheLines = parsed.GetValue(_cacheLines);
        if (cacheLines < 0) throw new CliException("--cache-lines must be ≥ 0 (0 turns the cache off).");
        var readerOptions = new TelemetryReaderOptions { Format = telemetry, FieldPath = fieldPath, MaxCommandChars = maxChars, MaxLineBytes = maxBytes };

        OutputFormat output = Enum.Parse<OutputFormat>(parsed.GetValue(_format)!, ignoreCase: true);
        EmitMode emitMode = parsed.GetValue(_emit) is { } e ? Enum.Parse<EmitMode>(e, ignoreCase: true)
            : jsonInput && output != OutputFormat.Text ? EmitMode.Enriched : EmitMode.Prediction;
        string[] kept = (parsed.GetValue(_keep) ?? []).SelectMany(k => k.Split(',', StringSplitOptions.TrimEntries)).ToArray();

        string name = parsed.GetValue(_model) ?? BuiltinModels.BuiltinModels.DefaultFor(telemetry);
        LoadedModel model = EvaluateCommand.OpenModel(name);
        var streamOptions = new PredictionStreamOptions
        {
            Format = output,
            Emit = emitMode,
            InputFormat = telemetry,
            Keep = kept,
            Top = parsed.GetValue(_top),
            MinProbability = threshold,
            Explain = parsed.GetValue(_explain),
            CacheCapacity = cacheLines,
        };
        return new ResolvedClassification(readerOptions, streamOptions, model, model.Info.Metadata?.Name ?? Path.GetFileName(name));
    }
}

/// <summary>What <see cref="ClassificationOptions.Resolve"/> made of the command line.</summary>
/// <param name="Reader">How input records are read.</param>
/// <param name="Stream">How they are classified and written (the command adds its own source, strictness).</param>
/// <param name="Model">The loaded model.</param>
/// <param name="ModelName">The model's name in output records.</param>
internal sealed record ResolvedClassification(TelemetryReaderOptions Reader, PredictionStreamOptions Stream, LoadedModel Model, string ModelName);
