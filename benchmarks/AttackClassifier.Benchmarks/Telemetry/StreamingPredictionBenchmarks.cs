using AttackClassifier.Cli.Output;
using AttackClassifier.Serialization;
using AttackClassifier.Telemetry;
using BenchmarkDotNet.Attributes;

namespace AttackClassifier.Benchmarks.Telemetry;

/// <summary>
/// <c>predict</c>'s streaming loop (<see cref="PredictionStream"/>) as the CLI runs it by default: plain command lines →
/// JSONL predictions with the built-in Linux model (the library's default preset: word + char_wb 2–5-grams over normalised
/// commands), <see cref="Lines"/> lines held in memory per call, output written to <c>Stream.Null</c>. Baseline: the
/// single-threaded loop (<c>Workers = 1</c>); against it the reader thread + ordered parallel batches on every core.
/// Time is per line (OperationsPerInvoke): lines/s = 10⁹ / mean ns. <c>ATTACK_BENCH_MODEL</c> names another model file.
/// </summary>
[MemoryDiagnoser]
public class StreamingPredictionBenchmarks
{
    private const int Lines = 20_000;

    private LoadedModel _model = null!;
    private byte[] _plain = [];

    [GlobalSetup]
    public void Setup()
    {
        string? path = Environment.GetEnvironmentVariable("ATTACK_BENCH_MODEL");
        _model = string.IsNullOrEmpty(path) ? Cli.BuiltinModels.BuiltinModels.Open("builtin:linux") : ModelFile.Open(path);
        _plain = EcsEventCorpus.PlainLines(EcsEventCorpus.Commands(Lines));
        // Name and body must agree: both loops classify every line and write one record per line, the same bytes.
        using var one = new MemoryStream();
        using var all = new MemoryStream();
        PredictionSummary a = Run(1, one), b = Run(Environment.ProcessorCount, all);
        if (a.Records != Lines || b != a || !one.ToArray().AsSpan().SequenceEqual(all.ToArray()))
            throw new InvalidOperationException($"single-threaded {a}, parallel {b}: expected {Lines} records and identical output.");
    }

    private PredictionSummary Run(int workers, Stream sink)
    {
        using OutputBuffer buffer = OutputBuffer.ForStream(sink, flushEveryRecord: false);
        var stream = new PredictionStream(_model, _model.Info.Source, new PredictionStreamOptions { Format = OutputFormat.Jsonl, Workers = workers }, buffer);
        using var source = new MemoryStream(_plain, writable: false);
        return stream.Run(TelemetryReader.Read(source, new TelemetryReaderOptions()));
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Lines)]
    public long SingleThreaded() => Run(1, Stream.Null).Records;

    [Benchmark(OperationsPerInvoke = Lines)]
    public long ParallelBatches() => Run(Environment.ProcessorCount, Stream.Null).Records;
}
