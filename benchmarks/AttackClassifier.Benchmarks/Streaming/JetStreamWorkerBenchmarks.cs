using System.Diagnostics;
using System.Globalization;
using AttackClassifier.Benchmarks.Telemetry;
using AttackClassifier.Cli.Commands;
using AttackClassifier.Cli.Output;
using AttackClassifier.Cli.Serve;
using AttackClassifier.Serialization;
using AttackClassifier.Streaming;
using AttackClassifier.StreamingTests;
using AttackClassifier.Telemetry;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace AttackClassifier.Benchmarks.Streaming;

/// <summary>
/// <c>serve</c>'s worker end to end on loopback: a real <c>nats-server -js</c> (file storage), <see cref="Events"/> ECS
/// events already in the input stream, and <see cref="Workers"/> workers (each its own connection, as separate processes
/// would have) draining them — fetch, read, classify with the built-in default LR model (<c>builtin:linux</c>), write ECS,
/// publish with <c>Nats-Msg-Id</c>, await the publish acknowledgements, acknowledge the inputs. Time is per event
/// (OperationsPerInvoke), so events/s = 1 s / Mean.
/// </summary>
/// <remarks>
/// The events are published in the iteration's setup, outside the measurement, so the producer does not compete for the
/// 2 cores. After the run the CPU time per event of this process (the workers) and of the server (utime + stime from
/// <c>/proc/PID/stat</c>) is printed, to say what saturates.
/// </remarks>
[Config(typeof(StreamingMonitoringConfig))]
public class JetStreamWorkerBenchmarks
{
    private const int Events = 20_000;   // a drain takes about a second: cheap enough for CI's Dry job as it is
    private static readonly StreamTopologyOptions Topology = new()
    {
        StreamName = "BENCH", InputSubject = "bench.in", OutputSubject = "bench.out", ConsumerName = "bench-workers",
    };

    [Params(1, 2)] public int Workers;

    private NatsServerProcess _server = null!;
    private NatsConnection _producer = null!;
    private NatsConnection[] _connections = [];
    private INatsJSConsumer[] _consumers = [];
    private TelemetryPayloadClassifier[] _classifiers = [];
    private byte[][] _events = [];
    private TimeSpan _serverCpu, _workerCpu;
    private long _measured, _drains;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _server = new NatsServerProcess();
        _producer = new NatsConnection(new NatsOpts { Url = _server.Url });
        _connections = new NatsConnection[Workers];
        _consumers = new INatsJSConsumer[Workers];
        _classifiers = new TelemetryPayloadClassifier[Workers];
        LoadedModel model = EvaluateCommand.OpenModel("builtin:linux");
        var classification = new ResolvedClassification(new TelemetryReaderOptions { Format = TelemetryFormat.Ecs },
            new PredictionStreamOptions { Format = OutputFormat.Ecs, Emit = EmitMode.Enriched, InputFormat = TelemetryFormat.Ecs }, model, "builtin:linux");
        for (int w = 0; w < Workers; w++)
        {
            _connections[w] = new NatsConnection(new NatsOpts { Url = _server.Url });
            _consumers[w] = await JetStreamTopology.EnsureAsync(new NatsJSContext(_connections[w]), Topology, CancellationToken.None);
            _classifiers[w] = new TelemetryPayloadClassifier(classification);
        }
        string[] commands = EcsEventCorpus.Commands(Events);
        byte[] lines = EcsEventCorpus.EcsLines(commands);
        _events = SplitLines(lines);
        if (_events.Length != Events) throw new InvalidOperationException($"{_events.Length} events; expected {Events}.");
    }

    private static byte[][] SplitLines(byte[] lines)
    {
        var events = new List<byte[]>();
        int start = 0;
        for (int i = 0; i < lines.Length; i++)
            if (lines[i] == (byte)'\n') { events.Add(lines[start..i]); start = i + 1; }
        if (start < lines.Length) events.Add(lines[start..]);
        return [.. events];
    }

    [IterationSetup]
    public void Publish() => PublishAsync().GetAwaiter().GetResult();

    private async Task PublishAsync()
    {
        var js = new NatsJSContext(_producer);
        var inFlight = new List<Task<NATS.Client.JetStream.Models.PubAckResponse>>(1024);
        foreach (byte[] e in _events)
        {
            inFlight.Add(js.PublishAsync(Topology.InputSubject, e).AsTask());
            if (inFlight.Count == 1024) { foreach (var t in inFlight) (await t).EnsureSuccess(); inFlight.Clear(); }
        }
        foreach (var t in inFlight) (await t).EnsureSuccess();
    }

    /// <summary>Starts the workers, waits until they acknowledged every event of the iteration, stops them (drained).</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public long DrainEcsEvents() => DrainAsync().GetAwaiter().GetResult();

    private async Task<long> DrainAsync()
    {
        TimeSpan serverBefore = ServerCpu(), selfBefore = Process.GetCurrentProcess().TotalProcessorTime;
        using var stop = new CancellationTokenSource();
        var workers = new ClassificationWorker[Workers];
        var runs = new Task[Workers];
        for (int w = 0; w < Workers; w++)
        {
            workers[w] = new ClassificationWorker(new NatsJSContext(_connections[w]), _consumers[w], _classifiers[w], new WorkerOptions { OutputSubject = Topology.OutputSubject });
            ClassificationWorker worker = workers[w];
            runs[w] = Task.Run(() => worker.RunAsync(stop.Token));
        }
        var deadline = Stopwatch.StartNew();
        while (workers.Sum(w => w.Stats.Processed) < Events)
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException($"{workers.Sum(w => w.Stats.Processed)} of {Events} events in 2 minutes.");
            await Task.Delay(1);
        }
        stop.Cancel();
        await Task.WhenAll(runs);
        if (_drains++ > 0)   // the first drain (BenchmarkDotNet's warm-up) also pays for the JIT: left out of the CPU figures
        {
            _serverCpu += ServerCpu() - serverBefore;
            _workerCpu += Process.GetCurrentProcess().TotalProcessorTime - selfBefore;
            _measured += Events;
        }
        return workers.Sum(w => w.Stats.Outputs);
    }

    // utime + stime of the server, fields 14 and 15 of /proc/PID/stat, in clock ticks (100 per second on Linux).
    private TimeSpan ServerCpu()
    {
        string stat = File.ReadAllText($"/proc/{_server.ProcessId}/stat");
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');   // after "pid (comm) ": field 3 is index 0
        long ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_measured > 0)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"// JetStream workers={Workers}: CPU per event: server {_serverCpu.TotalMicroseconds / _measured:F1} µs, workers' process {_workerCpu.TotalMicroseconds / _measured:F1} µs (over {_measured} events after the first drain)"));
        foreach (NatsConnection c in _connections) c.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _producer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _server.Dispose();
    }
}

/// <summary>Drains of 20,000 events (~1 s): one warm-up and five measured runs.</summary>
internal sealed class StreamingMonitoringConfig : MonitoringConfig
{
    public StreamingMonitoringConfig() : base(warmups: 1, iterations: 5) { }
}
