using AttackClassifier.Cli.Output;
using AttackClassifier.Serialization;
using AttackClassifier.Telemetry;
using BenchmarkDotNet.Attributes;

namespace AttackClassifier.Benchmarks.Telemetry;

/// <summary>
/// <c>predict</c>'s streaming loop (<see cref="PredictionStream"/>) as the CLI runs it by default: plain command lines →
/// JSONL predictions with the built-in Linux model (the library's default preset: word + char_wb 2–5-grams over normalised
/// commands), <see cref="Lines"/> lines held in memory per call, output written to <c>Stream.Null</c>. Baseline: the
/// single-threaded loop (<c>Workers = 1</c>) without the cache of repeated lines; against it the reader thread + ordered
/// parallel batches on every core, without and with the cache (<see cref="PredictionCache"/>, <c>--cache-lines</c>'s default).
/// Two streams (<see cref="Stream"/>): <c>Resampled</c>, the synthetic corpus's rows in order (most lines distinct: the
/// cache's worst case), and <c>Observed</c>, lines drawn in proportion to their counts (<see cref="EcsEventCorpus.ObservedCommands"/>:
/// repeated as telemetry repeats them). Time is per line (OperationsPerInvoke): lines/s = 10⁹ / mean ns.
/// <c>ATTACK_BENCH_MODEL</c> names another model file.
/// </summary>
[MemoryDiagnoser]
public class StreamingPredictionBenchmarks
{
    private const int Lines = 20_000;

    /// <summary>Which stream of lines is classified.</summary>
    public enum LineStream { Resampled, Observed }

    [Params(LineStream.Resampled, LineStream.Observed)] public LineStream Stream;

    private LoadedModel _model = null!;
    private byte[] _plain = [];

    [GlobalSetup]
    public void Setup()
    {
        string? path = Environment.GetEnvironmentVariable("ATTACK_BENCH_MODEL");
        _model = string.IsNullOrEmpty(path) ? Cli.BuiltinModels.BuiltinModels.Open("builtin:linux") : ModelFile.Open(path);
        string[] lines = Stream == LineStream.Observed ? EcsEventCorpus.ObservedCommands(Lines) : EcsEventCorpus.Commands(Lines);
        _plain = EcsEventCorpus.PlainLines(lines);
        Console.WriteLine($"// {Stream}: {lines.Distinct(StringComparer.Ordinal).Count()} distinct of {Lines} lines");
        // Name and body must agree: every loop classifies every line and writes one record per line, the same bytes.
        using var one = new MemoryStream();
        using var all = new MemoryStream();
        using var cached = new MemoryStream();
        PredictionSummary a = Run(1, 0, one), b = Run(Environment.ProcessorCount, 0, all), c = Run(Environment.ProcessorCount, Cache, cached);
        if (a.Records != Lines || b != a || c != a || !one.ToArray().AsSpan().SequenceEqual(all.ToArray()) || !one.ToArray().AsSpan().SequenceEqual(cached.ToArray()))
            throw new InvalidOperationException($"single-threaded {a}, parallel {b}, cached {c}: expected {Lines} records and identical output.");
    }

    private static readonly int Cache = new PredictionStreamOptions().CacheCapacity;   // predict's default

    private PredictionSummary Run(int workers, int cacheLines, Stream sink)
    {
        using OutputBuffer buffer = OutputBuffer.ForStream(sink, flushEveryRecord: false);
        var options = new PredictionStreamOptions { Format = OutputFormat.Jsonl, Workers = workers, CacheCapacity = cacheLines };
        var stream = new PredictionStream(_model, _model.Info.Source, options, buffer);
        using var source = new MemoryStream(_plain, writable: false);
        return stream.Run(TelemetryReader.Read(source, new TelemetryReaderOptions()));
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Lines)]
    public long SingleThreaded() => Run(1, 0, System.IO.Stream.Null).Records;

    [Benchmark(OperationsPerInvoke = Lines)]
    public long ParallelBatches() => Run(Environment.ProcessorCount, 0, System.IO.Stream.Null).Records;

    /// <summary>As <see cref="ParallelBatches"/> with the cache of repeated lines; a fresh cache per call (per 20,000 lines).</summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public long ParallelBatchesWithCache() => Run(Environment.ProcessorCount, Cache, System.IO.Stream.Null).Records;
}
