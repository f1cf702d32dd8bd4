using AttackClassifier.Classification;
using AttackClassifier.Serialization;
using AttackClassifier.Telemetry;

namespace AttackClassifier.Cli.Output;

/// <summary>How <see cref="PredictionStream"/> classifies and writes.</summary>
internal sealed record PredictionStreamOptions
{
    /// <summary>The output format (default text).</summary>
    public OutputFormat Format { get; init; } = OutputFormat.Text;

    /// <summary>Enriched input events or predictions alone (JSON formats; enriched needs a JSON input).</summary>
    public EmitMode Emit { get; init; } = EmitMode.Prediction;

    /// <summary>The input format the records were read as (it decides what <see cref="Keep"/> names mean).</summary>
    public TelemetryFormat InputFormat { get; init; } = TelemetryFormat.Plain;

    /// <summary>Input fields copied into prediction records (<see cref="KeptFields"/>).</summary>
    public IReadOnlyList<string> Keep { get; init; } = [];

    /// <summary>How many classes each prediction lists (≥ 1; default 3).</summary>
    public int Top { get; init; } = 3;

    /// <summary>Abstain ("unknown") below this calibrated top probability; null: the model's threshold.</summary>
    public double? MinProbability { get; init; }

    /// <summary>Add the n-grams that pushed each prediction (TF-IDF + logistic regression models).</summary>
    public bool Explain { get; init; }

    /// <summary>Stop at the first error record (a <see cref="CliException"/> naming <see cref="Source"/> and the line)
    /// instead of writing it as an output record.</summary>
    public bool Strict { get; init; }

    /// <summary>The input's name in error messages (a path or <c>&lt;stdin&gt;</c>).</summary>
    public string Source { get; init; } = "<stdin>";
}

/// <summary>What a run of <see cref="PredictionStream.Run"/> saw.</summary>
/// <param name="Records">Input records read (= output records written, unless a strict run stopped).</param>
/// <param name="Errors">Input records that held no command (written as error records).</param>
internal readonly record struct PredictionSummary(long Records, long Errors);

/// <summary>
/// <c>predict</c>'s loop, apart from option parsing so benchmarks and tests drive it directly: telemetry records in,
/// exactly one output record per input record out, in input order — a record the reader could not use becomes an output
/// record carrying <c>error</c> and its line, never a gap. Single-threaded, streaming, and allocation-light: one output
/// buffer and JSON writer for the whole stream, input events copied through as bytes, ECS threat objects built once per
/// technique.
/// </summary>
internal sealed class PredictionStream
{
    private readonly IAttackClassifier _classifier;
    private readonly TfidfLogisticRegressionClassifier? _explainer;
    private readonly PredictionStreamOptions _options;
    private readonly OutputBuffer _output;
    private readonly IRecordWriter _writer;

    /// <exception cref="CliException">An option that does not fit the input, the output or the model.</exception>
    internal PredictionStream(LoadedModel model, string modelName, PredictionStreamOptions options, OutputBuffer output)
    {
        _classifier = model.Classifier;
        _options = options;
        _output = output;
        if (options.Top < 1) throw new CliException("--top must be ≥ 1.");
        if (options.Explain)
        {
            _explainer = model.Classifier as TfidfLogisticRegressionClassifier
                ?? throw new CliException("--explain needs a TF-IDF + logistic regression model.");
        }
        bool jsonInput = options.InputFormat is not (TelemetryFormat.Plain or TelemetryFormat.Auditd);
        if (options.Emit == EmitMode.Enriched && options.Format == OutputFormat.Text)
            throw new CliException("--emit enriched writes JSON events: use --format jsonl or ecs.");
        if (options.Emit == EmitMode.Enriched && !jsonInput)
            throw new CliException($"--emit enriched needs JSON input events; {Name(options.InputFormat)} input has none to enrich (use --emit prediction).");
        if (options.Emit == EmitMode.Enriched && options.Keep.Count > 0)
            throw new CliException("--keep applies to --emit prediction: enriched events already carry every input field.");
        IReadOnlyCollection<string> reserved = options.Format switch
        {
            OutputFormat.Jsonl => JsonRecordWriter.JsonlReserved,
            OutputFormat.Ecs => JsonRecordWriter.EcsReserved,
            _ => [],
        };
        KeptFields kept = KeptFields.Create(options.Keep, options.InputFormat, options.Format, reserved);
        _writer = options.Format == OutputFormat.Text
            ? new TextRecordWriter(output, options.Explain, kept)
            : new JsonRecordWriter(output, options.Format, options.Emit, kept, modelName, model.Info);
    }

    /// <summary>The classifier and the options the records are classified with (callers that classify a batch at once).</summary>
    internal IAttackClassifier Classifier => _classifier;

    /// <inheritdoc cref="PredictionStreamOptions"/>
    internal PredictionStreamOptions Options => _options;

    /// <summary>Writes one output record: <paramref name="record"/>'s prediction (with its evidence when asked), or its
    /// error record when <paramref name="prediction"/> is null. The record ends in the output buffer, not yet flushed.</summary>
    internal void Write(TelemetryRecord record, Prediction? prediction)
    {
        IReadOnlyList<Evidence>? evidence = prediction is not null && record.CommandLine is { } command
            ? _explainer?.Explain(command, 5, prediction.Label) : null;
        _writer.Write(record, prediction, evidence);
    }

    /// <summary>The name of an input format on the command line (<c>win4688</c>).</summary>
    internal static string Name(TelemetryFormat format) => format.ToString().ToLowerInvariant();

    /// <summary>Classifies and writes every record, then flushes the output.</summary>
    /// <exception cref="CliException">With <see cref="PredictionStreamOptions.Strict"/>: the first error record, as
    /// <c>source:line: message</c> (the records before it are written and flushed).</exception>
    internal PredictionSummary Run(IEnumerable<TelemetryRecord> records)
    {
        long count = 0, errors = 0;
        foreach (TelemetryRecord record in records)
        {
            count++;
            if (record.CommandLine is not { } command)
            {
                errors++;
                if (_options.Strict)
                {
                    _output.Flush();
                    throw new CliException($"{_options.Source}:{record.LineNumber}: {record.Error}");
                }
                Write(record, null);
                continue;
            }
            Write(record, _classifier.Predict(command, _options.Top, _options.MinProbability));
        }
        _output.Flush();
        return new PredictionSummary(count, errors);
    }
}
