using AttackClassifier.Classification;
using AttackClassifier.Cli.Output;
using AttackClassifier.Benchmarks.Corpus;
using AttackClassifier.Data;
using AttackClassifier.Serialization;
using AttackClassifier.Telemetry;
using BenchmarkDotNet.Attributes;

namespace AttackClassifier.Benchmarks.Telemetry;

/// <summary>
/// <c>predict</c>'s streaming loop (<see cref="PredictionStream"/>) end to end on one core, over in-memory input and a
/// discarding output: ECS process events in → ECS documents out (the input event enriched with <c>threat.*</c> and
/// <c>attack_classifier</c>), against the baseline of plain command lines → JSONL predictions in the same run. Every
/// benchmark handles <see cref="Events"/> events per call and reports the time per event (OperationsPerInvoke), so
/// events/s = 10⁹ / mean ns. The three parts of the ECS case are also timed alone, to show where the time goes: reading
/// (<see cref="EcsReadOnly"/>), classifying (<see cref="ClassifyOnly"/>) and writing (<see cref="EcsWriteOnly"/>).
/// </summary>
/// <remarks>
/// The model: the file named by <c>ATTACK_BENCH_MODEL</c> if set (a built-in or <c>train</c>-made <c>.acm</c>), else the
/// study's TF-IDF + LR pipeline (word 1–2-grams, at most 5,000 features) trained on the shipped sample in setup, loaded
/// from its saved bytes as the CLI loads a file. The library's default pipeline adds character 2–5-grams, which makes
/// each prediction about twice as costly and takes ~20 s to train, too long for a setup that CI's Dry job repeats per
/// benchmark; pass such a model through <c>ATTACK_BENCH_MODEL</c> to measure it. Commands: <see cref="SyntheticCorpus"/>'s (seed 42).
/// </remarks>
[MemoryDiagnoser]
public class SiemPipelineBenchmarks
{
    private const int Events = 20_000;

    private LoadedModel _model = null!;
    private byte[] _plain = [], _ecs = [];
    private string[] _commands = [];
    private TelemetryRecord[] _ecsRecords = [];
    private Prediction[] _predictions = [];

    [GlobalSetup]
    public void Setup()
    {
        string? modelPath = Environment.GetEnvironmentVariable("ATTACK_BENCH_MODEL");
        if (!string.IsNullOrEmpty(modelPath))
        {
            _model = ModelFile.Open(modelPath);
        }
        else
        {
            var classifier = TfidfLogisticRegressionClassifier.Train(CommandDataset.Load(SyntheticCorpus.SourcePath).Consolidate(), TfidfLogisticRegressionOptions.Study);
            using var file = new MemoryStream();
            ModelFile.Save(classifier, file);
            file.Position = 0;
            _model = ModelFile.Open(file, "bench-study-lr.acm");
        }
        _commands = EcsEventCorpus.Commands(Events);
        _plain = EcsEventCorpus.PlainLines(_commands);
        _ecs = EcsEventCorpus.EcsLines(_commands);
        using (var source = new MemoryStream(_ecs, writable: false))
            _ecsRecords = [.. TelemetryReader.Read(source, new TelemetryReaderOptions { Format = TelemetryFormat.Ecs })];
        _predictions = [.. _ecsRecords.Select(r => _model.Classifier.Predict(r.CommandLine!))];

        // Name and body must agree: each pipeline writes one line per event and classifies every one.
        foreach ((byte[] input, TelemetryFormat format, OutputFormat output) in new[] { (_plain, TelemetryFormat.Plain, OutputFormat.Jsonl), (_ecs, TelemetryFormat.Ecs, OutputFormat.Ecs) })
        {
            using var sink = new MemoryStream();
            PredictionSummary summary = Run(input, format, output, sink);
            long lines = sink.ToArray().Count(b => b == (byte)'\n');
            if (summary.Records != Events || summary.Errors != 0 || lines != Events)
                throw new InvalidOperationException($"{format} → {output}: {summary.Records} records, {summary.Errors} errors, {lines} lines; expected {Events}, 0, {Events}.");
        }
    }

    private PredictionSummary Run(byte[] input, TelemetryFormat format, OutputFormat output, Stream sink)
    {
        var options = new PredictionStreamOptions
        {
            Format = output,
            InputFormat = format,
            Emit = format == TelemetryFormat.Plain ? EmitMode.Prediction : EmitMode.Enriched,
            Workers = 1,   // one core, as the figures in RESULTS.md (StreamingPredictionBenchmarks measures the parallel loop)
        };
        using OutputBuffer buffer = OutputBuffer.ForStream(sink, flushEveryRecord: false);
        var stream = new PredictionStream(_model, _model.Info.Source, options, buffer);
        using var source = new MemoryStream(input, writable: false);
        return stream.Run(TelemetryReader.Read(source, new TelemetryReaderOptions { Format = format }));
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public long PlainToJsonl() => Run(_plain, TelemetryFormat.Plain, OutputFormat.Jsonl, Stream.Null).Records;

    [Benchmark(OperationsPerInvoke = Events)]
    public long EcsToEcs() => Run(_ecs, TelemetryFormat.Ecs, OutputFormat.Ecs, Stream.Null).Records;

    /// <summary>The ECS reader alone: parse, preset, identity fields, detached original.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public long EcsReadOnly()
    {
        using var source = new MemoryStream(_ecs, writable: false);
        long n = 0;
        foreach (TelemetryRecord record in TelemetryReader.Read(source, new TelemetryReaderOptions { Format = TelemetryFormat.Ecs }))
            n += record.CommandLine?.Length ?? 0;
        return n;
    }

    /// <summary>The classifier alone on the same commands: <c>Predict</c> (TF-IDF row, logits, softmax, top 3, tactics).</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public double ClassifyOnly()
    {
        double sum = 0;
        foreach (string command in _commands) sum += _model.Classifier.Predict(command).Probability;
        return sum;
    }

    /// <summary>The ECS writer alone: the records and predictions of <see cref="EcsToEcs"/>, made in setup, written as
    /// enriched ECS documents.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public long EcsWriteOnly()
    {
        using OutputBuffer buffer = OutputBuffer.ForStream(Stream.Null, flushEveryRecord: false);
        var writer = new JsonRecordWriter(buffer, OutputFormat.Ecs, EmitMode.Enriched, KeptFields.Create([], TelemetryFormat.Ecs, OutputFormat.Ecs, JsonRecordWriter.EcsReserved),
                                          _model.Info.Source, _model.Info);
        for (int i = 0; i < _ecsRecords.Length; i++) writer.Write(_ecsRecords[i], _predictions[i], null);
        buffer.Flush();
        return _ecsRecords.Length;
    }
}
